import { afterEach, describe, expect, it } from 'vitest';
import { computePriority, DEFAULT_PRIORITY_OPTIONS } from '../../src/analysis/priority/priority-score.js';
import { loadPriority } from '../../src/commands/load-priority.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { loadValueCustomers, VALUE_PRIORITY_COLUMNS } from '../../src/data/queries/value-customers.js';
import { EmptyTableError } from '../../src/data/warehouse-errors.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';
import { valueWarehouse } from './value-warehouse-fixture.js';

const demo = () => openTestWarehouse(ensureDemoWarehouse('full'));

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('commands/load-priority', () => {
  it('ranks as computePriority does over the value customers, once per export and options', () => {
    const warehouse = demo();
    const { customers } = loadValueCustomers(warehouse, VALUE_PRIORITY_COLUMNS, {
      neededFor: 'the test',
      withPrevious: true,
    });
    const plain = computePriority(customers);
    const loaded = loadPriority(warehouse, 'the test');
    expect(loaded.result).toEqual(plain);
    expect(loadPriority(warehouse, 'the test')).toBe(loaded);
    const heavier = { ...DEFAULT_PRIORITY_OPTIONS, weights: { rfm: 0.2, health: 0.2, churn: 0.6 } };
    const other = loadPriority(warehouse, 'the test', heavier);
    expect(other).not.toBe(loaded);
    expect(other.result).toEqual(computePriority(customers, heavier));
  });

  it('finds each customer’s value row and ranked row by email, as Maps over every row would', () => {
    const warehouse = demo();
    const loaded = loadPriority(warehouse, 'the test');
    const byEmail = new Map(loaded.customers.map((c) => [c.email, c]));
    const ranked = new Map(loaded.result.ranked.map((r) => [r.customer.email, r]));
    expect(ranked.size).toBeGreaterThan(4000);
    for (const email of byEmail.keys()) {
      const row = loaded.rowOf(email);
      expect(row.value).toBe(byEmail.get(email));
      expect(row.scored).toBe(ranked.get(email));
    }
    expect(loaded.rowOf('nobody@example.invalid')).toEqual({ value: undefined, scored: undefined });
  });

  it('names the command when the value table is empty, and keeps nothing from the failure', () => {
    const fixture = valueWarehouse({ value: [] });
    cleanups.push(() => fixture.cleanup());
    const { warehouse } = fixture;
    expect(() => loadPriority(warehouse, '/priority')).toThrow(EmptyTableError);
    expect(() => loadPriority(warehouse, '/priority')).toThrow(/\/priority/);
  });
});
