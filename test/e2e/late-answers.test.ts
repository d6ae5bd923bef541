// End to end: an answer that comes back late never replaces the answer to what the user asked for since. The bridge
// holds back one answer while the user changes the input again (issue 19 §4: the loads go through useCall).
import type { Page, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AssessmentDetail } from '../../shared/assessment/types';
import type { RankingConfig, RankingResult } from '../../shared/scoring/types';
import { createC1, enterWorkedExample, seedRoster, startCollecting, type SmallRoster } from '../helpers/assessment';
import { entryForm } from '../helpers/dossier';
import type { TestHost } from '../helpers/host';
import { CALL_PATH } from './harness/bridge-server';
import { chooseTab, openApp, settledScreenshot } from './harness/browser';
import { startTestApp, type TestApp } from './harness/app';
import { clickSettled } from './harness/settled-click';

const NAME = '2025年度科级干部“双比双评”考核';

type Weights = RankingConfig['weights'];
/** A loaded machine answers slowly; what is waited for arrives or the test fails. */
const SLOW = { timeout: 15_000 };

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
  // Material of 2025年第三季度 in 阿古拉's dossier, none in the quarter before: the two quarters' coverage differs.
  for (const sub of ['S1.1', 'S2.3', 'S3.1', 'S4.1'])
    await must('entries.create', {
      input: {
        cadreId: roster.a,
        ...entryForm({ subItemCode: sub, date: '2025-08-14', title: sub, listItemCode: null, standardCodes: [] }),
      },
    });
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
    await expect.poll(shownScore, SLOW).toBe(before);

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
    await expect.poll(shownScore, SLOW).toBe(before);

    // Now the held answer arrives, late: the screen still shows the original weights' result.
    await hold.release();
    expect(await shownScore()).toBe(before);
    expect(Number(await input('staff').inputValue())).toBe(original.chief.staff);
    await settledScreenshot(page, 'late-answers-whatif');
  });

  test('季度采集: the figures of a quarter chosen before the last one do not replace the last one’s', async () => {
    const coverage = async (quarter: string) =>
      (await must<{ percent: number }>('dossier.completeness', { quarter })).percent.toFixed(1);
    const [q3, q2] = [await coverage('2025Q3'), await coverage('2025Q2')];
    expect(q3).not.toBe(q2);

    await page.locator('.ant-menu-item', { hasText: '政治素质档案' }).click();
    await page.getByRole('tab', { name: '季度采集' }).click();
    const panel = page.getByTestId('completeness');
    const shownCoverage = () =>
      panel.locator('.ant-statistic', { hasText: '板块覆盖率' }).locator('.ant-statistic-content-value').innerText();
    await expect.poll(() => panel.locator('.ant-statistic').count(), SLOW).toBe(3);
    const choose = async (label: string) => {
      await panel.locator('.ant-select').first().click();
      await clickSettled(page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }));
    };

    // 第三季度 is chosen, and its figures are held back while the user moves on to 第二季度.
    const hold = await holdOne((c) => c.name === 'dossier.completeness' && c.input['quarter'] === '2025Q3');
    await choose('2025年第三季度');
    await hold.arrived;
    const second = answered((c) => c.name === 'dossier.completeness' && c.input['quarter'] === '2025Q2');
    await choose('2025年第二季度');
    await second;
    await expect.poll(shownCoverage, SLOW).toBe(q2);

    await hold.release();
    expect(await shownCoverage()).toBe(q2);
    expect(await panel.locator('.ant-select').first().innerText()).toContain('2025年第二季度');
    await settledScreenshot(page, 'late-answers-completeness');
  });
});
