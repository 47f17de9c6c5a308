import { basename } from 'node:path';
import { inspectWarehouse, type TableHealth, type WarehouseHealth } from '../data/inspect-warehouse.js';
import type { Warehouse } from '../data/open-warehouse.js';
import { type TableDefinition, WAREHOUSE_TABLES } from '../data/warehouse-schema.js';
import { numberFormat, plural } from '../format/number-format.js';
import type { CommandAnswer } from './command-answer.js';
import type { AnyCommandDefinition } from './command-definition.js';

const fmt = numberFormat();

export type Runnable = 'yes' | 'with fallback' | 'no';

export interface CommandReadiness {
  readonly slash: string;
  readonly runnable: Runnable;
  readonly reasons: readonly string[];
}

/** Which commands can run on this warehouse, and why not, from each command's declared requirements. */
export function assessCommands(health: WarehouseHealth, commands: readonly AnyCommandDefinition[]): CommandReadiness[] {
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
          ? `table ${table.name} is missing`
          : missing.length > 0
            ? `${table.name} lacks ${missing.join(', ')}`
            : table.rows === 0
              ? `${table.name} is empty`
              : numberless.length > 0
                ? `${table.name} has no numbers in ${numberless.join(', ')}`
                : null;
        if (problem === null) continue;
        if (requirement.fallback) {
          if (runnable === 'yes') runnable = 'with fallback';
          reasons.push(`${problem}: ${requirement.fallback}`);
        } else {
          runnable = 'no';
          reasons.push(problem);
        }
      }
      return { slash: command.slash, runnable, reasons };
    });
}

export function buildDoctorAnswer(warehouse: Warehouse, commands: readonly AnyCommandDefinition[]): CommandAnswer {
  const health = inspectWarehouse(warehouse);
  const readiness = assessCommands(health, commands);
  const present = health.tables.filter((t) => t.present);
  const blocked = readiness.filter((r) => r.runnable === 'no');
  const headline =
    `${fmt.count(present.length)} of ${health.tables.length} tables present; data date *${health.dataDate ?? 'unknown'}*. ` +
    (blocked.length === 0
      ? 'Every command can run.'
      : `${plural(blocked.length, 'command')} cannot run: ${blocked.map((b) => b.slash).join(', ')}.`);
  return {
    command: '/radar doctor',
    // The file name, not the server path: the title is shown in Slack channels.
    title: `Warehouse check — ${basename(health.path)}`,
    headline,
    sections: [
      {
        kind: 'table',
        title: 'Tables',
        table: {
          columns: ['Table', 'Rows', 'Columns', 'Keys', 'Keys on several rows', 'Data date'],
          align: ['left', 'right', 'right', 'right', 'right', 'left'],
          rows: health.tables.map((t) => [
            t.name,
            t.present ? fmt.count(t.rows) : 'missing',
            t.present ? `${t.columnsPresent}/${t.columnsExpected}` : '—',
            t.snapshot ? fmt.count(t.snapshot.distinctKeys) : '—',
            t.snapshot ? `${fmt.count(t.snapshot.duplicatedKeys)} (max ${fmt.count(t.snapshot.maxRowsPerKey)})` : '—',
            t.snapshot?.dataDateMs ? new Date(t.snapshot.dataDateMs).toISOString().slice(0, 10) : '—',
          ]),
        },
      },
      {
        kind: 'text',
        title: 'Columns and values',
        lines: columnNotes(health),
      },
      {
        kind: 'text',
        title: 'Speed',
        lines: [snapshotCacheNote(health)],
      },
      {
        kind: 'table',
        title: 'Commands',
        table: {
          columns: ['Command', 'Can run', 'Why'],
          rows: readiness.map((r) => [r.slash, r.runnable, r.reasons.join('; ') || '—']),
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

function snapshotCacheNote(health: WarehouseHealth): string {
  const cache = health.snapshotCache;
  if (cache === null) {
    return 'Snapshot cache: not built for this export yet, so commands read the warehouse directly (same numbers, slower on large exports). `radar serve` builds it in the background; `radar prepare` builds it now.';
  }
  const seconds = fmt.fixed(cache.buildMs / 1000, 1);
  return `Snapshot cache: ready (built ${cache.builtAt.slice(0, 16).replace('T', ' ')} UTC in ${seconds} s); commands read each customer's latest rows from it.`;
}

function columnNotes(health: WarehouseHealth): string[] {
  const lines: string[] = [];
  for (const t of health.tables) {
    if (!t.present) continue;
    if (t.missingColumns.length > 0) {
      lines.push(`${t.name}: missing ${plural(t.missingColumns.length, 'column')}: ${t.missingColumns.join(', ')}`);
    }
    if (t.numberlessColumns.length > 0) {
      lines.push(
        `${t.name}: not one value reads as a number in ${t.numberlessColumns.join(', ')} (text or empty in every row)`,
      );
    }
    if (t.castColumns.length > 0) {
      lines.push(
        `${t.name}: numbers stored as TEXT in ${t.castColumns.join(', ')} (cast on read; unreadable values counted)`,
      );
    }
    const s = t.snapshot;
    if (s && (s.rowsWithoutKey > 0 || s.unparseableTimestamps > 0 || s.missingTimestamps > 0)) {
      lines.push(
        `${t.name}: ${plural(s.rowsWithoutKey, 'row')} without a key, ${plural(s.unparseableTimestamps, 'unparseable timestamp')}, ${plural(s.missingTimestamps, 'missing timestamp')}`,
      );
    }
  }
  lines.push(...mergedKeyNotes(health));
  if (health.otherTables.length > 0) lines.push(`Other tables (not read): ${health.otherTables.join(', ')}`);
  return lines.length > 0 ? lines : ['Every expected column is present and typed as expected.'];
}

/** What key cleaning (Unicode trim, Unicode lower case for emails) merged, so nobody wonders where customers went. */
function mergedKeyNotes(health: WarehouseHealth): string[] {
  return health.tables.flatMap((t) => {
    const merged = t.snapshot?.keysMergedByCleaning ?? 0;
    if (merged === 0) return [];
    const definition: TableDefinition = WAREHOUSE_TABLES[t.id];
    const isEmail = definition.snapshot !== undefined && definition.columns[definition.snapshot.key] === 'email';
    return isEmail
      ? [
          `${t.name}: ${plural(merged, 'email')} differed only by case or surrounding spaces (each read as one customer)`,
        ]
      : [
          `${t.name}: ${plural(merged, 'id')} differed only by surrounding spaces or number-vs-text storage (each read as one key)`,
        ];
  });
}
