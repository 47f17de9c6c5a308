import type { CategoryRate } from '../../analysis/segment-anomalies/category-rates.js';
import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import { wilsonInterval } from '../../analysis/stats/wilson-interval.js';
import type { ChartDefinition } from '../chart-definition.js';
import { LABEL_LINE_BREAK, WRAPPED_LABEL_EXPR } from '../labels.js';
import { chart, count, featureShort, label, percent, RATE_COLOR, SMALL_GROUP, sideText } from './chart-parts.js';

interface RateBar {
  readonly label: string;
  readonly n: number;
  readonly anomalies: number;
  readonly rate: number;
}

/** The comparison bar: every customer the bars cover, in neutral grey. */
const ALL_LABEL = 'All customers';
const ALL_COLOR = '#8C8C8C';

/**
 * Horizontal bars of anomaly rates from zero, highest first, each labelled with the rate and n,
 * a 95% Wilson interval whisker (a 0% bar still shows how high it could be), groups under
 * SMALL_GROUP pale, and a grey "All customers" bar last as the baseline.
 */
function rateBars(bars: readonly RateBar[], overall: RateBar, axisTitle: string | null): object {
  const sorted = [...bars].sort((a, b) => b.rate - a.rate || b.n - a.n);
  const values = [...sorted, overall].map((b) => {
    const ci = wilsonInterval(b.anomalies, b.n);
    return {
      ...b,
      all: b === overall,
      small: b.n < SMALL_GROUP,
      low: ci?.low ?? b.rate,
      high: ci?.high ?? b.rate,
      text: `${percent(b.rate)} (${count(b.anomalies)} of ${count(b.n)})`,
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
            title: 'Anomaly rate (% of customers)',
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

function allCustomers(n: number, anomalies: number): RateBar {
  return { label: ALL_LABEL, n, anomalies, rate: anomalies / n };
}

export function buildStageRateChart(result: SegmentAnomaliesResult): ChartDefinition | null {
  if (result.n === 0) return null;
  const bars = result.byStage.map((s: CategoryRate) => ({
    label: label(s.level),
    n: s.n,
    anomalies: s.anomaliesAbove + s.anomaliesBelow,
    rate: s.anomalyRate,
  }));
  const top = [...result.byStage].filter((s) => s.n >= SMALL_GROUP).sort((a, b) => b.anomalyRate - a.anomalyRate)[0];
  const overall = result.anomalies / result.n;
  const title = top
    ? `${top.level} customers are the most often anomalous: ${percent(top.anomalyRate)} of ${count(top.n)} vs ${percent(overall)} of all`
    : `No lifecycle stage has ${SMALL_GROUP}+ customers; ${percent(overall)} of all are anomalous`;
  return chart(
    'anomaly-rate-by-stage',
    title,
    [
      `All ${count(result.n)} customers by lifecycle stage; anomalous = retention more than ${count(result.threshold * 100)} points from the segment mean`,
      `Whisker = 95% interval; pale = fewer than ${SMALL_GROUP} customers; grey = all`,
    ],
    top
      ? `${top.level} has the highest anomaly rate, ${percent(top.anomalyRate)} of ${count(top.n)} customers.`
      : 'No stages.',
    rateBars(bars, allCustomers(result.n, result.anomalies), 'Lifecycle stage'),
  );
}

/** The customers on each side of the best rule (and of the second split inside its riskier side). */
export function buildRuleRateChart(result: SegmentAnomaliesResult): ChartDefinition | null {
  const { first, second, riskiestSide } = result.decisionRules;
  if (first === null || riskiestSide === null) return null;
  const safe = riskiestSide === 'above' ? 'atOrBelow' : 'above';
  const side = (text: string, s: { n: number; anomalies: number; anomalyRate: number }): RateBar => ({
    label: text,
    n: s.n,
    anomalies: s.anomalies,
    rate: s.anomalyRate,
  });
  const risky = sideText(first, riskiestSide);
  const bars: RateBar[] = [side(sideText(first, safe), first[safe])];
  if (second) {
    bars.push(side(`${risky} and${LABEL_LINE_BREAK}${sideText(second, 'atOrBelow')}`, second.atOrBelow));
    bars.push(side(`${risky} and${LABEL_LINE_BREAK}${sideText(second, 'above')}`, second.above));
  } else {
    bars.push(side(risky, first[riskiestSide]));
  }
  const n = first.n;
  const worst = [...bars].sort((a, b) => b.rate - a.rate)[0] as RateBar;
  const riskySide = first[riskiestSide];
  const safeSide = first[safe];
  const title = `${risky}: ${percent(riskySide.anomalyRate)} anomalous vs ${percent(safeSide.anomalyRate)} on the other side`;
  return chart(
    'anomaly-rate-by-rule',
    title,
    [
      `All ${count(n)} customers with ${featureShort(first.feature)}, split by the rule that best separates anomalies${second ? ' (and a second split inside the riskier side)' : ''}`,
      `Whisker = 95% interval; pale = fewer than ${SMALL_GROUP} customers; grey = all`,
    ],
    `${worst.label}: ${percent(worst.rate)} of ${count(worst.n)} customers are anomalies.`,
    rateBars(bars, allCustomers(n, first.atOrBelow.anomalies + first.above.anomalies), null),
  );
}
