import type { ThresholdKey, ZoneThresholds } from '../../analysis/zones/zone-thresholds.js';
import { THRESHOLD_NAMES } from '../../analysis/zones/zone-thresholds.js';
import { describeAllThresholds } from '../../commands/rules/rule-text.js';
import type { RulesData } from '../../commands/rules/rules-answer.js';
import { backtestColumns } from '../../commands/rules/rules-answer.js';
import { formatDate, numberFormat } from '../../format/number-format.js';
import type { Translate } from '../../i18n/translate.js';
import type { ModalView } from '../alerts/alert-modals.js';
import type { KnownBlock } from '../block-types.js';
import { mrkdwnSection, truncate } from '../mrkdwn.js';

export const RULES_VIEW = 'radar_rules_edit';
export const RULES_ACTIONS = { edit: 'radar_rules_edit_open', preview: 'radar_rules_preview' } as const;
export const PREVIEW_BLOCK = 'rules_preview';
export const INPUT_ACTION = 'value';
const KEYS: readonly ThresholdKey[] = ['redBelow', 'greenAbove', 'fallbackRedCumeDist', 'fallbackYellowCumeDist'];

/** The input block of a threshold: `rules_red_below`, … */
export function inputBlockId(key: ThresholdKey): string {
  return `rules_${THRESHOLD_NAMES[key]}`;
}

/** Values typed in the modal (blank = keep the one in force). */
export function typedValues(
  values: Readonly<Record<string, Readonly<Record<string, { readonly value?: string | null }>>>>,
): Partial<Record<ThresholdKey, string>> {
  const raw: Partial<Record<ThresholdKey, string>> = {};
  for (const key of KEYS) {
    const value = values[inputBlockId(key)]?.[INPUT_ACTION]?.value;
    if (typeof value === 'string' && value.trim() !== '') raw[key] = value.trim();
  }
  return raw;
}

/** `red_below=45 green_above=70 …` for the /radar rules backtest the preview runs. */
export function asCommandText(raw: Partial<Record<ThresholdKey, string>>): string {
  return KEYS.filter((k) => raw[k] !== undefined)
    .map((k) => `${THRESHOLD_NAMES[k]}=${raw[k]}`)
    .join(' ');
}

/**
 * The modal: one input per threshold (pre-filled with the value in force, or what was typed), a Preview button, and
 * the preview section (the summary sentence and the weekly table) once computed.
 */
export function thresholdModal(options: {
  readonly t: Translate;
  readonly inForce: ZoneThresholds;
  readonly typed?: Partial<Record<ThresholdKey, string>>;
  readonly preview?: string;
}): ModalView {
  const { inForce, t } = options;
  const activity = (key: ThresholdKey) => key === 'redBelow' || key === 'greenAbove';
  const show = (key: ThresholdKey) => options.typed?.[key] ?? String(inForce[key]);
  const inputs: KnownBlock[] = KEYS.map((key) => ({
    type: 'input',
    block_id: inputBlockId(key),
    optional: true,
    label: { type: 'plain_text', text: t(`rules.slack.label.${key}`) },
    hint: { type: 'plain_text', text: t(activity(key) ? 'rules.slack.hintActivity' : 'rules.slack.hintFallback') },
    element: { type: 'plain_text_input', action_id: INPUT_ACTION, initial_value: show(key) },
  }));
  return {
    type: 'modal',
    callback_id: RULES_VIEW,
    private_metadata: '',
    title: { type: 'plain_text', text: t('rules.slack.modalTitle') },
    submit: { type: 'plain_text', text: t('rules.slack.modalSubmit') },
    close: { type: 'plain_text', text: t('rules.slack.modalClose') },
    blocks: [
      mrkdwnSection(t('rules.slack.intro', { thresholds: describeAllThresholds(t, inForce) })),
      ...inputs,
      {
        type: 'actions',
        block_id: 'rules_actions',
        elements: [
          {
            type: 'button',
            action_id: RULES_ACTIONS.preview,
            text: { type: 'plain_text', text: t('rules.slack.previewButton') },
          },
        ],
      },
      { ...mrkdwnSection(truncate(options.preview ?? t('rules.slack.previewEmpty'), 3000)), block_id: PREVIEW_BLOCK },
    ],
  };
}

/** The preview text: the summary sentence, then per week red and new red (unaided recoveries) side by side. */
export function previewText(data: RulesData, t: Translate): string {
  const f = numberFormat(t.locale);
  const b = data.backtest;
  if (b === null || data.summary === null) return t('rules.slack.previewEmpty');
  const lines = [`*${data.summary}*`];
  if (b.cutoffs.length > 1) {
    const columns = backtestColumns(t);
    lines.push(`\`${columns.join(' · ')}\``);
    b.current.weeks.forEach((w, i) => {
      const p = b.proposed.weeks[i];
      const entered = (x: typeof w | undefined) =>
        x?.entered == null
          ? '–'
          : `${f.count(x.entered)} (${x.judged === 0 && x.entered > 0 ? '–' : f.count(x.recoveredUnaided)})`;
      lines.push(
        `${formatDate(w.at, t.locale)} · ${f.count(w.red)} · ${entered(w)} · ${f.count(p?.red ?? 0)} · ${entered(p)}`,
      );
    });
  }
  lines.push(`_${t('rules.recoveryNote')}_`);
  return lines.join('\n');
}
