/** Two-sided 95% normal quantile. */
const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a proportion k / n: unlike p ± z·SE it stays inside 0–1 and is
 * honest for small n and for 0 or n successes, which is where the charts need it most.
 */
export function wilsonInterval(k: number, n: number, z = Z95): { low: number; high: number } | null {
  if (n <= 0 || k < 0 || k > n) return null;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
