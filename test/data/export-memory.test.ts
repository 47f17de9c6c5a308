import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command-definition.js';
import { COMMANDS } from '../../src/commands/index.js';
import { runCommand } from '../../src/commands/run-command.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { answerFinished, beforeBuild, heldExportStructures } from '../../src/data/export-memory.js';
import { oncePerWarehouse } from '../../src/data/once-per-warehouse.js';
import type { Warehouse } from '../../src/data/open-warehouse.js';
import { type LoadedPriorityColumns, loadPriorityColumns } from '../../src/data/queries/value-priority-columns.js';
import { openCachedTestWarehouse } from '../helpers/open-test-warehouse.js';

const UNDER = { used: 1, budget: 2 };
const OVER = { used: 2, budget: 1 };

describe('export-memory', () => {
  it('keeps every structure while the thread is under its budget', () => {
    let builds = 0;
    const memo = oncePerWarehouse((_w: Warehouse) => ({ build: ++builds }));
    const warehouse = {} as Warehouse;
    memo(warehouse);
    answerFinished(UNDER.used, UNDER.budget);
    answerFinished(UNDER.used, UNDER.budget);
    expect(memo(warehouse)).toEqual({ build: 1 });
    expect(builds).toBe(1);
  });

  it('over the budget, releases what the finished answer did not use and keeps what it used', () => {
    let builds = 0;
    const used = oncePerWarehouse((_w: Warehouse) => ({ used: ++builds }));
    const unused = oncePerWarehouse((_w: Warehouse) => ({ unused: ++builds }));
    const warehouse = {} as Warehouse;
    used(warehouse);
    unused(warehouse);
    answerFinished(UNDER.used, UNDER.budget); // both built by this answer: kept
    used(warehouse); // the next answer uses one of them
    expect(answerFinished(OVER.used, OVER.budget)).toBeGreaterThanOrEqual(1);
    expect(builds).toBe(2);
    expect(used(warehouse)).toEqual({ used: 1 }); // still kept
    expect(unused(warehouse)).toEqual({ unused: 3 }); // released, so built again
  });

  it('over the budget, releases before a build what the answer in progress has not used yet', () => {
    let builds = 0;
    const earlier = oncePerWarehouse((_w: Warehouse) => ({ earlier: ++builds }));
    const warehouse = {} as Warehouse;
    earlier(warehouse);
    answerFinished(UNDER.used, UNDER.budget);
    expect(beforeBuild(UNDER.used, UNDER.budget)).toBe(0);
    expect(beforeBuild(OVER.used, OVER.budget)).toBeGreaterThanOrEqual(1);
    expect(earlier(warehouse)).toEqual({ earlier: 2 });
    // Used by this answer now: a second build over the budget keeps it.
    beforeBuild(OVER.used, OVER.budget);
    expect(earlier(warehouse)).toEqual({ earlier: 2 });
  });

  it('forgets the structures of a warehouse that is gone without holding it', () => {
    const memo = oncePerWarehouse((_w: Warehouse) => 1);
    const before = heldExportStructures();
    memo({} as Warehouse);
    expect(heldExportStructures()).toBe(before + 1);
    // The release holds its warehouse weakly; releasing over budget must not throw for either kind.
    answerFinished(UNDER.used, UNDER.budget);
    answerFinished(OVER.used, OVER.budget);
    expect(heldExportStructures()).toBeLessThanOrEqual(before + 1);
  });

  it('holds /priority’s value columns (also /customer’s and the scan’s) within the budget', () => {
    const warehouse = openCachedTestWarehouse(ensureDemoWarehouse('full'));
    const first = loadPriorityColumns(warehouse, 'the test') as LoadedPriorityColumns;
    answerFinished(UNDER.used, UNDER.budget);
    expect(loadPriorityColumns(warehouse, 'the test')).toBe(first);
    // An answer that used nothing, over the budget: released, and built again the same.
    answerFinished(1, 0);
    answerFinished(1, 0);
    const again = loadPriorityColumns(warehouse, 'the test') as LoadedPriorityColumns;
    expect(again).not.toBe(first);
    expect(again.input.rows).toEqual(first.input.rows);
    expect(again.input.previousRow).toEqual(first.input.previousRow);
    expect(again.customerAt(7)).toEqual(first.customerAt(7));
  });

  it('gives the same answer, byte for byte, from structures rebuilt after a release', async () => {
    const warehouse = openCachedTestWarehouse(ensureDemoWarehouse('full'));
    const context: CommandContext = {
      warehouse: () => warehouse,
      now: () => new Date('2026-12-01T00:00:00Z'),
      locale: 'en',
    };
    const invocations: [string, string][] = [
      ['/priority', ''],
      ['/value-segments', ''],
      ['/conversion-cohort', ''],
      ['/investment-mismatch', ''],
      ['/customer', 'a'],
    ];
    const answers = async () => {
      const out: string[] = [];
      for (const [slash, text] of invocations) {
        const command = COMMANDS.find((c) => c.slash === slash);
        if (!command) throw new Error(`no ${slash}`);
        out.push(JSON.stringify(await runCommand(command, text, context)));
      }
      return out;
    };
    const kept = await answers();
    // Release everything: an answer that used nothing, over any budget.
    answerFinished(1, 0);
    answerFinished(1, 0);
    const rebuilt = await answers();
    expect(rebuilt).toEqual(kept);
  });
});
