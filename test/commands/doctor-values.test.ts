import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { conversionCohortCommand } from '../../src/commands/conversion-cohort/conversion-cohort-command.js';
import { buildDoctorAnswer, type CommandReadiness } from '../../src/commands/doctor.js';
import { COMMANDS } from '../../src/commands/index.js';
import { runCommand } from '../../src/commands/run-command.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { openWarehouse, type Warehouse } from '../../src/data/open-warehouse.js';
import { TABLE_IDS } from '../../src/data/warehouse-schema.js';
import { createFixtureWarehouse } from '../helpers/fixture-warehouse.js';
import { tempDir } from '../helpers/temp-dir.js';

const open: Warehouse[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});

function readiness(warehouse: Warehouse, slash: string): CommandReadiness | undefined {
  const answer = buildDoctorAnswer(warehouse, COMMANDS);
  return (answer.data as { readiness: CommandReadiness[] }).readiness.find((r) => r.slash === slash);
}

describe('/radar doctor judges from values, not declared types', () => {
  it('says /priority cannot run when every number in the value table is text', () => {
    const path = join(tempDir(), 'text-numbers.sqlite');
    const row = (email: string) => ({
      primary_email: email,
      analysis_timestamp: '2026-11-08',
      customer_tier: 'Gold',
      recency_score: 'high',
      frequency_score: 'n/a',
      monetary_score: 'unknown',
      customer_health_score: 'good',
      churn_probability: 'low',
      portfolio_contribution_pct: 'some',
      estimated_customer_ltv: 'large',
    });
    createFixtureWarehouse(
      path,
      { value: [row('a@x.com'), row('b@x.com')] },
      {
        omitTables: TABLE_IDS.filter((id) => id !== 'value'),
      },
    );
    const warehouse = openWarehouse(path);
    open.push(warehouse);
    const priority = readiness(warehouse, '/priority');
    expect(priority?.runnable).toBe('no');
    expect(priority?.reasons.join('; ')).toMatch(/has no numbers in .*recency_score.*churn_probability/);
    expect(buildDoctorAnswer(warehouse, COMMANDS).headline).not.toContain('Every command can run');
  });

  it('does not block /conversion-cohort on a value table without customer_health_score, and the command runs', async () => {
    const path = join(tempDir(), 'no-health.sqlite');
    copyFileSync(ensureDemoWarehouse('full'), path);
    const db = new Database(path);
    db.exec('ALTER TABLE customer360__customer_value_analysis DROP COLUMN customer_health_score');
    db.close();
    const warehouse = openWarehouse(path);
    open.push(warehouse);
    expect(readiness(warehouse, '/conversion-cohort')?.runnable).not.toBe('no');
    const outcome = await runCommand(conversionCohortCommand, '', {
      warehouse: () => warehouse,
      now: () => new Date(),
      locale: 'en',
    });
    expect(outcome.kind).toBe('answer');
  });
});
