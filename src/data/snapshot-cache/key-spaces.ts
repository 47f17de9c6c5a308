import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeVector, Table, tableToIPC, Vector } from 'apache-arrow';
import { type TableDefinition, type TableId, WAREHOUSE_TABLES } from '../warehouse-schema.js';
import { readStringColumn } from './column-store.js';
import { DEFAULT_BATCH_ROWS } from './column-writer.js';
import type { CachedTable } from './snapshot-manifest.js';
import { Utf8KeyCoder } from './utf8-key-coder.js';

/**
 * Key spaces: every plain (one value per row) string column of the latest rows — ids and emails — coded by value
 * once, when the cache is built, into codes shared across tables: each email column in one space, each id column in
 * the space of its name (zendesk_user_id of activity, value and mapping together). A command then joins tables by
 * comparing Int32 codes, where it hashed and compared millions of strings per export (/conversion-cohort at a
 * million customers: 3.9 s coding 11 columns by value, 3.5 s in Maps of strings; bench/README.md). Second-latest
 * rows are left out: only /priority reads them (the value table's, a few percent of customers), while coding the
 * activity and funnel tables' would add a fifth to the build's coding for rows no command reads.
 *
 * Layout, beside the tables' folders: `key-spaces/index.json` (KeySpacesIndex), per space `<space>.arrow` (its
 * distinct values in code order, Utf8) and per column `<table>.<column>.arrow` (Int32 codes, -1 = NULL).
 */
export const KEY_SPACES_FOLDER = 'key-spaces';
export const KEY_SPACES_INDEX = 'index.json';

export interface KeySpacesIndex {
  /** Per space: its distinct values, and the rows of all its columns. */
  readonly spaces: Readonly<Record<string, { readonly values: number; readonly rows: number }>>;
  /** `<table>/<column>` (latest rows) → its space. */
  readonly columns: Readonly<Record<string, string>>;
}

/** The space a plain string column is coded in: one for every email, one per id column name. */
export function keySpaceOf(tableId: TableId, column: string): string {
  const definition: TableDefinition = WAREHOUSE_TABLES[tableId];
  return definition.columns[column] === 'email' ? 'email' : column;
}

export function keyColumnName(tableId: TableId, column: string): string {
  return `${tableId}/${column}`;
}

export function valuesFile(space: string): string {
  return `${space}.arrow`;
}

export function codesFile(tableId: TableId, column: string): string {
  return `${tableId}.${column}.arrow`;
}

/** A key space's member columns (latest rows), in table order. */
export interface KeySpaceMember {
  readonly tableId: TableId;
  readonly column: string;
  readonly rows: number;
}

/** What coding one space wrote: its index entries (undefined when none of its columns was plain). */
export interface CodedKeySpace {
  readonly space: string;
  readonly entry?: { readonly values: number; readonly rows: number };
  readonly columns: readonly string[];
}

/**
 * Codes every plain string column of the written tables' latest rows (cache folder `directory`) into its key space
 * and writes the codes and each space's values; a separate step after the tables, on this thread. Columns are coded
 * in table order (WAREHOUSE_TABLES), so a build is deterministic.
 */
export function writeKeySpaces(
  directory: string,
  tables: Partial<Record<TableId, CachedTable>>,
  batchRows: number = DEFAULT_BATCH_ROWS,
): KeySpacesIndex {
  const plan = keySpacePlan(tables);
  return writeKeySpacesIndex(
    directory,
    [...plan].map(([space, members]) => codeKeySpace(directory, space, members, batchRows)),
  );
}

/** Each space's member columns, spaces in the order their first column comes (table order, then column order). */
export function keySpacePlan(tables: Partial<Record<TableId, CachedTable>>): Map<string, KeySpaceMember[]> {
  const bySpace = new Map<string, KeySpaceMember[]>();
  for (const tableId of Object.keys(WAREHOUSE_TABLES) as TableId[]) {
    const table = tables[tableId];
    if (!table) continue;
    for (const [column, type] of Object.entries(table.columns)) {
      if (type !== 'string') continue;
      const space = keySpaceOf(tableId, column);
      const list = bySpace.get(space) ?? [];
      list.push({ tableId, column, rows: table.ranks[1].rows });
      bySpace.set(space, list);
    }
  }
  return bySpace;
}

/** Codes one space's columns (one coder: codes shared by its columns) and writes its files; spaces are independent. */
export function codeKeySpace(
  directory: string,
  space: string,
  members: readonly KeySpaceMember[],
  batchRows: number = DEFAULT_BATCH_ROWS,
): CodedKeySpace {
  const folder = join(directory, KEY_SPACES_FOLDER);
  mkdirSync(folder, { recursive: true });
  const coder = new Utf8KeyCoder(Math.max(...members.map((m) => m.rows)));
  const columns: string[] = [];
  let rows = 0;
  for (const { tableId, column } of members) {
    const read = readStringColumn(join(directory, tableId, 'rank-1'), column);
    // Labels stored as Arrow dictionaries are already coded by level: only plain columns join a space.
    if (!read.plain) continue;
    const codes = coder.code(read.dictionary, read.indices);
    writeFileSync(
      join(folder, codesFile(tableId, column)),
      tableToIPC(new Table({ codes: makeVector(codes) }), 'file'),
    );
    columns.push(keyColumnName(tableId, column));
    rows += codes.length;
  }
  if (columns.length === 0) return { space, columns };
  const values = new Vector(coder.values(batchRows));
  writeFileSync(join(folder, valuesFile(space)), tableToIPC(new Table({ values }), 'file'));
  return { space, entry: { values: coder.size, rows }, columns };
}

/** The index of the coded spaces, given in keySpacePlan's order (whichever thread coded them). */
export function writeKeySpacesIndex(directory: string, coded: readonly CodedKeySpace[]): KeySpacesIndex {
  const folder = join(directory, KEY_SPACES_FOLDER);
  mkdirSync(folder, { recursive: true });
  const spaces: Record<string, { values: number; rows: number }> = {};
  const columns: Record<string, string> = {};
  for (const { space, entry, columns: names } of coded) {
    for (const name of names) columns[name] = space;
    if (entry) spaces[space] = entry;
  }
  const index: KeySpacesIndex = { spaces, columns };
  writeFileSync(join(folder, KEY_SPACES_INDEX), JSON.stringify(index, null, 2));
  return index;
}
