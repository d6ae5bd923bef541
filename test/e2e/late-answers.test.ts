// End to end: an answer that comes back late never replaces the answer to what the user asked for since. The bridge
// holds back one answer while the user changes the input again (issue 19 §4: the loads go through useCall).
import type { Page, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AssessmentDetail } from '../../shared/assessment/types';
import type { RankingConfig, RankingResult } from '../../shared/scoring/types';
import { createC1, enterWorkedExample, seedRoster, startCollecting, type SmallRoster } from '../helpers/assessment';
import type { TestHost } from '../helpers/host';
import { CALL_PATH } from './harness/bridge-server';
import { chooseTab, openApp, settledScreenshot } from './harness/browser';
import { startTestApp, type TestApp } from './harness/app';

const NAME = '2025年度科级干部“双比双评”考核';

type Weights = RankingConfig['weights'];

let app: TestApp;
let page: Page;
let roster: SmallRoster;
let detail: AssessmentDetail;

const must = <T>(name: string, input: unknown): Promise<T> => app.must<T>(name, input);

interface SentCall {
  name: string;
  input: Record<string, unknown>;
}
const sent = (r: Request): SentCall => r.postDataJSON() as SentCall;

/** Holds back the first call that `matches` until `release`; every other call goes through at once. */
async function holdOne(matches: (c: SentCall) => boolean) {
  let held: Route | null = null;
  let seen: () => void = () => undefined;
  const arrived = new Promise<void>((r) => (seen = r));
  await page.route(`**${CALL_PATH}`, async (route) => {
    if (held === null && matches(sent(route.request()))) {
      held = route;
      seen();
      return;
    }
    await route.continue();
  });
  return {
    arrived,
    /** Lets the held call through and waits until its answer is read and the screen has drawn twice since. */
    async release() {
      const route = held;
      if (route === null) throw new Error('no call was held');
      const finished = page.waitForEvent('requestfinished', (r) => r === route.request());
      await route.continue();
      await finished;
      await page.evaluate(
        () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r)))),
      );
      await page.unroute(`**${CALL_PATH}`);
    },
  };
}

/** Waits for the answer to a call `matches`, sent after this is called. */
const answered = (matches: (c: SentCall) => boolean) =>
  page.waitForEvent('requestfinished', (r) => r.url().endsWith(CALL_PATH) && matches(sent(r)));

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-late-answers-');
  const h = { ok: must } as unknown as TestHost;
  roster = await seedRoster(h);
  detail = await startCollecting(h, await createC1(h, NAME));
  await enterWorkedExample(h, detail.id, roster);
  page = await openApp(await app.launch(), app.bridge.url);
  await page.getByText('干部名册').first().waitFor();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('a late answer is dropped', () => {
  test('权重模拟: the answer to weights already changed again does not replace the newer answer', async () => {
    const original = detail.config.weights;
    const staffOnly: Weights = { ...original, chief: { superior: 0, peer: 0, staff: 1, service: 0 } };
    const isStaffOnly = (c: SentCall) =>
      c.name === 'rankings.whatIf' &&
      JSON.stringify((c.input['weights'] as Weights).chief) === '{"superior":0,"peer":0,"staff":1,"service":0}';
    const score = async (weights: Weights) => {
      const r = await must<RankingResult>('rankings.whatIf', { assessmentId: detail.id, weights });
      const row = r.groups.flatMap((g) => g.rows).find((x) => x.cadreId === String(roster.a));
      return row?.finalScore?.toFixed(2) ?? '—';
    };
    const [before, after] = [await score(original), await score(staffOnly)];
    expect(before).not.toBe(after); // else the test could not tell the answers apart

    await page.locator('.ant-menu-item', { hasText: '考核测评' }).click();
    await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
    await chooseTab(page, '排名结果');
    await page.getByRole('tab', { name: '权重模拟' }).click();
    const panel = page.getByTestId('what-if');
    // 模拟名次, 姓名, 模拟得分: the third cell of 阿古拉's row.
    const shownScore = () =>
      panel
        .locator('tr', { has: page.getByTestId('whatif-grade-阿古拉') })
        .locator('td')
        .nth(2)
        .innerText();
    await expect.poll(shownScore).toBe(before);

    // Only 职工测评 counts: the answer to it is held back (the weights in between do not add up and are not sent).
    const hold = await holdOne(isStaffOnly);
    const input = (c: string) =>
      panel.locator(`input[data-testid="whatif-chief-${c}"], [data-testid="whatif-chief-${c}"] input`).first();
    for (const [c, v] of [
      ['staff', '1'],
      ['superior', '0'],
      ['peer', '0'],
      ['service', '0'],
    ] as const)
      await input(c).fill(v);
    await hold.arrived;

    // The user puts the weights back before that answer comes: the answer to the original weights is shown.
    const back = answered((c) => c.name === 'rankings.whatIf' && !isStaffOnly(c));
    await page.getByTestId('whatif-reset').click();
    await back;
    await expect.poll(shownScore).toBe(before);

    // Now the held answer arrives, late: the screen still shows the original weights' result.
    await hold.release();
    expect(await shownScore()).toBe(before);
    expect(Number(await input('staff').inputValue())).toBe(original.chief.staff);
    await settledScreenshot(page, 'late-answers-whatif');
  });
});
