import { formatDate, numberFormat } from '../format/number-format.js';
import type { Provenance } from './command-answer.js';

const f = numberFormat();

/**
 * The one context line closing every main message: how many, which filters, thresholds that differ from the
 * defaults, and the data date ("4,734 customers · tier=Gold · data as of 16 Nov 2026").
 */
export function contextLine(
  provenance: Pick<Provenance, 'n' | 'dataDate' | 'dataDateMs'>,
  parts: { readonly population: string; readonly filters?: readonly string[]; readonly changed?: readonly string[] },
): string {
  const items = [`${f.count(provenance.n)} ${parts.population}`];
  if (parts.filters && parts.filters.length > 0) items.push(parts.filters.join(', '));
  if (parts.changed && parts.changed.length > 0) items.push(parts.changed.join(', '));
  const date = provenance.dataDateMs ?? (provenance.dataDate === null ? null : Date.parse(provenance.dataDate));
  items.push(date === null || !Number.isFinite(date) ? 'data date unknown' : `data as of ${formatDate(date)}`);
  return items.join(' · ');
}
