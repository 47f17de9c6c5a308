import { afterAll, describe, expect, it } from 'vitest';
import { loadScanInputs } from '../../src/alerts/scan-inputs.js';
import { computeZones, tallyZones } from '../../src/analysis/zones/compute-zones.js';
import { DEFAULT_ZONE_OPTIONS } from '../../src/analysis/zones/zone-rules.js';
import {
  DEFAULT_ZONE_THRESHOLDS,
  type ZoneThresholds,
  zoneOptionsWith,
} from '../../src/analysis/zones/zone-thresholds.js';
import type { CommandAnswer } from '../../src/commands/command-answer.js';
import type { AnyCommandDefinition, CommandContext } from '../../src/commands/command-definition.js';
import { createCommandPool } from '../../src/commands/command-pool.js';
import { COMMANDS } from '../../src/commands/index.js';
import { loadZones } from '../../src/commands/load-zones.js';
import { runCommand } from '../../src/commands/run-command.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { loadZoneInputs } from '../../src/data/queries/zone-inputs.js';
import { createWarehouseProvider } from '../../src/data/warehouse-provider.js';
import { UsageError } from '../../src/errors.js';

/*
 * Issue 18 lets admins move the zone thresholds; the scan zones with the thresholds in force, and so must every
 * command, or /customer says "yellow" while the alert says "red". The expected red sets are worked out by a second
 * method: tallyZones over the warehouse's zone inputs with zoneOptionsWith(thresholds).
 */
const warehousePath = ensureDemoWarehouse('full');
const provider = createWarehouseProvider(warehousePath);
const now = new Date('2026-11-23T09:00:00Z');
const plain: CommandContext = { warehouse: provider.get, now: () => now, locale: 'en' };
const TUNED: ZoneThresholds = { ...DEFAULT_ZONE_THRESHOLDS, redBelow: 45 };
const tuned: CommandContext = { ...plain, zoneThresholds: TUNED };

afterAll(() => provider.close());

const command = (slash: string): AnyCommandDefinition => {
  const found = COMMANDS.find((c) => c.slash === slash);
  if (!found) throw new Error(`no ${slash}`);
  return found;
};

async function ask(slash: string, text: string, context: CommandContext): Promise<CommandAnswer> {
  const outcome = await runCommand(command(slash), text, context);
  if (outcome.kind !== 'answer') throw new Error('expected an answer');
  return outcome.answer;
}

function redSet(thresholds: ZoneThresholds): Set<string> {
  const { inputs } = loadZoneInputs(provider.get(), 'test');
  return new Set(
    tallyZones(inputs, zoneOptionsWith(thresholds))
      .customers.filter((c) => c.zone === 'red')
      .map((c) => c.key),
  );
}

const redAt45 = redSet(TUNED);
const redAt50 = redSet(DEFAULT_ZONE_THRESHOLDS);

