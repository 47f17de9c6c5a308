import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, AlertSummary, ScannedCustomer } from '../../src/alerts/alert-types.js';
import { buildDigest } from '../../src/alerts/digest/build-digest.js';
import { loadScanInputs, type ScanInputs } from '../../src/alerts/scan-inputs.js';
import { isKnownRiskLevel } from '../../src/analysis/zones/zone-rules.js';
import { DEFAULT_ZONE_THRESHOLDS } from '../../src/analysis/zones/zone-thresholds.js';
import { COMMANDS } from '../../src/commands/index.js';
import type { RulesData } from '../../src/commands/rules/rules-answer.js';
import { runCommand } from '../../src/commands/run-command.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { openWarehouse, type Warehouse } from '../../src/data/open-warehouse.js';
import { translator } from '../../src/i18n/translate.js';
import { renderAlertCard, renderSummary } from '../../src/slack/alerts/alert-blocks.js';
import { assignModal, interventionModal } from '../../src/slack/alerts/alert-modals.js';
import { zoneReason } from '../../src/slack/alerts/alert-text.js';
import { renderDigest } from '../../src/slack/alerts/digest-blocks.js';
import { renderAssignedDm, renderEscalation, renderReminder } from '../../src/slack/alerts/notice-blocks.js';
import type { SlackMessage } from '../../src/slack/block-types.js';
import { changeLine, editOfferBlocks } from '../../src/slack/rules/register-rules-actions.js';
import { previewText, thresholdModal } from '../../src/slack/rules/threshold-modal.js';
import { alertRecord } from '../alerts/alert-fixtures.js';
import { blockTexts, englishLeft } from '../helpers/english-left.js';
import { FAKE_CHANNELS, FAKE_USERS } from '../helpers/fake-slack/index.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 23, 10, 0, 0);
const zh = translator('zh-CN');
const en = translator('en');

function alertOf(customer: ScannedCustomer, id: number, overrides: Partial<Alert> = {}): Alert {
  return alertRecord(customer, {
    id,
    scanPeriod: '2026-11-23T10',
    detectedAt: T0,
    channel: FAKE_CHANNELS.publicMember,
    messageTs: '1.000001',
    ...overrides,
  });
}

/**
 * Every Slack surface of the alerts feature rendered in zh-CN from the demo warehouse's red customers: no sentence may
 * be left in English (names, emails, units and option names aside).
 */
