import type { warehouseErrorsEn } from './warehouse-errors-en.js';

/** 简体中文: warehouse-errors-en.ts 的同一组键（数据层报出的仓库错误）。 */
export const warehouseErrorsZhCn = {
  'warehouseError.notFound':
    '{path} 处没有仓库文件。请检查 RADAR_WAREHOUSE 或 --warehouse；两者都不设置时使用自带的演示数据。',
  'warehouseError.notSqlite':
    '{path} 不是 SQLite 数据库（{detail}）。Radar 读取 customer-360 数据集市的 SQLite 导出、Postgres URL（postgres://…）或 DuckDB 数据库文件；请将 RADAR_WAREHOUSE 指向其中之一。',
  'warehouseError.corrupt': '仓库 {path} 已损坏（{detail}）。请重新导出或重新复制该文件；常见原因是下载或复制不完整。',
  'warehouseError.locked':
    '仓库 {path} 正被另一个进程写入而锁定（导出仍在进行，或某个工具持有写事务）。请等该进程结束后重试，或将 RADAR_WAREHOUSE 指向一份已完成的副本。',
  'warehouseError.changing':
    '仓库 {path} 在 Radar 打开它的过程中被多次替换，Radar 无法确定应读取哪一份导出。请等导出任务完成后重试。',
  'warehouseError.missingTable':
    '仓库中没有 `{table}` 表，而 {neededFor} 需要它。请把它加入导出（同名的 dbt 模型）。运行 `radar doctor --warehouse <path>` 查看文件内容。',
  'warehouseError.missingColumns':
    '`{table}` 表缺少{count, plural, other {列}} {columns}，而 {neededFor} 需要。请按完整的列重新导出该表。运行 `radar doctor --warehouse <path>` 查看文件内容。',
  'warehouseError.emptyTable':
    '`{table}` 表没有可用的行，{neededFor} 无从计算。请确认导出已完成，且该表有带客户键的行。运行 `radar doctor --warehouse <path>` 查看文件内容。',
  'warehouseError.unsupportedSource':
    'Radar 无法读取 {label}（{detail}）。Radar 读取 SQLite 导出文件、Postgres URL（postgres://user@host:5432/db，可加 ?schema=marts）或 DuckDB 数据库文件（.duckdb）。请将 RADAR_WAREHOUSE 或 --warehouse 指向其中之一。',
  'warehouseError.unreachable':
    'Radar 无法连接仓库 {label}（{detail}）。请确认服务器正在运行、RADAR_WAREHOUSE 中的主机和端口正确，然后重试。',
  'warehouseError.authFailed':
    '仓库 {label} 拒绝了 Radar 的登录（{detail}）。请检查 RADAR_WAREHOUSE 中的用户名和密码（含特殊字符的密码须在 URL 中进行百分号编码）。',
  'warehouseError.databaseNotFound':
    '仓库服务器上没有数据库 "{database}"（{label}）。请检查 RADAR_WAREHOUSE 的 URL 末尾的数据库名。',
  'warehouseError.schemaNotFound':
    '仓库 {label} 中没有 schema "{schema}"。请在 RADAR_WAREHOUSE 中设置 ?schema=<dbt 构建 customer-360 数据集市的 schema>（不设置时 Radar 读取 "public"）。',
  'warehouseError.permissionDenied':
    '仓库 {label} 不允许 Radar 的用户读取数据集市（{detail}）。Radar 需要数据库的 CONNECT、schema 的 USAGE 和其中各表的 SELECT 权限，例如 GRANT USAGE ON SCHEMA marts TO radar; GRANT SELECT ON ALL TABLES IN SCHEMA marts TO radar;（见 README 的 "Warehouse sources"）。',
  'warehouseError.timeout':
    '仓库 {label} 在 {timeoutMs} 毫秒内没有响应。请检查服务器负载和网络，或用 RADAR_WAREHOUSE_TIMEOUT_MS 放宽时限。',
  'warehouseError.queryFailed': '仓库 {label} 拒绝了一次读取：{detail}。运行 `radar doctor` 检查数据源。',
  'warehouseError.notDuckdb':
    '{path} 不是 DuckDB 数据库（{detail}）。请将 RADAR_WAREHOUSE 或 --warehouse 指向 DuckDB（或 dbt-duckdb 的 `path` 设置）写出的数据库文件。',
  'warehouseError.duckdbLocked':
    'DuckDB 仓库 {path} 正被另一个进程以写方式打开{holderKnown, select, yes {：{holder}} other {}}。文件在写入时（dbt 运行或 DuckDB 会话），DuckDB 不允许任何人读取。请等该进程结束（或关闭会话）后重试，或将 RADAR_WAREHOUSE 指向该文件的副本。',
  'warehouseError.duckdbUnreadable':
    'DuckDB 无法读取仓库 {path}：{detail}。请确认运行 Radar 的用户可以读取该文件，且文件由 DuckDB 1.x 写出；如已损坏，请重新构建（dbt run）或重新复制。',
  'warehouseError.duckdbTimeout':
    '从 DuckDB 仓库 {label} 读取{read, select, table { {table} 表} rowCounts {行数} schemas {schema 列表} tables {表清单} functions {函数清单} other {会话设置}}超过了 {seconds} 秒，Radar 已停止读取。请确认文件位于本地且磁盘不繁忙，或用 RADAR_WAREHOUSE_TIMEOUT_MS 放宽时限（当前为 {timeoutMs}）。',
  'warehouseError.duckdbSchemas':
    'DuckDB 仓库 {path} 的多个 schema（{schemas}）中都有 customer360__ 表，而 `main` 中没有，Radar 无法判断哪一份是数据集市。请把数据集市构建到 `main`（dbt-duckdb 的默认值），或删除过时的副本。',
  'warehouseError.duckdbMissingTable':
    'DuckDB 仓库 {label} 中没有 `{table}` 表。请构建该 dbt 模型（dbt run），或将 RADAR_WAREHOUSE 指向包含数据集市的数据库。运行 `radar doctor --warehouse <path>` 查看数据库内容。',
  'warehouseError.duckdbMissingColumns':
    'DuckDB 仓库 {label} 的 `{table}` 表缺少{count, plural, other {列}} {columns}。请把{count, plural, other {它们}}加入 dbt 模型后重新运行。运行 `radar doctor --warehouse <path>` 查看数据库内容。',
} as const satisfies Record<keyof typeof warehouseErrorsEn, string>;
