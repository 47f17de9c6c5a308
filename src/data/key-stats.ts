/** Facts about a table's keys and snapshots, independent of the columns read (one scan per export). */
export interface KeyStats {
  rowsInTable: number;
  rowsWithoutKey: number;
  distinctKeys: number;
  duplicatedKeys: number;
  maxRowsPerKey: number;
  unparseableTimestamps: number;
  missingTimestamps: number;
  dataDateMs: number | null;
}
