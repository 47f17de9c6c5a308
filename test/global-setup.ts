import { ensureDemoWarehouse } from '../src/data/demo/demo-warehouse-path.js';

/** Builds the demo warehouses once, before the workers start, instead of racing to build them in each. */
export default function setup(): void {
  ensureDemoWarehouse('full');
  ensureDemoWarehouse('empty-activity-funnel');
}
