import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { numberFormat } from '../src/format/number-format.js';
import type { BenchReport, CleaningCost, CleaningCostResult, SizeResult, SnapshotCacheResult } from './bench-types.js';
import { columnTargets } from './column-targets.js';
import type { Summary } from './stats.js';
import { checkTargets } from './targets.js';

const ms = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');
const pair = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)}`;

/** Writes `latest.json` (everything measured) and `latest.md` (the tables people read) into `directory`. */
export function writeReport(report: BenchReport, directory: string): void {
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    join(directory, 'latest.json'),
    `${JSON.stringify({ ...report, targets: checkTargets(report) }, null, 2)}\n`,
  );
  writeFileSync(join(directory, 'latest.md'), formatMarkdown(report));
}

export function formatMarkdown(report: BenchReport): string {
  const { machine } = report;
  const lines: string[] = [
    '# Radar performance: `npm run bench`',
    '',
    `Run ${report.startedAt} (${report.mode} mode), total wall time ${formatDuration(report.wallMs)}.`,
    '',
    `Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB RAM, Node ${machine.node}, ${machine.platform}; load average at start ${machine.loadAverageAtStart.map((l) => l.toFixed(2)).join(', ')}.`,
    '',
    '## Targets',
    '',
    '| Target | Measured | Met |',
    '| --- | --- | --- |',
    ...checkTargets(report).map(
      (t) => `| ${t.target} | ${t.measured} | ${t.met === null ? '–' : t.met ? 'yes' : '**no**'} |`,
    ),
    '',
    '## Issue 19 targets: columns end to end (before → after)',
    '',
    '| Figure | Before | After | Target | Met |',
    '| --- | --- | --- | --- | --- |',
    ...columnTargets(report).map(
      (t) =>
        `| ${t.figure} | ${t.before} | ${t.after} | ${t.target} | ${t.met === null ? '–' : t.met ? 'yes' : '**no**'} |`,
    ),
    '',
    '## How to read this',
    '',
    '- Each size runs in a fresh child process, so its peak RSS (chart workers included: they are threads) is its own.',
    '- Per command (default `charts=`, i.e. up to 3 charts): **load** = time the warehouse spent reading (the snapshot cache or SQL, and row cleaning, in `readTable`); **analyse** = the rest of `runCommand` (parsing, analysis and building the answer); **render** = every attached chart to PNG through the worker pool, in parallel as Slack delivery does; **present** = the answer laid out as Block Kit messages; **end to end** = all four. *First* is the first run after opening the warehouse, with its snapshot cache ready; p50 / p95 are over the runs after it (at least one; a slow command stops repeating once its time budget is used up).',
    '- The red-zone scan is the zone inputs of every customer plus the zones computation (what `src/alerts` will run).',
    '- The Slack burst sends 20 signed slash commands at once to the real Bolt HTTP receiver backed by the fake Slack; *ack* is the HTTP response time, *answered* is from the start of the burst until each answer (with charts) was posted.',
    '',
  ];
  if (report.coldStart) {
    lines.push(
      '## Cold start',
      '',
      `\`node bin/radar.js serve\` from spawn to "listening" (token check against the fake Slack, warehouse opened): p50 ${ms(report.coldStart.p50)} ms over ${report.coldStart.runs.length} runs (${report.coldStart.runs.map(ms).join(', ')} ms).`,
      '',
      ...(report.promptStart
        ? [
            `\`npm start\` (\`node bin/start.js\`, built clone, no Slack tokens) from spawn to the local prompt: p50 ${ms(report.promptStart.p50)} ms over ${report.promptStart.runs.length} runs (${report.promptStart.runs.map(ms).join(', ')} ms).`,
            '',
          ]
        : []),
    );
  }
  for (const size of report.sizes) lines.push(...formatSize(size));
  for (const f of report.failures) {
    lines.push(
      `## ${f.label}: ${f.customers.toLocaleString('en-US')} customers: did not finish`,
      '',
      `${f.reason}.`,
      '',
    );
  }
  lines.push(...formatCleaningCost(report.cleaningCost));
  return `${lines.join('\n')}\n`;
}

const STEP_NAMES: Readonly<Record<CleaningCostResult['step'], string>> = {
  email: 'Email key (count of distinct keys)',
  timestamp: 'Timestamp to instant (max)',
  ranking: 'Latest snapshot per customer (rankedRowsSql: snapshot-cache build, SQLite reads)',
};

function formatCleaningCost(cost: CleaningCost): string[] {
  const n = numberFormat();
  const rows = cost.rows === 1_000_000 ? '1M' : n.count(cost.rows);
  const lines = [`## Cost of the Unicode cleaning rule at ${rows} rows`, ''];
  if (cost.error !== undefined) return [...lines, `Did not finish: ${cost.error}.`, ''];
  lines.push(
    `\`bench/measure-cleaning-cost.ts\` on ${n.count(cost.rows)} synthetic rows in an in-memory SQLite table (one in three international: Cyrillic, CJK, Unicode spaces; a third of timestamps with offsets; two rows per customer). Each statement runs twice and the second run is timed. **Before** = SQLite's ASCII built-ins (\`lower\`/\`trim\`, \`julianday\`), the rule until issue 21; **after** = the rule as shipped (\`cleanEmailSql\`: ASCII fast path, else \`radar_clean_email\`; \`radar_instant_ms\`; the materialised ranking of \`rankedRowsSql\`).`,
    '',
    '| Step | Before (ns/row) | After (ns/row) | Extra (ns/row) | Before / after (ms) |',
    '| --- | ---: | ---: | ---: | ---: |',
  );
  for (const step of Object.keys(STEP_NAMES) as CleaningCostResult['step'][]) {
    const before = cost.results.find((r) => r.step === step && r.variant === 'before');
    const after = cost.results.find((r) => r.step === step && r.variant === 'after');
    if (!before || !after) continue;
    lines.push(
      `| ${STEP_NAMES[step]} | ${n.count(before.nsPerRow)} | ${n.count(after.nsPerRow)} | ${n.count(after.nsPerRow - before.nsPerRow)} | ${n.count(before.ms)} / ${n.count(after.ms)} |`,
    );
  }
  const others = cost.results.filter((r) => r.variant === 'typescript' || r.variant === 'alternative');
  if (others.length > 0) {
    lines.push('', 'For comparison:', '', '| Measurement | ms | ns/row |', '| --- | ---: | ---: |');
    for (const r of others) lines.push(`| ${r.label} | ${n.count(r.ms)} | ${n.count(r.nsPerRow)} |`);
  }
  lines.push('');
  return lines;
}

