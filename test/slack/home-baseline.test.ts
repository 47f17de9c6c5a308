import { afterEach, describe, expect, it } from 'vitest';
import { SUMMARY_LINES_MAX } from '../../src/slack/alerts/alert-blocks.js';
import { UNCLAIMED_LINES_MAX } from '../../src/slack/alerts/home-section.js';
import { customer, T0 } from '../alerts/alert-fixtures.js';
import { scan } from '../alerts/scan-helpers.js';
import { type AlertsHarness, startAlertsHarness } from '../alerts/slack-harness.js';
import { FAKE_USERS } from '../helpers/fake-slack/index.js';
import { sendAppHomeOpened } from '../helpers/slack-requests.js';

const harnesses: AlertsHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    await h.stop();
    expect(h.fake.violations).toEqual([]);
  }
});

async function homeAfterBaseline(reds: number): Promise<{ summary: string; home: string }> {
  const h = await startAlertsHarness();
  harnesses.push(h);
  const customers = Array.from({ length: reds }, (_, i) =>
    customer(`red${String(i + 1).padStart(3, '0')}@x.com`, 'red', { rank: i + 1 }),
  );
  await scan(h.alerts.runtime.store, customers, T0);
  await h.alerts.runtime.drain();
  await sendAppHomeOpened(h.target, FAKE_USERS.berlin);
  await h.fake.waitForCall('views.publish');
  const summary = JSON.stringify(h.fake.calls.succeeded('chat.postMessage')[0]?.args.blocks);
  const home = JSON.stringify(h.fake.workspace.homeViews.get(FAKE_USERS.berlin)?.view);
  return { summary, home };
}

describe('App Home lists the red customers a baseline summary points to', () => {
  it('lists every customer the summary left out ("…and N more (see the App Home tab)"), by priority', async () => {
    const { summary, home } = await homeAfterBaseline(SUMMARY_LINES_MAX + 21);
    expect(summary).toContain('…and 21 more (see the App Home tab).');
    expect(home).toContain('Red-zone customers listed only in a summary, not picked up yet* (61)');
    // The ones the summary left out (ranks 41–61) are in Home, in priority order.
    const positions = [41, 50, 61].map((rank) => home.indexOf(`— red0${rank}@x.com · priority #${rank} ·`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it(`caps the Home list at ${UNCLAIMED_LINES_MAX} lines and says how many more`, async () => {
    const { home } = await homeAfterBaseline(UNCLAIMED_LINES_MAX + 5);
    expect(home).toContain(`priority #${UNCLAIMED_LINES_MAX} ·`);
    expect(home).not.toContain(`priority #${UNCLAIMED_LINES_MAX + 1} ·`);
    expect(home).toContain('…and 5 more, lower in priority');
  });
});
