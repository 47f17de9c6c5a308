import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { quoteIdentifier } from '../../src/data/inspect-schema.js';
import { reduceSalesByEmail } from '../../src/data/queries/customer-sales.js';
import { keyStatsSql, rankedRowsSql } from '../../src/data/ranked-rows-sql.js';
import { keyStatsOfRow } from '../../src/data/read-table.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { readColumnValues } from '../../src/data/snapshot-cache/column-store.js';
import { CUSTOMER_LOOKUP_FOLDER } from '../../src/data/snapshot-cache/customer-lookup-index.js';
import { latestTwoPerKey } from '../../src/data/snapshot-cache/latest-two-per-key.js';
import { eachSalesByEmailInOnePass } from '../../src/data/snapshot-cache/sales-by-email-pass.js';
import { cleanEmailSql, cleanIdSql } from '../../src/data/sql-cleaning.js';
import { SQL_LOWER } from '../../src/data/sqlite-cleaning-functions.js';
import { type TableDefinition, type TableId, WAREHOUSE_TABLES } from '../../src/data/warehouse-schema.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * `radar prepare`'s one-pass reductions (hash per key in JavaScript) against the SQL statements they replace, kept
 * here as the second method: on a fixture of the messy values the cleaning rule exists for — keys spelled with case,
 * Unicode whitespace, as numbers and as text; blank, unparseable and offset timestamps; ties; code points above
 * U+FFFF against U+E000–U+FFFF (where UTF-16 order and SQLite's byte order differ).
 */
function messyExport(): string {
  const path = join(tempDir(), 'messy.sqlite');
  const db = new Database(path);
  db.exec(`
    CREATE TABLE customer360__customer_value_analysis (primary_email, analysis_timestamp,
      zendesk_user_id, marketo_lead_id, stripe_customer_id);
    INSERT INTO customer360__customer_value_analysis VALUES
      ('Jane@Acme.com', '2024-05-01 10:00:00', 'z1', NULL, 'cus_1'),
      (' jane@acme.com ', '2024-05-01T10:00:00Z', 'z1', 7, NULL),
      ('jane@acme.com', '2024-05-01T18:00:00+08:00', NULL, NULL, NULL),
      ('jane@acme.com', 'not a date', NULL, NULL, NULL),
      ('ZOË@x.org', '2024-01-01', ' z2 ', 8.0, NULL),
      ('zoë@x.org' || char(12288), '   ', 'z2', NULL, NULL),
      ('zoë@x.org', NULL, NULL, NULL, NULL),
      (char(160) || 'bob@x.org', 20240101, 'z3', NULL, NULL),
      (42, '2024-01-01', NULL, NULL, NULL),
      (NULL, '2024-02-01', NULL, NULL, NULL),
      ('   ', '2024-03-01', NULL, NULL, NULL),
      ('${'\u{1F600}'}@x.org', '2024-01-01', 'z4', NULL, NULL),
      ('${'\uE000'}@x.org', '2024-01-01', 'z4', NULL, NULL);
    CREATE TABLE netsuite2_customer_analytics (customer_id, segmentation_date, subsidiary_id);
    INSERT INTO netsuite2_customer_analytics VALUES
      (42, '2024-01-01', 1), ('42', '2024-01-01T00:00:00Z', '2'), (42.0, '2024-01-01', NULL),
      (' 42 ', '2024-01-01T08:00:00+08:00', ' 3 '), ('x', NULL, 1), ('x', '  ', 2), ('x', 'bad', 'x'),
      ('x', '2023-12-31', 2.5), (NULL, '2024-01-01', 1), ('', '2024-01-01', 1), (char(12288), '2024-01-01', 1),
      (1.5, '2024-01-01', 1), (x'6869', '2024-01-01', 1), ('hi', '2024-01-01', 1);
    -- A covering index SQLite may scan instead of the table: the pass must not rely on rowid order.
    CREATE INDEX netsuite_by_key ON netsuite2_customer_analytics (customer_id, segmentation_date, subsidiary_id);
    CREATE TABLE customer360__customer (customer360_id, email, is_organization_header, total_sales_amount,
      full_name, organization_name);
    INSERT INTO customer360__customer VALUES
      ('b', 'Jane@Acme.com', 0, 100, 'Jane Doe', 'Acme'),
      ('a', ' jane@acme.com', 0, 200, 'JANE DOE', 'ACME'),
      ('a', 'jane@acme.com', 0, 'n/a', 'Jane Doe', NULL),
      (10, 'bob@x.org', ' 1 ', ' 300 ', NULL, 'Bob Co'),
      ('9', 'bob@x.org', 1, 400, 42, 'Bob Co'),
      ('9', 'BOB@x.org', '0', '1e3', '42', 'Bob Co'),
      (NULL, 'zoë@x.org', NULL, NULL, 'Zoë', 'Ü GmbH'),
      ('${'\u{1F600}'}', 'zoë@x.org', 0, 5, 'Zoë', 'Ü GmbH'),
      ('${'\uE000'}', 'zoë@x.org', 0, 6, NULL, NULL),
      ('c1', '${'\u{1F600}'}@x.org', 0, 1, 'Smiley', NULL),
      ('c2', '${'\uE000'}@x.org', 0, 1, 'Private', NULL),
      (' 7 ', NULL, 1, 10, 'Nobody', 'None'),
      (7.0, 'seven@x.org', 0, 1, 'Seven', NULL),
      ('36000000045', 'map@x.org', 0, 2, 'Map', 'Ping');
    CREATE TABLE customer360__mapping (customer360_id, zendesk_user_id, marketo_lead_id, stripe_customer_id);
    INSERT INTO customer360__mapping VALUES
      ('m1', 'z1', NULL, NULL), ('m1', NULL, '7', NULL), ('m2', NULL, 8, 'cus_1'), ('m3', 'z2', NULL, NULL),
      ('m4', 'z4', NULL, NULL), (NULL, 'z3', NULL, NULL), ('m5', 'zz', NULL, NULL), ('${'\uE000'}', 'z3', NULL, NULL);
  `);
  db.close();
  return path;
}

/**
 * The messy export with every table's rows stored again in key order, so rows with the same raw key follow each
 * other (the case the passes skip the cleaning and the hash for): repeated blanks, spellings and numbers included.
 */
function groupedExport(): string {
  const path = join(tempDir(), 'grouped.sqlite');
  const db = new Database(path);
  db.exec(`ATTACH '${messyExport()}' AS messy`);
  const tables: [string, string][] = [
    ['customer360__customer_value_analysis', 'primary_email'],
    ['netsuite2_customer_analytics', 'customer_id'],
    ['customer360__customer', 'email, full_name, organization_name'],
    ['customer360__mapping', 'customer360_id'],
  ];
  for (const [table, key] of tables) {
    db.exec(`CREATE TABLE ${table} AS SELECT * FROM messy.${table} ORDER BY ${key}`);
    db.exec(`INSERT INTO ${table} SELECT * FROM messy.${table} ORDER BY ${key}`);
  }
  db.exec(`INSERT INTO customer360__customer_value_analysis (primary_email, analysis_timestamp)
      VALUES ('   ', '2024-04-01'), ('   ', '2024-04-02'), ('JANE@acme.com', '2024-06-01'), ('JANE@acme.com', NULL);
    INSERT INTO customer360__customer (customer360_id, email, is_organization_header, total_sales_amount)
      VALUES ('z', '   ', 1, 5), ('z', '   ', 1, 5), ('0', 'BOB@x.org', 1, 7), ('0', 'BOB@x.org', 1, 8);`);
  db.close();
  return path;
}

describe('data/snapshot-cache one-pass reductions', () => {
  it('gives the SQL statements’ answers when a key’s rows follow each other (the repeated-key shortcut)', () => {
    const path = groupedExport();
    const warehouse = openTestWarehouse(path);
    for (const tableId of ['value', 'netsuite'] as TableId[]) {
      const definition: TableDefinition = WAREHOUSE_TABLES[tableId];
      const key = definition.snapshot?.key as string;
      const fromSql = warehouse.rawRows(rankedRowsSql(definition, definition.name, [key], 'previous'));
      const onePass = latestTwoPerKey(warehouse, definition, definition.name);
      expect(Array.from(onePass.rowids, (rowid, i) => [rowid, onePass.ranks[i]])).toEqual(
        fromSql.map((row) => [row[0], row[1]]),
      );
      expect(onePass.keyStats).toEqual(keyStatsOfRow(warehouse.firstRow(keyStatsSql(definition, definition.name))));
    }
    const visited: [string, number | null][] = [];
    const summary = eachSalesByEmailInOnePass(warehouse, 'customer360__customer', (email, sales) => {
      visited.push([email, sales]);
    });
    const { sales, ...summaryFromSql } = reduceSalesByEmail(warehouse);
    expect(visited).toEqual([...sales.entries()]);
    expect(summary).toEqual(summaryFromSql);
    // By hand: bob's header rows with sales are ids '10', '9' (each twice) and the two new '0' rows; the smallest
    // id is '0', and of its two rows the first by rowid (7).
    expect(sales.get('bob@x.org')).toBe(7);
    const directory = join(buildSnapshotCache(warehouse, tempDir()).cache.directory, CUSTOMER_LOOKUP_FOLDER);
    const column = (base: string) => readColumnValues(directory, base, 'string');
    expect(column('id-key').map((id, i) => [id, column('id-email')[i]])).toEqual(warehouse.rawRows(idPairsSql()));
  });

  for (const tableId of ['value', 'netsuite'] as TableId[]) {
    it(`ranks ${tableId} and counts its key statistics as rankedRowsSql and keyStatsSql do`, () => {
      const warehouse = openTestWarehouse(messyExport());
      const definition: TableDefinition = WAREHOUSE_TABLES[tableId];
      const name = definition.name;
      const key = definition.snapshot?.key as string;
      const fromSql = warehouse.rawRows(rankedRowsSql(definition, name, [key], 'previous'));
      const onePass = latestTwoPerKey(warehouse, definition, name);
      const pairs = Array.from(onePass.rowids, (rowid, i) => [rowid, onePass.ranks[i]]);
      expect(pairs).toEqual(fromSql.map((row) => [row[0], row[1]]));
      const statsFromSql = keyStatsOfRow(warehouse.firstRow(keyStatsSql(definition, name)));
      expect(onePass.keyStats).toEqual(statsFromSql);
      // The fixture exercises what it is for.
      expect(statsFromSql.keysMergedByCleaning).toBeGreaterThan(0);
      expect(statsFromSql.rowsWithoutKey).toBeGreaterThan(0);
      expect(statsFromSql.missingTimestamps).toBeGreaterThan(0);
      expect(statsFromSql.unparseableTimestamps).toBeGreaterThan(0);
    });
  }

  it('ranks netsuite by hand: the instant, then the numeric tie-break, then the higher rowid', () => {
    const warehouse = openTestWarehouse(messyExport());
    const { rowids, ranks, keyStats } = latestTwoPerKey(
      warehouse,
      WAREHOUSE_TABLES.netsuite,
      'netsuite2_customer_analytics',
    );
    const ranked = new Map(Array.from(rowids, (rowid, i) => [rowid, ranks[i]]));
    // Key '42' (rows 1–4, all the same instant): tie-breaks 1, 2, NULL, 3 → row 4 first, row 2 second.
    expect([ranked.get(4), ranked.get(2), ranked.get(1), ranked.get(3)]).toEqual([1, 2, undefined, undefined]);
    // Key 'x': only row 8 parses (2023-12-31); then NULL instants by tie-break: row 6 (2) before row 5 (1).
    expect([ranked.get(8), ranked.get(6)]).toEqual([1, 2]);
    // 42 and 42.0 (one value), '42' and ' 42 ' are three spellings of one key, the blob x'6869' and 'hi' two of another; 'x' has
    // one. NULL, '' and U+3000 have no key.
    expect(keyStats).toMatchObject({ rowsWithoutKey: 3, keysMergedByCleaning: 2, missingTimestamps: 2 });
  });

  it('reduces sales per email to the rows, order and figures reduceSalesByEmail gives', () => {
    const warehouse = openTestWarehouse(messyExport());
    const visited: [string, number | null][] = [];
    const summary = eachSalesByEmailInOnePass(warehouse, 'customer360__customer', (email, sales) => {
      visited.push([email, sales]);
    });
    const fromSql = reduceSalesByEmail(warehouse);
    expect(visited).toEqual([...fromSql.sales.entries()]);
    const { sales: _, ...summaryFromSql } = fromSql;
    expect(summary).toEqual(summaryFromSql);
    // By hand: bob's rows with numeric sales all; the header rows are 4 (' 1 ') and 5 (1): smallest id text '10'.
    expect(fromSql.sales.get('bob@x.org')).toBe(300);
    // zoë: the NULL-sales row loses; ids U+1F600 and U+E000 tie otherwise, and U+E000 is first by code point.
    expect(fromSql.sales.get('zoë@x.org')).toBe(6);
    expect(visited.map(([email]) => email).slice(-2)).toEqual(['\uE000@x.org', '\u{1F600}@x.org']);
  });

  it('writes the /customer index the SQL statements it replaced wrote: id pairs sorted, name tuples by first row', () => {
    const path = messyExport();
    const warehouse = openTestWarehouse(path);
    const directory = join(buildSnapshotCache(warehouse, tempDir()).cache.directory, CUSTOMER_LOOKUP_FOLDER);
    const column = (base: string) => readColumnValues(directory, base, 'string');
    const idPairs = column('id-key').map((id, i) => [id, column('id-email')[i]]);
    expect(idPairs).toEqual(warehouse.rawRows(idPairsSql()));
    expect(idPairs).toContainEqual(['m1', 'jane@acme.com']);
    expect(idPairs).toContainEqual(['\uE000', 'bob@x.org']);
    const names = column('name').map((name, i) => [name, column('organization')[i], column('name-email')[i]]);
    const seen = new Set<string>();
    const tuplesFromSql = warehouse
      .rawRows(nameTuplesSql())
      .map(([n, o, e]) => [n === null ? '' : String(n), o === null ? '' : String(o), e])
      .filter((tuple) => !seen.has(tuple.join('\u0000')) && seen.add(tuple.join('\u0000')));
    expect(names).toEqual(tuplesFromSql);
    expect(names[0]).toEqual(['jane doe', 'acme', 'jane@acme.com']);
  });
});

/** The id pairs as SQLite unions, de-duplicates and sorts them (format 5's statement). */
function idPairsSql(): string {
  const sources = ['zendesk_user_id', 'marketo_lead_id', 'stripe_customer_id'];
  const cleaned = sources.map((c, i) => `${cleanIdSql(c)} AS s${i}`).join(', ');
  return `WITH m AS MATERIALIZED (SELECT * FROM (SELECT ${cleanIdSql('customer360_id')} AS id, ${cleaned}
      FROM customer360__mapping) WHERE id IS NOT NULL),
    v AS MATERIALIZED (SELECT * FROM (SELECT ${cleanEmailSql('primary_email')} AS e, ${cleaned}
      FROM customer360__customer_value_analysis) WHERE e IS NOT NULL)
    SELECT id, e FROM (SELECT ${cleanIdSql('customer360_id')} AS id, ${cleanEmailSql('email')} AS e
      FROM customer360__customer) WHERE id IS NOT NULL AND e IS NOT NULL
    ${sources.map((_, i) => `UNION SELECT m.id, v.e FROM v JOIN m ON m.s${i} = v.s${i}`).join(' ')}
    ORDER BY 1, 2`;
}

/** The name tuples as SQLite grouped them, by their first row (format 5's statement). */
function nameTuplesSql(): string {
  const lower = (c: string) =>
    `(CASE WHEN typeof(${c}) = 'text' AND ${c} NOT GLOB '*[^ -~]*' THEN lower(${c}) ELSE ${SQL_LOWER}(${c}) END)`;
  return `SELECT n, o, e FROM (SELECT ${lower('full_name')} AS n, ${lower('organization_name')} AS o,
      ${cleanEmailSql('email')} AS e, rowid AS r FROM ${quoteIdentifier('customer360__customer')})
    WHERE e IS NOT NULL AND NOT (n IS NULL AND o IS NULL) GROUP BY n, o, e ORDER BY MIN(r)`;
}
