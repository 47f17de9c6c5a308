import { basename } from 'node:path';
import { inspectWarehouse, type TableHealth, type WarehouseHealth } from '../data/inspect-warehouse.js';
import type { Warehouse } from '../data/open-warehouse.js';
import { type TableDefinition, WAREHOUSE_TABLES } from '../data/warehouse-schema.js';
import { numberFormat } from '../format/number-format.js';
import type { Locale } from '../i18n/locale.js';
import { type MessageKey, type Translate, translator } from '../i18n/translate.js';
import type { CommandAnswer } from './command-answer.js';
import type { AnyCommandDefinition } from './command-definition.js';
import { commandText } from './command-help.js';

export type Runnable = 'yes' | 'with fallback' | 'no';

export interface CommandReadiness {
  readonly slash: string;
  readonly runnable: Runnable;
  readonly reasons: readonly string[];
}

/** Which commands can run on this warehouse, and why not, from each command's declared requirements. */
export function assessCommands(
  health: WarehouseHealth,
  commands: readonly AnyCommandDefinition[],
  locale: Locale = 'en',
): CommandReadiness[] {
  const t = translator(locale);
  const byId = new Map(health.tables.map((t) => [t.id, t]));
  return commands
    .filter((c) => c.requirements.length > 0)
    .map((command) => {
      let runnable: Runnable = 'yes';
      const reasons: string[] = [];
      for (const requirement of command.requirements) {
        const table = byId.get(requirement.table) as TableHealth;
        const missing = requirement.columns.filter((c) => table.missingColumns.includes(c));
        const numberless = requirement.columns.filter((c) => table.numberlessColumns.includes(c));
        const problem = !table.present
          ? t('doctor.problem.missingTable', { table: table.name })
          : missing.length > 0
            ? t('doctor.problem.lacks', { table: table.name, columns: missing.join(', ') })
            : table.rows === 0
              ? t('doctor.problem.empty', { table: table.name })
              : numberless.length > 0
                ? t('doctor.problem.numberless', { table: table.name, columns: numberless.join(', ') })
                : null;
        if (problem === null) continue;
        if (requirement.fallback) {
          if (runnable === 'yes') runnable = 'with fallback';
          const fallback = commandText(command, `fallback.${requirement.table}`, requirement.fallback, t);
          reasons.push(t('doctor.reasonWithFallback', { problem, fallback }));
        } else {
          runnable = 'no';
          reasons.push(problem);
        }
      }
      return { slash: command.slash, runnable, reasons };
    });
}

export function buildDoctorAnswer(
  warehouse: Warehouse,
  commands: readonly AnyCommandDefinition[],
  locale: Locale = 'en',
  now?: Date,
): CommandAnswer {
  const t = translator(locale);
  const fmt = numberFormat(locale);
  const health = inspectWarehouse(warehouse);
  const readiness = assessCommands(health, commands, locale);
  const present = health.tables.filter((table) => table.present);
  const blocked = readiness.filter((r) => r.runnable === 'no');
  const headline = t('doctor.headline', {
    present: fmt.count(present.length),
    total: health.tables.length,
    date: health.dataDate ?? t('doctor.dateUnknown'),
    commands:
      blocked.length === 0
        ? t('doctor.allRun')
        : t('doctor.blocked', { n: blocked.length, list: blocked.map((b) => b.slash).join(', ') }),
  });
  return {
    command: '/radar doctor',
    // The file name, not the server path: the title is shown in Slack channels. A database's label has no password.
    title: t('doctor.title', { file: sourceName(health) }),
    headline,
    sections: [
      { kind: 'text', title: t('doctor.source'), lines: sourceLines(health, t, now) },
      {
        kind: 'table',
        title: t('doctor.tables'),
        table: {
          columns: t('doctor.tableColumns').split('|'),
          align: ['left', 'right', 'right', 'right', 'right', 'left'],
          rows: health.tables.map((table) => [
            table.name,
            table.present ? fmt.count(table.rows) : t('doctor.missing'),
            table.present ? `${table.columnsPresent}/${table.columnsExpected}` : '—',
            table.snapshot ? fmt.count(table.snapshot.distinctKeys) : '—',
            table.snapshot
              ? t('doctor.maxRows', {
                  n: fmt.count(table.snapshot.duplicatedKeys),
                  max: fmt.count(table.snapshot.maxRowsPerKey),
                })
              : '—',
            table.snapshot?.dataDateMs ? new Date(table.snapshot.dataDateMs).toISOString().slice(0, 10) : '—',
          ]),
        },
      },
      {
        kind: 'text',
        title: t('doctor.columnsTitle'),
        lines: columnNotes(health, t),
      },
      {
        kind: 'text',
        title: t('doctor.speed'),
        lines: [snapshotCacheNote(health, t)],
      },
      {
        kind: 'table',
        title: t('doctor.commands'),
        table: {
          columns: t('doctor.commandColumns').split('|'),
          rows: readiness.map((r) => [
            r.slash,
            t(`doctor.runnable.${r.runnable}` as MessageKey),
            r.reasons.join('; ') || '—',
          ]),
        },
      },
    ],
    // The tables section is the provenance here; a footer repeating it would only add noise.
    provenance: { tables: [], n: 0, filters: [], thresholds: [], dataDate: health.dataDate, qualityNotes: [] },
    charts: [],
    chartsOmitted: 0,
    data: { health, readiness },
  };
}

