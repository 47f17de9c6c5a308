import { tallyZones } from '../../analysis/zones/compute-zones.js';
import { type BacktestResult, backtestRules } from '../../analysis/zones/rules-backtest.js';
import type { ZoneMethod } from '../../analysis/zones/zone-rules.js';
import { describeZoneThresholds } from '../../analysis/zones/zone-rules.js';
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
import { type Translate, termFor, translator } from '../../i18n/translate.js';
import type { AnswerSection, AnswerTable, CommandAnswer } from '../command-answer.js';
import type { CommandContext } from '../command-definition.js';
import { contextLine } from '../context-line.js';
import { buildProvenance } from '../provenance.js';
import { describeThresholds, perWeek, problemsText, ruleLabel, share } from './rule-text.js';

export interface RulesOptions {
  /** Proposed values as typed, by threshold (validated against the thresholds in force when run). */
  readonly proposed: Readonly<Partial<Record<ThresholdKey, string>>>;
  readonly backtest: boolean;
}

const RULES_BY_METHOD: Readonly<Record<ZoneMethod, readonly ZoneRule[]>> = {
  activity: ['stagnant', 'unknown-risk', 'score-below-red', 'score-in-yellow', 'score-above-green', 'missing-inputs'],
  'value-fallback': ['fallback-bottom', 'fallback-low', 'fallback-rest', 'missing-inputs'],
};

const RULE_ZONES: Readonly<Record<ZoneRule, 'red' | 'yellow' | 'green' | null>> = {
  stagnant: 'red',
  'unknown-risk': 'red',
  'score-below-red': 'red',
  'score-in-yellow': 'yellow',
  'score-above-green': 'green',
  'fallback-bottom': 'red',
  'fallback-low': 'yellow',
  'fallback-rest': 'green',
  'missing-inputs': null,
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
  t: Translate = translator('en'),
): ZoneThresholds {
  const { thresholds, problems } = readThresholds(inForce, raw);
  if (problems.length > 0) throw new UsageError(problemsText(t, problems));
  return thresholds;
}

/**
 * /radar rules: the thresholds in force (from Radar's state), customers per rule today, and with proposed values or
 * `backtest` the weekly backtest of both side by side. Reads the latest rows for today and every snapshot row for
 * the backtest.
 */
