import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_ZONE_THRESHOLDS } from '../../src/analysis/zones/zone-thresholds.js';
import type { CommandAnswer } from '../../src/commands/command-answer.js';
import type { CommandContext } from '../../src/commands/command-definition.js';
import { COMMANDS } from '../../src/commands/index.js';
import type { RadarStateSnapshot } from '../../src/commands/radar-state.js';
import { runCommand } from '../../src/commands/run-command.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { createWarehouseProvider } from '../../src/data/warehouse-provider.js';

const provider = createWarehouseProvider(ensureDemoWarehouse('full'));
afterAll(() => provider.close());
const radar = COMMANDS.find((c) => c.slash === '/radar');
const DAY = 86_400_000;
/** The demo's data date: its latest snapshot instant. */
const DATA_DATE = Date.UTC(2026, 10, 16, 3, 0, 0);

function context(now: number, state?: RadarStateSnapshot, staleAfterMs?: number): CommandContext {
  return {
    warehouse: provider.get,
    now: () => new Date(now),
    locale: 'en',
    ...(state === undefined ? {} : { radarState: async () => state }),
    ...(staleAfterMs === undefined ? {} : { staleAfterMs }),
  };
}

async function answer(text: string, ctx: CommandContext): Promise<CommandAnswer> {
  if (radar === undefined) throw new Error('no /radar');
  const outcome = await runCommand(radar, text, ctx);
  if (outcome.kind !== 'answer') throw new Error('help instead of an answer');
  return outcome.answer;
}

const STATE: RadarStateSnapshot = {
  thresholds: { ...DEFAULT_ZONE_THRESHOLDS, redBelow: 45 },
  changedBy: 'U0ADMIN01',
  changedAt: Date.UTC(2026, 10, 20, 12),
  interventions: [],
  status: {
    version: '9.9.9',
    lastScan: '2026-11-23T10:00Z',
    nextScanMs: Date.UTC(2026, 10, 23, 11),
    lastDigest: '2026-W48',
    nextDigestMs: Date.UTC(2026, 10, 30, 9),
    alerts: { open: 3, acknowledged: 2, snoozed: 1 },
    outbox: { pending: 4, dead: 1 },
    cache: { kind: 'failed', at: Date.UTC(2026, 10, 23, 9), error: 'disk full' },
    problems: [{ problem: 'delivery', since: Date.UTC(2026, 10, 23, 9, 30), detail: '1 message gave up.' }],
    staleAfterMs: 3 * DAY,
    stateLocation: '.radar/state.sqlite',
  },
};

describe('/radar rules and /radar status (shared command code)', () => {
  it('shows the thresholds in force from Radar’s state, who set them, and customers per rule with them', async () => {
    const a = await answer('rules', context(DATA_DATE + DAY, STATE));
    expect(a.lead?.takeaway).toBe(
      'Thresholds in force: red below 45, green above 70, set by <@U0ADMIN01> on 20 Nov 2026.',
    );
    const rows = a.lead?.tables[0]?.table.rows ?? [];
    expect(rows.map((r) => r[0])).toContain('zone score below 45');
    expect(rows.map((r) => r[0])).toContain('zone score 45–70');
    // The red rows are the Stagnant rule and the score below 45, as the data says.
    const byRule = (a.data as { byRule: Record<string, number> }).byRule;
    const red = rows.filter((r) => r[1] === 'red zone').map((r) => Number((r[2] ?? '0').replace(/,/g, '')));
    expect(red.reduce((x, y) => x + y, 0)).toBe((byRule.stagnant ?? 0) + (byRule['score-below-red'] ?? 0));
  });

  it('reports Radar’s status: runs, alerts, deliveries, cache and open problems', async () => {
    const a = await answer('status', context(DATA_DATE + 2 * DAY, STATE));
    expect(a.lead?.takeaway).toBe('Radar 9.9.9 has 1 open problem; see below.');
    expect(a.lead?.tables[0]?.table.rows).toEqual([
      ['data date', '16 Nov 2026 (2 days old)'],
      ['last scan', '2026-11-23 10:00 UTC'],
      ['next scan', '2026-11-23 11:00 UTC'],
      ['last digest', 'week 2026-W48'],
      ['next digest', "30 Nov 2026, 09:00 in each manager's time zone"],
      ['alerts', '3 open, 2 acknowledged, 1 snoozed'],
      ['deliveries', '4 waiting, 1 gave up'],
      ['snapshot cache', 'failed'],
      ['state', '.radar/state.sqlite'],
    ]);
    expect(a.lead?.notes).toEqual(['Since 2026-11-23 09:30 UTC: 1 message gave up.']);
  });

  it('adds one staleness line to every answer on data older than RADAR_STALE_AFTER, and none on fresh data', async () => {
    const stale = await answer('rules', context(DATA_DATE + 10 * DAY, STATE, 3 * DAY));
    expect(stale.lead?.context.split('\n')).toEqual([
      expect.stringContaining('data as of 16 Nov 2026'),
      '⚠ The data is 10 days old (older than 3 days): the warehouse export may have stopped arriving; /radar status says more.',
    ]);
    const fresh = await answer('rules', context(DATA_DATE + 2 * DAY, STATE, 3 * DAY));
    expect(fresh.lead?.context).not.toContain('⚠');
  });

  it('refuses thresholds outside rules, and bad thresholds, with usage messages', async () => {
    await expect(answer('doctor red_below=3', context(DATA_DATE))).rejects.toMatchObject({
      code: 'usage',
      userMessage: expect.stringContaining('Thresholds go with `rules`, not with `doctor`'),
    });
    await expect(answer('rules green_above=-1', context(DATA_DATE))).rejects.toMatchObject({
      code: 'usage',
      userMessage: 'Those thresholds cannot be used: green_above must be between 0 and 100.',
    });
  });
});
