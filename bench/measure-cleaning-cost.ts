import Database from 'better-sqlite3';
import { cleanEmail, parseInstant } from '../src/data/cleaning-rule.js';
import { cleanEmailSql, parseTimestampSql } from '../src/data/sql-cleaning.js';
import { registerCleaningFunctions } from '../src/data/sqlite-cleaning-functions.js';

/**
 * What the Unicode cleaning rule costs at a million rows (`npx tsx bench/measure-cleaning-cost.ts [rows]`): the
 * TypeScript functions alone, and the snapshot ranking statement with SQLite's built-in ASCII expressions (the
 * rule before issue 21) against the application-defined functions that now run the rule. Synthetic values: one in
 * three international (Cyrillic, CJK, Unicode spaces), a third of timestamps with offsets.
 */
const rows = Number(process.argv[2] ?? 1_000_000);
const db = new Database(':memory:');
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

function time(label: string, work: () => unknown): void {
  work(); // warm-up: JIT and page cache
  const started = performance.now();
  work();
  const ms = performance.now() - started;
  console.log(
    `${label.padEnd(58)} ${Math.round(ms).toString().padStart(6)} ms  ${((ms * 1e6) / rows).toFixed(0)} ns/row`,
  );
}

const OLD_EMAIL = `NULLIF(lower(trim(e, char(32, 9, 10, 13, 11, 12, 160))), '')`;
const OLD_TS = `(CASE WHEN typeof(ts) = 'text' AND trim(ts) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN CAST(round((julianday(trim(ts)) - 2440587.5) * 86400000.0) AS INTEGER) END)`;
const rank = (key: string, ts: string) =>
  `SELECT count(*) FROM (SELECT ROW_NUMBER() OVER (PARTITION BY ${key} ORDER BY ${ts} IS NULL, ${ts} DESC, rowid DESC) AS r FROM t WHERE ${key} IS NOT NULL) WHERE r = 1`;
/** As rankedRowsSql ranks now: key and instant computed once per row into a materialised table. */
const rankMaterialised = (key: string, ts: string) =>
  `WITH k AS MATERIALIZED (SELECT rowid AS id, ${key} AS key, ${ts} AS t FROM t) SELECT count(*) FROM (SELECT ROW_NUMBER() OVER (PARTITION BY key ORDER BY t IS NULL, t DESC, id DESC) AS r FROM k WHERE key IS NOT NULL) WHERE r = 1`;

console.log(`${rows.toLocaleString('en-US')} rows`);
time('TypeScript cleanEmail', () => emails.map(cleanEmail));
time('TypeScript parseInstant', () => stamps.map(parseInstant));
time('SQLite: ASCII lower/trim (before)', () => db.prepare(`SELECT count(DISTINCT ${OLD_EMAIL}) FROM t`).get());
time('SQLite: radar_clean_email', () => db.prepare('SELECT count(DISTINCT radar_clean_email(e)) FROM t').get());
time('SQLite: julianday (before)', () => db.prepare(`SELECT max(${OLD_TS}) FROM t`).get());
time('SQLite: radar_instant_ms', () => db.prepare('SELECT max(radar_instant_ms(ts)) FROM t').get());
time('SQLite: latest-row ranking, built-ins (before)', () => db.prepare(rank(OLD_EMAIL, OLD_TS)).get());
time('SQLite: latest-row ranking, the rule inlined', () =>
  db.prepare(rank('radar_clean_email(e)', 'radar_instant_ms(ts)')).get(),
);
time('SQLite: latest-row ranking, built-ins, materialised', () =>
  db.prepare(rankMaterialised(OLD_EMAIL, OLD_TS)).get(),
);
time('SQLite: latest-row ranking, the rule, materialised', () =>
  db.prepare(rankMaterialised('radar_clean_email(e)', 'radar_instant_ms(ts)')).get(),
);
time('SQLite: cleanEmailSql (ASCII fast path + rule)', () =>
  db.prepare(`SELECT count(DISTINCT ${cleanEmailSql('e')}) FROM t`).get(),
);
time('SQLite: latest-row ranking as shipped (rankedRowsSql)', () =>
  db.prepare(rankMaterialised(cleanEmailSql('e'), parseTimestampSql('ts'))).get(),
);
db.close();
