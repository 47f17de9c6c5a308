import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDoctorAnswer } from '../../src/commands/doctor.js';
import { COMMANDS } from '../../src/commands/index.js';
import { formatAnswerText } from '../../src/commands/present-text.js';
import { openWarehouse } from '../../src/data/open-warehouse.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { TABLE_IDS } from '../../src/data/warehouse-schema.js';
import { createFixtureWarehouse } from '../helpers/fixture-warehouse.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Only the value table, three rows for two customers (one row without a key): hand-countable. */
function valueOnlyWarehouse() {
  const dir = mkdtempSync(join(tmpdir(), 'radar-doctor-'));
  const path = join(dir, 'w.sqlite');
  createFixtureWarehouse(
    path,
    {
      value: [
        { primary_email: 'a@x.com', analysis_timestamp: '2026-11-01', customer_tier: 'Gold' },
        { primary_email: 'A@x.com ', analysis_timestamp: '2026-11-08', customer_tier: 'Gold' },
        { primary_email: null, analysis_timestamp: '2026-11-08', customer_tier: 'Silver' },
      ],
    },
    { omitTables: TABLE_IDS.filter((id) => id !== 'value') },
  );
  const warehouse = openWarehouse(path);
  cleanups.push(() => {
    warehouse.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { warehouse, dir };
}

describe('/radar doctor', () => {
  it('counts tables, keys and duplication by hand, and names the commands that cannot run and why', () => {
    const { warehouse } = valueOnlyWarehouse();
    const answer = buildDoctorAnswer(warehouse, COMMANDS);
    expect(answer.headline).toMatch(/^1 of 7 tables present; data date \*2026-11-08\*\. \d+ commands cannot run: /);
    const text = formatAnswerText(answer);
    // 3 rows; 2 keyed rows on 1 cleaned email (a@x.com twice), so 1 key, 1 key on several rows (max 2).
    expect(text).toMatch(/customer360__customer_value_analysis\s+3\s+\d+\/\d+\s+1\s+1 \(max 2\)\s+2026-11-08/);
    expect(text).toContain('1 row without a key');
    expect(text).toMatch(/\/segment-anomalies\s+no\s+table netsuite2_customer_analytics is missing/);
  });

  it('says whether the snapshot cache is built, and how to build it when not', () => {
    const { warehouse, dir } = valueOnlyWarehouse();
    expect(formatAnswerText(buildDoctorAnswer(warehouse, COMMANDS))).toContain(
      'Snapshot cache: not built for this export yet, so commands read the warehouse directly',
    );
    warehouse.snapshotCache = buildSnapshotCache(
      warehouse,
      join(dir, 'cache'),
      () => new Date('2026-12-06T12:40:00Z'),
    ).cache;
    expect(formatAnswerText(buildDoctorAnswer(warehouse, COMMANDS))).toMatch(
      /Snapshot cache: ready \(built 2026-12-06 12:40 UTC in \d+\.\d s\)/,
    );
  });
});