export async function buildRulesAnswer(options: RulesOptions, context: CommandContext): Promise<CommandAnswer> {
  const t = translator(context.locale);
  const f = numberFormat(context.locale);
  const state = context.radarState ? await context.radarState() : null;
  const inForce: ZoneThresholds = state?.thresholds ?? DEFAULT_ZONE_THRESHOLDS;
  const wantsBacktest = options.backtest || Object.keys(options.proposed).length > 0;
  const proposed = wantsBacktest ? proposedThresholds(inForce, options.proposed, t) : null;
  const warehouse = context.warehouse();
  const { inputs, reads } = loadZoneInputs(warehouse, '/radar rules');
  const tally = tallyZones(inputs, zoneOptionsWith(inForce));
  const method = tally.method;
  const rules = RULES_BY_METHOD[method].filter((r) => r !== 'missing-inputs' || tally.byRule[r] > 0);
  const perRule: AnswerTable = {
    columns: [t('rules.column.rule'), t('rules.column.zone'), t('rules.column.customers')],
    rows: rules.map((r) => {
      const zone = RULE_ZONES[r];
      return [
        ruleLabel(t, r, inForce),
        zone === null ? t('rules.noZone') : termFor(t.locale, 'zone', zone),
        f.count(tally.byRule[r]),
      ];
    }),
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
  const summary = backtest === null ? null : summarySentence(backtest, t);
  const describe = (thresholds: ZoneThresholds) => describeThresholds(t, method, thresholds);
  const takeaway =
    state?.changedBy != null && state.changedAt !== null
      ? t('rules.inForceChanged', {
          thresholds: describe(inForce),
          who: `<@${state.changedBy}>`,
          when: formatDate(state.changedAt, t.locale),
        })
      : t('rules.inForceDefault', { thresholds: describe(inForce) });
  const provenance = buildProvenance({
    reads: allReads,
    n: tally.n,
    thresholds: describeZoneThresholds(method, zoneOptionsWith(inForce)),
    notes:
      backtest !== null && backtest.rowsWithoutInstant > 0
        ? [t('rules.rowsWithoutInstant', { count: f.count(backtest.rowsWithoutInstant) })]
        : [],
  });
  const notes = [
    ...(summary === null ? [] : [summary]),
    ...(backtest === null ? [] : backtestNotes(backtest, t)),
    ...(state === null ? [t('rules.noState')] : []),
  ];
  const tables: Extract<AnswerSection, { kind: 'table' }>[] = [
    { kind: 'table', title: t('rules.perRuleTitle'), table: perRule },
  ];
  if (backtest !== null && backtest.cutoffs.length > 1) {
    tables.push({ kind: 'table', title: t('rules.backtestTitle'), table: weeklyTable(backtest, t) });
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
  const proposedLabel = proposed === null ? null : t('rules.proposedLabel', { thresholds: describe(proposed) });
  const command = `/radar rules${proposedLabel === null ? '' : ` ${proposedLabel}`}`;
  return {
    command,
    title: t('rules.title'),
    lead: {
      takeaway,
      accounts: [],
      tables,
      notes,
      context: contextLine(
        provenance,
        {
          population: t('rules.population'),
          ...(proposedLabel === null ? {} : { changed: [proposedLabel] }),
        },
        t.locale,
      ),
    },
    headline: t('rules.headline', { takeaway, method: t(`zones.method.${method}`) }),
    sections: [
      { kind: 'text', title: t('rules.sectionTitle'), lines: describeZoneThresholds(method, zoneOptionsWith(inForce)) },
    ],
    provenance,
    charts: [],
    chartsOmitted: 0,
    data,
  };
}

/** "now: 126 red, ~18 new a week; with these: 74 red, ~9 new a week; 40% of the alerts that disappear …" */
export function summarySentence(b: BacktestResult, t: Translate = translator('en')): string {
  const f = numberFormat(t.locale);
  if (b.cutoffs.length < 2) return t('rules.noHistory');
  const now = b.current;
  const next = b.proposed;
  const same =
    now.entered === next.entered && now.redNow === next.redNow && b.disappearing.alerts === 0 && b.appearing === 0;
  if (same) {
    return t('rules.sameRules', {
      redNow: f.count(now.redNow),
      newNow: perWeek(t, now.newPerWeek),
      recovered: now.judged === 0 ? t('rules.recoveredNone') : share(t, now.recoveredUnaided / now.judged),
    });
  }
  const d = b.disappearing;
  const parts: string[] = [];
  if (d.alerts === 0) parts.push(t('rules.noneDisappear'));
  else if (d.judged === 0) parts.push(t('rules.disappearUnjudged', { count: f.count(d.alerts) }));
  else parts.push(t('rules.disappearShare', { percent: f.percent(d.recoveredUnaided / d.judged, { decimals: 0 }) }));
  if (b.appearing > 0) parts.push(t('rules.appear', { n: b.appearing, count: f.count(b.appearing) }));
  return t('rules.summaryLine', {
    redNow: f.count(now.redNow),
    newNow: perWeek(t, now.newPerWeek),
    redProposed: f.count(next.redNow),
    newProposed: perWeek(t, next.newPerWeek),
    disappear: parts.reduce((first, second) => t('rules.partsJoin', { first, second })),
  });
}

function backtestNotes(b: BacktestResult, t: Translate): string[] {
  const f = numberFormat(t.locale);
  if (b.cutoffs.length < 2) return [];
  const first = b.cutoffs[0] as number;
  const last = b.cutoffs.at(-1) as number;
  return [
    t('rules.method', {
      weeks: f.count(b.cutoffs.length),
      first: formatDate(first, t.locale),
      last: formatDate(last, t.locale),
    }),
    t('rules.recoveryNote'),
  ];
}

/** The weekly backtest columns, shared with the modal's preview. */
export function backtestColumns(t: Translate): string[] {
  return [
    t('rules.column.week'),
    t('rules.column.red'),
    t('rules.column.new'),
    t('rules.column.redProposed'),
    t('rules.column.newProposed'),
  ];
}

function weeklyTable(b: BacktestResult, t: Translate): AnswerTable {
  const f = numberFormat(t.locale);
  const rows = b.current.weeks.map((week, i) => {
    const p = b.proposed.weeks[i];
    const entered = (w: typeof week | undefined) =>
      w?.entered == null
        ? '–'
        : `${f.count(w.entered)} (${w.judged === 0 && w.entered > 0 ? '–' : f.count(w.recoveredUnaided)})`;
    return [formatDate(week.at, t.locale), f.count(week.red), entered(week), f.count(p?.red ?? 0), entered(p)];
  });
  return { columns: backtestColumns(t), rows, align: ['left', 'right', 'right', 'right', 'right'] };
}
