import { describe, expect, it } from 'vitest';
import { DuckdbLockedError, DuckdbMissingColumnError, DuckdbTimeoutError } from '../../src/data/duckdb-errors.js';
import { MissingColumnError, WarehouseNotFoundError } from '../../src/data/warehouse-errors.js';
import { WarehouseTimeoutError } from '../../src/data/warehouse-source-errors.js';
import { radarErrorDetails, reviveRadarError } from '../../src/workers/radar-error-transport.js';

/**
 * Errors raised in the data layer do not know the reader's language: they carry a catalogue key and values, keep
 * their English text as `userMessage` (logs, and what the tests of the engines match), and are shown in the
 * reader's language where they are presented, also after crossing from a worker thread.
 */
describe('warehouse errors in the reader’s language', () => {
  it('keeps the English sentence, plural included, and writes the Chinese one from the same values', () => {
    const one = new MissingColumnError('customer360__customer', ['sales'], '/priority');
    expect(one.userMessage).toBe(
      'Table `customer360__customer` lacks column `sales`, which /priority needs. Re-export the table with its full column list. Run `radar doctor --warehouse <path>` to see what the file holds.',
    );
    const two = new MissingColumnError('customer360__customer', ['sales', 'ltv'], '/priority');
    expect(two.messageIn('en')).toMatch(/lacks columns `sales`, `ltv`, which/);
    expect(two.messageIn('zh-CN')).toBe(
      '`customer360__customer` 表缺少列 `sales`, `ltv`，而 /priority 需要。请按完整的列重新导出该表。运行 `radar doctor --warehouse <path>` 查看文件内容。',
    );
  });

  it('says who holds a DuckDB file only when DuckDB named them', () => {
    expect(new DuckdbLockedError('/w.duckdb', 'PID 42 (dbt)').userMessage).toMatch(
      /^The DuckDB warehouse \/w\.duckdb is open for writing by another process: PID 42 \(dbt\)\. DuckDB lets/,
    );
    expect(new DuckdbLockedError('/w.duckdb', undefined).userMessage).toMatch(/by another process\. DuckDB lets/);
    expect(new DuckdbLockedError('/w.duckdb', undefined).messageIn('zh-CN')).toMatch(/以写方式打开。文件在写入时/);
    expect(new DuckdbMissingColumnError('w', 't', ['a']).userMessage).toMatch(/lacks column `a`\. Add it to/);
  });

  it('names what a timed-out DuckDB read was reading in the reader’s language, a table by its own name', () => {
    const table = new DuckdbTimeoutError('/w.duckdb', 1500, { read: 'table', table: 'customer360__customer' });
    expect(table.userMessage).toMatch(
      /^Reading table customer360__customer from the DuckDB warehouse \/w\.duckdb took longer than 1\.5 s/,
    );
    expect(table.messageIn('zh-CN')).toMatch(/^从 DuckDB 仓库 \/w\.duckdb 读取 customer360__customer 表超过了 1\.5 秒/);
    const counts = new DuckdbTimeoutError('/w.duckdb', 1500, { read: 'rowCounts' });
    expect(counts.userMessage).toMatch(/^Reading the row counts from/);
    expect(counts.messageIn('zh-CN')).toMatch(/读取行数超过了/);
  });

  it('crosses a worker boundary as a key and values, so the main thread can still translate it', () => {
    const thrown = new WarehouseTimeoutError('postgres://radar@db/analytics', 120000);
    const revived = reviveRadarError({
      name: thrown.name,
      message: thrown.message,
      details: radarErrorDetails(thrown),
    });
    expect(revived).toMatchObject({ code: 'warehouse_timeout', exitCode: 1, userMessage: thrown.userMessage });
    expect((revived as WarehouseTimeoutError).messageIn('zh-CN')).toBe(thrown.messageIn('zh-CN'));
    expect(thrown.messageIn('zh-CN')).toBe(
      '仓库 postgres://radar@db/analytics 在 120000 毫秒内没有响应。请检查服务器负载和网络，或用 RADAR_WAREHOUSE_TIMEOUT_MS 放宽时限。',
    );
  });

  it('leaves a message built already translated as it is', () => {
    const error = new WarehouseNotFoundError('/nope.sqlite');
    expect(error.messageIn('en')).toBe(error.userMessage);
    expect(error.messageIn('zh-CN')).toMatch(/^\/nope\.sqlite 处没有仓库文件。/);
  });
});
