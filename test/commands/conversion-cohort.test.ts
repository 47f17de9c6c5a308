import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerSection, CommandAnswer } from '../../src/commands/command-answer.js';
import type { CommandContext } from '../../src/commands/command-definition.js';
import { conversionCohortCommand } from '../../src/commands/conversion-cohort/conversion-cohort-command.js';
import { runCommand } from '../../src/commands/run-command.js';
import { openWarehouse, type Warehouse } from '../../src/data/open-warehouse.js';
import { loadZoneInputs } from '../../src/data/queries/zone-inputs.js';
import { MissingColumnError, MissingTableError } from '../../src/data/warehouse-errors.js';
import type { TableId } from '../../src/data/warehouse-schema.js';
import { UsageError } from '../../src/errors.js';
import { COHORT_FIXTURE } from '../analysis/conversion-cohort/cohort-fixture.js';
import { createFixtureWarehouse, type FixtureOptions, type FixtureRow } from '../helpers/fixture-warehouse.js';
import { createTempDir } from '../helpers/temp-dir.js';

const LATEST = '2026-11-01 00:00:00';
const OLDER = '2026-10-01T00:00:00Z';

/** The hand-worked analysis fixture (cohort e1, e2, e12, e13) as warehouse rows, plus messy extras. */
function activityRows(): FixtureRow[] {
  const rows: FixtureRow[] = COHORT_FIXTURE.activity.map((a, i) => ({
    primary_email: i === 0 ? `  ${a.key.toUpperCase()}@X.COM ` : `${a.key}@x.com`,
    primary_organization: `Org ${a.key}`,
    activity_analysis_timestamp: LATEST,
    composite_engagement_score: a.composite,
    primary_engagement_channel: a.channel,
    customer_health_score: a.health,
    weighted_engagement_score: 50,
    zendesk_active: a.zendeskActive,
    in_marketo: a.inMarketo === null ? 'yes' : a.inMarketo,
    in_stripe: a.inStripe,
    in_zendesk: a.inZendesk,
    activity_risk_level: a.riskLevel,
    engagement_velocity: a.velocity,
    zendesk_user_id: a.key === 'e1' ? 'Z1' : null,
    marketo_lead_id: a.key === 'e2' ? 'M2' : null,
    stripe_customer_id: a.key === 'e12' ? 'S12' : null,
  }));
  // An older snapshot of e1 that would leave the cohort if it were read instead of the latest.
  rows.push({ ...(rows[0] as FixtureRow), activity_analysis_timestamp: OLDER, composite_engagement_score: 0 });
  return rows;
}

function funnelRows(): FixtureRow[] {
  return COHORT_FIXTURE.funnel.map((f) => ({
    primary_email: `${f.key}@x.com`,
    funnel_analysis_timestamp: LATEST,
    marketing_to_sales_days: f.marketingToSalesDays,
    sales_to_support_days: f.salesToSupportDays,
    primary_engagement_channel: f.channel,
    customer_tier: f.tier,
    estimated_customer_ltv: f.ltv,
  }));
}

function valueRows(): FixtureRow[] {
  return COHORT_FIXTURE.value.map((v, i) => ({
    primary_email: `${v.key}@x.com`,
    analysis_timestamp: LATEST,
    customer_tier: v.tier,
    estimated_customer_ltv: v.ltv,
    recency_score: v.recency,
    frequency_score: v.frequency,
    monetary_score: v.monetary,
    churn_probability: 0.1 * i,
    customer_health_score: 1 + 0.25 * i,
  }));
}

interface Fixture {
  readonly context: CommandContext;
  readonly warehouse: Warehouse;
  cleanup(): void;
}

let fixture: Fixture | undefined;
afterEach(() => fixture?.cleanup());

function build(tables: Partial<Record<TableId, readonly FixtureRow[]>>, options: FixtureOptions = {}): Fixture {
  const dir = createTempDir('radar-cohort-');
  const path = join(dir.path, 'warehouse.sqlite');
  createFixtureWarehouse(path, tables, options);
  const warehouse = openWarehouse(path);
  fixture = {
    warehouse,
    context: { warehouse: () => warehouse, now: () => new Date('2026-11-23T00:00:00Z'), locale: 'en' },
    cleanup: () => {
      warehouse.close();
      dir.cleanup();
    },
  };
  return fixture;
}

const fullTables = () => ({ activity: activityRows(), funnel: funnelRows(), value: valueRows() });

async function ask(text: string): Promise<CommandAnswer> {
  const outcome = await runCommand(conversionCohortCommand, text, (fixture as Fixture).context);
  if (outcome.kind !== 'answer') throw new Error('expected an answer');
  return outcome.answer;
}

function section(answer: CommandAnswer, title: string): AnswerSection | undefined {
  return answer.sections.find((s) => s.title?.startsWith(title));
}

