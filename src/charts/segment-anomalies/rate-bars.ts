import type { CategoryRate } from '../../analysis/segment-anomalies/category-rates.js';
import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import type { ChartDefinition } from '../chart-definition.js';
import { LABEL_LINE_BREAK, WRAPPED_LABEL_EXPR } from '../labels.js';
import { chart, count, featureShort, label, percent, RATE_COLOR, sideText } from './chart-parts.js';

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
 * Horizontal bars of anomaly rates, highest first, each labelled with the rate and n, and a
 * grey "All customers" bar last so each bar reads as above or below the overall rate.
 */
function rateBars(bars: readonly RateBar[], overall: RateBar, axisTitle: string | null): object {
  const sorted = [...bars].sort((a, b) => b.rate - a.rate || b.n - a.n);
  const values = [...sorted, overall].map((b) => ({
    ...b,
    all: b === overall,
    text: `${percent(b.rate)} (${count(b.anomalies)} of ${count(b.n)})`,
  }));
  const y = {
    field: 'label',
    type: 'nominal',
    sort: values.map((v) => v.label),
    title: axisTitle,
    axis: { labelExpr: WRAPPED_LABEL_EXPR, labelLineHeight: 16 },
  };
  const max = Math.max(...values.map((b) => b.rate));
  return {
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
            axis: { format: '.0%', tickCount: 5, labelOverlap: 'greedy' },
            // Room to the right for the value labels.
            scale: { domain: [0, Math.min(1, max * 1.35) || 1] },
          },
          color: { condition: { test: 'datum.all', value: ALL_COLOR }, value: RATE_COLOR },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6 },
        encoding: { x: { field: 'rate', type: 'quantitative' }, text: { field: 'text' } },
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
  const top = [...result.byStage].sort((a, b) => b.anomalyRate - a.anomalyRate)[0];
  return chart(
    'anomaly-rate-by-stage',
    `Anomaly rate by lifecycle stage (n = ${count(result.n)})`,
    `Customers more than ${result.threshold} from their segment's mean retention; grey = all`,
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
  const gains = `${first.gain.toFixed(3)} bits${second ? `, then ${second.gain.toFixed(3)} bits inside it` : ''}`;
  const worst = [...bars].sort((a, b) => b.rate - a.rate)[0] as RateBar;
  return chart(
    'anomaly-rate-by-rule',
    `Anomaly rate by the top decision rule (n = ${count(n)})`,
    [`Information gain ${gains}`, `grey = all customers with ${featureShort(first.feature)}`],
    `${worst.label}: ${percent(worst.rate)} of ${count(worst.n)} customers are anomalies.`,
    rateBars(bars, allCustomers(n, first.atOrBelow.anomalies + first.above.anomalies), null),
  );
}
