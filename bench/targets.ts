import type { BenchReport, SizeResult } from './bench-types.js';

export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  /** null when the bench did not measure it (e.g. quick mode has no 1M). */
  readonly met: boolean | null;
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value).toLocaleString('en-US')} ms` : 'n/a');

/** The issue's targets, checked against what was measured (reported, never asserted in tests). */
export function checkTargets(report: BenchReport): TargetCheck[] {
  const size = (label: string) => report.sizes.find((s) => s.label === label);
  const crashed = (label: string) => report.failures.some((f) => f.label === label);
  const missing = (label: string) =>
    crashed(label)
      ? { measured: `the ${label} run did not finish`, met: false }
      : { measured: 'not measured', met: null };
  const checks: TargetCheck[] = [];
  for (const s of report.sizes) {
    if (s.slack === null) continue;
    checks.push({
      target: `ack p99 < 100 ms under a burst of ${s.slack.concurrency} (${s.label})`,
      measured: ms(s.slack.ack.p99),
      met: s.slack.ack.p99 < 100,
    });
  }
  for (const [label, limit] of [
    ['5k', 1_000],
    ['1M', 3_000],
  ] as const) {
    const s = size(label);
    checks.push(
      s
        ? worstCommand(s, limit, label)
        : { target: `command with charts p50 < ${limit / 1000} s at ${label}`, ...missing(label) },
    );
  }
  const charts = report.sizes.flatMap((s) => s.charts);
  const worstBy = (p50: (c: (typeof charts)[number]) => number) =>
    charts.reduce<(typeof charts)[number] | undefined>(
      (worst, c) => (worst === undefined || p50(c) > p50(worst) ? c : worst),
      undefined,
    );
  const worstSameSpec = worstBy((c) => c.warm.p50);
  // Judged on new data (a spec the worker has not rendered), the stricter of the two warm figures.
  const worstNewData = worstBy((c) => c.warmNewSpec.p50);
  checks.push({
    target: 'chart render warm p50 < 50 ms (every chart, warm worker, new data)',
    measured:
      worstSameSpec && worstNewData
        ? `new data: worst ${worstNewData.id} ${ms(worstNewData.warmNewSpec.p50)} (CPU ${ms(worstNewData.warmNewSpecCpu.p50)}); same spec again: worst ${worstSameSpec.id} ${ms(worstSameSpec.warm.p50)}`
        : 'not measured',
    met: worstNewData ? worstNewData.warmNewSpec.p50 < 50 : null,
  });
  checks.push({
    target: 'npm start shows the local prompt in < 3 s on a built clone',
    ...(report.promptStart
      ? { measured: ms(report.promptStart.p50), met: report.promptStart.p50 < 3_000 }
      : { measured: 'not measured', met: null }),
  });
  const m = size('1M');
  checks.push({
    target: 'red-zone scan of 1M customers < 15 s (first scan after opening)',
    ...(m
      ? { measured: `${ms(m.scan.firstMs)} (repeat p50 ${ms(m.scan.repeat.p50)})`, met: m.scan.firstMs < 15_000 }
      : missing('1M')),
  });
  checks.push({
    target: 'peak RSS < 1 GB at 1M',
    ...(m ? { measured: `${Math.round(m.peakRssMb)} MB`, met: m.peakRssMb < 1_024 } : missing('1M')),
  });
  return checks;
}

/** "Command answered with charts": the slowest charted command's end-to-end p50 must beat the limit. */
function worstCommand(size: SizeResult, limitMs: number, label: string): TargetCheck {
  const target = `command with charts p50 < ${limitMs / 1000} s at ${label} (every command)`;
  const charted = size.commands.filter((c) => c.charts > 0 || c.error !== undefined);
  const worst = charted.reduce<(typeof charted)[number] | undefined>(
    (w, c) => (w === undefined || !(c.endToEnd.p50 <= w.endToEnd.p50) ? c : w),
    undefined,
  );
  if (!worst) return { target, measured: 'no command attached charts', met: null };
  const failed = charted.filter((c) => c.error !== undefined);
  return {
    target,
    measured: `worst ${worst.invocation}: ${ms(worst.endToEnd.p50)}${failed.length > 0 ? `; ${failed.length} failed` : ''}`,
    met: failed.length === 0 && worst.endToEnd.p50 < limitMs,
  };
}
