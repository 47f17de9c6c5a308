import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandAnswer } from '../../src/commands/command-answer.js';
import { COMMANDS } from '../../src/commands/index.js';
import { formatAnswerText } from '../../src/commands/present-text.js';
import { resolveInvocation, runCommand } from '../../src/commands/run-command.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { openWarehouse, type Warehouse } from '../../src/data/open-warehouse.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { createTempDir, type TempDir } from '../helpers/temp-dir.js';

/**
 * The international demo answers every command, and its counts equal a second method written here: plain
 * TypeScript over every raw row, read with better-sqlite3 (no Radar data layer), cleaned by this file's own reading
 * of analyses.md's "Precise definitions". It also answers with the same figures as the full demo, of which it is a
 * re-spelling (international-rows.ts).
 */

const NOW = new Date('2027-01-04T10:00:00Z');

// ---- the second method -------------------------------------------------------------------------------------

/** Unicode White_Space, listed out (not \s, which differs at U+FEFF and U+0085). */
const WS = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const EDGES = new RegExp(`^${WS}+|${WS}+$`, 'gu');

function trimmed(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.replace(EDGES, '');
  return text === '' ? null : text;
}

function email(raw: unknown): string | null {
  return trimmed(raw)?.toLowerCase() ?? null;
}

function id(raw: unknown): string | null {
  if (typeof raw === 'number') return String(raw);
  return trimmed(raw);
}

function num(raw: unknown): number | null {
  if (typeof raw === 'number') return raw;
  const text = trimmed(raw);
  return text !== null && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : null;
}

/** Epoch ms, or -Infinity when the value is not a timestamp (it then ranks below every parsed one). */
function instant(raw: unknown): number {
  const text = trimmed(raw);
  if (text === null) return Number.NEGATIVE_INFINITY;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Date.parse(`${text}T00:00:00Z`);
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  const ms = m ? Date.parse(`${m[1]}T${m[2]}${m[3] ?? 'Z'}`) : Number.NaN;
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

type Row = Record<string, unknown> & { rowid: number };

function rowsOf(db: Database.Database, table: string): Row[] {
  return db.prepare(`SELECT rowid, * FROM ${table} ORDER BY rowid`).all() as Row[];
}

/** Latest row per cleaned key: the greatest instant, then the greatest rowid. */
function latestBy(rows: readonly Row[], key: (r: Row) => string | null, ts: string): Map<string, Row> {
  const latest = new Map<string, Row>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const best = latest.get(k);
    if (!best || instant(row[ts]) > instant(best[ts]) || instant(row[ts]) === instant(best[ts])) latest.set(k, row);
  }
  return latest;
}

interface SecondMethod {
  valueKeys: number;
  hv: number;
  smb: number;
  other: number;
  ranked: number;
  cohort: number;
  joined: number;
  activityKeys: number;
  investmentValid: number;
  netsuiteKeys: number;
  rawEmailSpellings: number;
  /** Customers (value rows) whose customer rows carry a full name containing 𠮷田 (U+20BB7, a surrogate pair). */
  namedYoshida: number;
}

