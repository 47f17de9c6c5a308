import { tallyZones } from '../../analysis/zones/compute-zones.js';
import { type BacktestResult, backtestRules } from '../../analysis/zones/rules-backtest.js';
import type { ZoneMethod } from '../../analysis/zones/zone-rules.js';
import { describeZoneThresholds, ZONE_METHOD_LABELS } from '../../analysis/zones/zone-rules.js';
import {
  DEFAULT_ZONE_THRESHOLDS,
  readThresholds,
  type ThresholdKey,
  type ZoneThresholds,
  zoneOptionsWith,
} from '../../analysis/zones/zone-thresholds.js';
import type { ZoneRule } from '../../analysis/zones/zone-types.js';
import { loadZoneHistory } from '../../data/queries/zone-history.js';
import { loadZoneInputs } from '../../data/queries/zone-inputs.js';
import { UsageError } from '../../errors.js';
import { formatDate, numberFormat } from '../../format/number-format.js';
import type { AnswerSection, AnswerTable, CommandAnswer } from '../command-answer.js';
import type { CommandContext } from '../command-definition.js';
import { contextLine } from '../context-line.js';
import { buildProvenance } from '../provenance.js';
import { RULES_MESSAGES as M, perWeek, ruleLabel, share } from './rules-messages.js';

const f = numberFormat();

export interface RulesOptions {
  /** Proposed values as typed, by threshold (validated against the thresholds in force when run). */
  readonly proposed: Readonly<Partial<Record<ThresholdKey, string>>>;
  readonly backtest: boolean;
}

const RULES_BY_METHOD: Readonly<Record<ZoneMethod, readonly ZoneRule[]>> = {
  activity: ['stagnant', 'unknown-risk', 'score-below-red', 'score-in-yellow', 'score-above-green', 'missing-inputs'],
  'value-fallback': ['fallback-bottom', 'fallback-low', 'fallback-rest', 'missing-inputs'],
};

const RULE_ZONES: Readonly<Record<ZoneRule, string>> = {
  stagnant: 'red',
  'unknown-risk': 'red',
  'score-below-red': 'red',
  'score-in-yellow': 'yellow',
  'score-above-green': 'green',
  'fallback-bottom': 'red',
  'fallback-low': 'yellow',
  'fallback-rest': 'green',
  'missing-inputs': M.noZone,
};

/** What /radar rules returns as data (and what the Slack modal renders its preview from). */
export interface RulesData {
  readonly method: ZoneMethod;
  readonly inForce: ZoneThresholds;
  readonly changedBy: string | null;
  readonly changedAt: number | null;
  readonly proposed: ZoneThresholds | null;
  readonly byRule: Readonly<Record<string, number>>;
  readonly backtest: BacktestResult | null;
  /** The one-sentence comparison ("now: 126 red, ~18 new a week; with these: …"); null without a backtest. */
  readonly summary: string | null;
}

/** Reads typed values over the thresholds in force; any bad value is a usage error naming all of them. */
export function proposedThresholds(
  inForce: ZoneThresholds,
  raw: Readonly<Partial<Record<ThresholdKey, string>>>,
): ZoneThresholds {
  const { thresholds, problems } = readThresholds(inForce, raw);
  if (problems.length > 0) throw new UsageError(M.problems(problems.map(M.problem)));
  return thresholds;
}

/**
 * /radar rules: the thresholds in force (from Radar's state), customers per rule today, and with proposed values or
 * `backtest` the weekly backtest of both side by side. Reads the latest rows for today and every snapshot row for
 * the backtest.
 */
