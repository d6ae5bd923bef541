// The 评议码 slips print view: with sample data, 23 slips on three A4 sheets, ten to a sheet, every code and seat in
// the text of its sheet; then for real, 12 同级互评 codes generated in the app go through 打印评议码条（PDF） → the
// print route in Chromium → the saved PDF, whose text holds every generated code exactly once. Sheet 1 to PNG.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/ipc/contract';
import { CodeSlips, SLIPS_PER_PAGE, type CodeSlip } from '../../renderer/pages/print/CodeSlips';
import type { ScriptedDialogs } from '../helpers/dialogs';
import { minimalCadre } from '../helpers/roster';
import { pdfPages } from './harness/pdf';
import { openApp, screenshot, SCREENSHOT_DIR, animationsDone, chooseTab } from './harness/browser';
import { startTestApp, type TestApp } from './harness/app';

const NAME = '2025年度科级干部“双比双评”考核';

let app: TestApp;
let browser: Browser;
let work: string;
let dialogs: ScriptedDialogs;
let page: Page;

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-slips-');
  ({ work, dialogs } = app);
  const ok = <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> =>
    app.must<CallOutput<N>>(name, input);
  // Twelve 正职 in one group: twelve 同级互评 codes, two A4 sheets of slips.
  const units = [];
  for (const [i, name] of ['乌兰镇', '棋盘井镇', '阿尔巴斯苏木', '蒙西镇'].entries())
    units.push(await ok('units.save', { name, categoryCode: 'C1', sort: i + 1 }));
  const names = [
    '阿古拉',
    '巴特尔',
    '朝鲁',
    '德力格尔',
    '额尔敦',
    '斯琴',
    '乌力吉',
    '那顺',
    '图雅',
    '其其格',
    '苏和',
    '宝音',
  ];
  for (const [i, name] of names.entries())
    await ok('cadres.create', { input: minimalCadre(units[i % 4]!.id, { name, position: 'chief' }) });
  const a = await ok('assessments.create', { name: NAME, year: 2025, scope: { categoryCodes: ['C1'], unitIds: [] } });
  await ok('assessments.setState', { id: a.id, version: a.version, state: 'collecting' });
  browser = await app.launch();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const slips: CodeSlip[] = Array.from({ length: 23 }, (_, i) => ({
  code: `K${String(7301 + i * 37).padStart(5, '0')}`,
  seatLabel: `第${i + 1}号`,
  groupName: i < 12 ? '党群部门正职组' : '乡镇副职组',
  assessmentName: '2025年度科级干部“双比双评”',
}));

test('23 slips: three sheets of at most ten, each code with its group and seat on its sheet', async () => {
  const html = renderToStaticMarkup(createElement(CodeSlips, { slips }));
  const css = readFileSync(join(process.cwd(), 'renderer/pages/print/print.css'), 'utf8');
  const page = await (await browser.newContext()).newPage();
  await page.setContent(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>body{margin:0}${css}</style></head><body>${html}</body></html>`,
  );
  const pdf = join(work, 'slips.pdf');
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const pages = pdfPages(pdf);
  expect(pages).toHaveLength(Math.ceil(slips.length / SLIPS_PER_PAGE));
  slips.forEach((s, i) => {
    const sheet = pages[Math.floor(i / SLIPS_PER_PAGE)]!;
    expect(sheet, s.code).toContain(s.code);
    expect(sheet, s.code).toContain(s.seatLabel);
  });
  expect(pages[0]).toContain('党群部门正职组');
  expect(pages[2]).toContain('乡镇副职组');
  expect(pages[2]).not.toContain('K07301');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(SCREENSHOT_DIR, 'print-slips-page')]);
});

test('generated codes → 打印评议码条（PDF） → the saved PDF holds every code once, on sheets of ten', async () => {
  page = await openApp(browser, app.bridge.url);
  await page.getByText('干部名册').first().waitFor();
  await page.locator('.ant-menu-item', { hasText: '考核测评' }).click();
  await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
  await page.getByTestId('assessment-title').filter({ hasText: NAME }).waitFor();
  await chooseTab(page, '评议码');
  await page.getByTestId('codes-generate').click();
  await page.getByTestId('codes-sheet').waitFor();
  const codes = (await page.getByTestId('fresh-code').allInnerTexts()).map((c) => c.trim());
  expect(codes).toHaveLength(12);

  await page.getByTestId('codes-print-slips').click();
  const preview = page.getByTestId('slips-preview');
  await expect.poll(() => preview.locator('.slip').count()).toBe(12);
  expect(await preview.locator('.slip-page').count()).toBe(2);
  await animationsDone(page);
  await screenshot(page, 'print-slips-modal');
  const pdf = join(work, '评议码条.pdf');
  dialogs.answerSave(pdf);
  await page.getByTestId('slips-export').click();
  await page.getByText(/已保存 评议码条\.pdf：12 张评议码，2 页/).waitFor({ timeout: 60_000 });
  expect(dialogs.requests.at(-1)).toMatchObject({
    kind: 'save',
    title: '保存评议码条（PDF）',
    defaultName: `${NAME}评议码（同级互评·正职·苏木镇（街道））.pdf`,
  });

  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').slice(0, -1);
  expect(pages).toHaveLength(2);
  for (const code of codes) expect(text.split(code).length - 1, code).toBe(1);
  expect(pages[0]).toContain('互评人：');
  expect(text).not.toContain('份号');
  // The codes modal is still open (the slips modal closed after saving): the codes are shown there until closed.
  await page.getByRole('button', { name: '我已打印或抄录' }).click();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    pdf,
    join(SCREENSHOT_DIR, 'print-slips-generated'),
  ]);
}, 120_000);
