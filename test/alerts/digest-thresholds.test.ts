import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/alerts/alert-types.js';
import { buildDigest } from '../../src/alerts/digest/build-digest.js';
import { loadScanInputs, type ScanInputs } from '../../src/alerts/scan-inputs.js';
import { DEFAULT_ZONE_THRESHOLDS } from '../../src/analysis/zones/zone-thresholds.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { createWarehouseProvider } from '../../src/data/warehouse-provider.js';
import { renderDigest } from '../../src/slack/alerts/digest-blocks.js';
import { messageAsText } from '../../src/slack/alerts/print-transport.js';
import { alertRecord, customer, HOUR } from './alert-fixtures.js';

const DAY = 24 * HOUR;

function resolvedAlert(key: string, resolvedAt: number): Alert {
  return alertRecord(customer(key, 'red'), { state: 'resolved', resolvedAt, resolvedReason: 'recovered' });
}

describe('alerts/digest with tuned thresholds', () => {
  let scan: ScanInputs;
  const provider = createWarehouseProvider(ensureDemoWarehouse('full'));
  beforeAll(() => {
    scan = loadScanInputs(provider.get());
  });
  afterAll(() => provider.close());

  it('marks a threshold change in that week’s digest and does not credit interventions for leaving red across it', () => {
    const now = Date.parse('2026-11-23T14:00:00Z');
    const change = {
      id: 1,
      changedBy: 'U0ADMIN01',
      changedAt: now - 3 * DAY,
      before: DEFAULT_ZONE_THRESHOLDS,
      after: { ...DEFAULT_ZONE_THRESHOLDS, redBelow: 45 },
    };
    const digest = buildDigest({
      isoWeek: '2026-W48',
      now,
      timeZone: 'UTC',
      dueLocal: 'Mon 23 Nov 2026, 09:00 UTC',
      scan,
      segmentLine: '—',
      facts: {
        active: [],
        // a: intervention, recovered before the change (credited). b: intervention, left red at the first scan after
        // the change (not credited). c: intervention after the change, recovered later (credited).
        interventions: [
          { customerKey: 'a@x.com', loggedAt: now - 10 * DAY },
          { customerKey: 'b@x.com', loggedAt: now - 6 * DAY },
          { customerKey: 'c@x.com', loggedAt: now - 2 * DAY },
        ],
        resolved: [
          resolvedAlert('a@x.com', now - 8 * DAY),
          resolvedAlert('b@x.com', now - 3 * DAY + HOUR),
          resolvedAlert('c@x.com', now - DAY),
        ],
        thresholdChanges: [change],
        previous: null,
      },
    });
    expect(digest.interventions).toEqual({
      loggedThisWeek: 2,
      customersThisWeek: 2,
      customersLast28Days: 3,
      leftRedWithin14Days: 2,
      leftRedAfterThresholdChange: 1,
    });
    expect(digest.thresholdChanges).toEqual([
      { changedBy: 'U0ADMIN01', changedAt: change.changedAt, before: change.before, after: change.after },
    ]);
    const text = messageAsText(renderDigest(digest));
    expect(text).toContain('Zone thresholds changed this week: @U0ADMIN01 on 20 Nov 2026, red_below 50 → 45.');
    expect(text).toContain('1 more left red after the thresholds changed in between; not counted as recovered.');
  });

  it('says nothing about thresholds in a week without a change', () => {
    const now = Date.parse('2026-11-23T14:00:00Z');
    const digest = buildDigest({
      isoWeek: '2026-W48',
      now,
      timeZone: 'UTC',
      dueLocal: 'Mon 23 Nov 2026, 09:00 UTC',
      scan,
      segmentLine: '—',
      facts: { active: [], interventions: [], resolved: [], previous: null },
    });
    expect(digest.thresholdChanges).toBeUndefined();
    expect(messageAsText(renderDigest(digest))).not.toContain('Zone thresholds changed');
  });
});
