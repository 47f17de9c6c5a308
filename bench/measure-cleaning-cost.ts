import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { cleanEmail, parseInstant } from '../src/data/cleaning-rule.js';
import { cleanEmailSql, parseTimestampSql } from '../src/data/sql-cleaning.js';
import { registerCleaningFunctions } from '../src/data/sqlite-cleaning-functions.js';
import type { CleaningCostResult } from './bench-types.js';

/**
 * What the Unicode cleaning rule costs at a million rows: the TypeScript functions alone, and the snapshot ranking
 * statement with SQLite's built-in ASCII expressions (the rule before issue 21) against the application-defined
 * functions that now run the rule. Synthetic values: one in three international (Cyrillic, CJK, Unicode spaces),
 * a third of timestamps with offsets. `npm run bench` records it; `npx tsx bench/measure-cleaning-cost.ts [rows]`
 * prints it alone.
 */
export function measureCleaningCost(rows = 1_000_000): CleaningCostResult[] {
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`rows must be a positive whole number, got ${rows}`);
  const db = new Database(':memory:');
  try {
    const { emails, stamps } = fillTable(db, rows);
    const results: CleaningCostResult[] = [];
    const time = (
      step: CleaningCostResult['step'],
      variant: CleaningCostResult['variant'],
      label: string,
      work: () => unknown,
    ) => {
      work(); // warm-up: JIT and page cache
      const started = performance.now();
      work();
      const ms = performance.now() - started;
      results.push({ step, variant, label, ms, nsPerRow: (ms * 1e6) / rows });
    };
    const get = (sql: string) => () => db.prepare(sql).get();

    time('email', 'typescript', 'TypeScript cleanEmail', () => emails.map(cleanEmail));
    time('timestamp', 'typescript', 'TypeScript parseInstant', () => stamps.map(parseInstant));
    time('email', 'before', 'SQLite: ASCII lower/trim', get(`SELECT count(DISTINCT ${OLD_EMAIL}) FROM t`));
    time(
      'email',
      'alternative',
      'SQLite: radar_clean_email',
      get('SELECT count(DISTINCT radar_clean_email(e)) FROM t'),
    );
    time(
      'email',
      'after',
      'SQLite: cleanEmailSql (ASCII fast path + rule)',
      get(`SELECT count(DISTINCT ${cleanEmailSql('e')}) FROM t`),
    );
    time('timestamp', 'before', 'SQLite: julianday', get(`SELECT max(${OLD_TS}) FROM t`));
    time(
      'timestamp',
      'after',
      'SQLite: radar_instant_ms (parseTimestampSql)',
      get(`SELECT max(${parseTimestampSql('ts')}) FROM t`),
    );
    time('ranking', 'alternative', 'SQLite: latest-row ranking, built-ins inlined', get(rank(OLD_EMAIL, OLD_TS)));
    time(
      'ranking',
      'alternative',
      'SQLite: latest-row ranking, the rule inlined',
      get(rank('radar_clean_email(e)', 'radar_instant_ms(ts)')),
    );
    time(
      'ranking',
      'before',
      'SQLite: latest-row ranking, built-ins, materialised',
      get(rankMaterialised(OLD_EMAIL, OLD_TS)),
    );
    time(
      'ranking',
      'alternative',
      'SQLite: latest-row ranking, the rule, materialised',
      get(rankMaterialised('radar_clean_email(e)', 'radar_instant_ms(ts)')),
    );
    time(
      'ranking',
      'after',
      'SQLite: latest-row ranking as shipped (rankedRowsSql)',
      get(rankMaterialised(cleanEmailSql('e'), parseTimestampSql('ts'))),
    );
    return results;
  } finally {
    db.close();
  }
}

function fillTable(db: Database.Database, rows: number): { emails: string[]; stamps: string[] } {
  registerCleaningFunctions(db);
  db.exec('CREATE TABLE t (e TEXT, ts TEXT)');
  const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
  const emails: string[] = [];
  const stamps: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      // Two snapshots per customer, as a snapshot table has.
      const customer = Math.floor(i / 2);
      const e =
        i % 3 === 0
          ? `\u3000ИВАН.ВОЛКОВ${customer}@ПОЧТА.РФ\u3000`
          : i % 3 === 1
            ? ` Jane.Doe${customer}@Example.com`
            : `王芳${customer}@例子.中国`;
      const day = String((i % 28) + 1).padStart(2, '0');
      const ts =
        i % 3 === 0 ? `2024-09-${day}T10:00:00+08:00` : i % 3 === 1 ? `2024-09-${day} 10:00:00` : `2024-09-${day}`;
      emails.push(e);
      stamps.push(ts);
      insert.run(e, ts);
    }
  })();
  return { emails, stamps };
}

/** The expressions the SQL used before issue 21: ASCII-only lower case and trimming. */
const OLD_EMAIL = `NULLIF(lower(trim(e, char(32, 9, 10, 13, 11, 12, 160))), '')`;
const OLD_TS = `(CASE WHEN typeof(ts) = 'text' AND trim(ts) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN CAST(round((julianday(trim(ts)) - 2440587.5) * 86400000.0) AS INTEGER) END)`;
const rank = (key: string, ts: string) =>
  `SELECT count(*) FROM (SELECT ROW_NUMBER() OVER (PARTITION BY ${key} ORDER BY ${ts} IS NULL, ${ts} DESC, rowid DESC) AS r FROM t WHERE ${key} IS NOT NULL) WHERE r = 1`;
/** As rankedRowsSql ranks now: key and instant computed once per row into a materialised table. */
const rankMaterialised = (key: string, ts: string) =>
  `WITH k AS MATERIALIZED (SELECT rowid AS id, ${key} AS key, ${ts} AS t FROM t) SELECT count(*) FROM (SELECT ROW_NUMBER() OVER (PARTITION BY key ORDER BY t IS NULL, t DESC, id DESC) AS r FROM k WHERE key IS NOT NULL) WHERE r = 1`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  try {
    const results = measureCleaningCost(rows);
    console.log(`${rows.toLocaleString('en-US')} rows`);
    for (const r of results)
      console.log(
        `${r.label.padEnd(58)} ${Math.round(r.ms).toString().padStart(6)} ms  ${r.nsPerRow.toFixed(0)} ns/row`,
      );
  } catch (error) {
    console.error(`measure-cleaning-cost: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
