/**
 * §3 segments. HV = tier Gold/Platinum and portfolio share > 0.05; SMB = tier Basic/Bronze/Silver
 * and share ≤ 0.05; everything else (a NULL tier or share, a high tier with a small share, a low
 * tier with a large share, an unknown tier) is Other. So exactly 0.05 is SMB for low tiers and
 * Other for Gold/Platinum.
 */

export const VALUE_SEGMENTS = ['HV', 'SMB', 'Other'] as const;
export type ValueSegment = (typeof VALUE_SEGMENTS)[number];

export const VALUE_SEGMENT_LABELS: Readonly<Record<ValueSegment, string>> = {
  HV: 'High value (Gold/Platinum, share > 5%)',
  SMB: 'SMB (Basic/Bronze/Silver, share ≤ 5%)',
  Other: 'Other',
};

export const HIGH_TIERS: readonly string[] = ['Gold', 'Platinum'];
export const LOW_TIERS: readonly string[] = ['Basic', 'Bronze', 'Silver'];

/** The portfolio-contribution cut between HV and SMB, as a fraction. */
export const DEFAULT_PORTFOLIO_CUT = 0.05;

export function valueSegmentOf(
  tier: string | null,
  portfolioPct: number | null,
  cut: number = DEFAULT_PORTFOLIO_CUT,
): ValueSegment {
  if (tier === null || portfolioPct === null) return 'Other';
  if (HIGH_TIERS.includes(tier)) return portfolioPct > cut ? 'HV' : 'Other';
  if (LOW_TIERS.includes(tier)) return portfolioPct <= cut ? 'SMB' : 'Other';
  return 'Other';
}
