import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cleanEmail, cleanLabel, parseInstant } from '../../../src/data/cleaning-rule.js';
import { generateDemoWarehouse } from '../../../src/data/demo/generate-demo-warehouse.js';
import { INTERNATIONAL_SHIFT_MS, internationalEmail } from '../../../src/data/demo/international-rows.js';
import { TABLE_IDS, WAREHOUSE_TABLES } from '../../../src/data/warehouse-schema.js';
import { tempDir } from '../../helpers/temp-dir.js';

type Row = Record<string, unknown>;

function tableRows(path: string, table: string): Row[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Row[];
  } finally {
    db.close();
  }
}

const NAME_COLUMNS = new Set(['full_name', 'organization_name', 'primary_organization', 'customer_name']);

describe('data/demo international profile', () => {
  it('re-spells the full demo row by row: same customers, instants 47 days later, same labels', () => {
    const dir = tempDir();
    const full = join(dir, 'full.sqlite');
    const international = join(dir, 'international.sqlite');
    generateDemoWarehouse(full, { customers: 300 });
    generateDemoWarehouse(international, { customers: 300, variant: 'international' });
    const seen = { offsets: new Set<string>(), paddedLabels: 0, messyUnicodeEmails: 0, nonAsciiEmails: 0 };
    for (const id of TABLE_IDS) {
      const { name, columns } = WAREHOUSE_TABLES[id];
      const [a, b] = [tableRows(full, name), tableRows(international, name)];
      expect(b.length, name).toBe(a.length);
      a.forEach((before, i) => {
        const after = b[i] as Row;
        for (const [column, kind] of Object.entries(columns)) {
          const [x, y] = [before[column], after[column]];
          if (kind === 'email') {
            const clean = cleanEmail(x);
            expect(cleanEmail(y), `${name}.${column}`).toBe(clean === null ? null : internationalEmail(clean));
            if (typeof y === 'string' && /[^\p{ASCII}]/u.test(y)) seen.nonAsciiEmails++;
            if (typeof y === 'string' && y !== cleanEmail(y) && /[^\p{ASCII}]/u.test(y)) seen.messyUnicodeEmails++;
          } else if (kind === 'timestamp') {
            const instant = parseInstant(x);
            expect(parseInstant(y), `${name}.${column}`).toBe(
              instant === null ? null : instant + INTERNATIONAL_SHIFT_MS,
            );
            const offset = typeof y === 'string' ? /[+-]\d{2}:\d{2}$/.exec(y)?.[0] : undefined;
            if (offset) seen.offsets.add(offset);
          } else if (kind === 'text' && NAME_COLUMNS.has(column)) {
            expect(y === null, `${name}.${column}`).toBe(x === null);
          } else if (kind === 'text') {
            expect(typeof x === 'string' ? cleanLabel(y) : y, `${name}.${column}`).toEqual(
              typeof x === 'string' ? cleanLabel(x) : x,
            );
            if (typeof y === 'string' && y.includes('\u3000')) seen.paddedLabels++;
          } else {
            expect(y, `${name}.${column}`).toEqual(x);
          }
        }
      });
    }
    expect([...seen.offsets].sort()).toEqual(['+05:30', '+08:00', '-05:00']);
    expect(seen.paddedLabels).toBeGreaterThan(100);
    expect(seen.nonAsciiEmails).toBeGreaterThan(1_000);
    expect(seen.messyUnicodeEmails).toBeGreaterThan(50);
  });

  it('writes CJK, Japanese, Korean, Cyrillic and Latin-extended names, and a data date just past New Year', () => {
    const path = join(tempDir(), 'international.sqlite');
    generateDemoWarehouse(path, { customers: 300, variant: 'international' });
    const names = tableRows(path, WAREHOUSE_TABLES.customer.name).map((r) => String(r.full_name));
    for (const script of [/\p{Script=Han}/u, /\p{Script=Hiragana}/u, /\p{Script=Hangul}/u, /\p{Script=Cyrillic}/u]) {
      expect(names.some((n) => script.test(n))).toBe(true);
    }
    expect(names.some((n) => /[ØøÜüÖöŁłŻżÑñ]/u.test(n))).toBe(true);
    const value = tableRows(path, WAREHOUSE_TABLES.value.name);
    const latest = Math.max(...value.map((r) => parseInstant(r.analysis_timestamp) ?? 0));
    expect(new Date(latest).toISOString().slice(0, 10)).toBe('2027-01-02');
  });
});
