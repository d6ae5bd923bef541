// The 评议码 slips print view with sample data (the codes come from the assessment's code generation at merge):
// 23 slips on three A4 sheets, ten to a sheet, every code and seat in the text of its sheet; sheet 1 to PNG.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CodeSlips, SLIPS_PER_PAGE, type CodeSlip } from '../../renderer/pages/print/CodeSlips';
import { launchBrowser, SCREENSHOT_DIR } from './harness/browser';

let browser: Browser;
let work: string;

beforeAll(async () => {
  browser = await launchBrowser();
  work = mkdtempSync(join(tmpdir(), 'ganbu-e2e-slips-'));
});

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
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
  await page.setContent(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>body{margin:0}${css}</style></head><body>${html}</body></html>`);
  const pdf = join(work, 'slips.pdf');
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
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