describe('commands zone with the thresholds in force (issue 18)', () => {
  it('the demo’s red set shrinks at red_below=45, and the scan at 45 flags exactly that set', () => {
    expect(redAt45.size).toBeGreaterThan(0);
    expect(redAt45.size).toBeLessThan(redAt50.size);
    for (const key of redAt45) expect(redAt50.has(key)).toBe(true);
    const scan = loadScanInputs(provider.get(), zoneOptionsWith(TUNED));
    expect(new Set(scan.zones.customers.filter((c) => c.zone === 'red').map((c) => c.key))).toEqual(redAt45);
  });

  it('/priority zone=red lists the ranked customers of the scan’s red set, and the defaults without state', async () => {
    const { priority } = loadScanInputs(provider.get(), zoneOptionsWith(TUNED));
    const ranked = (priority?.top(priority.n) ?? []).map((r) => r.customer.email);
    for (const [context, reds] of [
      [tuned, redAt45],
      [plain, redAt50],
    ] as const) {
      const data = (await ask('/priority', 'zone=red top 100', context)).data as {
        matched: number;
        top: { email: string; zone: string }[];
      };
      expect(data.matched).toBe(ranked.filter((email) => reds.has(email)).length);
      expect(data.top.length).toBeGreaterThan(0);
      for (const row of data.top) expect(reds.has(row.email)).toBe(true);
    }
  });

  it('loadZones keys its per-warehouse cache on the options: a change is never answered with the old zones', () => {
    const warehouse = provider.get();
    expect(loadZones(warehouse, 'test').result.counts.red).toBe(redAt50.size);
    expect(loadZones(warehouse, 'test', zoneOptionsWith(TUNED)).result.counts.red).toBe(redAt45.size);
    expect(loadZones(warehouse, 'test', DEFAULT_ZONE_OPTIONS).result.counts.red).toBe(redAt50.size);
  });

  it('the /customer card agrees with the scan: red at 50 but not at 45 reads as the tuned zone', async () => {
    const { inputs } = loadZoneInputs(provider.get(), 'test');
    const at45 = computeZones(inputs, zoneOptionsWith(TUNED));
    const moved = at45.customers.find((c) => redAt50.has(c.key) && c.zone === 'yellow');
    const stillRed = at45.customers.find((c) => c.zone === 'red');
    if (!moved || !stillRed) throw new Error('the demo should have a customer between 45 and 50 and one below 45');
    const zoneOnCard = async (email: string, context: CommandContext) =>
      ((await ask('/customer', email, context)).data as { card: { zone: { zone?: string } } }).card.zone.zone;
    expect(await zoneOnCard(moved.key, plain)).toBe('red');
    expect(await zoneOnCard(moved.key, tuned)).toBe('yellow');
    expect(await zoneOnCard(stillRed.key, tuned)).toBe('red');
    // In another language the reason names the thresholds it ran with (介于 45 与 70), not the defaults (50).
    const zh = JSON.stringify((await ask('/customer', `${moved.key} lang=zh-CN`, tuned)).sections);
    expect(zh).toContain('，介于 45 与 70 之间。');
    expect(zh).not.toContain('，介于 50 与 70 之间。');
  });

  it('/conversion-cohort zones counts the tuned red set; a typed red_below still overrides', async () => {
    const counts = async (text: string, context: CommandContext) =>
      ((await ask('/conversion-cohort', text, context)).data as { counts: { red: number } }).counts.red;
    expect(await counts('zones', tuned)).toBe(redAt45.size);
    expect(await counts('zones', plain)).toBe(redAt50.size);
    expect(await counts('zones red_below=50', tuned)).toBe(redAt50.size);
    expect(await counts('zones red_below=45', plain)).toBe(redAt45.size);
    // The answer's re-run line carries only what was typed.
    expect(JSON.stringify((await ask('/conversion-cohort', 'zones', tuned)).data)).not.toContain('red_below=');
  });

  it('judges a typed threshold against the thresholds in force, with a usage message', async () => {
    const greenAt85: CommandContext = { ...plain, zoneThresholds: { ...DEFAULT_ZONE_THRESHOLDS, greenAbove: 85 } };
    // Above the default green_above=70, but below the 85 in force: accepted.
    expect(await ask('/conversion-cohort', 'zones red_below=80', greenAt85)).toBeDefined();
    const greenAt55: CommandContext = { ...plain, zoneThresholds: { ...DEFAULT_ZONE_THRESHOLDS, greenAbove: 55 } };
    const error = await ask('/conversion-cohort', 'zones red_below=60', greenAt55).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/`red_below=60` is above `green_above=55`/);
    expect((error as Error).message).toContain('Usage: /conversion-cohort');
  });

  it('the worker pool reads the thresholds in force from the store for every command', async () => {
    let reads = 0;
    const pool = createCommandPool({
      warehousePath,
      size: 1,
      thresholdsInForce: async () => {
        reads++;
        return TUNED;
      },
    });
    try {
      const outcome = await pool.run(command('/conversion-cohort'), 'zones', plain);
      if (outcome.kind !== 'answer') throw new Error('expected an answer');
      expect((outcome.answer.data as { counts: { red: number } }).counts.red).toBe(redAt45.size);
      expect(reads).toBe(1);
    } finally {
      await pool.close();
    }
  });
});
