import { describe, expect, it } from 'vitest';
import {
  CHART_MEMORY_SHARE,
  CHART_WORKER_MEMORY_BYTES,
  chartWorkerCount,
  currentMachine,
  MAX_CHART_WORKERS,
} from '../../src/charts/chart-worker-count.js';

const MB = 2 ** 20;
const GB = 2 ** 30;

describe('charts/chart-worker-count', () => {
  it('keeps one core for the main thread', () => {
    // Plenty of memory: cores decide. 2 cores → 1, 3 → 2, 4 → 3.
    expect(chartWorkerCount({ cores: 2, availableMemoryBytes: 64 * GB })).toBe(1);
    expect(chartWorkerCount({ cores: 3, availableMemoryBytes: 64 * GB })).toBe(2);
    expect(chartWorkerCount({ cores: 4, availableMemoryBytes: 64 * GB })).toBe(3);
  });

  it('never runs more than three workers, however big the machine', () => {
    expect(MAX_CHART_WORKERS).toBe(3);
    expect(chartWorkerCount({ cores: 64, availableMemoryBytes: 512 * GB })).toBe(3);
  });

  it('gives chart workers a quarter of the available memory at most', () => {
    expect(CHART_MEMORY_SHARE).toBe(0.25);
    // 200 MB per worker: a quarter of 1.6 GB is 400 MB → 2 workers; of 1.5 GB, 384 MB → 1; of 2.4 GB, 600 MB → 3.
    expect(chartWorkerCount({ cores: 8, availableMemoryBytes: 1600 * MB }, 200 * MB)).toBe(2);
    expect(chartWorkerCount({ cores: 8, availableMemoryBytes: 1500 * MB }, 200 * MB)).toBe(1);
    expect(chartWorkerCount({ cores: 8, availableMemoryBytes: 2400 * MB }, 200 * MB)).toBe(3);
    // The smaller of the two limits wins: 4 cores allow 3, 1 GB of memory (250 MB share) allows 1.
    expect(chartWorkerCount({ cores: 4, availableMemoryBytes: 1 * GB }, 200 * MB)).toBe(1);
  });

  it('uses the measured cost of a worker by default', () => {
    const perWorker = CHART_WORKER_MEMORY_BYTES / CHART_MEMORY_SHARE;
    expect(chartWorkerCount({ cores: 16, availableMemoryBytes: 2 * perWorker })).toBe(2);
    expect(chartWorkerCount({ cores: 16, availableMemoryBytes: 2 * perWorker - 1 })).toBe(1);
  });

  it('always runs one worker, even on one core, with no memory to spare, or with odd readings', () => {
    expect(chartWorkerCount({ cores: 1, availableMemoryBytes: 64 * GB })).toBe(1);
    expect(chartWorkerCount({ cores: 8, availableMemoryBytes: 0 })).toBe(1);
    expect(chartWorkerCount({ cores: 8, availableMemoryBytes: -5 * GB })).toBe(1);
    expect(chartWorkerCount({ cores: 0, availableMemoryBytes: 64 * GB })).toBe(1);
    expect(chartWorkerCount({ cores: Number.NaN, availableMemoryBytes: Number.NaN })).toBe(1);
  });

  it('refuses a worker cost that is not a positive number', () => {
    expect(() => chartWorkerCount({ cores: 4, availableMemoryBytes: GB }, 0)).toThrow(RangeError);
    expect(() => chartWorkerCount({ cores: 4, availableMemoryBytes: GB }, Number.NaN)).toThrow(RangeError);
  });

  it('reads this machine: at least one core, memory not negative', () => {
    const machine = currentMachine();
    expect(machine.cores).toBeGreaterThanOrEqual(1);
    expect(machine.availableMemoryBytes).toBeGreaterThanOrEqual(0);
    expect(chartWorkerCount(machine)).toBeGreaterThanOrEqual(1);
  });
});
