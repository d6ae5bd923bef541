// End to end: 评议码 generated and shown once, the 评议终端 taking one anonymous ballot per code (a used code refused,
// leaving only with the password), and paper double entry by two clerks with a mismatch shown side by side, resolved,
// and the rankings counting only matched papers.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CallInput, CallName } from '../../shared/ipc/contract';
import { startTestApp, TEST_ADMIN as ADMIN, type TestApp } from './harness/app';
import { settledScreenshot as settledScreenshotOf, chooseTab } from './harness/browser';
import { ASSESSMENT_NAME as NAME, seedCollectingAssessment } from './harness/seed';
import { wholeBallots } from '../../shared/assessment/ballot-parts';
import { clickSettled } from './harness/settled-click';

const CLERKS = [
  { username: 'clerk1', displayName: '录入员甲', role: 'assessmentClerk', password: 'Clerk1@2025!' },
  { username: 'clerk2', displayName: '录入员乙', role: 'assessmentClerk', password: 'Clerk2@2025!' },
] as const;

let app: TestApp;
let page: Page;
const ok = <N extends CallName>(name: N, input: CallInput<N>) => app.call(name, input);
let assessmentId = 0;
let ids: Record<string, number> = {};

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-panels-');
  ({ assessmentId, ids } = await seedCollectingAssessment(app));
  for (const c of CLERKS) await app.addUser(c);
  page = await app.openPage();
});

afterAll(async () => {
  await app?.close();
});

const menu = (label: string) => page.locator('.ant-menu-item', { hasText: label }).click();
const tab = (name: string) => chooseTab(page, name);
const input = (testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

const settledScreenshot = (name: string) => settledScreenshotOf(page, name);

async function confirmDialog(button: string | RegExp) {
  const confirm = page.locator('.ant-modal-confirm-confirm');
  await confirm.waitFor();
  await clickSettled(confirm.getByRole('button', { name: button }));
  await confirm.waitFor({ state: 'detached', timeout: 20_000 });
}

/** The assessment's page (already open after leaving the 评议终端, which returns to it). */
async function openAssessment() {
  await menu('考核测评');
  const title = page.getByTestId('assessment-title').filter({ hasText: NAME });
  if ((await title.count()) === 0) await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
  await title.waitFor();
}

async function loginAs(username: string, password: string) {
  await page.getByRole('button', { name: /锁\s?定/ }).click();
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /^(登\s?录|解\s?锁)$/ }).click();
  await page.getByText('干部名册').or(page.getByText('考核测评')).first().waitFor();
}

/** Types a peer grid by keyboard: the first cell clicked, then values with Enter between them. */
async function typeGrid(cellPrefix: string, firstTarget: string, values: readonly number[]) {
  await input(`${cellPrefix}-${firstTarget}-zz1`).click();
  for (const v of values) {
    await page.keyboard.type(String(v));
    await page.keyboard.press('Enter');
  }
}

const codes: Record<string, string> = {};

