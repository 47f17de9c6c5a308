import { describe, expect, it } from 'vitest';
import { DEFAULT_COHORT_BOUNDS } from '../../src/analysis/conversion-cohort/cohort-inputs.js';
import { computeConversionCohort } from '../../src/analysis/conversion-cohort/compute-conversion-cohort.js';
import { DEFAULT_ZONE_OPTIONS } from '../../src/analysis/zones/zone-rules.js';
import type { ZoneTally, ZoneVerdict } from '../../src/analysis/zones/zone-types.js';
import type { Provenance } from '../../src/commands/command-answer.js';
import { alignedWith, cohortLead } from '../../src/commands/conversion-cohort/cohort-lead.js';
import { COHORT_FIXTURE } from '../analysis/conversion-cohort/cohort-fixture.js';

const PROVENANCE: Provenance = { tables: [], n: 0, filters: [], thresholds: [], dataDate: null, qualityNotes: [] };

describe('commands/cohortLead', () => {
  it('names members with their zones by position when the verdicts are theirs in order, as by key otherwise', () => {
    const cohort = computeConversionCohort(COHORT_FIXTURE, DEFAULT_COHORT_BOUNDS);
    if (cohort.kind !== 'ok') throw new Error('the fixture has a cohort');
    const zones = ['red', 'yellow', null, 'green'] as const;
    const verdicts: ZoneVerdict[] = cohort.memberKeys.map((key, i) => ({
      key,
      zone: zones[i % zones.length] ?? null,
      score: zones[i % zones.length] === null ? null : 20 + 10 * i,
      rule: 'score-below-red',
    }));
    const tally: ZoneTally = {
      method: 'activity',
      options: DEFAULT_ZONE_OPTIONS,
      activityUnavailable: null,
      n: verdicts.length,
      counts: { red: 1, yellow: 1, green: 1 },
      customers: verdicts,
    } as unknown as ZoneTally;
    const organisations = cohort.memberKeys.map((key, i) => (i === 1 ? null : `Org of ${key}`));
    const inOrder = cohortLead(cohort, tally, verdicts, organisations, PROVENANCE, []);
    // Shuffled (and one member without a verdict): the lookup goes by key.
    const shuffled = [...verdicts].reverse().slice(1);
    expect(alignedWith(verdicts, cohort.memberKeys)).toBe(true);
    // All verdicts in another order: the lookup by key, the same lead as by position.
    const reversed = cohortLead(cohort, tally, [...verdicts].reverse(), organisations, PROVENANCE, []);
    expect(reversed).toEqual(inOrder);
    expect(alignedWith(shuffled, cohort.memberKeys)).toBe(false);
    const byKey = cohortLead(cohort, tally, shuffled, organisations, PROVENANCE, []);
    const missing = verdicts[verdicts.length - 1]?.key;
    const withoutLast = cohortLead(
      cohort,
      tally,
      verdicts.map((v) => (v.key === missing ? { ...v, key: 'someone else' } : v)),
      organisations,
      PROVENANCE,
      [],
    );
    expect(byKey.list).toEqual(withoutLast.list);
    expect(byKey.accounts).toEqual(withoutLast.accounts);
    expect(inOrder.list?.rows.length).toBe(cohort.memberKeys.length);
    expect(inOrder.list?.rows.map((row) => row[2])).toEqual(
      [...(inOrder.list?.rows ?? [])].map((row) => verdicts.find((v) => v.key === row[0])?.zone ?? null),
    );
    expect(inOrder.list?.rows.find((row) => row[0] === cohort.memberKeys[1])?.[1]).toBeNull();
  });
});
