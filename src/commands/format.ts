/**
 * Number formatting for answers. One place, so every command says "n/a" for an empty
 * group (never 0 or NaN) and rounds the same way.
 */

const NOT_AVAILABLE = 'n/a';

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NOT_AVAILABLE;
  return Math.round(n).toLocaleString('en-US');
}

/** Two significant decimals for small values, fewer as magnitude grows: 0.0123, 0.66, 12.35, 1,235. */
export function formatNumber(x: number | null | undefined, decimals?: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NOT_AVAILABLE;
  if (decimals !== undefined) {
    return x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  }
  const magnitude = Math.abs(x);
  if (magnitude >= 1000) return x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (magnitude >= 1 || magnitude === 0) return x.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return Number(x.toPrecision(2)).toString();
}

/** A fraction as a percentage: 0.1234 → "12.3%". */
export function formatPercent(fraction: number | null | undefined, decimals = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return NOT_AVAILABLE;
  return `${(fraction * 100).toFixed(decimals)}%`;
}

/** Money in compact form: 950 → "$950", 12_340 → "$12.3k", 3_564_026 → "$3.56M". */
export function formatMoney(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NOT_AVAILABLE;
  const sign = x < 0 ? '−' : '';
  const v = Math.abs(x);
  if (v >= 1e6) return `${sign}$${Number((v / 1e6).toPrecision(3))}M`;
  if (v >= 1e4) return `${sign}$${Number((v / 1e3).toPrecision(3))}k`;
  return `${sign}$${v.toLocaleString('en-US', { maximumFractionDigits: v >= 100 ? 0 : 2 })}`;
}

export function formatSigned(x: number | null | undefined, format: (v: number) => string = formatNumber): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NOT_AVAILABLE;
  return x > 0 ? `+${format(x)}` : x < 0 ? `−${format(-x)}` : format(0);
}

export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return NOT_AVAILABLE;
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`;
}