describe('commands/conversion-cohort', () => {
  it('finds the hand-worked cohort on latest snapshots and states n, filters and the data date', async () => {
    build(fullTables());
    const answer = await ask('');
    const data = answer.data as { cohort: { kind: string; memberKeys: string[]; size: number } };
    expect(data.cohort.memberKeys).toEqual(['e1@x.com', 'e2@x.com', 'e12@x.com', 'e13@x.com']);
    expect(answer.provenance.n).toBe(4);
    expect(answer.headline).toContain('*4 customers*');
    expect(answer.provenance.filters).toContain('marketing_to_sales_days in [10, 20]');
    expect(answer.provenance.filters.join('; ')).toContain('composite_engagement_score > 8.0000 (mean over 10');
    expect(answer.provenance.dataDate).toBe('2026-11-01');
    // e3's in_marketo 'yes' is not a clean flag: counted by the reader and by the platform mix.
    expect(answer.provenance.qualityNotes.join('\n')).toContain('in_marketo: 1 value not readable as a 0/1 flag');
    expect(answer.provenance.qualityNotes.join('\n')).toContain('with a platform flag that is not a clean 0/1');
    const ltv = section(answer, 'LTV against the same tier');
    expect(ltv?.kind === 'table' && ltv.table.rows.find((r) => r[0] === 'Gold')).toEqual([
      'Gold',
      '2',
      '$20K',
      '$19K (n 4)',
      '+$1,000',
      '+5.3%',
      '+$1,000',
    ]);
    expect(section(answer, 'Zendesk active')).toMatchObject({ kind: 'text' });
    expect(answer.charts.map((c) => c.id)).toEqual(['cohort-ltv-vs-tier', 'zone-distribution', 'cohort-channels']);
    expect(answer.chartsOmitted).toBe(2);
  });

  it("keeps every customer's zones per set of thresholds: a repeat answers as the first, another set as its own", async () => {
    build(fullTables());
    const zonesOf = (answer: CommandAnswer) => JSON.stringify((answer.data as { zones: unknown }).zones);
    const allRed = await ask('red_below=60 green_above=80');
    const defaults = await ask('');
    const allRedAgain = await ask('red_below=60 green_above=80');
    expect(zonesOf(allRedAgain)).toBe(zonesOf(allRed));
    expect(JSON.stringify(allRedAgain)).toBe(JSON.stringify(allRed));
    // Every weighted engagement is 50: red by score under red_below=60, not under the default threshold.
    const counts = (answer: CommandAnswer) => (answer.data as { zones: { counts: { red: number } } }).zones.counts;
    expect(counts(allRed).red).toBeGreaterThan(counts(defaults).red);
  });

  it('places the cohort through mapping → address, and says why when nothing joins', async () => {
    build({
      ...fullTables(),
      mapping: [
        { customer360_id: 'C9', is_organization_header: 0, zendesk_user_id: 'Z1' },
        { customer360_id: 'C1', is_organization_header: 1, zendesk_user_id: 'Z1' },
        { customer360_id: 'C2', is_organization_header: 0, marketo_lead_id: 'M2' },
      ],
      address: [
        { customer360_id: 'C1', priority: 2, rank: 1, country: 'Spain', state: 'Madrid' },
        { customer360_id: 'C1', priority: 1, rank: 1, country: 'France', state: 'Paris' },
        { customer360_id: 'C9', priority: 1, rank: 1, country: 'Wrong', state: 'Wrong' },
      ],
    });
    const geo = section(await ask(''), 'Geography');
    // e1 → Z1 → C1 (header row wins over C9) → France (priority 1); e2 → C2 has no address.
    expect(geo?.kind === 'table' && geo.table.rows).toEqual([['France', '1', '100%']]);
    expect(geo?.kind === 'table' && geo.note).toContain('1 cohort customer of 4 placed');

    fixture?.cleanup();
    build({ ...fullTables(), mapping: [{ customer360_id: 'C7', stripe_customer_id: 'nope' }] });
    const none = section(await ask(''), 'Geography');
    expect(none?.kind).toBe('unavailable');
    expect(none?.kind === 'unavailable' && none.reason).toContain(
      'zendesk_user_id: 1 with an id, 0 found in the mapping; marketo_lead_id: 1 with an id, 0 found in the mapping; stripe_customer_id: 1 with an id, 0 found',
    );
  });

  it('reports every cohort bullet as not available when a filter matches nobody', async () => {
    build(fullTables());
    const answer = await ask('s2s_above=1000');
    expect(answer.headline).toContain('*No customer* passes the cohort filters');
    const rfm = section(answer, 'Recency / frequency / monetary');
    expect(rfm).toMatchObject({ kind: 'unavailable' });
    expect(rfm?.kind === 'unavailable' && rfm.reason).toContain('no customer passes all three filters');
    expect(section(answer, 'Geography')).toMatchObject({ kind: 'unavailable', reason: 'the cohort is empty' });
    expect(answer.command).toBe('/conversion-cohort s2s_above=1000');
  });

  it('says why the cohort is not available with empty activity and funnel tables, and zones fall back', async () => {
    build({ value: valueRows() });
    const answer = await ask('');
    expect(section(answer, 'Cohort size')).toMatchObject({ kind: 'unavailable' });
    const reason = (section(answer, 'Cohort size') as { reason: string }).reason;
    expect(reason).toContain('activity metrics and conversion funnel tables have no rows');
    expect(section(answer, 'Geography')).toMatchObject({ kind: 'unavailable' });
    expect(answer.headline).toContain('Zones (value-table fallback)');
    expect(answer.provenance.n).toBe(0);
    expect(answer.charts.map((c) => c.id)).toEqual(['zone-distribution']);
  });

  it('shows zones for every customer with the method, thresholds and the reds with reasons', async () => {
    build({
      activity: [
        {
          primary_email: 'a@x.com',
          activity_analysis_timestamp: LATEST,
          engagement_velocity: 'Declining',
          activity_risk_level: 'Critical',
          weighted_engagement_score: 20,
        },
        {
          primary_email: 'b@x.com',
          activity_analysis_timestamp: LATEST,
          engagement_velocity: 'Stable',
          activity_risk_level: 'High',
          weighted_engagement_score: 60,
        },
        {
          primary_email: 'd@x.com',
          activity_analysis_timestamp: LATEST,
          engagement_velocity: 'Declining',
          activity_risk_level: 'Critical',
          weighted_engagement_score: 18,
        },
        {
          primary_email: 'f@x.com',
          activity_analysis_timestamp: LATEST,
          engagement_velocity: 'Accelerating',
          activity_risk_level: 'High Activity Risk',
          weighted_engagement_score: 200,
        },
        {
          primary_email: 'g@x.com',
          activity_analysis_timestamp: LATEST,
          engagement_velocity: 'Stable',
          activity_risk_level: 'Very Low',
          weighted_engagement_score: 0,
        },
      ],
      value: valueRows(),
    });
    const answer = await ask('zones');
    // Engagement = w / 2: a = 50 (yellow), b = 70 (yellow), d = 49.8 (red), f unknown risk (red), g = 76 (green).
    const counts = section(answer, 'Zones — every customer');
    expect(counts?.kind === 'table' && counts.table.rows.map((r) => [r[0], r[1]])).toEqual([
      ['red', '2'],
      ['yellow', '2'],
      ['green', '1'],
      ['no zone', '0'],
    ]);
    const reds = section(answer, 'Red customers');
    expect(reds?.kind === 'table' && reds.table.rows.map((r) => [r[0], r[2]])).toEqual([
      ['d@x.com', '49.8'],
      ['f@x.com', '76.0'],
    ]);
    expect(reds?.kind === 'table' && reds.table.rows[1]?.[3]).toContain('High Activity Risk');
    expect(answer.provenance.qualityNotes.join('\n')).toContain('risk level "High Activity Risk" is not a known level');
    expect(answer.title).toBe('Zones — activity score');
    expect(answer.charts[0]?.id).toBe('zone-distribution');
  });

  it('loads zone inputs from activity when it has rows, else from the value table with the reason', () => {
    const withActivity = build(fullTables());
    expect(loadZoneInputs(withActivity.warehouse).inputs.method).toBe('activity');
    fixture?.cleanup();
    const empty = build({ value: valueRows() });
    const loaded = loadZoneInputs(empty.warehouse);
    expect(loaded.inputs).toMatchObject({
      method: 'value-fallback',
      activityUnavailable: { code: 'no-rows', table: 'customer360__customer_activity_metrics' },
    });
    expect(loaded.inputs.rows).toHaveLength(8);
  });

  it('names an unknown option, a bad value and an inverted range in a usage message', async () => {
    build(fullTables());
    await expect(ask('colour=red')).rejects.toThrow(UsageError);
    await expect(ask('colour=red')).rejects.toThrow(/Unknown option `colour`.*m2s_min=/s);
    await expect(ask('m2s_min=abc')).rejects.toThrow(/`m2s_min=abc` is not allowed: m2s_min takes a number of days/);
    await expect(ask('m2s_min=30')).rejects.toThrow(/`m2s_min=30` is above `m2s_max=20`/);
    await expect(ask('zones red_below=80')).rejects.toThrow(/`red_below=80` is above `green_above=70`/);
  });

  it('raises typed errors for a missing table or column', async () => {
    build({ activity: activityRows(), value: valueRows() }, { omitTables: ['funnel'] });
    await expect(ask('')).rejects.toThrow(MissingTableError);
    fixture?.cleanup();
    const activity = activityRows().map(({ composite_engagement_score: _, ...rest }) => rest);
    build({ ...fullTables(), activity }, { omitColumns: { activity: ['composite_engagement_score'] } });
    await expect(ask('')).rejects.toThrow(MissingColumnError);
  });
});