describe('评议码 and 评议终端', () => {
  test('an administrator generates 同级互评 codes: shown once, the seats listed without codes', async () => {
    await openAssessment();
    await tab('评议码');
    await page.getByTestId('codes-generate').click();
    const sheet = page.getByTestId('codes-sheet');
    await sheet.waitFor();
    for (const name of ['阿古拉', '巴特尔', '朝鲁']) {
      const row = sheet.locator('tr', { hasText: `互评人：${name}` });
      codes[name] = (await row.getByTestId('fresh-code').innerText()).trim();
      expect(codes[name]).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    }
    await settledScreenshot('panels-codes-sheet');
    await page.getByRole('button', { name: '我已打印或抄录' }).click();
    const seats = page.getByTestId('seats-table');
    await seats.getByText('互评人：朝鲁').waitFor();
    expect(await seats.innerText()).not.toContain(codes['阿古拉']!);
    await expect.poll(() => seats.locator('.ant-tag', { hasText: '未使用' }).count()).toBe(3);
  });

  test('the kiosk takes one ballot per code, refuses the code the second time, and is left with the password', async () => {
    await page.getByTestId('kiosk-start').click();
    await confirmDialog('进入评议终端');
    await page.getByTestId('kiosk-screen').waitFor();
    // Nothing of the main window is left: no menu.
    expect(await page.locator('.ant-menu-item').count()).toBe(0);
    await settledScreenshot('panels-kiosk-code-entry');

    await input('kiosk-code').fill(codes['阿古拉']!.toLowerCase().replace('-', ''));
    await page.keyboard.press('Enter');
    const form = page.getByTestId('kiosk-form');
    await form.waitFor();
    await form.getByText('互评人：阿古拉').waitFor();
    // Only the other cadres of the group are in the grid: no cell for the rater.
    expect(await page.locator('[data-testid^="kiosk-peer-阿古拉-"]').count()).toBe(0);
    await typeGrid('kiosk-peer', '巴特尔', [90, 88, 86, 75, 70, 72]);
    await expect
      .poll(() => page.getByTestId('kiosk-peer-total-巴特尔').innerText())
      .toBe((90 * 0.35 + 88 * 0.35 + 86 * 0.3).toFixed(2));
    await settledScreenshot('panels-kiosk-peer-form');
    // A score outside 0–100 is kept as typed and named, never clamped; the ballot is refused until it is corrected.
    const cell = input('kiosk-peer-朝鲁-zz1');
    await cell.fill('105');
    await cell.press('Tab');
    await expect.poll(() => cell.inputValue()).toBe('105');
    expect(await page.getByTestId('kiosk-peer-朝鲁-zz1-range').innerText()).toBe('超出 0–100');
    await page.getByTestId('kiosk-submit').click();
    await expect
      .poll(() => page.getByTestId('kiosk-form-problem').innerText())
      .toMatch(/对“朝鲁”的“.+”分数 105 超出 0–100，请核对后改正/);
    await cell.fill('75');
    await page.getByTestId('kiosk-submit').click();
    await expect.poll(() => page.getByTestId('kiosk-review-lines').innerText()).toContain('巴特尔：加权合计');
    await page.getByTestId('kiosk-confirm').click();
    await page.getByText('评议票已提交，感谢您的参与').waitFor();
    // Back at code entry, empty, nothing of the ballot on screen.
    await page.getByTestId('kiosk-code').waitFor();
    expect(await input('kiosk-code').inputValue()).toBe('');
    expect(await page.getByTestId('kiosk-form').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('巴特尔');

    await input('kiosk-code').fill(codes['阿古拉']!);
    await page.getByTestId('kiosk-open').click();
    await expect
      .poll(() => page.getByTestId('kiosk-problem').innerText())
      .toContain('该评议码已使用，每个评议码只能评议一次');
    await settledScreenshot('panels-kiosk-code-used');

    await page.getByTestId('kiosk-exit').click();
    await input('kiosk-exit-password').fill('wrong-password');
    await clickSettled(page.getByTestId('kiosk-exit-ok'));
    // The password check runs the store's key derivation (scrypt): allow it time on a busy machine.
    await expect
      .poll(() => page.getByTestId('kiosk-exit-problem').innerText(), { timeout: 20_000 })
      .toContain('密码不正确');
    await input('kiosk-exit-password').fill(ADMIN.password);
    await clickSettled(page.getByTestId('kiosk-exit-ok'));
    await page.locator('.ant-menu-item', { hasText: '考核测评' }).waitFor({ timeout: 20_000 });
    expect((await app.must<{ kiosk: unknown }>('app.status', {})).kiosk).toBeNull();
    // Back where the kiosk was started: the assessment's 评议码 tab.
    await expect.poll(() => page.locator('.ant-tabs-tab-active').allInnerTexts()).toEqual(['测评录入', '评议码']);
    expect(await page.locator('.ant-menu-item-selected').innerText()).toContain('考核测评');
    const ballots = wholeBallots(await ok('ballots.list', { assessmentId }));
    expect(ballots.peer.map((b) => [b.raterId, b.anonymous])).toEqual([
      [null, true],
      [null, true],
    ]);
  });
});

describe('二次录入', () => {
  const enterSuperior = async (paperNo: string, places: readonly [number, number, number]) => {
    await input('paper-no').fill(paperNo);
    await input('paper-place-阿古拉').click();
    for (const p of places) {
      await page.keyboard.type(String(p));
      await page.keyboard.press('Enter');
    }
    await page.getByTestId('paper-save').click();
  };

  test('two clerks enter the same papers; a mismatch is shown side by side and not counted; resolving counts it', async () => {
    await loginAs(CLERKS[0].username, CLERKS[0].password);
    await openAssessment();
    await tab('纸质票录入');
    await enterSuperior('SJ-001', [1, 2, 3]);
    await page.getByText('纸质票“SJ-001”第一次录入已保存，请由另一名录入员进行第二次录入').waitFor();
    await enterSuperior('SJ-002', [2, 1, 3]);
    await page.getByText('纸质票“SJ-002”第一次录入已保存').waitFor();
    // The same clerk cannot enter SJ-001 again.
    await enterSuperior('SJ-001', [1, 2, 3]);
    await expect.poll(() => page.getByTestId('paper-problem').innerText()).toContain('第二次录入须由另一名录入员完成');

    await loginAs(CLERKS[1].username, CLERKS[1].password);
    await openAssessment();
    await tab('纸质票录入');
    await enterSuperior('SJ-001', [1, 2, 3]);
    await page.getByText('纸质票“SJ-001”两次录入一致，已计入排名').waitFor();
    await enterSuperior('SJ-002', [3, 1, 2]);
    await page.getByText('纸质票“SJ-002”两次录入不一致，未计入排名，请在下方核对').waitFor();
    const compare = page.getByTestId('paper-compare-SJ-002');
    await compare.waitFor();
    // Places 1 and 3 differ (阿古拉 was typed 2nd, then 3rd): the differing cells are marked.
    await expect.poll(() => compare.getByTestId('diff-first').count()).toBe(2);
    expect(await compare.locator('tr', { hasText: '第 2 名' }).innerText()).toMatch(/阿古拉[\s\S]*朝鲁/);
    await settledScreenshot('panels-paper-mismatch');

    // Only the matched paper counts: one superior ballot per cadre.
    let rankings = await ok('rankings.get', { assessmentId });
    expect(rankings.result.groups[0]!.rows.map((r) => r.components.superior?.ballots)).toEqual([1, 1, 1]);
    expect(wholeBallots(await ok('ballots.list', { assessmentId })).superior.map((b) => b.raterLabel)).toEqual([
      '纸质票 SJ-001',
    ]);

    // A third entry is refused.
    await enterSuperior('SJ-002', [2, 1, 3]);
    await expect
      .poll(() => page.getByTestId('paper-problem').innerText())
      .toContain('纸质票“SJ-002”已录入两次，不能再录入第三次');

    await compare.getByTestId('paper-pick-1').click();
    await clickSettled(page.locator('.ant-popconfirm').getByRole('button', { name: /采\s?用/ }));
    await page.getByText('已采用第一次录入，纸质票“SJ-002”已计入排名').waitFor();
    await expect.poll(() => page.getByTestId('paper-compare-SJ-002').count()).toBe(0);
    await page.getByTestId('papers-table').getByText('已核对，已计入').waitFor();
    await settledScreenshot('panels-paper-resolved');
    rankings = await ok('rankings.get', { assessmentId });
    expect(rankings.result.groups[0]!.rows.map((r) => r.components.superior?.ballots)).toEqual([2, 2, 2]);
    const order = wholeBallots(await ok('ballots.list', { assessmentId })).superior.find(
      (b) => b.raterLabel === '纸质票 SJ-002',
    )!.order;
    expect(order).toEqual([ids['巴特尔'], ids['阿古拉'], ids['朝鲁']]);

    // The rankings tab shows it too: 巴特尔 is 2nd on SJ-001 (80) and 1st on SJ-002 (100): 90.00 from 2 ballots.
    await tab('排名结果');
    const row = page.getByTestId('ranking-group-正职·苏木镇（街道）').locator('tr', { hasText: '巴特尔' });
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toMatch(/90\.00\s*2票/);
    await settledScreenshot('panels-rankings-after-papers');
  });
});
