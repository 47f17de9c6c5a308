import type { Distribution } from '../../analysis/conversion-cohort/cohort-distributions.js';
import type { CohortGeography } from '../../analysis/conversion-cohort/cohort-geography.js';
import type {
  CohortFigures,
  ConversionCohortResult,
} from '../../analysis/conversion-cohort/compute-conversion-cohort.js';
import type { HealthGroup } from '../../analysis/conversion-cohort/platform-mix.js';
import type { Correlation } from '../../analysis/stats/pearson.js';
import { type NumberFormat, numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { type MessageKey, termFor, translator } from '../../i18n/translate.js';
import type { AnswerSection } from '../command-answer.js';
import { geographySection } from './cohort-geography-section.js';
import { distributionRows, TABLE_ROWS, type Words } from './cohort-words.js';

export function describeBounds(cohort: ConversionCohortResult, locale: Locale = 'en'): string[] {
  if (cohort.kind !== 'ok') return [];
  const t = translator(locale);
  const fmt = numberFormat(locale);
  const { bounds, compositeThreshold, compositeMean } = cohort.selection;
  const composite =
    bounds.compositeAbove === 'mean'
      ? t('cohort.details.boundCompositeMean', {
          threshold: fmt.fixed(compositeThreshold, 4),
          n: fmt.count(cohort.selection.compositeMeanN),
        })
      : t('cohort.details.boundComposite', {
          threshold: String(bounds.compositeAbove),
          mean: fmt.fixed(compositeMean, 4),
        });
  return [
    t('cohort.details.boundM2s', { min: String(bounds.m2sMin), max: String(bounds.m2sMax) }),
    `sales_to_support_days > ${bounds.s2sAbove}`,
    composite,
  ];
}

export function cohortSections(
  cohort: CohortFigures,
  geography: CohortGeography | null,
  locale: Locale = 'en',
): AnswerSection[] {
  const w: Words = { t: translator(locale), fmt: numberFormat(locale), locale };
  const { t, fmt } = w;
  const s = cohort.selection.steps;
  const sections: AnswerSection[] = [
    {
      kind: 'text',
      title: t('cohort.details.cohortTitle'),
      lines: [
        t('cohort.details.cohortLine', {
          size: fmt.count(cohort.size),
          joined: fmt.count(s.joined),
          m2s: fmt.count(s.inMarketingToSalesRange),
          s2s: fmt.count(s.aboveSalesToSupport),
          composite: fmt.count(s.aboveComposite),
        }),
      ],
    },
  ];
  if (cohort.size === 0) {
    const reason = t('cohort.details.noneSteps', {
      joined: String(s.joined),
      m2s: String(s.inMarketingToSalesRange),
      s2s: String(s.aboveSalesToSupport),
      composite: String(s.aboveComposite),
    });
    for (const key of [
      'cohort.details.bullet.rfm',
      'cohort.details.bullet.ltv',
      'cohort.details.bullet.channels',
      'cohort.details.bullet.zendesk',
    ] as const) {
      sections.push({ kind: 'unavailable', title: t(key), reason });
    }
  } else {
    sections.push(
      rfmSection(cohort, w),
      ...ltvSections(cohort, w),
      ...channelSections(cohort, w),
      zendeskSection(cohort, w),
    );
  }
  sections.push(...platformSections(cohort, w), riskVelocitySection(cohort, w), geographySection(geography, w));
  return sections;
}

function rfmSection(cohort: CohortFigures, { t, fmt }: Words): AnswerSection {
  const r = cohort.rfm;
  const row = (key: MessageKey, m: { mean: number | null; n: number }) => [
    t(key),
    fmt.fixed(m.mean, 2),
    fmt.count(m.n),
  ];
  return {
    kind: 'table',
    title: t('cohort.details.rfmTitle'),
    table: {
      columns: t('cohort.details.rfmColumns').split('|'),
      align: ['left', 'right', 'right'],
      rows: [
        row('cohort.details.recency', r.recency),
        row('cohort.details.frequency', r.frequency),
        row('cohort.details.monetary', r.monetary),
      ],
    },
    note: t('cohort.details.rfmNote', { with: fmt.count(r.withValueRow), size: fmt.count(cohort.size) }),
  };
}

function ltvSections(cohort: CohortFigures, { t, fmt, locale }: Words): AnswerSection[] {
  const { ltv } = cohort;
  const money = (v: number) => fmt.money(v);
  const sections: AnswerSection[] = [
    {
      kind: 'table',
      title: t('cohort.details.ltvTitle'),
      table: {
        columns: t('cohort.details.ltvColumns').split('|'),
        align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
        rows: ltv.byTier.map((x) => [
          termFor(locale, 'tier', x.tier),
          fmt.count(x.cohortN),
          fmt.money(x.cohortMean),
          t('cohort.details.withN', { value: fmt.money(x.tierMean), n: fmt.count(x.tierN) }),
          fmt.signed(x.difference, money),
          fmt.signed(x.differencePct, (v) => fmt.percent(v)),
          fmt.signed(x.medianDifference, money),
        ]),
      },
      note: t('cohort.details.ltvNote', {
        mean: fmt.signed(ltv.perCustomer.mean, money),
        median: fmt.signed(ltv.perCustomer.median, money),
        n: fmt.count(ltv.perCustomer.n),
      }),
    },
  ];
  if (ltv.funnelByTier.length > 0) {
    sections.push({
      kind: 'table',
      title: t('cohort.details.funnelLtvTitle'),
      table: {
        columns: t('cohort.details.funnelLtvColumns').split('|'),
        align: ['left', 'right', 'right', 'right', 'right'],
        rows: ltv.funnelByTier.map((x) => [
          termFor(locale, 'tier', x.tier),
          fmt.count(x.cohortN),
          fmt.money(x.cohortMean),
          fmt.count(x.tierN),
          fmt.money(x.tierMean),
        ]),
      },
    });
  }
  return sections;
}

function channelSections(cohort: CohortFigures, { t, fmt }: Words): AnswerSection[] {
  const { activity, funnel } = cohort.channels;
  const table = (title: string, d: Distribution): AnswerSection =>
    d.n === 0
      ? { kind: 'unavailable', title, reason: t('cohort.details.noChannel', { missing: String(d.missing) }) }
      : {
          kind: 'table',
          title,
          table: {
            columns: t('cohort.details.channelColumns').split('|'),
            align: ['left', 'right', 'right'],
            rows: distributionRows(d, fmt),
          },
          note: t('cohort.details.channelNote', {
            n: fmt.count(d.n),
            missing: d.missing > 0 ? 'yes' : 'no',
            missingN: fmt.count(d.missing),
            more: d.levels.length > TABLE_ROWS ? 'yes' : 'no',
            moreN: String(d.levels.length - TABLE_ROWS),
          }),
        };
  return [table(t('cohort.details.channelsActivity'), activity), table(t('cohort.details.channelsFunnel'), funnel)];
}

function zendeskSection(cohort: CohortFigures, { t, fmt }: Words): AnswerSection {
  const z = cohort.zendesk;
  const title = t('cohort.details.bullet.zendesk');
  if (z.share === null) {
    return { kind: 'unavailable', title, reason: t('cohort.details.noZendesk', { without: String(z.notClean) }) };
  }
  return {
    kind: 'text',
    title,
    lines: [
      t('cohort.details.zendeskLine', {
        share: fmt.percent(z.share),
        active: fmt.count(z.active),
        n: fmt.count(z.n),
        notClean: z.notClean > 0 ? 'yes' : 'no',
        notCleanN: fmt.count(z.notClean),
      }),
    ],
  };
}

function health(g: HealthGroup, fmt: NumberFormat): string {
  return g.n === 0 ? fmt.missing : fmt.fixed(g.meanHealth, 1);
}

function correlationText(c: Correlation, { t, fmt }: Words): string {
  if (c.kind === 'too-few-rows') return t('cohort.details.corrTooFew', { n: String(c.n) });
  if (c.kind === 'constant') return t('cohort.details.corrConstant', { n: String(c.n) });
  return t('cohort.details.corrOk', {
    r: fmt.fixed(c.r, 3),
    t: fmt.fixed(c.t, 2),
    p: fmt.pValue(c.p),
    n: fmt.count(c.n),
  });
}

function platformSections(cohort: CohortFigures, w: Words): AnswerSection[] {
  const { t, fmt } = w;
  const pm = cohort.platformMix;
  return [
    {
      kind: 'table',
      title: t('cohort.details.platformTitle'),
      table: {
        columns: t('cohort.details.platformColumns').split('|'),
        align: ['left', 'left', 'right', 'right', 'right', 'right'],
        rows: pm.combinations.map((c) => [
          c.label,
          c.platforms === 'none' ? t('cohort.details.noPlatform') : c.platforms,
          fmt.count(c.cohort.n),
          health(c.cohort, fmt),
          fmt.count(c.all.n),
          health(c.all, fmt),
        ]),
      },
    },
    {
      kind: 'table',
      title: t('cohort.details.platformCountTitle'),
      table: {
        columns: t('cohort.details.platformCountColumns').split('|'),
        align: ['right', 'right', 'right', 'right', 'right'],
        rows: pm.byCount.map((c) => [
          String(c.count),
          fmt.count(c.cohort.n),
          health(c.cohort, fmt),
          fmt.count(c.all.n),
          health(c.all, fmt),
        ]),
      },
      note: t('cohort.details.platformNote', {
        cohort: correlationText(pm.correlation.cohort, w),
        all: correlationText(pm.correlation.all, w),
      }),
    },
  ];
}

function riskVelocitySection(cohort: CohortFigures, { t, fmt, locale }: Words): AnswerSection {
  const rv = cohort.riskVelocity;
  const all = new Map(rv.all.cells.map((c) => [`${c.risk}\u0000${c.velocity}`, c]));
  const unknown = new Set([...rv.unknownRiskLevels, ...rv.unknownVelocities]);
  const cells = [...rv.cohort.cells].sort((a, b) => b.n - a.n).slice(0, TABLE_ROWS + 2);
  if (cells.length === 0) {
    return { kind: 'unavailable', title: t('cohort.details.bullet.riskVelocity'), reason: t('cohort.details.empty') };
  }
  return {
    kind: 'table',
    title: t('cohort.details.riskTitle'),
    table: {
      columns: t('cohort.details.riskColumns').split('|'),
      align: ['left', 'left', 'right', 'right', 'right', 'right'],
      rows: cells.map((c) => {
        const a = all.get(`${c.risk}\u0000${c.velocity}`);
        const flag = (l: string) => (unknown.has(l) ? `${l} ⚠` : termFor(locale, 'engagement', l));
        return [
          flag(c.risk),
          flag(c.velocity),
          fmt.count(c.n),
          fmt.fixed(c.meanHealth, 1),
          fmt.count(a?.n ?? 0),
          fmt.fixed(a?.meanHealth ?? null, 1),
        ];
      }),
    },
    note: t('cohort.details.riskNote', {
      risk: rv.unknownRiskLevels.length > 0 ? 'yes' : 'no',
      riskLevels: rv.unknownRiskLevels.join(', '),
      velocity: rv.unknownVelocities.length > 0 ? 'yes' : 'no',
      velocities: rv.unknownVelocities.join(', '),
      cells: String(rv.cohort.cells.length),
    }),
  };
}
