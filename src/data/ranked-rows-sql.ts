import { quoteIdentifier } from './inspect-schema.js';
import { cleanEmailSql, cleanIdSql, numericSql, parseTimestampSql } from './sql-cleaning.js';
import { SQL_CLEAN_LABEL } from './sqlite-cleaning-functions.js';
import type { ColumnKind, SnapshotRule, TableDefinition } from './warehouse-schema.js';

/**
 * `latest`: one row per key, the latest parsed snapshot (ties: higher numeric tie-break,
 * then higher rowid). `previous`: the latest two rows per key, `snapshotRank` 1 and 2.
 * `all`: every row that has a key, each still ranked within its key.
 */
export type SnapshotMode = 'latest' | 'previous' | 'all';

/**
 * The statement behind every table read: `_rowid, _rank, <columns>` in rowid order, keys and timestamps cleaned in
 * SQL so de-duplication happens in the database. Tables without snapshots return every row with rank 1.
 */
export function rankedRowsSql(
  definition: TableDefinition,
  tableName: string,
  columns: readonly string[],
  mode: SnapshotMode,
): string {
  const selectList = cleanedColumnsSql(definition, columns);
  const table = quoteIdentifier(tableName);
  const snapshot = definition.snapshot;
  if (!snapshot) return `SELECT rowid AS _rowid, 1 AS _rank, ${selectList} FROM ${table} ORDER BY rowid`;
  const limit = mode === 'latest' ? 'WHERE _rank = 1' : mode === 'previous' ? 'WHERE _rank <= 2' : '';
  // Rank on (key, instant, rowid) alone, then fetch the wanted rows by rowid: the window sort then moves a few
  // bytes per row instead of every selected column (at 6.4M snapshot rows, 32 s instead of 52 s in one measurement).
  // The cleaned key and instant are computed once per row into a materialised table: inlined, SQLite re-evaluates
  // the cleaning functions (JavaScript calls) for the filter, the partition and the sort, 2.4 times slower at 1M rows.
  const keyed = `keyed AS MATERIALIZED (${keyedSelect(definition, tableName, false)})`;
  return `WITH ${keyed},
    ranked AS (
      SELECT _rowid, _rank FROM (
        SELECT _rowid,
          ${RANK_OVER_KEY} AS _rank
        FROM keyed WHERE _key IS NOT NULL
      ) ${limit}
    )
    SELECT ranked._rowid, ranked._rank, ${selectList}
    FROM ranked JOIN ${table} ON ${table}.rowid = ranked._rowid ORDER BY ranked._rowid`;
}

/**
 * `radar prepare`'s one pass over a snapshot table (latest-two-per-key.ts): `_rowid, [_key,] raw key, raw timestamp
 * [, _tie]` per row, in table order and unsorted. An email key comes raw only (no `_key`): the pass cleans it with
 * the rule's own cleanEmail, as it parses the raw timestamp with parseInstant, both without a call out of SQLite per
 * row; an id key is cleaned here by cleanIdSql, whose SQLite number-to-text conversion only SQL repeats exactly.
 */
export function keyPassSql(definition: TableDefinition, tableName: string): string {
  return `SELECT rowid, ${keyPassColumns(definition).sql} FROM ${quoteIdentifier(tableName)}`;
}

/** Where keyPassColumns puts each value in a row (`rowid` at 0); -1: not selected. */
export interface KeyPassPositions {
  readonly key: number;
  readonly rawKey: number;
  readonly timestamp: number;
  readonly tie: number;
}

/**
 * keyPassSql's columns after the rowid, for a scan that selects the rowid itself (Warehouse.eachTableRow), and where
 * each value comes. A value the pass does not need is not selected rather than selected as NULL: at a million
 * customers two NULLs per row of the 6.4M-row activity and funnel tables cost ~0.25–0.3 µs per row (7 Dec).
 */
export function keyPassColumns(definition: TableDefinition): { sql: string; at: KeyPassPositions } {
  const snapshot = definition.snapshot;
  if (!snapshot) throw new Error(`${definition.name} has no snapshots`);
  const columns: string[] = [];
  const add = (expression: string) => columns.push(expression);
  const key = keyCleanedInPass(definition) ? -1 : add(keyExpression(definition, snapshot.key));
  const rawKey = add(quoteIdentifier(snapshot.key));
  const timestamp = add(quoteIdentifier(snapshot.timestamp));
  const tie = snapshot.numericTieBreak ? add(numericSql(snapshot.numericTieBreak)) : -1;
  return { sql: columns.join(', '), at: { key, rawKey, timestamp, tie } };
}

