/**
 * Issue 19's engine choice, measured: one representative reduction over 1M customers — count, mean and median of
 * estimated LTV per lifecycle stage × tier (what /value-segments and /investment-mismatch do per group) — done
 * (a) on typed columns in JavaScript (Float64Array + dictionary codes, as the Arrow snapshot cache reads them) and
 * (b) in DuckDB (@duckdb/node-api, in-process), where the rows must first be appended (its SQLite extension cannot
 * be downloaded here, so data enters through Radar's readers). Run: `npx tsx bench/compare-engines.ts [rows]`.
 */
import { DuckDBInstance } from '@duckdb/node-api';

const rows = Number(process.argv[2] ?? 1_000_000);
const STAGES = ['Onboarding', 'Growth', 'Mature', 'At Risk', 'Churned'];
const TIERS = ['Basic', 'Silver', 'Gold', 'Platinum'];

function synthetic(n: number) {
  const stage = new Int32Array(n);
  const tier = new Int32Array(n);
  const ltv = new Float64Array(n);
  let seed = 20_261_207;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let r = 0; r < n; r++) {
    stage[r] = Math.floor(next() * STAGES.length);
    tier[r] = next() < 0.03 ? -1 : Math.floor(next() * TIERS.length);
    ltv[r] = next() < 0.05 ? Number.NaN : Math.round(next() * 50_000 * 100) / 100;
  }
  return { stage, tier, ltv };
}

interface Group {
  readonly stage: string;
  readonly tier: string | null;
  readonly n: number;
  readonly mean: number;
  readonly median: number;
}

function reduceColumns(c: ReturnType<typeof synthetic>): Group[] {
  const width = TIERS.length + 1;
  const values: number[][] = Array.from({ length: STAGES.length * width }, () => []);
  for (let r = 0; r < c.ltv.length; r++) {
    const v = c.ltv[r] as number;
    if (Number.isNaN(v)) continue;
    (values[(c.stage[r] as number) * width + (c.tier[r] as number) + 1] as number[]).push(v);
  }
  const out: Group[] = [];
  values.forEach((list, g) => {
    if (list.length === 0) return;
    const sorted = Float64Array.from(list).sort();
    const mid = sorted.length >> 1;
    const median =
      sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
    let sum = 0;
    for (const v of sorted) sum += v;
    const t = (g % width) - 1;
    out.push({
      stage: STAGES[Math.floor(g / width)] as string,
      tier: t < 0 ? null : (TIERS[t] as string),
      n: sorted.length,
      mean: sum / sorted.length,
      median,
    });
  });
  return out;
}

async function reduceDuckDb(
  c: ReturnType<typeof synthetic>,
): Promise<{ groups: Group[]; ingestMs: number; queryMs: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run('CREATE TABLE v (stage VARCHAR, tier VARCHAR, ltv DOUBLE)');
  let started = performance.now();
  const appender = await connection.createAppender('v');
  for (let r = 0; r < c.ltv.length; r++) {
    appender.appendVarchar(STAGES[c.stage[r] as number] as string);
    const t = c.tier[r] as number;
    if (t < 0) appender.appendNull();
    else appender.appendVarchar(TIERS[t] as string);
    const v = c.ltv[r] as number;
    if (Number.isNaN(v)) appender.appendNull();
    else appender.appendDouble(v);
    appender.endRow();
  }
  appender.closeSync();
  const ingestMs = performance.now() - started;
  started = performance.now();
  const result = await connection.runAndReadAll(
    'SELECT stage, tier, count(ltv) AS n, avg(ltv) AS mean, median(ltv) AS median FROM v WHERE ltv IS NOT NULL GROUP BY ALL',
  );
  const groups = result.getRowObjects().map((row) => ({
    stage: row.stage as string,
    tier: row.tier as string | null,
    n: Number(row.n),
    mean: row.mean as number,
    median: row.median as number,
  }));
  const queryMs = performance.now() - started;
  connection.closeSync();
  return { groups, ingestMs, queryMs };
}

const columns = synthetic(rows);
const rss0 = process.memoryUsage().rss;
let t = performance.now();
const js = reduceColumns(columns);
const jsMs = performance.now() - t;
const rss1 = process.memoryUsage().rss;
t = performance.now();
const duck = await reduceDuckDb(columns);
const duckMs = performance.now() - t;
const rss2 = process.memoryUsage().rss;
const key = (g: Group) => `${g.stage}/${g.tier}`;
const byKey = new Map(duck.groups.map((g) => [key(g), g]));
const agree = js.every((g) => {
  const d = byKey.get(key(g));
  return d !== undefined && d.n === g.n && Math.abs(d.mean - g.mean) < 1e-6 && Math.abs(d.median - g.median) < 1e-6;
});
console.log(
  JSON.stringify({
    rows,
    groups: js.length,
    agree,
    typedColumnsMs: Math.round(jsMs),
    duckdbTotalMs: Math.round(duckMs),
    duckdbIngestMs: Math.round(duck.ingestMs),
    duckdbQueryMs: Math.round(duck.queryMs),
    rssGrowthTypedMb: Math.round((rss1 - rss0) / 2 ** 20),
    rssGrowthDuckdbMb: Math.round((rss2 - rss1) / 2 ** 20),
  }),
);