const ENGINE_NAMES = { postgres: 'Postgres', duckdb: 'DuckDB' } as const;

/** A short name for titles shown in channels: the file name, or the database and schema without host or user. */
function sourceName(health: WarehouseHealth): string {
  const source = health.source;
  if (source.kind !== 'postgres') return basename(source.kind === 'sqlite' ? health.path : source.label);
  try {
    const url = new URL(source.label);
    const schema = url.searchParams.get('schema');
    return `${ENGINE_NAMES.postgres} ${decodeURIComponent(url.pathname.slice(1))}${schema === null ? '' : `.${schema}`}`;
  } catch {
    return ENGINE_NAMES.postgres;
  }
}

/** Which source answered, that it is read-only, and for a database how fresh the local copy is. */
function sourceLines(health: WarehouseHealth, t: Translate, now: Date | undefined): string[] {
  const source = health.source;
  if (source.kind === 'sqlite' || source.replica === undefined) {
    return [t('doctor.source.sqlite', { file: basename(health.path) })];
  }
  const replica = source.replica;
  const minutes =
    now === undefined ? null : Math.max(0, Math.floor((now.getTime() - Date.parse(replica.builtAt)) / 60_000));
  const stamp = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  return [
    t('doctor.source.database', {
      kind: ENGINE_NAMES[source.kind],
      label: source.label,
      session: replica.session === '' ? 'read-only' : replica.session,
    }),
    t('doctor.source.replica', {
      fingerprintAt: stamp(replica.fingerprintAt),
      builtAt: stamp(replica.builtAt),
      age: minutes === null || Number.isNaN(minutes) ? '' : t('doctor.source.age', { minutes }),
    }),
  ];
}

function snapshotCacheNote(health: WarehouseHealth, t: Translate): string {
  const cache = health.snapshotCache;
  if (cache === null) return t('doctor.cacheMissing');
  const seconds = numberFormat(t.locale).fixed(cache.buildMs / 1000, 1);
  return t('doctor.cacheReady', { at: cache.builtAt.slice(0, 16).replace('T', ' '), seconds });
}

function columnNotes(health: WarehouseHealth, t: Translate): string[] {
  const lines: string[] = [];
  for (const table of health.tables) {
    if (!table.present) continue;
    const name = table.name;
    if (table.missingColumns.length > 0) {
      lines.push(
        t('doctor.col.missing', {
          table: name,
          n: table.missingColumns.length,
          columns: table.missingColumns.join(', '),
        }),
      );
    }
    if (table.numberlessColumns.length > 0) {
      lines.push(t('doctor.col.numberless', { table: name, columns: table.numberlessColumns.join(', ') }));
    }
    if (table.castColumns.length > 0) {
      lines.push(t('doctor.col.cast', { table: name, columns: table.castColumns.join(', ') }));
    }
    const s = table.snapshot;
    if (s && (s.rowsWithoutKey > 0 || s.unparseableTimestamps > 0 || s.missingTimestamps > 0)) {
      lines.push(
        t('doctor.col.snapshot', {
          table: name,
          rows: s.rowsWithoutKey,
          unparseable: s.unparseableTimestamps,
          missing: s.missingTimestamps,
        }),
      );
    }
  }
  lines.push(...mergedKeyNotes(health, t));
  if (health.otherTables.length > 0) lines.push(t('doctor.col.other', { tables: health.otherTables.join(', ') }));
  return lines.length > 0 ? lines : [t('doctor.col.allGood')];
}

/** What key cleaning (Unicode trim, Unicode lower case for emails) merged, so nobody wonders where customers went. */
function mergedKeyNotes(health: WarehouseHealth, t: Translate): string[] {
  return health.tables.flatMap((table) => {
    const merged = table.snapshot?.keysMergedByCleaning ?? 0;
    if (merged === 0) return [];
    const definition: TableDefinition = WAREHOUSE_TABLES[table.id];
    const isEmail = definition.snapshot !== undefined && definition.columns[definition.snapshot.key] === 'email';
    return [t(isEmail ? 'doctor.merged.email' : 'doctor.merged.id', { table: table.name, n: merged })];
  });
}