function secondMethod(path: string): SecondMethod {
  const db = new Database(path, { readonly: true });
  try {
    const valueRows = rowsOf(db, 'customer360__customer_value_analysis');
    const value = latestBy(valueRows, (r) => email(r.primary_email), 'analysis_timestamp');
    const activity = latestBy(
      rowsOf(db, 'customer360__customer_activity_metrics'),
      (r) => email(r.primary_email),
      'activity_analysis_timestamp',
    );
    const funnel = latestBy(
      rowsOf(db, 'customer360__conversion_funnel_analysis'),
      (r) => email(r.primary_email),
      'funnel_analysis_timestamp',
    );

    let hv = 0;
    let smb = 0;
    let ranked = 0;
    for (const row of value.values()) {
      const tier = trimmed(row.customer_tier);
      const share = num(row.portfolio_contribution_pct);
      if (share !== null && (tier === 'Gold' || tier === 'Platinum') && share > 0.05) hv++;
      else if (share !== null && (tier === 'Basic' || tier === 'Bronze' || tier === 'Silver') && share <= 0.05) smb++;
      const inputs = [
        'recency_score',
        'frequency_score',
        'monetary_score',
        'customer_health_score',
        'churn_probability',
      ];
      if (inputs.every((c) => num(row[c]) !== null)) ranked++;
    }

    const composites = [...activity.values()]
      .map((r) => num(r.composite_engagement_score))
      .filter((v): v is number => v !== null);
    const mean = composites.reduce((s, v) => s + v, 0) / composites.length;
    let cohort = 0;
    let joined = 0;
    for (const [key, a] of activity) {
      const f = funnel.get(key);
      if (!f) continue;
      joined++;
      const m2s = num(f.marketing_to_sales_days);
      const s2s = num(f.sales_to_support_days);
      const composite = num(a.composite_engagement_score);
      if (m2s === null || s2s === null || composite === null) continue;
      if (m2s >= 10 && m2s <= 20 && s2s > 30 && composite > mean) cohort++;
    }

    // §1: sales by cleaned email, else through the mapping (first id type found; header row, else smallest id).
    const customers = rowsOf(db, 'customer360__customer');
    const salesEmails = new Set<string>();
    const emailsPresent = new Set<string>();
    const salesIds = new Set<string>();
    for (const c of customers) {
      const e = email(c.email);
      if (e !== null) emailsPresent.add(e);
      if (num(c.total_sales_amount) === null) continue;
      if (e !== null) salesEmails.add(e);
      const cid = id(c.customer360_id);
      if (cid !== null) salesIds.add(cid);
    }
    const mapping = rowsOf(db, 'customer360__mapping');
    const hasSales = (row: Row): boolean => {
      const e = email(row.primary_email) as string;
      if (emailsPresent.has(e)) return salesEmails.has(e);
      for (const column of ['zendesk_user_id', 'marketo_lead_id', 'stripe_customer_id']) {
        const wanted = id(row[column]);
        if (wanted === null) continue;
        const hits = mapping.filter((m) => id(m[column]) === wanted && id(m.customer360_id) !== null);
        if (hits.length === 0) continue;
        hits.sort(
          (x, y) =>
            Number(num(y.is_organization_header) === 1) - Number(num(x.is_organization_header) === 1) ||
            ((id(x.customer360_id) as string) < (id(y.customer360_id) as string) ? -1 : 1),
        );
        return salesIds.has(id(hits[0]?.customer360_id) as string);
      }
      return false;
    };
    let investmentValid = 0;
    for (const row of value.values()) {
      const inputs = ['product_adoption_rate', 'support_resolution_efficiency', 'investment_priority_score'];
      if (inputs.every((c) => num(row[c]) !== null) && hasSales(row)) investmentValid++;
    }

    const netsuiteKeys = new Set(
      rowsOf(db, 'netsuite2_customer_analytics')
        .map((r) => id(r.customer_id))
        .filter((k) => k !== null),
    ).size;
    const rawEmailSpellings = new Set(valueRows.map((r) => r.primary_email)).size;
    const yoshida = new Set(
      customers.filter((c) => String(c.full_name ?? '').includes('\u{20bb7}田')).map((c) => email(c.email)),
    );
    const namedYoshida = [...value.keys()].filter((k) => yoshida.has(k)).length;
    return {
      valueKeys: value.size,
      hv,
      smb,
      other: value.size - hv - smb,
      ranked,
      cohort,
      joined,
      activityKeys: activity.size,
      investmentValid,
      netsuiteKeys,
      rawEmailSpellings,
      namedYoshida,
    };
  } finally {
    db.close();
  }
}

// ---- Radar on the same file -------------------------------------------------------------------------------

let dir: TempDir;
let international: Warehouse;
let internationalCached: Warehouse;
let full: Warehouse;
let expected: SecondMethod;

