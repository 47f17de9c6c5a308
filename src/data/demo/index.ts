export { demoGeneratorHash, ensureScaledDemoWarehouse, type ScaledDemo, scaledDemoDirectory } from './demo-cache.js';
export { DEMO_DATA_DATE } from './demo-clock.js';
export { TEXT_DECLARED_NUMBERS } from './demo-schema.js';
export {
  DEMO_GENERATOR_VERSION,
  defaultDemoDirectory,
  demoWarehouseFileName,
  ensureDemoWarehouse,
} from './demo-warehouse-path.js';
export {
  DEFAULT_DEMO_SEED,
  DEMO_VARIANTS,
  type DemoVariant,
  type DemoWarehouseOptions,
  type DemoWarehouseSummary,
  generateDemoWarehouse,
} from './generate-demo-warehouse.js';
export { generateDemoWarehouseInParallel } from './parallel-build.js';
