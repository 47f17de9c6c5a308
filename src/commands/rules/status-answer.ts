import { loadZoneInputs } from '../../data/queries/zone-inputs.js';
import { formatAgeText, formatInstantText } from '../../format/durations.js';
import { formatDate, numberFormat } from '../../format/number-format.js';
import { isMessageKey, translator } from '../../i18n/translate.js';
import type { CommandAnswer } from '../command-answer.js';
import type { CommandContext } from '../command-definition.js';
import { contextLine } from '../context-line.js';
import { buildProvenance } from '../provenance.js';

/** /radar status: how Radar itself is doing, from its state (read by the caller) and the warehouse's data date. */
export async function buildStatusAnswer(context: CommandContext, ownVersion: string): Promise<CommandAnswer> {
  const t = translator(context.locale);
  const f = numberFormat(context.locale);
  const state = context.radarState ? await context.radarState() : null;
  const status = state?.status;
  // The running app's version (from its state snapshot); this process's own when there is none.
  const version = status?.version ?? ownVersion;
  const now = context.now().getTime();
  const { inputs, reads } = loadZoneInputs(context.warehouse(), '/radar status');
  const provenance = buildProvenance({ reads, n: inputs.rows.length });
  const dataDateMs = provenance.dataDateMs ?? null;
  const never = t('status.never');
  const dataDate =
    dataDateMs === null
      ? never
      : t(status?.staleAfterMs === null || status === undefined ? 'status.dataDateUnjudged' : 'status.dataDate', {
          date: formatDate(dataDateMs, t.locale),
          age: formatAgeText(now - dataDateMs, t),
        });
  const rows: string[][] = [[t('status.row.dataDate'), dataDate]];
  let takeaway: string;
  const notes: string[] = [];
  if (status === undefined) {
    takeaway = t('status.noState', { version });
  } else {
    const period = (p: string | null) => (p === null ? never : formatInstantText(Date.parse(`${p.slice(0, 16)}:00Z`)));
    // "2026-W47" → "week 2026-W47" / "2026 年第 47 周"; a key in another form is shown as stored.
    const digestWeek = (isoWeek: string) => {
      const m = /^(\d{4})-W(\d{2})$/.exec(isoWeek);
      return m === null ? isoWeek : t('status.digestWeek', { year: m[1] as string, week: m[2] as string });
    };
    const cacheKey = `status.cache.${status.cache?.kind ?? 'none'}`;
    rows.push(
      [t('status.row.lastScan'), period(status.lastScan)],
      [t('status.row.nextScan'), status.nextScanMs === null ? never : formatInstantText(status.nextScanMs)],
      [t('status.row.lastDigest'), status.lastDigest === null ? never : digestWeek(status.lastDigest)],
      [t('status.row.nextDigest'), t('status.nextDigest', { when: formatDate(status.nextDigestMs, t.locale) })],
      [
        t('status.row.alerts'),
        t('status.alerts', {
          open: f.count(status.alerts.open),
          acknowledged: f.count(status.alerts.acknowledged),
          snoozed: f.count(status.alerts.snoozed),
        }),
      ],
      [
        t('status.row.outbox'),
        t('status.outbox', { pending: f.count(status.outbox.pending), dead: f.count(status.outbox.dead) }),
      ],
      [t('status.row.cache'), isMessageKey(cacheKey) ? t(cacheKey) : (status.cache?.kind ?? '')],
      [t('status.row.state'), status.stateLocation],
    );
    // A problem's detail is the sentence the self-health check wrote, in the admin channel's language.
    for (const p of status.problems) {
      notes.push(
        t('status.problem', { since: p.since === null ? never : formatInstantText(p.since), detail: p.detail }),
      );
    }
    const n = status.problems.length;
    takeaway = n === 0 ? t('status.allWell', { version }) : t('status.problems', { version, n, count: f.count(n) });
  }
  return {
    command: '/radar status',
    title: t('status.title'),
    lead: {
      takeaway,
      accounts: [],
      tables: [
        {
          kind: 'table',
          title: t('status.tableTitle'),
          table: { columns: [t('status.column.what'), t('status.column.state')], rows },
        },
      ],
      notes,
      context: contextLine(provenance, { population: t('status.population') }, t.locale),
    },
    headline: takeaway,
    sections: [],
    provenance,
    charts: [],
    chartsOmitted: 0,
    data: { version, dataDateMs, status: status ?? null },
  };
}
