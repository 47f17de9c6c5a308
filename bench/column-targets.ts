import type { BenchReport, CommandResult } from './bench-types.js';

/** One row of issue 19's targets: the figure before the columnar work (the issue's "now"), after, and the target. */
export interface ColumnTarget {
  readonly figure: string;
  readonly before: string;
  readonly after: string;
  readonly target: string;
  /** null when this run did not measure it (quick mode has no 100k or 1M). */
  readonly met: boolean | null;
}

const mb = (value: number) => `${Math.round(value).toLocaleString('en-US')} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

/** The name lookup the bench adds after the default commands (size-run.ts). */
export function isNameLookup(c: CommandResult): boolean {
  return c.invocation.startsWith('/customer ') && !c.invocation.includes('@');
}

/**
 * Issue 19's targets table. "Before" is fixed: the figures the issue quotes from the bench of 2026-12-06
 * (bench/results/latest.md at the time), on this 2-core machine.
 */
export function columnTargets(report: BenchReport): ColumnTarget[] {
  const size = (label: string) => report.sizes.find((s) => s.label === label);
  const rows: ColumnTarget[] = [];
  for (const [label, before, limitMb] of [
    ['5k', 731, 400],
    ['100k', 2_087, 700],
    ['1M', 5_477, 1_536],
  ] as const) {
    const s = size(label);
    rows.push({
      figure: `peak RSS at ${label}`,
      before: mb(before),
      after: s ? mb(s.peakRssMb) : 'not measured',
      target: `< ${mb(limitMb)}`,
      met: s ? s.peakRssMb < limitMb : null,
    });
  }
  const m = size('1M');
  const commands = (m?.commands ?? []).filter((c) => c.error === undefined && !c.invocation.startsWith('/radar'));
  const worst = (pick: (c: CommandResult) => number) =>
    commands.reduce<CommandResult | undefined>((w, c) => (w === undefined || pick(c) > pick(w) ? c : w), undefined);
  const first = worst((c) => c.first.endToEnd);
  rows.push({
    figure: 'first answer after opening a prepared export, 1M, every command',
    before: '~15 s (15,462 ms, /investment-mismatch)',
    after: first ? `${secs(first.first.endToEnd)} (${first.invocation})` : 'not measured',
    target: '< 3 s',
    met: first ? first.first.endToEnd < 3_000 : null,
  });
  const p50 = worst((c) => c.endToEnd.p50);
  const p95 = worst((c) => c.endToEnd.p95);
  rows.push({
    figure: 'command p50 / p95 at 1M, every command (worst)',
    before: '3.3 s / 5.9 s (/investment-mismatch)',
    after:
      p50 && p95
        ? `${secs(p50.endToEnd.p50)} (${p50.invocation}) / ${secs(p95.endToEnd.p95)} (${p95.invocation})`
        : 'not measured',
    target: '< 1 s / < 2 s',
    met: p50 && p95 ? p50.endToEnd.p50 < 1_000 && p95.endToEnd.p95 < 2_000 : null,
  });
  const byName = m?.commands.find(isNameLookup);
  rows.push({
    figure: '`/customer <name>` at 1M (p50, end to end)',
    before: '6–10 s',
    after: byName ? `${secs(byName.endToEnd.p50)} (first ${secs(byName.first.endToEnd)})` : 'not measured',
    target: '< 200 ms',
    met: byName ? byName.endToEnd.p50 < 200 : null,
  });
  const prepare = m?.snapshotCache;
  rows.push({
    figure: '`radar prepare` at 1M',
    before: '2 min 16 s',
    after: prepare?.built ? secs(prepare.ms) : prepare ? 'cache was already there' : 'not measured',
    target: '< 60 s',
    met: prepare?.built ? prepare.ms < 60_000 : null,
  });
  rows.push({
    figure: 'red-zone scan at 1M, repeat (p50)',
    before: '3.9 s',
    after: m ? secs(m.scan.repeat.p50) : 'not measured',
    target: '< 1 s',
    met: m ? m.scan.repeat.p50 < 1_000 : null,
  });
  return rows;
}
