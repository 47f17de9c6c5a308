import { minMaxScaler } from '../stats/scaling.js';
import type { PriorityOptions } from './priority-score.js';

/**
 * §4's score over one ranked population: RFM composite and health min-max scaled over the population's range, then
 * weighted, minus weighted churn. One formula for the row ranking and the column ranking.
 */
export function priorityScaling(
  weights: PriorityOptions['weights'],
  rfmMin: number,
  rfmMax: number,
  healthMin: number,
  healthMax: number,
): {
  readonly normRfm: (x: number) => number;
  readonly normHealth: (x: number) => number;
  readonly scoreOf: (rfm: number, health: number, churn: number) => number;
} {
  const normRfm = minMaxScaler(rfmMin, rfmMax);
  const normHealth = minMaxScaler(healthMin, healthMax);
  const scoreOf = (rfm: number, health: number, churn: number): number =>
    weights.rfm * normRfm(rfm) + weights.health * normHealth(health) - weights.churn * churn;
  return { normRfm, normHealth, scoreOf };
}