function snapshotCacheLine(cache: SnapshotCacheResult | null): string {
  if (cache === null) return 'Snapshot cache: none (commands read SQLite directly).';
  const size = `${(cache.bytes / 1024 ** 2).toFixed(0)} MB`;
  return cache.built
    ? `Snapshot cache (\`radar prepare\`, once per export; \`radar serve\` builds it in a worker thread): built in ${formatDuration(cache.ms)} (opening the export to the last file written; the manifest's own clock, which stops before the stored joins, says ${formatDuration(cache.buildMs)}), ${size}, peak RSS ${Math.round(cache.peakRssMb)} MB in its own process. Commands below read it.`
    : `Snapshot cache (\`radar prepare\`, once per export): already there for this export (it took ${formatDuration(cache.buildMs)} to build), ${size}. Commands below read it.`;
}

function formatSize(size: SizeResult): string[] {
  const w = size.warehouse;
  const lines = [
    `## ${size.label}: ${size.customers.toLocaleString('en-US')} customers`,
    '',
    `Warehouse ${(w.bytes / 1024 ** 2).toFixed(0)} MB, ${w.cached ? 'from cache' : `built in ${formatDuration(w.buildMs)}`}. Peak RSS ${Math.round(size.peakRssMb)} MB; this size took ${formatDuration(size.wallMs)}.`,
    '',
    snapshotCacheLine(size.snapshotCache),
    '',
    '| Command | Charts | First (ms) | Load p50 / p95 | Analyse p50 / p95 | Render p50 / p95 | Present p50 / p95 | End to end p50 / p95 (ms) | Runs |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const c of size.commands) {
    const name = c.error ? `${c.invocation} (failed: ${c.error.replaceAll('|', '\\|').slice(0, 120)})` : c.invocation;
    lines.push(
      `| \`${name}\` | ${c.charts} | ${ms(c.first.endToEnd)} | ${pair(c.load)} | ${pair(c.analyse)} | ${pair(c.render)} | ${pair(c.present)} | ${pair(c.endToEnd)} | ${c.runs} |`,
    );
  }
  lines.push(
    '',
    `Red-zone scan: ${size.scan.customers.toLocaleString('en-US')} customers, ${size.scan.red.toLocaleString('en-US')} red; first ${ms(size.scan.firstMs)} ms, repeat p50 ${ms(size.scan.repeat.p50)} ms.`,
    '',
  );
  if (size.slack) {
    const outcomes = Object.entries(size.slack.outcomes)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
    lines.push(
      `Slack burst of ${size.slack.concurrency}: ack p50 ${ms(size.slack.ack.p50)} ms, p99 ${ms(size.slack.ack.p99)} ms; answered p50 ${ms(size.slack.answered.p50)} ms, p95 ${ms(size.slack.answered.p95)} ms, last ${ms(size.slack.answered.max)} ms (${outcomes}).`,
      '',
    );
  }
  if (size.charts.length > 0) {
    lines.push(
      `Charts (\`charts=all\`) through a one-worker pool. **Cold**: first render in a fresh worker. **Warm**: a worker that has rendered every chart below once (as a running \`radar serve\` worker has), p50 / p95 over ${size.charts[0]?.warmNewSpec.n ?? 0} renders per chart, round-robin across charts; *new data* = a spec the worker has not rendered (the target is judged on it), *same spec* = the spec it rendered just before (answered from the worker's PNG cache). **CPU** = process CPU time (worker JavaScript and GC, libvips rasterising and PNG encoding) per new-data render: it moves far less than wall time when other processes load the machine, but it does move (shared caches and cores), so compare runs at similar load.`,
      '',
      '| Chart | Command | Cold (ms) | Warm, new data p50 / p95 (ms) | CPU p50 / p95 (ms) | Warm, same spec p50 / p95 (ms) |',
      '| --- | --- | ---: | ---: | ---: | ---: |',
    );
    for (const c of size.charts)
      lines.push(
        `| ${c.id} | \`${c.command}\` | ${ms(c.coldMs)} | ${pair(c.warmNewSpec)} | ${pair(c.warmNewSpecCpu)} | ${pair(c.warm)} |`,
      );
    lines.push('');
  }
  return lines;
}

export function formatDuration(msValue: number): string {
  if (msValue < 60_000) return `${(msValue / 1000).toFixed(1)} s`;
  return `${Math.floor(msValue / 60_000)} min ${Math.round((msValue % 60_000) / 1000)} s`;
}