/** `<column expression> AS <column>, …`: the columns cleaned in SQL as rankedRowsSql selects them. */
export function cleanedColumnsSql(definition: TableDefinition, columns: readonly string[]): string {
  return columns
    .map((c) => `${selectExpression(c, definition.columns[c] as ColumnKind)} AS ${quoteIdentifier(c)}`)
    .join(', ');
}

/** Whether keyPassSql leaves the key to the pass to clean (emails: cleanEmail is the whole rule). */
export function keyCleanedInPass(definition: TableDefinition): boolean {
  return definition.snapshot !== undefined && definition.columns[definition.snapshot.key] === 'email';
}

/**
 * The columns of the rows whose rowids the JSON array parameter lists (ascending), in that order: each a seek by
 * rowid, nothing sorted. Emails and timestamps come raw, for the reader to clean with the rule's own cleanEmail and
 * parseInstant (rawCleaningConverter) rather than through a SQLite expression and function call per value. `_rowid`
 * first, so the reader can check every row is the one it asked for.
 */
export function rowsByRowidSql(tableName: string, columns: readonly string[]): string {
  const table = quoteIdentifier(tableName);
  return `SELECT ${table}.rowid${columns.map((c) => `, ${table}.${quoteIdentifier(c)}`).join('')}
    FROM json_each(?) AS wanted CROSS JOIN ${table} ON ${table}.rowid = wanted.value`;
}

const RANK_OVER_KEY =
  'ROW_NUMBER() OVER (PARTITION BY _key ORDER BY _ts IS NULL, _ts DESC, _tie IS NULL, _tie DESC, _rowid DESC)';

/** One pass over a snapshot table for its KeyStats (see key-stats.ts). */
export function keyStatsSql(definition: TableDefinition, tableName: string): string {
  return keyStatsOf(`base AS MATERIALIZED (${keyedSelect(definition, tableName, true)})`);
}

function keyedSelect(definition: TableDefinition, tableName: string, forStats: boolean): string {
  const snapshot = definition.snapshot;
  if (!snapshot) throw new Error(`${tableName} has no snapshots`);
  const rawTs = quoteIdentifier(snapshot.timestamp);
  // Blank = NULL or only (Unicode) whitespace: "missing"; any other value that does not parse is "unparseable".
  const blank = `(${rawTs} IS NULL OR (typeof(${rawTs}) = 'text' AND ${SQL_CLEAN_LABEL}(${rawTs}) IS NULL))`;
  const stats = forStats ? `, ${quoteIdentifier(snapshot.key)} AS _raw_key, ${blank} AS _blank_ts` : '';
  return `SELECT ${keyedColumns(definition, snapshot)}${stats} FROM ${quoteIdentifier(tableName)}`;
}

/** `_rowid, _key, _ts, _tie`: what the ranking rule compares, cleaned. */
function keyedColumns(definition: TableDefinition, snapshot: SnapshotRule): string {
  const key = keyExpression(definition, snapshot.key);
  const ts = parseTimestampSql(snapshot.timestamp);
  const tie = snapshot.numericTieBreak ? numericSql(snapshot.numericTieBreak) : 'NULL';
  return `rowid AS _rowid, ${key} AS _key, ${ts} AS _ts, ${tie} AS _tie`;
}

function keyStatsOf(base: string): string {
  return `WITH ${base},
       per_key AS (SELECT _key, COUNT(*) AS n, COUNT(DISTINCT _raw_key) AS spellings FROM base WHERE _key IS NOT NULL GROUP BY _key)
       SELECT (SELECT COUNT(*) FROM base) AS rowsInTable,
              (SELECT COUNT(*) FROM base WHERE _key IS NULL) AS rowsWithoutKey,
              (SELECT COUNT(*) FROM per_key) AS distinctKeys,
              (SELECT COUNT(*) FROM per_key WHERE n > 1) AS duplicatedKeys,
              (SELECT COALESCE(MAX(n), 0) FROM per_key) AS maxRowsPerKey,
              (SELECT COUNT(*) FROM per_key WHERE spellings > 1) AS keysMergedByCleaning,
              (SELECT COUNT(*) FROM base WHERE _ts IS NULL AND NOT _blank_ts) AS unparseableTimestamps,
              (SELECT COUNT(*) FROM base WHERE _blank_ts) AS missingTimestamps,
              (SELECT MAX(_ts) FROM base) AS dataDateMs`;
}

function selectExpression(column: string, kind: ColumnKind): string {
  if (kind === 'email') return cleanEmailSql(column);
  if (kind === 'timestamp') return parseTimestampSql(column);
  return quoteIdentifier(column);
}

function keyExpression(definition: TableDefinition, key: string): string {
  return definition.columns[key] === 'email' ? cleanEmailSql(key) : cleanIdSql(key);
}
