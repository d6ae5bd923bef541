// End to end: the kiosk refuses a staff form over the 优秀 cap with the allowed count; a 意见建议 typed at the kiosk is
// hidden on the cadre until 3 forms came in, then listed; the cap in the configuration and the comments in 逐票录入.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CallInput, CallName } from '../../shared/ipc/contract';
import { FORM_MARKERS } from '../../db/assessment/excel/layout';
import { loadWorkbook, saveWorkbook, setRow } from '../helpers/ballot-excel';
import { startTestApp, TEST_ADMIN as ADMIN, type TestApp } from './harness/app';
import { settledScreenshot as settledScreenshotOf, chooseTab } from './harness/browser';
import { ASSESSMENT_NAME as NAME, seedCollectingAssessment } from './harness/seed';
import { wholeBallots } from '../../shared/assessment/ballot-parts';
import { clickSettled } from './harness/settled-click';

let app: TestApp;
let page: Page;
const ok = <N extends CallName>(name: N, input: CallInput<N>) => app.call(name, input);
let assessmentId = 0;
let ids: Record<string, number> = {};

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-staff-forms-');
  ({ assessmentId, ids } = await seedCollectingAssessment(app));
  const a = await ok('assessments.get', { id: assessmentId });
  await ok('assessments.updateConfig', {
    id: a.id,
    version: a.version,
    config: { ...a.config, staffExcellentCap: 0.3 },
  });
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

async function openAssessment() {
  await menu('考核测评');
  const title = page.getByTestId('assessment-title').filter({ hasText: NAME });
  if ((await title.count()) === 0) await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
  await title.waitFor();
}

