/**
 * Why a table an analysis wanted could not be used. Kept as data rather than as a sentence, so every surface words
 * it in its reader's language (tableGapText) and `--json` readers get the table and columns by name.
 */
export type TableGap =
  | { readonly code: 'no-table'; readonly table: string }
  | { readonly code: 'missing-columns'; readonly table: string; readonly columns: readonly string[] }
  | { readonly code: 'no-rows'; readonly table: string }
  | { readonly code: 'no-keyed-rows'; readonly table: string; readonly key: string };
