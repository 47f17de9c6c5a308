import type { ConversionCohortResult } from '../../analysis/conversion-cohort/compute-conversion-cohort.js';
import { nextAction } from '../../analysis/next-action/next-action.js';
import type { ZoneName } from '../../analysis/zones/zone-rules.js';
import type { ZoneTally, ZoneVerdict } from '../../analysis/zones/zone-types.js';
import { numberFormat } from '../../format/number-format.js';
import { TERMS } from '../../vocabulary/glossary.js';
import type { AnswerLead, NamedAccount, Provenance } from '../command-answer.js';
import { contextLine } from '../context-line.js';
import { COHORT_MESSAGES as M } from './conversion-cohort-messages.js';

const f = numberFormat();
const SHOWN = 10;
const ZONE_ORDER: Readonly<Record<ZoneName, number>> = { red: 0, yellow: 1, green: 2 };

interface Member {
  readonly key: string;
  readonly organisation: string | null;
  readonly zone: ZoneVerdict | undefined;
  readonly salesToSupportDays: number | null;
  readonly marketingToSalesDays: number | null;
  readonly tier: string | null;
  readonly ltv: number | null;
}

/** The cohort's main message: how many were handed off slowly, and which of them to act on first. */
export function cohortLead(
  cohort: ConversionCohortResult,
  zones: ZoneTally,
  cohortZones: readonly ZoneVerdict[] | null,
  organisations: ReadonlyMap<string, string | null>,
  provenance: Provenance,
  changed: readonly string[],
): AnswerLead {
  const context = contextLine(provenance, { population: M.cohortPopulation, changed });
  const zonesTable = zonesTableOf(zones, cohortZones);
  if (cohort.kind === 'unavailable') {
    return {
      takeaway: M.cohortUnavailable(cohort.reason),
      accounts: [],
      noAccounts: M.noneQualify,
      tables: [zonesTable],
      context,
    };
  }
  if (cohort.size === 0) {
    return {
      takeaway: M.cohortEmpty(f.count(cohort.selection.steps.joined)),
      accounts: [],
      noAccounts: M.noneQualify,
      tables: [zonesTable],
      context,
    };
  }
  const zoneOf = new Map((cohortZones ?? []).map((z) => [z.key, z]));
  const members: Member[] = cohort.selection.members.map((m) => ({
    key: m.activity.key,
    organisation: organisations.get(m.activity.key) ?? null,
    zone: zoneOf.get(m.activity.key),
    salesToSupportDays: m.funnel.salesToSupportDays,
    marketingToSalesDays: m.funnel.marketingToSalesDays,
    tier: m.funnel.tier,
    ltv: m.funnel.ltv,
  }));
  members.sort(byUrgency);
  const red = members.filter((m) => m.zone?.zone === 'red').length;
  return {
    takeaway: M.cohortTakeaway(f.count(cohort.size), f.days(cohort.selection.bounds.s2sAbove), f.count(red)),
    accountsTitle: M.cohortAccountsTitle,
    accounts: members.slice(0, SHOWN).map(named),
    tables: [zonesTable],
    accountsTotal: members.length,
    context,
    list: {
      columns: [
        'email',
        'organisation',
        'zone',
        'zone score (0-100)',
        'marketing to sales (days)',
        'sales to support (days)',
        'tier',
        'lifetime value (funnel table)',
        'next action',
      ],
      rows: members.map((m) => [
        m.key,
        m.organisation,
        m.zone?.zone ?? null,
        m.zone?.score ?? null,
        m.marketingToSalesDays,
        m.salesToSupportDays,
        m.tier,
        m.ltv,
        nextAction({ zone: m.zone?.zone ?? null, route: null }).text,
      ]),
    },
  };
}

function byUrgency(a: Member, b: Member): number {
  const za = a.zone?.zone == null ? 3 : ZONE_ORDER[a.zone.zone];
  const zb = b.zone?.zone == null ? 3 : ZONE_ORDER[b.zone.zone];
  if (za !== zb) return za - zb;
  const sa = a.zone?.score ?? Number.POSITIVE_INFINITY;
  const sb = b.zone?.score ?? Number.POSITIVE_INFINITY;
  return sa !== sb ? sa - sb : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function named(m: Member): NamedAccount {
  const zone = m.zone?.zone ?? null;
  const zoneText =
    zone === null ? M.noZone : `${zone} zone (zone score ${TERMS.zoneScore.format(m.zone?.score ?? null)})`;
  return {
    lookup: m.key,
    organisation: m.organisation,
    email: m.key,
    why: M.cohortWhy(zoneText, f.days(m.salesToSupportDays)),
    action: nextAction({ zone, route: null }).text,
  };
}

function zonesTableOf(zones: ZoneTally, cohortZones: readonly ZoneVerdict[] | null): AnswerLead['tables'][number] {
  const inCohort = { red: 0, yellow: 0, green: 0, none: 0 };
  for (const c of cohortZones ?? []) {
    if (c.zone === null) inCohort.none++;
    else inCohort[c.zone]++;
  }
  const cohortN = cohortZones?.length ?? 0;
  const share = (k: number, n: number) => (n > 0 ? f.percent(k / n) : 'n/a');
  const rows = (['red', 'yellow', 'green'] as const).map((zone) => [
    zone,
    cohortZones ? f.count(inCohort[zone]) : 'n/a',
    share(inCohort[zone], cohortN),
    f.count(zones.counts[zone]),
    share(zones.counts[zone], zones.n),
  ]);
  return {
    kind: 'table',
    title: M.zonesTableTitle,
    table: {
      columns: ['Zone', 'Cohort', 'Share', 'Everyone', 'Share'],
      align: ['left', 'right', 'right', 'right', 'right'],
      rows,
    },
  };
}
