import { describe, expect, it } from 'vitest';
import type { CommandAnswer } from '../../src/commands/command-answer.js';
import type { CommandContext } from '../../src/commands/command-definition.js';
import { priorityCommand } from '../../src/commands/priority/priority-command.js';
import { runCommand } from '../../src/commands/run-command.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import type { Warehouse } from '../../src/data/open-warehouse.js';
import { loadPriorityColumns } from '../../src/data/queries/value-priority-columns.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { openCachedTestWarehouse, openTestWarehouse } from '../helpers/open-test-warehouse.js';
import { tempDir } from '../helpers/temp-dir.js';
import { scored, valueWarehouse } from './value-warehouse-fixture.js';

const contextOf = (warehouse: Warehouse): CommandContext => ({
  warehouse: () => warehouse,
  now: () => new Date('2026-11-23T00:00:00Z'),
  locale: 'en',
});

async function answer(warehouse: Warehouse, text: string): Promise<string> {
  const outcome = await runCommand(priorityCommand, text, contextOf(warehouse));
  if (outcome.kind !== 'answer') throw new Error('expected an answer');
  return JSON.stringify(outcome.answer satisfies CommandAnswer);
}

const TEXTS = [
  '',
  'top 20 list',
  'zone=red',
  'route=manual list',
  'tier=Gold stage=Retention',
  'tier=gold segment=smb zone=yellow',
  'stage=Nope',
  'zone=green segment=HV 5',
  'rfm_weight=0.6 drop=0.05 top 100',
];

describe('commands/priority on columns', () => {
  it('answers the demo through the snapshot cache byte for byte as the row path answers it (list included)', async () => {
    const path = ensureDemoWarehouse('full');
    const cached = openCachedTestWarehouse(path);
    const plain = openTestWarehouse(path);
    expect(loadPriorityColumns(cached, 'the test')).not.toBeNull();
    expect(loadPriorityColumns(plain, 'the test')).toBeNull();
    for (const text of TEXTS) expect(await answer(cached, text)).toBe(await answer(plain, text));
  });

  it('answers a hand-made export (a fall, a missing input, no activity table) as the row path does', async () => {
    const fixture = valueWarehouse({
      value: [
        scored('A@x.com ', 'Gold', 0.1, 5, 5, 5, 3, 0.2, { primary_organization: 'Acme', lifecycle_stage: 'Growth' }),
        scored('c@x.com', 'Silver', 0.05, 5, 5, 5, 3, 0, { analysis_timestamp: '2026-10-01 00:00:00' }),
        scored('c@x.com', 'Silver', 0.05, 3, 3, 3, 2, 0.5, { lifecycle_stage: 'Dormant' }),
        scored('d@x.com', 'Platinum', 0.05, 4, 5, 3, 2.5, 0.3, { lifecycle_stage: 'Retention' }),
        scored('b@x.com', 'Basic', 0.01, 1, 1, 1, 1, 0.8, { lifecycle_stage: 'Dormant' }),
        { ...scored('e@x.com', 'Basic', 0.01, 1, 1, 1, 1, 0.8), recency_score: null },
      ],
    });
    try {
      const rowAnswers = [];
      for (const text of TEXTS) rowAnswers.push(await answer(fixture.warehouse, text));
      fixture.warehouse.snapshotCache = buildSnapshotCache(fixture.warehouse, tempDir('radar-priority-cols-')).cache;
      expect(loadPriorityColumns(fixture.warehouse, 'the test')).not.toBeNull();
      for (const [i, text] of TEXTS.entries()) expect(await answer(fixture.warehouse, text)).toBe(rowAnswers[i]);
    } finally {
      fixture.cleanup();
    }
  });
});
