import type { AccountList, CsvCell } from './command-answer.js';

/** How many rows a lazy list will have, known before its rows are built. */
const lengthOf = new WeakMap<AccountList, number>();

/**
 * An AccountList whose rows are built on first read, for lists of every customer (a million rows at 1M): the main
 * message only shows their count, and the rows are read when someone asks for them (`list`, "List all N", `--json`).
 * `rows` is an own enumerable getter, so JSON.stringify and structured cloning (worker replies) see the same object
 * a plain list would be; the rows are built once and kept.
 */
export function lazyAccountList(
  columns: readonly string[],
  length: number,
  build: () => readonly (readonly CsvCell[])[],
): AccountList {
  let rows: readonly (readonly CsvCell[])[] | undefined;
  const list = { columns } as { columns: readonly string[]; rows: readonly (readonly CsvCell[])[] };
  Object.defineProperty(list, 'rows', {
    enumerable: true,
    get() {
      rows ??= build();
      return rows;
    },
  });
  lengthOf.set(list, length);
  return list;
}

/** The number of rows of `list`, without building the rows of a lazy one. */
export function accountListLength(list: AccountList): number {
  return lengthOf.get(list) ?? list.rows.length;
}
