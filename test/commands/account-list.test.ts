import { describe, expect, it } from 'vitest';
import { accountListLength, lazyAccountList } from '../../src/commands/account-list.js';
import type { AccountList } from '../../src/commands/command-answer.js';

describe('lazyAccountList', () => {
  const columns = ['rank', 'email', 'ltv'];
  const rows = [
    [1, 'a@x.io', 120.5],
    [2, 'b@x.io', null],
  ];

  it('knows its length before building, then builds its rows once, on first read', () => {
    let builds = 0;
    const list = lazyAccountList(columns, rows.length, () => {
      builds++;
      return rows;
    });
    expect(accountListLength(list)).toBe(2);
    expect(builds).toBe(0);
    expect(list.rows).toEqual(rows);
    expect(list.rows).toBe(list.rows);
    expect(builds).toBe(1);
  });

  it('serialises and clones as the plain list does (JSON output, worker replies)', () => {
    const plain: AccountList = { columns, rows };
    const lazy = lazyAccountList(columns, rows.length, () => rows);
    expect(JSON.stringify({ list: lazy }, null, 2)).toBe(JSON.stringify({ list: plain }, null, 2));
    expect(structuredClone(lazy)).toEqual(plain);
    expect({ ...lazy }).toEqual(plain);
  });

  it('counts a plain list by its rows', () => {
    expect(accountListLength({ columns, rows })).toBe(2);
  });
});
