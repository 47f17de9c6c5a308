import { parentPort, workerData } from 'node:worker_threads';
import { createDemoWriters, type DemoBuild, openForBuilding, writeCustomerRange } from './generate-demo-warehouse.js';
import { PopulationPlan } from './population-plan.js';

/** What the parallel build hands one worker: a private shard file and a range of customer indexes. */
export interface DemoShardTask {
  readonly path: string;
  readonly build: DemoBuild;
  readonly from: number;
  readonly to: number;
}

const task = workerData as DemoShardTask;
// The plan is a pure function of (customers, seed): each worker rebuilds it instead of receiving it.
const plan = new PopulationPlan(task.build.customers, task.build.seed);
const db = openForBuilding(task.path);
try {
  writeCustomerRange(db, createDemoWriters(db, task.build.variant), task.build, plan, task.from, task.to);
} finally {
  db.close();
}
parentPort?.postMessage('done');