describe('slack/zh-CN: alert cards, summaries, reminders, escalations, modals and the digest read in Chinese', () => {
  let warehouse: Warehouse;
  let scan: ScanInputs;
  let names: string[];
  let red: ScannedCustomer[];

  beforeAll(() => {
    warehouse = openWarehouse(ensureDemoWarehouse('full'));
    scan = loadScanInputs(warehouse);
    // Names, and the data values the catalogue cannot know (a risk level outside the five, quoted as the export spells it).
    const unknownRisk = scan.customers
      .map((c) => c.parts.riskLevel)
      .filter((level): level is string => typeof level === 'string' && !isKnownRiskLevel(level));
    names = [
      ...scan.customers.flatMap((c) => [c.key, ...(c.organization === null ? [] : [c.organization])]),
      ...unknownRisk,
    ];
    red = scan.customers.filter((c) => c.zone === 'red');
  });
  afterAll(() => warehouse.close());

  function expectChinese(message: SlackMessage | { blocks: unknown }, extra: readonly string[] = []): void {
    const texts = [...('text' in message ? [String(message.text)] : []), ...blockTexts(message.blocks)];
    const left = texts.flatMap((text) =>
      englishLeft(text, { names: [...names, ...extra] }).map((w) => `${w} in «${text}»`),
    );
    expect(left).toEqual([]);
    expect(texts.join('\n')).toMatch(/[\u4e00-\u9fff]/);
  }

  it('rebuilds each red reason from its rule and parts: in English word for word the analysis sentence', () => {
    const rules = new Set(red.map((c) => c.rule));
    expect(rules.size).toBeGreaterThanOrEqual(2);
    for (const c of red) expect(zoneReason(en, c)).toBe(c.reason);
  });

  it('an alert card, in every state, in Chinese', () => {
    const byRule = new Map(red.map((c) => [c.rule, c]));
    const now = T0 + 30 * HOUR;
    const cards = [...byRule.values()].flatMap((c, i) => [
      alertOf(c, 10 + i),
      alertOf(c, 20 + i, {
        state: 'snoozed',
        acknowledgedBy: FAKE_USERS.berlin,
        acknowledgedAt: T0 + HOUR,
        assignee: FAKE_USERS.shanghai,
        assignedBy: FAKE_USERS.berlin,
        assignedAt: T0 + 2 * HOUR,
        snoozedBy: FAKE_USERS.shanghai,
        snoozedUntil: now + 3 * HOUR,
        interventionAt: T0 + 5 * HOUR,
        interventionCount: 2,
        reminderAt: T0 + 24 * HOUR,
      }),
      alertOf(c, 30 + i, { escalatedAt: T0 + 48 * HOUR }),
      alertOf(c, 40 + i, {
        state: 'resolved',
        resolvedAt: T0 + 20 * HOUR,
        resolvedReason: 'recovered',
        resolvedDetail: 'now yellow (zone score 55.1)',
      }),
    ]);
    for (const alert of cards) {
      const at = alert.escalatedAt !== null ? T0 + 50 * HOUR : now;
      expectChinese(renderAlertCard(alert, at, zh));
    }
    const card = renderAlertCard(alertOf(red[0] as ScannedCustomer, 1), now, zh);
    expect(card.blocks[0]).toMatchObject({ type: 'header', text: { text: expect.stringContaining('红区') } });
    expect(JSON.stringify(card.blocks)).toContain('记录干预');
  });

  it('the baseline and overflow summaries in Chinese', () => {
    const alerts = red.slice(0, 45).map((c, i) => alertOf(c, i + 1, { delivery: 'baseline', summaryId: 1 }));
    const summary = (kind: AlertSummary['kind'], reason: string | null): AlertSummary => ({
      id: 1,
      kind,
      scanPeriod: '2026-11-23T10',
      createdAt: T0,
      reason,
      channel: null,
      messageTs: null,
    });
    const baseline = renderSummary(
      summary('baseline', 'first scan: these customers were already red when Radar started watching'),
      alerts,
      T0,
      zh,
    );
    expectChinese(baseline);
    expect(baseline.text).toMatch(/^基线：45 个客户已在红区$/);
    expectChinese(
      renderSummary(summary('baseline', 'new warehouse: only 12% of its customers were known'), alerts, T0, zh),
    );
    expectChinese(
      renderSummary(
        summary('overflow', null),
        alerts.map((a) => ({ ...a, delivery: 'overflow' })),
        T0,
        zh,
      ),
    );
  });

  it('a reminder, an escalation and the assignee’s DM in Chinese', () => {
    const alerts = red.slice(0, 3).map((c, i) => alertOf(c, i + 1));
    expectChinese(renderReminder(alerts.slice(0, 1), zh));
    expectChinese(renderReminder(alerts, zh));
    const escalated = [
      alerts[0] as Alert,
      { ...(alerts[1] as Alert), acknowledgedBy: FAKE_USERS.berlin, acknowledgedAt: T0 + HOUR },
      { ...(alerts[2] as Alert), assignee: FAKE_USERS.shanghai, assignedAt: T0 + HOUR, channel: null },
    ];
    const escalation = renderEscalation(escalated, [FAKE_USERS.newYork], zh);
    expectChinese(escalation);
    expect(escalation.text).toBe('未达成 SLA：3 条红区告警 48 小时后仍未干预。');
    expectChinese(renderAssignedDm(alerts[0] as Alert, FAKE_USERS.berlin, zh));
  });

  it('the assign and log-intervention modals in Chinese', () => {
    const alert = alertOf(red[0] as ScannedCustomer, 1);
    for (const modal of [assignModal(alert, zh), interventionModal(alert, zh)]) {
      expectChinese({ blocks: [modal.title, modal.submit, modal.close, ...modal.blocks] });
    }
  });

  it('the threshold offer, modal with its backtest preview, and the change line in Chinese', async () => {
    const radar = COMMANDS.find((c) => c.slash === '/radar');
    if (radar === undefined) throw new Error('no /radar');
    const context = { warehouse: () => warehouse, now: () => new Date(T0), locale: 'zh-CN' as const };
    const outcome = await runCommand(radar, 'rules backtest red_below=45', context);
    if (outcome.kind !== 'answer') throw new Error('help instead of the backtest');
    const preview = previewText(outcome.answer.data as RulesData, zh);
    expect(preview).toMatch(/^\*当前：[\d,]+ 位红区，每周新增约 \d+ 位；按拟议阈值：/);
    const inForce = { ...DEFAULT_ZONE_THRESHOLDS, redBelow: 45 };
    for (const modal of [thresholdModal({ t: zh, inForce }), thresholdModal({ t: zh, inForce, preview })]) {
      expectChinese({ blocks: [modal.title, modal.submit, modal.close, ...modal.blocks] });
    }
    expectChinese({ blocks: editOfferBlocks(zh) });
    const line = changeLine(FAKE_USERS.berlin, DEFAULT_ZONE_THRESHOLDS, inForce, 'zh-CN');
    expect(line).toBe(
      `:triangular_ruler: <@${FAKE_USERS.berlin}> 修改了区域阈值：\`red_below\` 50 → 45。下次扫描起生效。`,
    );
    expectChinese({ text: line, blocks: [] });
  });

  it('the weekly digest to a zh-CN manager in Chinese, its charts titled in Chinese', () => {
    const digest = buildDigest({
      isoWeek: '2026-W48',
      now: T0,
      timeZone: 'Asia/Shanghai',
      dueLocal: '2026年11月23日 周一 09:00 GMT+8',
      locale: 'zh-CN',
      scan,
      segmentLine: '分群异常：示例',
      facts: {
        active: red.slice(0, 4).map((c, i) => alertOf(c, i + 1, { detectedAt: T0 - 72 * HOUR })),
        interventions: [],
        resolved: [],
        thresholdChanges: [
          {
            id: 1,
            changedBy: FAKE_USERS.berlin,
            changedAt: T0 - 48 * HOUR,
            before: DEFAULT_ZONE_THRESHOLDS,
            after: { ...DEFAULT_ZONE_THRESHOLDS, redBelow: 45 },
          },
        ],
        previous: { isoWeek: '2026-W47', redKeys: red.slice(2, 12).map((c) => c.key), counts: { red: 10 } },
      },
    });
    const message = renderDigest(digest);
    expectChinese(message);
    expect(JSON.stringify(message.blocks)).toContain('本周区域阈值有修改');
    expect(message.text).toMatch(/^Radar 周报 · 2026-W48：红区 [\d,]+ 个，超时告警 4 条$/);
    for (const chart of digest.charts) {
      expect(englishLeft(chart.title, { names })).toEqual([]);
      expect(chart.title).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