beforeAll(() => {
  dir = createTempDir('radar-international-demo-');
  const path = ensureDemoWarehouse('international');
  international = openWarehouse(path);
  internationalCached = openWarehouse(path);
  internationalCached.snapshotCache = buildSnapshotCache(internationalCached, dir.path).cache;
  full = openWarehouse(ensureDemoWarehouse('full'));
  expected = secondMethod(path);
}, 120_000);

afterAll(() => {
  for (const w of [international, internationalCached, full]) w?.close();
  dir?.cleanup();
});

async function answer(warehouse: Warehouse, input: string): Promise<CommandAnswer> {
  const { command, text } = resolveInvocation(input, COMMANDS);
  const outcome = await runCommand(command, text, { warehouse: () => warehouse, now: () => NOW, locale: 'en' });
  if (outcome.kind !== 'answer') throw new Error(`${input} answered with help`);
  return outcome.answer;
}

// biome-ignore lint/suspicious/noExplicitAny: the test reads the structured results the JSON output exposes
type Loose = any;

describe('the international demo', () => {
  it('is international: Unicode emails in several spellings, offsets, a data date past New Year', () => {
    // The second method sees more raw spellings than customers (case and Unicode spaces), one customer each.
    expect(expected.rawEmailSpellings).toBeGreaterThan(expected.valueKeys);
    expect(expected.valueKeys).toBe(4_734);
  });

  it.each(['SQLite', 'snapshot cache'])(
    '%s: counts equal the second method for every command',
    async (path) => {
      const warehouse = path === 'SQLite' ? international : internationalCached;
      const segments: Loose = await answer(warehouse, '/value-segments');
      const groups = Object.fromEntries(segments.data.groups.map((g: Loose) => [g.group, g.n]));
      expect(groups).toEqual({ HV: expected.hv, SMB: expected.smb, Other: expected.other, All: expected.valueKeys });

      const cohort: Loose = await answer(warehouse, '/conversion-cohort');
      expect(cohort.data.cohort.size).toBe(expected.cohort);
      expect(cohort.data.cohort.selection.compositeMeanN).toBe(expected.activityKeys);
      expect(cohort.data.zones.n).toBe(expected.activityKeys);
      expect(cohort.headline).toContain(`of ${expected.joined.toLocaleString('en-US')} joined`);

      const mismatch: Loose = await answer(warehouse, '/investment-mismatch');
      expect(mismatch.data.population.rowsIn).toBe(expected.valueKeys);
      expect(mismatch.provenance.n).toBe(expected.investmentValid);

      const priority: Loose = await answer(warehouse, '/priority top 5');
      expect(priority.headline).toContain(`Across all ${expected.ranked.toLocaleString('en-US')} ranked customers`);

      const anomalies: Loose = await answer(warehouse, '/segment-anomalies');
      expect(anomalies.provenance.n).toBe(expected.netsuiteKeys);

      const doctor = formatAnswerText(await answer(warehouse, '/radar doctor'));
      expect(doctor).toContain('data date 2027-01-02 03:00 UTC');
      expect(doctor).toMatch(
        /customer360__customer_value_analysis: \d+ emails differed only by case or surrounding spaces/,
      );
    },
    120_000,
  );

  it('finds a customer by any spelling of a Cyrillic address, and by a name with an astral character', async () => {
    const card: Loose = await answer(international, '/customer ИВАН.ВОЛКОВ4@ПОЧТА.РФ\u3000');
    expect(card.title).toContain('иван.волков4@почта.рф');
    const pick = await answer(international, '/customer 𠮷田');
    expect(expected.namedYoshida).toBeGreaterThan(10);
    expect(pick.headline).toContain(`${expected.namedYoshida} customers match "𠮷田" by organisation or name`);
  });

  it('answers with the same figures as the full demo it re-spells', async () => {
    for (const input of ['/value-segments', '/conversion-cohort', '/investment-mismatch', '/segment-anomalies']) {
      const [a, b] = [await answer(international, input), await answer(full, input)];
      expect(a.headline, input).toBe(b.headline);
      expect({ ...a.provenance, dataDate: null, dataDateMs: null }, input).toEqual({
        ...b.provenance,
        dataDate: null,
        dataDateMs: null,
      });
    }
  }, 120_000);
});
