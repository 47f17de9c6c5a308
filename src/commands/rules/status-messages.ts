import { numberFormat } from '../../format/number-format.js';

const f = numberFormat();

/** Every sentence of /radar status, in one place (issue 16 moves them into the catalogue). */
export const STATUS_MESSAGES = {
  title: 'Radar status',
  summary: 'Version, data date, last and next scan and digest, alerts, deliveries, cache and current problems',
  help: [
    'Says how Radar itself is doing: its version, the data date and its age, the last and next red-zone scan and digest, alerts open / acknowledged / snoozed, messages waiting or given up, the snapshot cache, and any problem the self-health check has open (those are also posted to RADAR_ADMIN_CHANNEL).',
  ],
  allWell: (version: string) => `Radar ${version} is well: no open problem.`,
  problems: (version: string, n: number) =>
    `Radar ${version} has ${f.count(n)} open ${n === 1 ? 'problem' : 'problems'}; see below.`,
  noState: (version: string) =>
    `Radar ${version}: alerts are off here (no RADAR_ALERT_CHANNEL), so there is no scan, digest or delivery to report.`,
  tableTitle: 'Status',
  columns: ['what', 'state'],
  rows: {
    dataDate: 'data date',
    lastScan: 'last scan',
    nextScan: 'next scan',
    lastDigest: 'last digest',
    nextDigest: 'next digest',
    alerts: 'alerts',
    outbox: 'deliveries',
    cache: 'snapshot cache',
    state: 'state',
  },
  dataDate: (date: string, age: string) => `${date} (${age} old)`,
  dataDateUnjudged: (date: string, age: string) => `${date} (${age} old; not judged for the bundled demo)`,
  never: 'never',
  digestWeek: (isoWeek: string) => `week ${isoWeek}`,
  nextDigest: (when: string) => `${when}, 09:00 in each manager's time zone`,
  alerts: (open: number, acknowledged: number, snoozed: number) =>
    `${f.count(open)} open, ${f.count(acknowledged)} acknowledged, ${f.count(snoozed)} snoozed`,
  outbox: (pending: number, dead: number) => `${f.count(pending)} waiting, ${f.count(dead)} gave up`,
  cache: {
    'not-started': 'not built yet (waits for a quiet moment)',
    building: 'building',
    ready: 'built',
    failed: 'failed',
    none: 'not kept by this process (radar prepare builds it)',
  } as Readonly<Record<string, string>>,
  problem: (since: string, detail: string) => `Since ${since}: ${detail}`,
  population: 'customers',
  staleWarning: (age: string, limit: string) =>
    `⚠ The data is ${age} old (older than ${limit}): the warehouse export may have stopped arriving; /radar status says more.`,
} as const;