describe('staff forms', () => {
  test('the configuration states the cap and its rounding', async () => {
    await openAssessment();
    await tab('配置');
    await expect
      .poll(() => page.getByTestId('config-staffExcellentCap-note').innerText())
      .toContain('不得超过本票干部人数的 30%（按本票干部人数乘以比例向下取整，不足 1 人按 1 人计，如 10 人可评 3 个');
    await page.getByTestId('config-staffExcellentCap').scrollIntoViewIfNeeded();
    await settledScreenshot('staff-forms-config');
  });

  test('the kiosk refuses a form over the cap naming how many 优秀 are allowed; a corrected form with a comment is taken', async () => {
    const staff = await ok('codes.generate', { assessmentId, kind: 'staff', group: 'chief:C1', count: 1 });
    await tab('评议码');
    await page.getByTestId('kiosk-start').click();
    const confirm = page.locator('.ant-modal-confirm-confirm');
    await confirm.waitFor();
    await clickSettled(confirm.getByRole('button', { name: '进入评议终端' }));
    await page.getByTestId('kiosk-screen').waitFor();
    await input('kiosk-code').fill(staff.slips[0]!.code);
    await page.keyboard.press('Enter');
    await page.getByTestId('kiosk-form').waitFor();
    await expect.poll(() => page.getByTestId('kiosk-form').innerText()).toContain('本票共 3 人，最多可评 1 个“优秀”');

    await page.getByTestId('kiosk-staff-阿古拉').getByText('优秀').click();
    await page.getByTestId('kiosk-staff-巴特尔').getByText('优秀').click();
    await page.getByTestId('kiosk-staff-朝鲁').getByText('较好').click();
    await page.getByTestId('kiosk-staff-comment-阿古拉').fill('  作风扎实，敢于担当  ');
    await page.getByTestId('kiosk-submit').click();
    await expect
      .poll(() => page.getByTestId('kiosk-form-problem').innerText())
      .toBe('本票评了 2 个“优秀”，超过本票允许的 1 个（共 3 人）；超过的测评票为无效票，请修改后再提交');
    await settledScreenshot('staff-forms-kiosk-over-cap');

    await page.getByTestId('kiosk-staff-巴特尔').getByText('较好').click();
    await page.getByTestId('kiosk-submit').click();
    await expect
      .poll(() => page.getByTestId('kiosk-review-lines').innerText())
      .toBe('阿古拉：优秀；意见建议：作风扎实，敢于担当\n巴特尔：较好\n朝鲁：较好');
    await page.getByTestId('kiosk-confirm').click();
    await page.getByText('评议票已提交，感谢您的参与').waitFor();

    await page.getByTestId('kiosk-exit').click();
    await input('kiosk-exit-password').fill(ADMIN.password);
    await clickSettled(page.getByTestId('kiosk-exit-ok'));
    await page.locator('.ant-menu-item', { hasText: '考核测评' }).waitFor({ timeout: 20_000 });
  });

  test('the comment stays hidden on the cadre below 3 forms, then is listed; 逐票录入 takes comments too', async () => {
    await openAssessment();
    await tab('意见建议');
    await expect
      .poll(() => page.getByTestId('comments-table').innerText())
      .toContain('收到的测评票不足 3 张，意见建议暂不显示');
    expect(await page.getByTestId('comments-table').innerText()).not.toContain('作风扎实');

    // Two paper forms through 逐票录入, one with a comment.
    await tab('职工测评');
    await page.getByTestId('staff-mode').getByText('逐票录入').click();
    for (const [grade, comment] of [
      ['较好', '希望多下基层'],
      ['一般', ''],
    ] as const) {
      for (const name of ['阿古拉', '巴特尔', '朝鲁'])
        await page.getByTestId(`single-${name}`).getByText(grade, { exact: false }).first().click();
      if (comment) await page.getByTestId('single-comment-阿古拉').fill(comment);
      if (comment) await settledScreenshot('staff-forms-single-with-comment');
      await page.getByTestId('staff-single-submit').click();
      await expect.poll(() => page.getByTestId('single-comment-阿古拉').inputValue()).toBe('');
    }
    await expect.poll(() => page.getByTestId('staff-single-count').innerText()).toContain('本次已录入 2 张');

    await tab('意见建议');
    const table = page.getByTestId('comments-table');
    await expect.poll(() => table.innerText()).toContain('作风扎实，敢于担当');
    const text = await table.innerText();
    expect(text).toContain('希望多下基层');
    expect(text).toContain('3 张');
    await settledScreenshot('staff-forms-comments');
    const list = wholeBallots(await ok('ballots.list', { assessmentId }));
    expect(list.comments.find((c) => c.cadreId === ids['阿古拉'])?.comments).toEqual(
      [
        { text: '作风扎实，敢于担当', count: 1 },
        { text: '希望多下基层', count: 1 },
      ].sort((x, y) => (x.text < y.text ? -1 : 1)),
    );
  });

  test('the Excel import lists an over-cap form by row as 无效票 and imports the rest', async () => {
    const template = join(app.work, '测评票模板.xlsx');
    app.dialogs.answerSave(template);
    await page.getByTestId('ballot-template').click();
    await page.getByText('测评票模板已保存到 测评票模板.xlsx').waitFor();
    const wb = await loadWorkbook(template);
    const ws = wb.getWorksheet('正职·苏木镇（街道）')!;
    let forms = 0;
    for (let r = 1; r <= ws.rowCount && forms === 0; r++)
      if (ws.getCell(r, 1).value === FORM_MARKERS.staffForms) forms = r + 2;
    setRow(ws, forms, 2, ['优秀', '较好', '较好']);
    setRow(ws, forms + 1, 2, ['优秀', '优秀', '优秀']);
    const filled = await saveWorkbook(wb, join(app.work, '逐票测评票.xlsx'));
    await page.getByTestId('ballot-import').click();
    app.dialogs.answerOpen(filled);
    const dialog = page.getByRole('dialog').last();
    await dialog.getByTestId('ballot-import-choose').click();
    await expect
      .poll(() => dialog.getByTestId('ballot-import-voided').innerText(), { timeout: 10_000 })
      .toContain('本票评了 3 个“优秀”，超过本票允许的 1 个（共 3 人）；超过的测评票为无效票，不计入（第2张）');
    await dialog.getByTestId('ballot-import-voided-note').waitFor();
    await settledScreenshot('staff-forms-excel-voided');
    await dialog.getByTestId('import-mode-正职·苏木镇（街道）').getByText('累加', { exact: true }).click();
    await dialog.getByTestId('ballot-import-confirm').click();
    await expect
      .poll(async () => wholeBallots(await ok('ballots.list', { assessmentId })).voidForms, { timeout: 10_000 })
      .toContainEqual({ group: 'chief:C1', kind: 'staff', reason: 'excellentCapExceeded', source: 'excel', count: 1 });
  });
});
