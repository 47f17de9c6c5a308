import { loadZoneInputs } from '../../data/queries/zone-inputs.js';
import { formatAgeText, formatInstantText } from '../../format/durations.js';
import { formatDate } from '../../format/number-format.js';
import type { CommandAnswer } from '../command-answer.js';
import type { CommandContext } from '../command-definition.js';
import { contextLine } from '../context-line.js';
import { buildProvenance } from '../provenance.js';
import { STATUS_MESSAGES as M } from './status-messages.js';

/** /radar status: how Radar itself is doing, from its state (read by the caller) and the warehouse's data date. */
export async function buildStatusAnswer(context: CommandContext, ownVersion: string): Promise<CommandAnswer> {
  const state = context.radarState ? await context.radarState() : null;
  const status = state?.status;
  // The running app's version (from its state snapshot); this process's own when there is none.
  const version = status?.version ?? ownVersion;
  const now = context.now().getTime();
  const { inputs, reads } = loadZoneInputs(context.warehouse(), '/radar status');
  const provenance = buildProvenance({ reads, n: inputs.rows.length });
  const dataDateMs = provenance.dataDateMs ?? null;
  const dataDate =
    dataDateMs === null
      ? M.never
      : status?.staleAfterMs === null || status === undefined
        ? M.dataDateUnjudged(formatDate(dataDateMs), formatAgeText(now - dataDateMs))
        : M.dataDate(formatDate(dataDateMs), formatAgeText(now - dataDateMs));
  const rows: string[][] = [[M.rows.dataDate, dataDate]];
  let takeaway: string;
  const notes: string[] = [];
  if (status === undefined) {
    takeaway = M.noState(version);
  } else {
    const period = (p: string | null) =>
      p === null ? M.never : formatInstantText(Date.parse(`${p.slice(0, 16)}:00Z`));
    rows.push(
      [M.rows.lastScan, period(status.lastScan)],
      [M.rows.nextScan, status.nextScanMs === null ? M.never : formatInstantText(status.nextScanMs)],
      [M.rows.lastDigest, status.lastDigest === null ? M.never : M.digestWeek(status.lastDigest)],
      [M.rows.nextDigest, M.nextDigest(formatDate(status.nextDigestMs))],
      [M.rows.alerts, M.alerts(status.alerts.open, status.alerts.acknowledged, status.alerts.snoozed)],
      [M.rows.outbox, M.outbox(status.outbox.pending, status.outbox.dead)],
      [M.rows.cache, M.cache[status.cache?.kind ?? 'none'] ?? status.cache?.kind ?? ''],
      [M.rows.state, status.stateLocation],
    );
    for (const p of status.problems) {
      notes.push(M.problem(p.since === null ? M.never : formatInstantText(p.since), p.detail));
    }
    takeaway = status.problems.length === 0 ? M.allWell(version) : M.problems(version, status.problems.length);
  }
  return {
    command: '/radar status',
    title: M.title,
    lead: {
      takeaway,
      accounts: [],
      tables: [{ kind: 'table', title: M.tableTitle, table: { columns: M.columns, rows } }],
      notes,
      context: contextLine(provenance, { population: M.population }),
    },
    headline: takeaway,
    sections: [],
    provenance,
    charts: [],
    chartsOmitted: 0,
    data: { version, dataDateMs, status: status ?? null },
  };
}