export async function buildRulesAnswer(options: RulesOptions, context: CommandContext): Promise<CommandAnswer> {
  const state = context.radarState ? await context.radarState() : null;
  const inForce: ZoneThresholds = state?.thresholds ?? DEFAULT_ZONE_THRESHOLDS;
  const wantsBacktest = options.backtest || Object.keys(options.proposed).length > 0;
  const proposed = wantsBacktest ? proposedThresholds(inForce, options.proposed) : null;
  const warehouse = context.warehouse();
  const { inputs, reads } = loadZoneInputs(warehouse, '/radar rules');
  const tally = tallyZones(inputs, zoneOptionsWith(inForce));
  const method = tally.method;
  const rules = RULES_BY_METHOD[method].filter((r) => r !== 'missing-inputs' || tally.byRule[r] > 0);
  const perRule: AnswerTable = {
    columns: M.perRuleColumns,
    rows: rules.map((r) => [ruleLabel(r, inForce), RULE_ZONES[r], f.count(tally.byRule[r])]),
    align: ['left', 'left', 'right'],
  };

  let backtest: BacktestResult | null = null;
  const allReads = [...reads];
  if (proposed !== null) {
    const history = loadZoneHistory(warehouse, '/radar rules backtest');
    allReads.push(...history.reads);
    backtest = backtestRules({
      history: history.history,
      interventions: state?.interventions ?? [],
      current: inForce,
      proposed,
    });
  }
  const summary = backtest === null ? null : summarySentence(backtest);
  const describe = method === 'activity' ? M.thresholdsActivity : M.thresholdsFallback;
  const takeaway =
    state?.changedBy != null && state.changedAt !== null
      ? M.inForceChanged(describe(inForce), M.who(state.changedBy), formatDate(state.changedAt))
      : M.inForceDefault(describe(inForce));
  const provenance = buildProvenance({
    reads: allReads,
    n: tally.n,
    thresholds: describeZoneThresholds(method, zoneOptionsWith(inForce)),
    notes:
      backtest !== null && backtest.rowsWithoutInstant > 0
        ? [M.rowsWithoutInstant(f.count(backtest.rowsWithoutInstant))]
        : [],
  });
  const notes = [
    ...(summary === null ? [] : [summary]),
    ...(backtest === null ? [] : backtestNotes(backtest)),
    ...(state === null ? [M.noState] : []),
  ];
  const tables: Extract<AnswerSection, { kind: 'table' }>[] = [
    { kind: 'table', title: M.perRuleTitle, table: perRule },
  ];
  if (backtest !== null && backtest.cutoffs.length > 1) {
    tables.push({ kind: 'table', title: M.backtestTitle, table: weeklyTable(backtest) });
  }
  const data: RulesData = {
    method,
    inForce,
    changedBy: state?.changedBy ?? null,
    changedAt: state?.changedAt ?? null,
    proposed,
    byRule: tally.byRule,
    backtest,
    summary,
  };
  const command = `/radar rules${proposed === null ? '' : ` ${M.proposedLabel(describe(proposed))}`}`;
  return {
    command,
    title: M.title,
    lead: {
      takeaway,
      accounts: [],
      tables,
      notes,
      context: contextLine(provenance, {
        population: M.population,
        ...(proposed === null ? {} : { changed: [M.proposedLabel(describe(proposed))] }),
      }),
    },
    headline: `${takeaway} ${ZONE_METHOD_LABELS[method]}.`,
    sections: [{ kind: 'text', title: 'Zone rules', lines: describeZoneThresholds(method, zoneOptionsWith(inForce)) }],
    provenance,
    charts: [],
    chartsOmitted: 0,
    data,
  };
}

/** "now: 126 red, ~18 new a week; with these: 74 red, ~9 new a week; 40% of the alerts that disappear …" */
export function summarySentence(b: BacktestResult): string {
  if (b.cutoffs.length < 2) return M.noHistory;
  const now = b.current;
  const next = b.proposed;
  const same =
    now.entered === next.entered && now.redNow === next.redNow && b.disappearing.alerts === 0 && b.appearing === 0;
  if (same) {
    return M.sameRules(
      f.count(now.redNow),
      perWeek(now.newPerWeek),
      now.judged === 0 ? 'none' : share(now.recoveredUnaided / now.judged),
    );
  }
  const d = b.disappearing;
  const parts: string[] = [];
  if (d.alerts === 0) parts.push(M.noneDisappear);
  else if (d.judged === 0) parts.push(M.disappearUnjudged(f.count(d.alerts)));
  else parts.push(M.disappearShare(f.percent(d.recoveredUnaided / d.judged, { decimals: 0 })));
  if (b.appearing > 0) parts.push(M.appear(b.appearing));
  return M.summaryLine(
    f.count(now.redNow),
    perWeek(now.newPerWeek),
    f.count(next.redNow),
    perWeek(next.newPerWeek),
    parts.join('; '),
  );
}

function backtestNotes(b: BacktestResult): string[] {
  if (b.cutoffs.length < 2) return [];
  const first = b.cutoffs[0] as number;
  const last = b.cutoffs.at(-1) as number;
  return [M.method(f.count(b.cutoffs.length), formatDate(first), formatDate(last)), M.recoveryNote];
}

function weeklyTable(b: BacktestResult): AnswerTable {
  const rows = b.current.weeks.map((week, i) => {
    const p = b.proposed.weeks[i];
    const entered = (w: typeof week | undefined) =>
      w?.entered == null
        ? '–'
        : `${f.count(w.entered)} (${w.judged === 0 && w.entered > 0 ? '–' : f.count(w.recoveredUnaided)})`;
    return [formatDate(week.at), f.count(week.red), entered(week), f.count(p?.red ?? 0), entered(p)];
  });
  return { columns: M.backtestColumns, rows, align: ['left', 'right', 'right', 'right', 'right'] };
}
