import type { ConversionCohortResult } from '../../analysis/conversion-cohort/compute-conversion-cohort.js';
import { nextAction } from '../../analysis/next-action/next-action.js';
import type { ZoneName } from '../../analysis/zones/zone-rules.js';
import type { ZoneTally, ZoneVerdict } from '../../analysis/zones/zone-types.js';
import { numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { termFor, translator } from '../../i18n/translate.js';
import { actionText } from '../../vocabulary/action-text.js';
import { glossaryFor } from '../../vocabulary/glossary.js';
import { lazyAccountList } from '../account-list.js';
import type { AnswerLead, NamedAccount, Provenance } from '../command-answer.js';
import { contextLine } from '../context-line.js';
import { cohortUnavailableText } from './cohort-unavailable-text.js';
import { urgencyOrder } from './urgency-order.js';

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
  /** Per cohort member, in the order of the cohort's members. */
  organisations: readonly (string | null)[],
  provenance: Provenance,
  changed: readonly string[],
  locale: Locale = 'en',
): AnswerLead {
  const t = translator(locale);
  const f = numberFormat(locale);
  const context = contextLine(provenance, { population: t('cohort.population'), changed }, locale);
  const zonesTable = zonesTableOf(zones, cohortZones, locale);
  if (cohort.kind === 'unavailable') {
    return {
      takeaway: t('cohort.unavailable', { reason: cohortUnavailableText(cohort, t, f) }),
      accounts: [],
      noAccounts: t('cohort.noneQualify'),
      tables: [zonesTable],
      context,
    };
  }
  if (cohort.size === 0) {
    return {
      takeaway: t('cohort.empty', { joined: f.count(cohort.selection.steps.joined) }),
      accounts: [],
      noAccounts: t('cohort.noneQualify'),
      tables: [zonesTable],
      context,
    };
  }
  const zoneOf = memberZones(cohort.memberKeys, cohortZones);
  const { handOffs } = cohort;
  const n = cohort.memberKeys.length;
  // Per member: its verdict, zone rank and score; a Member object only for the members shown or listed.
  const verdicts = new Array<ZoneVerdict | undefined>(n);
  const rank = new Uint8Array(n);
  const score = new Float64Array(n);
  let red = 0;
  for (let i = 0; i < n; i++) {
    const verdict = zoneOf(cohort.memberKeys[i] as string, i);
    verdicts[i] = verdict;
    rank[i] = verdict?.zone == null ? 3 : ZONE_ORDER[verdict.zone];
    score[i] = verdict?.score ?? Number.POSITIVE_INFINITY;
    if (verdict?.zone === 'red') red++;
  }
  const order = urgencyOrder(rank, score, (i) => cohort.memberKeys[i] as string);
  const memberAt = (i: number): Member => ({
    key: cohort.memberKeys[i] as string,
    organisation: organisations[i] ?? null,
    zone: verdicts[i],
    salesToSupportDays: handOffs.salesToSupportDays[i] ?? null,
    marketingToSalesDays: handOffs.marketingToSalesDays[i] ?? null,
    tier: handOffs.tier[i] ?? null,
    ltv: handOffs.ltv[i] ?? null,
  });
  // The action depends on the zone alone: worded once per zone, not once per member.
  const actions = new Map<ZoneName | null, string>();
  const actionOf = (zone: ZoneName | null): string => {
    let text = actions.get(zone);
    if (text === undefined) {
      text = actionText(nextAction({ zone, route: null }), locale);
      actions.set(zone, text);
    }
    return text;
  };
  return {
    takeaway: t('cohort.takeaway', {
      size: f.count(cohort.size),
      days: f.days(cohort.selection.bounds.s2sAbove),
      red: f.count(red),
    }),
    accountsTitle: t('cohort.accountsTitle'),
    accounts: Array.from(order.subarray(0, SHOWN), (i) => named(memberAt(i), locale)),
    tables: [zonesTable],
    accountsTotal: n,
    context,
    // Every member, for `list`, "List all N" and the JSON: built when first read.
    list: lazyAccountList(t('cohort.csv.columns').split('|'), n, () =>
      Array.from(order, (i) => {
        const m = memberAt(i);
        return [
          m.key,
          m.organisation,
          m.zone?.zone ?? null,
          m.zone?.score ?? null,
          m.marketingToSalesDays,
          m.salesToSupportDays,
          m.tier,
          m.ltv,
          actionOf(m.zone?.zone ?? null),
        ];
      }),
    ),
  };
}

/**
 * Each member's verdict: by position when the verdicts are the members' in order (the column path), else by key.
 */
function memberZones(
  memberKeys: readonly string[],
  cohortZones: readonly ZoneVerdict[] | null,
): (key: string, i: number) => ZoneVerdict | undefined {
  if (cohortZones && alignedWith(cohortZones, memberKeys)) return (_key, i) => cohortZones[i];
  const zoneOf = new Map((cohortZones ?? []).map((z) => [z.key, z]));
  return (key) => zoneOf.get(key);
}

/** Whether verdict i is member i's, for every member. */
export function alignedWith(verdicts: readonly ZoneVerdict[], memberKeys: readonly string[]): boolean {
  return verdicts.length === memberKeys.length && verdicts.every((v, i) => v.key === memberKeys[i]);
}

function named(m: Member, locale: Locale): NamedAccount {
  const t = translator(locale);
  const zone = m.zone?.zone ?? null;
  const zoneText =
    zone === null
      ? t('zones.noZone')
      : t('cohort.zoneWithScore', {
          zone: termFor(locale, 'zone', zone),
          score: glossaryFor(locale).terms.zoneScore.format(m.zone?.score ?? null),
        });
  return {
    lookup: m.key,
    organisation: m.organisation,
    email: m.key,
    why: t('cohort.why', { zone: zoneText, waited: numberFormat(locale).days(m.salesToSupportDays) }),
    action: actionText(nextAction({ zone, route: null }), locale),
  };
}

function zonesTableOf(
  zones: ZoneTally,
  cohortZones: readonly ZoneVerdict[] | null,
  locale: Locale,
): AnswerLead['tables'][number] {
  const t = translator(locale);
  const f = numberFormat(locale);
  const inCohort = { red: 0, yellow: 0, green: 0, none: 0 };
  for (const c of cohortZones ?? []) {
    if (c.zone === null) inCohort.none++;
    else inCohort[c.zone]++;
  }
  const cohortN = cohortZones?.length ?? 0;
  const share = (k: number, n: number) => (n > 0 ? f.percent(k / n) : f.missing);
  const rows = (['red', 'yellow', 'green'] as const).map((zone) => [
    zoneWord(zone, locale),
    cohortZones ? f.count(inCohort[zone]) : f.missing,
    share(inCohort[zone], cohortN),
    f.count(zones.counts[zone]),
    share(zones.counts[zone], zones.n),
  ]);
  return {
    kind: 'table',
    title: t('cohort.zonesTableTitle'),
    table: {
      columns: t('cohort.zonesColumns').split('|'),
      align: ['left', 'right', 'right', 'right', 'right'],
      rows,
    },
  };
}

/** "red" in the tables: the data's word in English (as before), the zone's name in other languages. */
export function zoneWord(zone: ZoneName, locale: Locale): string {
  return locale === 'en' ? zone : termFor(locale, 'zone', zone);
}
