// End to end (issue 20 follow-up): a 审查结论 signed for one 统计期 is never shown as another period's own. The screen
// says the period on view has none yet and names the newest one's period; the printed PDF says the same, with the
// blanks to sign; the 审议材料 packet prints the 审查意见 of the period the conclusion was signed on, with that period.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cadreInput } from '../helpers/roster';
import { animationsDone, openApp, previewDrawn, SCREENSHOT_DIR, settledScreenshot } from './harness/browser';
import { pdfPages } from './harness/pdf';
import { startTestApp, type TestApp } from './harness/app';
import { clickSettled } from './harness/settled-click';

let app: TestApp;
let page: Page;
let cadreId = 0;
const year = new Date().getFullYear();
// The conclusion was signed on 近三年 to the end of last year: today's 近三年 is another period.
const SIGNED_TO = `${year - 1}-12-31`;
const dotted = (d: string) => d.replace(/-/g, '.');

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-review-period-');
  const unit = await app.must<{ id: number }>('units.save', { name: '阿尔巴斯苏木', categoryCode: 'C1', sort: 1 });
  cadreId = (
    await app.must<{ id: number }>('cadres.create', { input: cadreInput(unit.id, { name: '巴特尔', idNumber: '' }) })
  ).id;
  await app.must('reviews.conclude', {
    cadreId,
    period: 'threeYears',
    asOf: SIGNED_TO,
    conclusion: 'good',
    reasons: '一贯表现较好，未发现问题。',
    reviewer: '王干事',
    rechecker: '李科长',
    reviewDate: `${year}-01-08`,
  });
  page = await openApp(await app.launch(), app.bridge.url);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByText('干部名册').first().waitFor();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const dialog = () => page.getByRole('dialog').last();
const pagesAsPng = (pdf: string, name: string) =>
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SCREENSHOT_DIR, name)]);
const SIGNED_PERIOD = `近三年（${year - 3}.01.01—${dotted(SIGNED_TO)}）`;

test('the screen and the printed page: today’s period has no conclusion yet; the signed one is named with its period', async () => {
  await page.locator('.ant-table-row', { hasText: '巴特尔' }).first().click();
  await page.getByTestId('open-review').click();
  const said = dialog().getByTestId('review-period-conclusion');
  await expect.poll(() => said.innerText(), { timeout: 30_000 }).toMatch(/^本统计期近三年（.+）尚未签署审查结论/u);
  expect((await said.innerText()).replace(/\s+/g, '')).toContain(
    `最近一次审查结论（政治素质好、可以使用，${year}.01.08签署）系针对另一统计期${SIGNED_PERIOD}作出`,
  );
  await said.scrollIntoViewIfNeeded();
  await animationsDone(page);
  await settledScreenshot(page, 'review-period-screen');

  await clickSettled(dialog().getByTestId('review-print'));
  const preview = dialog().getByTestId('print-preview');
  await previewDrawn(preview, 60_000);
  const pdf = join(app.work, '巴特尔审查意见.pdf');
  app.dialogs.answerSave(pdf);
  await clickSettled(dialog().getByTestId('print-export'));
  await page.getByText(/已保存 巴特尔审查意见\.pdf/).waitFor({ timeout: 60_000 });
  const text = pdfPages(pdf, 'raw')
    .map((t) => t.replace(/\s+/g, ''))
    .join('');
  expect(text).toMatch(/本意见统计期近三年（.+）尚未签署审查结论。/u);
  expect(text).toContain(
    `最近一次审查结论系针对另一统计期${SIGNED_PERIOD}作出，于${year}.01.08签署：政治素质好、可以使用`,
  );
  expect(text).toContain('该结论不是对本意见所列材料的结论，仅供参考。');
  expect(text).not.toContain('审查结论：政治素质好、可以使用。');
  expect(text).toContain('□政治素质好、可以使用');
  pagesAsPng(pdf, 'review-period-pdf');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
}, 120_000);

test('the 审议材料 packet prints the 审查意见 of the period its conclusion was signed on', async () => {
  await dialog()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
  await page.locator('.ant-menu-item', { hasText: '审议材料' }).click();
  await page.getByTestId('packet-page').waitFor();
  await page.getByTestId('packet-title').fill('审议材料');
  const select = page.getByTestId('packet-unit');
  await select.click();
  await select.locator('input').fill('阿尔巴斯苏木');
  await clickSettled(
    page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^阿尔巴斯苏木$/ }),
  );
  await page.getByTestId('packet-preview').click();
  const preview = dialog().getByTestId('print-preview');
  await previewDrawn(preview, 60_000);
  await dialog().getByTestId('packet-reviews').check();
  await expect.poll(() => preview.innerText(), { timeout: 60_000 }).toContain('巴特尔同志政治素质审查意见');
  await previewDrawn(preview, 60_000);
  const pdf = join(app.work, '审议材料.pdf');
  app.dialogs.answerSave(pdf);
  await clickSettled(dialog().getByTestId('print-export'));
  await page.getByText(/已保存 审议材料\.pdf/).waitFor({ timeout: 90_000 });
  const pages = pdfPages(pdf, 'raw').map((t) => t.replace(/\s+/g, ''));
  const at = pages.findIndex((t) => t.includes('巴特尔同志政治素质审查意见'));
  expect(at).toBeGreaterThan(0);
  const review = pages.slice(at).join('');
  expect(review).toContain(`审查基准日期：${dotted(SIGNED_TO)}`);
  expect(review).toContain(`统计期：${SIGNED_PERIOD}`);
  expect(review).toContain('审查结论：政治素质好、可以使用。');
  expect(review).toContain(`结论所依据的统计期：${SIGNED_PERIOD}。`);
  expect(review).not.toContain('尚未签署审查结论');
  pagesAsPng(pdf, 'review-period-packet-pdf');
}, 180_000);
