// End to end: the 政治素质审查意见 (issue 20 §2). From a cadre's profile: the draft with the 一票否决 first, a 可以使用
// refused while a veto stands, a 不宜提拔使用 signed into the history; printed with 份号 into the register and every
// page looked at; the Word version; a list of candidates from the roster; the 审议材料 packet with, per candidate,
// the 任免审批表 and the 审查意见 before the dossier.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ScriptedDialogs } from '../helpers/dialogs';
import { unzip } from '../helpers/docx';
import { cadreInput } from '../helpers/roster';
import { animationsDone, openApp, previewDrawn, SCREENSHOT_DIR, settledScreenshot } from './harness/browser';
import { pdfPages } from './harness/pdf';
import { startTestApp, type TestApp } from './harness/app';
import { clickSettled } from './harness/settled-click';

let app: TestApp;
let work: string;
let dialogs: ScriptedDialogs;
let page: Page;
const ids: number[] = [];
const year = new Date().getFullYear();

const entry = (cadreId: number, over: Record<string, unknown>) =>
  app.must('entries.create', {
    input: {
      cadreId,
      date: `${year}-01-15`,
      subItemCode: 'S1.1',
      channelCode: 'CH10',
      title: '材料',
      content: '',
      polarity: 'neutral',
      standardCodes: [],
      listItemCode: null,
      ...over,
    },
  });

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-review-');
  ({ work, dialogs } = app);
  const unit = await app.must<{ id: number }>('units.save', { name: '阿尔巴斯苏木', categoryCode: 'C1', sort: 1 });
  for (const name of ['巴特尔', '其其格']) {
    const input = cadreInput(unit.id, { name, idNumber: '', gender: name === '其其格' ? '女' : '男' });
    ids.push((await app.must<{ id: number }>('cadres.create', { input })).id);
  }
  const [bateer, qiqige] = ids as [number, number];
  await entry(bateer, {
    subItemCode: 'S6.5',
    title: '党纪处分',
    content: '因违反工作纪律受到党内警告处分。',
    polarity: 'negative',
    standardCodes: ['D5.1'],
    listItemCode: 'N1',
  });
  await entry(bateer, {
    date: `${year - 1}-06-10`,
    subItemCode: 'S6.3',
    title: '诫勉',
    content: '因落实防汛责任不到位受到诫勉。',
    polarity: 'negative',
    standardCodes: ['D5.1'],
    listItemCode: 'N4',
  });
  await entry(qiqige, {
    subItemCode: 'S2.2',
    channelCode: 'CH09',
    title: '春季中青班优秀学员',
    polarity: 'positive',
    standardCodes: ['D2.1'],
    listItemCode: 'P3',
  });
  await app.must('appointments.create', {
    cadreId: bateer,
    matterDate: `${year}-03-05`,
    proposedPost: '鄂托克旗乌兰镇党委书记',
    proposedRemoval: '阿尔巴斯苏木党委书记',
    reason: '工作需要。',
    reportingUnit: '中共鄂托克旗委员会组织部',
    ageAt: `${year}-03`,
    filledBy: '王干事',
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

/** Every page of a PDF as a PNG beside the screenshots, to be looked at. */
const pagesAsPng = (pdf: string, name: string) =>
  execFileSync('pdftoppm', ['-png', '-r', '50', pdf, join(SCREENSHOT_DIR, name)]);

test('from the profile: the draft with the veto first; 可以使用 refused; 不宜提拔使用 signed into the history', async () => {
  await page.locator('.ant-table-row', { hasText: '巴特尔' }).first().click();
  await page.getByTestId('open-review').click();
  const sections = dialog().getByTestId('review-sections');
  await sections.waitFor();
  const keys = await sections.locator('section').evaluateAll((s) => s.map((e) => e.getAttribute('data-section')));
  expect(keys).toEqual([
    'vetoes',
    'basic',
    'portrait',
    'list',
    'negatives',
    'assessments',
    'training',
    'holistic',
    'completeness',
  ]);
  expect(await sections.locator('section').first().innerText()).toContain('一、一票否决事项');
  expect(await sections.innerText()).toContain('因落实防汛责任不到位受到诫勉');
  await animationsDone(page);
  await settledScreenshot(page, 'review-modal');

  const form = dialog().getByTestId('review-form');
  await form.getByLabel('政治素质好、可以使用').check();
  await dialog().getByTestId('review-reasons').fill('一贯表现较好。');
  await dialog().getByTestId('review-rechecker').fill('李科长');
  await clickSettled(dialog().getByTestId('review-sign'));
  await form.getByText(/存在一票否决事项 1 项，审查结论不能为/).waitFor();
  expect(await dialog().getByTestId('review-history').innerText()).toContain('尚未签署审查结论');
  await form.getByText(/存在一票否决事项/).scrollIntoViewIfNeeded();
  await settledScreenshot(page, 'review-modal-refused');

  await form.getByLabel('不宜提拔使用').check();
  await dialog().getByTestId('review-reasons').fill('统计期内受到党纪处分，影响期未满。');
  await clickSettled(dialog().getByTestId('review-sign'));
  const history = dialog().getByTestId('review-history');
  await history.getByText('统计期内受到党纪处分，影响期未满。').waitFor();
  expect(await history.innerText()).toContain('不宜提拔使用');
  expect(await history.innerText()).toContain('王管理员');
  await history.scrollIntoViewIfNeeded();
  await settledScreenshot(page, 'review-modal-signed');
}, 90_000);

test('printed with 份号 into the register, every page looked at; the Word version holds the same text', async () => {
  await clickSettled(dialog().getByTestId('review-print'));
  const preview = dialog().getByTestId('print-preview');
  await previewDrawn(preview, 60_000);
  const said = await dialog()
    .getByText(/预览：每份 \d+ 页/)
    .innerText();
  const perCopy = Number(/每份 (\d+) 页/.exec(said)?.[1]);
  await settledScreenshot(page, 'review-print-preview');

  const docx = join(work, '巴特尔审查意见.docx');
  dialogs.answerSave(docx);
  await clickSettled(dialog().getByTestId('review-docx'));
  await page.getByText(/已导出 巴特尔审查意见\.docx/).waitFor({ timeout: 30_000 });
  const xml = (await unzip(readFileSync(docx))).get('word/document.xml')?.toString('utf8') ?? '';
  const words = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  expect(words.indexOf('一、一票否决事项')).toBeLessThan(words.indexOf('二、基本情况'));
  expect(words).toContain('审查结论：不宜提拔使用。');

  await dialog().getByTestId('print-copies').fill('2');
  const pdf = join(work, '巴特尔审查意见.pdf');
  dialogs.answerSave(pdf);
  await clickSettled(dialog().getByTestId('print-export'));
  await page.getByText(/已保存 巴特尔审查意见\.pdf/).waitFor({ timeout: 60_000 });
  expect(existsSync(pdf)).toBe(true);
  const pages = pdfPages(pdf, 'raw').map((t) => t.replace(/\s+/g, ''));
  expect(pages).toHaveLength(2 * perCopy);
  pages.forEach((t, i) => {
    expect(t, `page ${i + 1}`).toContain(`份号：00${Math.floor(i / perCopy) + 1}`);
    expect(t, `page ${i + 1}`).toContain(`—${(i % perCopy) + 1}—`);
  });
  const copy = pages.slice(0, perCopy).join('');
  expect(copy).toContain('巴特尔同志政治素质审查意见');
  expect(copy.indexOf('一、一票否决事项')).toBeLessThan(copy.indexOf('二、基本情况'));
  expect(copy).toContain('受到党内警告处分');
  expect(copy).toContain('审查结论：不宜提拔使用。');
  expect(copy).toContain('审查人：王管理员');
  const register = await app.must<{ kind: string; title: string; serial: string }[]>('prints.list', {});
  expect(register.map((r) => [r.kind, r.title, r.serial])).toEqual([
    ['review', '巴特尔同志政治素质审查意见', '001'],
    ['review', '巴特尔同志政治素质审查意见', '002'],
  ]);
  pagesAsPng(pdf, 'review-pdf');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
}, 120_000);

test('a list of candidates chosen in the roster: one preview, each from a new page', async () => {
  await page.keyboard.press('Escape');
  await dialog()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
  for (const name of ['巴特尔', '其其格'])
    await page.locator('.ant-table-row', { hasText: name }).first().locator('.ant-checkbox-input').check();
  await clickSettled(page.getByTestId('print-review-picked'));
  const preview = dialog().getByTestId('print-preview');
  await previewDrawn(preview, 60_000);
  const text = await preview.innerText();
  expect(text).toContain('巴特尔同志政治素质审查意见');
  expect(text).toContain('其其格同志政治素质审查意见');
  await settledScreenshot(page, 'review-list-preview');
  await page.keyboard.press('Escape');
}, 90_000);

test('the 审议材料 packet with, per candidate, the 任免审批表 and the 审查意见 before the dossier', async () => {
  await page.locator('.ant-menu-item', { hasText: '审议材料' }).click();
  await page.getByTestId('packet-page').waitFor();
  await page.getByTestId('packet-title').fill('乌兰镇班子调整审议材料');
  const select = page.getByTestId('packet-unit');
  await select.click();
  await select.locator('input').fill('阿尔巴斯苏木');
  await clickSettled(
    page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^阿尔巴斯苏木$/ }),
  );
  await page.getByTestId('packet-preview').click();
  const preview = dialog().getByTestId('print-preview');
  await previewDrawn(preview, 60_000);
  await dialog().getByTestId('packet-renmian').check();
  await dialog().getByTestId('packet-reviews').check();
  await expect.poll(async () => preview.locator('.rm-sheet').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(4);
  await previewDrawn(preview, 60_000);
  await settledScreenshot(page, 'packet-with-reviews');
  const pdf = join(work, '审议材料.pdf');
  dialogs.answerSave(pdf);
  await clickSettled(dialog().getByTestId('print-export'));
  await page.getByText(/已保存 审议材料\.pdf/).waitFor({ timeout: 90_000 });
  const pages = pdfPages(pdf, 'raw').map((t) => t.replace(/\s+/g, ''));
  const first = (...all: string[]) => pages.findIndex((t) => all.every((s) => t.includes(s)));
  // Per candidate: the 任免审批表 (no 份号 on its sheets), the 审查意见, then the dossier.
  for (const name of ['巴特尔', '其其格']) {
    const form = first('干部任免审批表', name);
    const review = first(`${name}同志政治素质审查意见`);
    const dossier = first(`（${name}同志）`);
    expect(form, name).toBeGreaterThan(0);
    expect(pages[form], name).not.toContain('份号');
    expect(review, name).toBeGreaterThanOrEqual(form + 2); // the form's two pages come first
    expect(dossier, name).toBeGreaterThan(review);
  }
  expect(pages[first('干部任免审批表', '巴特尔')]).toContain('鄂托克旗乌兰镇党委书记');
  pagesAsPng(pdf, 'packet-with-reviews-pdf');
}, 180_000);
