import type { CategoryRate } from '../../analysis/segment-anomalies/category-rates.js';
import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import { wilsonInterval } from '../../analysis/stats/wilson-interval.js';
import type { Locale } from '../../i18n/locale.js';
import { termFor, translator } from '../../i18n/translate.js';
import type { ChartDefinition } from '../chart-definition.js';
import { LABEL_LINE_BREAK, WRAPPED_LABEL_EXPR } from '../labels.js';
import { UNSTACKED } from '../theme.js';
import {
  chart,
  count as countIn,
  featureShort,
  label,
  percent as percentIn,
  RATE_COLOR,
  SMALL_GROUP,
  sideText,
} from './chart-parts.js';

interface RateBar {
  readonly label: string;
  readonly n: number;
  readonly anomalies: number;
  readonly rate: number;
}

/** The comparison bar (every customer the bars cover) is neutral grey. */
const ALL_COLOR = '#8C8C8C';

/**
 * Horizontal bars of anomaly rates from zero, highest first, each labelled with the rate and n,
 * a 95% Wilson interval whisker (a 0% bar still shows how high it could be), groups under
 * SMALL_GROUP pale, and a grey "All customers" bar last as the baseline.
 */
function rateBars(bars: readonly RateBar[], overall: RateBar, axisTitle: string | null, locale: Locale): object {
  const t = translator(locale);
  const sorted = [...bars].sort((a, b) => b.rate - a.rate || b.n - a.n);
  const values = [...sorted, overall].map((b) => {
    const ci = wilsonInterval(b.anomalies, b.n);
    return {
      ...b,
      all: b === overall,
      small: b.n < SMALL_GROUP,
      low: ci?.low ?? b.rate,
      high: ci?.high ?? b.rate,
      text: t('chart.rate.text', {
        rate: percentIn(b.rate, locale),
        anomalies: countIn(b.anomalies, locale),
        n: countIn(b.n, locale),
      }),
    };
  });
  const y = {
    field: 'label',
    type: 'nominal',
    sort: values.map((v) => v.label),
    title: axisTitle,
    axis: { labelExpr: WRAPPED_LABEL_EXPR, labelLineHeight: 18 },
  };
  const max = Math.max(...values.map((b) => b.high));
  return {
    height: values.length * 52,
    data: { values },
    encoding: { y },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: {
          x: {
            field: 'rate',
            type: 'quantitative',
            stack: UNSTACKED,
            title: t('chart.rate.axis'),
            // Few ticks, and drop any that would still collide (e.g. "45%50%" at the right end).
            axis: { format: '.0%', values: [0, 0.25, 0.5, 0.75, 1] },
            // Room to the right for the value labels.
            scale: { domain: [0, Math.min(1.3, max + 0.3)], nice: false },
          },
          color: { condition: { test: 'datum.all', value: ALL_COLOR }, value: RATE_COLOR },
          fillOpacity: { condition: { test: 'datum.small', value: 0.4 }, value: 1 },
        },
      },
      {
        mark: { type: 'rule', color: '#1F1F1F', strokeWidth: 1.5 },
        encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6 },
        encoding: { x: { field: 'high', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
  };
}

function allCustomers(n: number, anomalies: number, locale: Locale): RateBar {
  return { label: translator(locale)('chart.rate.all'), n, anomalies, rate: anomalies / n };
}

export function buildStageRateChart(result: SegmentAnomaliesResult, locale: Locale = 'en'): ChartDefinition | null {
  if (result.n === 0) return null;
  const t = translator(locale);
  const count = (n: number) => countIn(n, locale);
  const percent = (rate: number) => percentIn(rate, locale);
  const stage = (level: string) => termFor(locale, 'stage', level);
  const bars = result.byStage.map((s: CategoryRate) => ({
    label: label(stage(s.level)),
    n: s.n,
    anomalies: s.anomaliesAbove + s.anomaliesBelow,
    rate: s.anomalyRate,
  }));
  const top = [...result.byStage].filter((s) => s.n >= SMALL_GROUP).sort((a, b) => b.anomalyRate - a.anomalyRate)[0];
  const overall = result.anomalies / result.n;
  const title = top
    ? t('chart.rate.stageTitle', {
        stage: stage(top.level),
        rate: percent(top.anomalyRate),
        n: count(top.n),
        overall: percent(overall),
      })
    : t('chart.rate.stageTitleNone', { small: SMALL_GROUP, overall: percent(overall) });
  return chart(
    'anomaly-rate-by-stage',
    title,
    [
      t('chart.rate.stageSubtitle', { n: count(result.n), points: count(result.threshold * 100) }),
      t('chart.rate.whisker', { small: SMALL_GROUP }),
    ],
    top
      ? t('chart.rate.stageAlt', { stage: stage(top.level), rate: percent(top.anomalyRate), n: count(top.n) })
      : t('chart.rate.noStages'),
    rateBars(bars, allCustomers(result.n, result.anomalies, locale), t('chart.rate.stageAxis'), locale),
  );
}

/** The customers on each side of the best rule (and of the second split inside its riskier side). */
export function buildRuleRateChart(result: SegmentAnomaliesResult, locale: Locale = 'en'): ChartDefinition | null {
  const { first, second, riskiestSide } = result.decisionRules;
  if (first === null || riskiestSide === null) return null;
  const t = translator(locale);
  const count = (n: number) => countIn(n, locale);
  const percent = (rate: number) => percentIn(rate, locale);
  const safe = riskiestSide === 'above' ? 'atOrBelow' : 'above';
  const side = (text: string, s: { n: number; anomalies: number; anomalyRate: number }): RateBar => ({
    label: text,
    n: s.n,
    anomalies: s.anomalies,
    rate: s.anomalyRate,
  });
  const risky = sideText(first, riskiestSide, locale);
  const and = t('chart.rate.ruleAnd', { risky });
  const bars: RateBar[] = [side(sideText(first, safe, locale), first[safe])];
  if (second) {
    bars.push(side(`${and}${LABEL_LINE_BREAK}${sideText(second, 'atOrBelow', locale)}`, second.atOrBelow));
    bars.push(side(`${and}${LABEL_LINE_BREAK}${sideText(second, 'above', locale)}`, second.above));
  } else {
    bars.push(side(risky, first[riskiestSide]));
  }
  const n = first.n;
  const worst = [...bars].sort((a, b) => b.rate - a.rate)[0] as RateBar;
  const riskySide = first[riskiestSide];
  const safeSide = first[safe];
  const title = t('chart.rate.ruleTitle', {
    risky,
    rate: percent(riskySide.anomalyRate),
    other: percent(safeSide.anomalyRate),
  });
  return chart(
    'anomaly-rate-by-rule',
    title,
    [
      t('chart.rate.ruleSubtitle', {
        n: count(n),
        feature: featureShort(first.feature, locale),
        second: second ? 'yes' : 'no',
      }),
      t('chart.rate.whisker', { small: SMALL_GROUP }),
    ],
    t('chart.rate.ruleAlt', { group: worst.label, rate: percent(worst.rate), n: count(worst.n) }),
    rateBars(bars, allCustomers(n, first.atOrBelow.anomalies + first.above.anomalies, locale), null, locale),
  );
}
