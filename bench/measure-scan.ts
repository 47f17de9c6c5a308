import { loadScanInputs } from '../src/alerts/scan-inputs.js';
import type { Warehouse } from '../src/data/open-warehouse.js';
import type { ScanResult } from './bench-types.js';
import { summarise, timed } from './stats.js';

const REPEATS = 3;

/**
 * The red-zone scan of every customer as src/alerts runs it before deciding (runScanJob): loadScanInputs, the zones
 * and figures of every customer, counting the red ones. The store's transaction (known customers, alerts) is not
 * timed: it writes Radar's state, not the warehouse.
 */
export async function measureScan(warehouse: () => Warehouse): Promise<ScanResult> {
  const scan = () => {
    const { customers } = loadScanInputs(warehouse());
    let red = 0;
    for (const customer of customers) if (customer.zone === 'red') red++;
    return { customers: customers.length, red };
  };
  const first = await timed(scan);
  const repeat: number[] = [];
  for (let i = 0; i < REPEATS; i++) repeat.push((await timed(scan)).ms);
  return {
    what: 'loadScanInputs (zones and figures of every customer, as runScanJob loads them)',
    customers: first.value.customers,
    red: first.value.red,
    firstMs: first.ms,
    repeat: summarise(repeat),
  };
}
