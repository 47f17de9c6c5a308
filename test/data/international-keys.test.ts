import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { compareCodePoints } from '../../src/analysis/code-point-order.js';
import { rankingOrder } from '../../src/analysis/priority/priority-ranking-order.js';
import { buildDoctorAnswer } from '../../src/commands/doctor.js';
import { COMMANDS } from '../../src/commands/index.js';
import { formatAnswerText } from '../../src/commands/present-text.js';
import { toId } from '../../src/data/clean-values.js';
import { cleanEmail, cleanLabel, isUnicodeWhitespace, parseInstant } from '../../src/data/cleaning-rule.js';
import { inspectWarehouse } from '../../src/data/inspect-warehouse.js';
import { openWarehouse, type Warehouse } from '../../src/data/open-warehouse.js';
import { lookupHints } from '../../src/data/queries/customer-lookup.js';
import { loadSalesByEmail } from '../../src/data/queries/customer-sales.js';
import { readTable } from '../../src/data/read-table.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { cleanEmailSql, cleanIdSql } from '../../src/data/sql-cleaning.js';
import { registerCleaningFunctions } from '../../src/data/sqlite-cleaning-functions.js';
import { createFixtureWarehouse } from '../helpers/fixture-warehouse.js';
import { tempDir } from '../helpers/temp-dir.js';

const IDEOGRAPHIC_SPACE = '\u3000';

const opened: Warehouse[] = [];
afterEach(() => {
  for (const w of opened.splice(0)) w.close();
});

/**
 * The hand-worked international fixture, opened twice: reading SQLite directly, and through a snapshot cache built
 * from it. Every read path must give the same hand-worked answer.
 */
function readPaths(): Record<ReadPath, Warehouse> {
  const dir = tempDir('radar-international-');
  const file = join(dir, 'w.sqlite');
  createFixtureWarehouse(file, {
    value: [
      // rowid 1 and 2: one customer (Unicode lower case, ideographic space trimmed). Row 1's instant is
      // 2024-09-29 16:00 UTC, before row 2's midnight UTC, so row 2 is the latest although its text sorts first.
      {
        primary_email: `ИВАН.ВОЛКОВ@X.RU${IDEOGRAPHIC_SPACE}`,
        analysis_timestamp: '2024-09-30T00:00:00+08:00',
        customer_tier: 'GOLD',
      },
      {
        primary_email: 'иван.волков@x.ru',
        analysis_timestamp: '2024-09-30',
        customer_tier: `Gold${IDEOGRAPHIC_SPACE}`,
      },
      // rowid 3 and 4: ZOË in two spellings and a no-break space; -05:00 makes row 3 (05:00 UTC) the later one.
      {
        primary_email: '\u00a0ZOË@Beispiel.de',
        analysis_timestamp: '2024-12-31T23:00:00-05:00',
        customer_tier: 'GOLD',
      },
      { primary_email: 'zoë@beispiel.de', analysis_timestamp: '2025-01-01 03:59:59', customer_tier: 'Silver' },
      // rowid 5: a CJK local part; an astral one (U+20BB7 𠮷) sorts after U+FF21 in code-point order.
      {
        primary_email: `${IDEOGRAPHIC_SPACE}王芳@例子.中国`,
        analysis_timestamp: '2025-01-01T05:30:00+05:30',
        customer_tier: ' Basic',
      },
      // rowid 6: whitespace only is no email.
      { primary_email: `${IDEOGRAPHIC_SPACE}\t`, analysis_timestamp: '2025-01-01', customer_tier: 'Gold' },
    ],
    customer: [
      {
        customer360_id: 'c1',
        email: `ИВАН.ВОЛКОВ@X.RU${IDEOGRAPHIC_SPACE}`,
        full_name: 'Иван Волков',
        total_sales_amount: 100,
      },
      { customer360_id: 'c2', email: 'иван.волков@x.ru', total_sales_amount: 200 },
      { customer360_id: 'c3', email: 'ZOË@beispiel.de', total_sales_amount: 50 },
    ],
  });
  const plain = openWarehouse(file);
  const cached = openWarehouse(file);
  opened.push(plain, cached);
  cached.snapshotCache = buildSnapshotCache(cached, join(dir, 'cache')).cache;
  return { SQLite: plain, 'snapshot cache': cached };
}

