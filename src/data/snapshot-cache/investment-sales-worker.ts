import { parentPort, workerData } from 'node:worker_threads';
import { openWarehouse } from '../open-warehouse.js';
import type { SnapshotManifest } from './snapshot-manifest.js';
import { writeInvestmentSales } from './write-investment-sales.js';

export interface InvestmentSalesWorkerData {
  readonly warehousePath: string;
  readonly scratch: string;
  /** The build's manifest so far: its tables and sales reduction, which the join reads from the scratch folder. */
  readonly manifest: SnapshotManifest;
}

export type InvestmentSalesWorkerReply = { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * The sales join of a parallel build (write-investment-sales.ts) on its own read-only connection, so it runs on one
 * core while the build's thread codes the key spaces on the other: both come after every table, and one after the
 * other they were the build's last ~20 s of CPU at a million customers with one core idle.
 */
const { warehousePath, scratch, manifest } = workerData as InvestmentSalesWorkerData;
let reply: InvestmentSalesWorkerReply;
try {
  const warehouse = openWarehouse(warehousePath);
  try {
    writeInvestmentSales(warehouse, scratch, manifest);
    reply = { ok: true };
  } finally {
    warehouse.close();
  }
} catch (error) {
  reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply);
