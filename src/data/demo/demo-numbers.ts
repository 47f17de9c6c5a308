/** Rounds to a fixed number of decimals, as the dbt marts store their REAL columns. */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** 0/1 as SQLite stores a boolean flag. */
export function flag(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7): turns a latent score into a quantile. */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** The 1-based category whose cumulative probability first exceeds the quantile. */
export function categoryAt(quantile: number, probabilities: readonly number[]): number {
  let cumulative = 0;
  for (let i = 0; i < probabilities.length; i++) {
    cumulative += probabilities[i] ?? 0;
    if (quantile < cumulative) return i + 1;
  }
  return probabilities.length;
}