type ReadPath = 'SQLite' | 'snapshot cache';
const READ_PATHS: readonly ReadPath[] = ['SQLite', 'snapshot cache'];

describe('the cleaning rule', () => {
  it('trims Unicode whitespace and lower-cases emails with Unicode, locale-independent case', () => {
    expect(cleanEmail(`ИВАН.ВОЛКОВ@X.RU${IDEOGRAPHIC_SPACE}`)).toBe('иван.волков@x.ru');
    expect(cleanEmail('\u00a0\u2003ZOË@Beispiel.DE\u2028')).toBe('zoë@beispiel.de');
    expect(cleanEmail('İSTANBUL@x.tr')).toBe('i\u0307stanbul@x.tr'); // the default mapping, not the Turkish one
    expect(cleanEmail(`${IDEOGRAPHIC_SPACE}\t\n`)).toBeNull();
    expect(cleanEmail(42)).toBeNull();
  });

  it('treats exactly Unicode White_Space as whitespace', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const expected = /\p{White_Space}/u.test(String.fromCharCode(code));
      if (isUnicodeWhitespace(code) !== expected) throw new Error(`U+${code.toString(16)}: expected ${expected}`);
    }
    expect(isUnicodeWhitespace(0xfeff)).toBe(false);
  });

  it('trims labels but keeps their case', () => {
    expect(cleanLabel(`Gold${IDEOGRAPHIC_SPACE}`)).toBe('Gold');
    expect(cleanLabel('GOLD')).toBe('GOLD');
    expect(cleanLabel('\u00a0Platinum\u0085')).toBe('Platinum');
    expect(cleanLabel(IDEOGRAPHIC_SPACE)).toBeNull();
  });

  it('reads ISO 8601 offsets as the instant and a bare date as midnight UTC', () => {
    expect(parseInstant('2024-09-30T00:00:00+08:00')).toBe(Date.UTC(2024, 8, 29, 16));
    expect(parseInstant('2024-09-30')).toBe(Date.UTC(2024, 8, 30));
    expect(parseInstant('2025-01-01T05:30:00+05:30')).toBe(Date.UTC(2025, 0, 1));
    expect(parseInstant('2024-12-31T23:00:00-05:00')).toBe(Date.UTC(2025, 0, 1, 4));
    expect(parseInstant('2024-12-31T23:00:00-0500')).toBe(Date.UTC(2025, 0, 1, 4));
    expect(parseInstant(`${IDEOGRAPHIC_SPACE}2024-09-30 10:00:00.250${IDEOGRAPHIC_SPACE}`)).toBe(
      Date.UTC(2024, 8, 30, 10, 0, 0, 250),
    );
    expect([parseInstant('2024-02-30'), parseInstant('2024-09-30T24:00:00Z'), parseInstant(20240930)]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('orders emails by code point, as SQLite orders UTF-8 text, not by UTF-16 code unit', () => {
    // U+FF21 (Ａ) is one UTF-16 unit above the surrogates; U+20BB7 (𠮷) is a surrogate pair, so `<` puts it first.
    const emails = ['\u{20bb7}@x.jp', '\uff21@x.jp', 'a@x.jp', 'я@x.ru'];
    const db = new Database(':memory:');
    registerCleaningFunctions(db);
    db.exec('CREATE TABLE t (e TEXT)');
    for (const e of emails) db.prepare('INSERT INTO t VALUES (?)').run(e);
    const fromSqlite = db.prepare('SELECT e FROM t ORDER BY e').pluck().all();
    db.close();
    const expected = ['a@x.jp', 'я@x.ru', '\uff21@x.jp', '\u{20bb7}@x.jp'];
    expect([...emails].sort(compareCodePoints)).toEqual(expected);
    expect(fromSqlite).toEqual(expected);
    expect([...emails].sort()).not.toEqual(expected);
    // The priority ranking breaks a tie in priority the same way.
    const order = rankingOrder({ priorities: Float64Array.from(emails, () => 0.5), emails });
    expect(Array.from(order, (i) => emails[i])).toEqual(expected);
  });
});

describe('the SQL expressions of the rule', () => {
  it('clean every kind of value exactly as the TypeScript rule, on the ASCII fast path and off it', () => {
    const values: unknown[] = [
      'jane@acme.com',
      'Jane@Acme.COM',
      ' jane@acme.com\t',
      '',
      ' ',
      IDEOGRAPHIC_SPACE,
      `ИВАН.ВОЛКОВ@X.RU${IDEOGRAPHIC_SPACE}`,
      'İSTANBUL@x.tr',
      'ＡＢＣ@x.jp',
      '\u{20bb7}田@x.jp',
      'a b@x.io',
      '\u0085x@y.z\u00a0',
      'cus_AbC123',
      42,
      4.0,
      4.5,
      null,
    ];
    const db = new Database(':memory:');
    registerCleaningFunctions(db);
    db.exec('CREATE TABLE t (v)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (const v of values) insert.run(v as never);
    const fromSql = db
      .prepare(`SELECT ${cleanEmailSql('v')} AS email, ${cleanIdSql('v')} AS id FROM t ORDER BY rowid`)
      .all() as { email: string | null; id: string | null }[];
    db.close();
    const issues = { unreadable: 0 };
    expect(fromSql).toEqual(values.map((v) => ({ email: cleanEmail(v), id: toId(v, issues) })));
  });
});

describe('international keys through every read path', () => {
  it.each(READ_PATHS)(
    '%s: one customer per cleaned email, the latest instant, labels trimmed with case kept',
    (path) => {
      const warehouse = readPaths()[path];
      const { rows, report } = readTable(warehouse, 'value', ['primary_email', 'analysis_timestamp', 'customer_tier'], {
        neededFor: 'test',
      });
      expect(rows.map((r) => [r.rowid, r.primary_email, r.analysis_timestamp, r.customer_tier])).toEqual([
        [2, 'иван.волков@x.ru', Date.UTC(2024, 8, 30), 'Gold'],
        [3, 'zoë@beispiel.de', Date.UTC(2025, 0, 1, 4), 'GOLD'],
        [5, '王芳@例子.中国', Date.UTC(2025, 0, 1), 'Basic'],
      ]);
      expect(report).toMatchObject({
        rowsInTable: 6,
        rowsWithoutKey: 1,
        distinctKeys: 3,
        duplicatedKeys: 2,
        keysMergedByCleaning: 2,
        dataDate: '2025-01-01 04:00 UTC',
      });
      // Previous snapshots follow the same order: rank 2 of Ivan is the +08:00 row.
      const previous = readTable(warehouse, 'value', ['customer_tier'], { neededFor: 'test', snapshot: 'previous' });
      expect(previous.rows.filter((r) => r.snapshotRank === 2).map((r) => [r.rowid, r.customer_tier])).toEqual([
        [1, 'GOLD'],
        [4, 'Silver'],
      ]);
    },
  );

  it.each(READ_PATHS)('%s: reduces the customer table per cleaned email', (path) => {
    const { sales, emailsWithSeveralRows } = loadSalesByEmail(readPaths()[path]);
    // Two rows for Ivan: no header, so the smallest customer360_id (c1) decides.
    expect([...sales]).toEqual([
      ['zoë@beispiel.de', 50],
      ['иван.волков@x.ru', 100],
    ]);
    expect(emailsWithSeveralRows).toBe(1);
  });

  it('finds names case-insensitively in any script', () => {
    const { hints } = lookupHints(readPaths().SQLite, 'ВОЛКОВ');
    expect(hints.nameEmails).toEqual(['иван.волков@x.ru']);
  });

  it('lets radar doctor say what the cleaning merged', () => {
    const warehouse = readPaths().SQLite;
    const value = inspectWarehouse(warehouse).tables.find((t) => t.id === 'value');
    expect(value?.snapshot?.keysMergedByCleaning).toBe(2);
    const text = formatAnswerText(buildDoctorAnswer(warehouse, COMMANDS));
    expect(text).toContain(
      'customer360__customer_value_analysis: 2 emails differed only by case or surrounding spaces (each read as one customer)',
    );
  });
});
