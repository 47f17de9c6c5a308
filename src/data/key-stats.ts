/** Facts about a table's keys and snapshots, independent of the columns read (one scan per export). */
export interface KeyStats {
  rowsInTable: number;
  rowsWithoutKey: number;
  distinctKeys: number;
  duplicatedKeys: number;
  maxRowsPerKey: number;
  /**
   * Cleaned keys whose rows spell them in more than one way (case, surrounding Unicode whitespace, or an id stored
   * as a number on one row and as text on another): the cleaning merged those spellings into one key.
   */
  keysMergedByCleaning: number;
  unparseableTimestamps: number;
  missingTimestamps: number;
  dataDateMs: number | null;
}
