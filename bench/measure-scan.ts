import { computeZones } from '../src/analysis/zones/compute-zones.js';
import type { Warehouse } from '../src/data/open-warehouse.js';
import { loadZoneInputs } from '../src/data/queries/zone-inputs.js';
import type { ScanResult } from './bench-types.js';
import { summarise, timed } from './stats.js';

const REPEATS = 3;

/**
 * The red-zone scan of every customer. src/alerts has no scan yet, so this measures what it will run: the zone
 * inputs of all customers (latest snapshots) and the zones computation, counting the red ones.
 */
export async function measureScan(warehouse: () => Warehouse): Promise<ScanResult> {
  const scan = () => {
    const { inputs } = loadZoneInputs(warehouse(), 'the red-zone scan');
    const result = computeZones(inputs);
    let red = 0;
    for (const customer of result.customers) if (customer.zone === 'red') red++;
    return { customers: result.customers.length, red };
  };
  const first = await timed(scan);
  const repeat: number[] = [];
  for (let i = 0; i < REPEATS; i++) repeat.push((await timed(scan)).ms);
  return {
    what: 'loadZoneInputs + computeZones over all customers (src/alerts has no scan yet)',
    customers: first.value.customers,
    red: first.value.red,
    firstMs: first.ms,
    repeat: summarise(repeat),
  };
}
