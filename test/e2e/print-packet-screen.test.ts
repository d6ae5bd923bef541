// End to end: the 审议材料 screen. A user names the packet, picks an archived assessment's 排名表, adds a cadre by
// name and a whole unit, moves a cadre up, previews and saves one copy. The PDF opens with the ranking table, then
// the dossiers in the chosen order, and every contents line's page number is where that part starts. With 打印意见建议
// the 排名表 lists the comments of a cadre with 3 forms, none below.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AssessmentDetail } from '../../shared/assessment/types';
import type { TestHost } from '../helpers/host';
import { createC1, enterWorkedExample, seedRoster, startCollecting } from '../helpers/assessment';
import type { ScriptedDialogs } from '../helpers/dialogs';
import { cadreInput } from '../helpers/roster';
import { openApp, SCREENSHOT_DIR, settledScreenshot, previewDrawn } from './harness/browser';
import { pdfPages } from './harness/pdf';
import { startTestApp, type TestApp } from './harness/app';
import { clickSettled } from './harness/settled-click';

const NAME = '2025年度科级干部“双比双评”考核';
const TITLE = '乌兰镇班子调整审议材料';

let app: TestApp;
let work: string;
let dialogs: ScriptedDialogs;
let page: Page;

const must = <T>(name: string, input: unknown): Promise<T> => app.must<T>(name, input);

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-packet-screen-');
  ({ work, dialogs } = app);
  const h = { ok: must } as unknown as TestHost;
  const roster = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h, NAME));
  await enterWorkedExample(h, a.id, roster);
  // 意见建议: 阿古拉 has 3 forms (2 staff, 1 service), 朝鲁 only 2, so theirs stay hidden.
  await must('ballots.saveService', {
    assessmentId: a.id,
    targetId: roster.a,
    scores: [90],
    comments: ['作风扎实', '希望加强调研'],
  });
  await must('ballots.saveService', { assessmentId: a.id, targetId: roster.c, scores: [80], comments: ['少开会'] });
  const current = await must<AssessmentDetail>('assessments.get', { id: a.id });
  const summarized = await must<AssessmentDetail>('assessments.setState', {
    id: a.id,
    version: current.version,
    state: 'summarized',
  });
  await must('assessments.archive', { id: a.id, version: summarized.version });
  // A unit of 40 cadres with full dossiers: a packet long enough to be stopped while it renders.
  const big = await must<{ id: number }>('units.save', { name: '东胜区直属机关', categoryCode: 'C2', sort: 9 });
  for (let n = 0; n < 40; n++) {
    const id = (
      await must<{ id: number }>('cadres.create', {
        input: cadreInput(big.id, { name: `测试干部${n + 1}`, idNumber: '' }),
      })
    ).id;
    for (let i = 0; i < 8; i++)
      await must('entries.create', {
        input: {
          cadreId: id,
          date: `2025-0${i + 1}-15`,
          subItemCode: ['S1.1', 'S2.1', 'S4.1'][i % 3],
          channelCode: 'CH09',
          title: `第${i + 1}条材料`,
          content: '认真学习贯彻党的创新理论，按时参加支部组织生活，联系实际撰写学习体会。'.repeat(3),
          polarity: 'positive',
          standardCodes: ['D2.1'],
          listItemCode: null,
        },
      });
  }
  page = await openApp(await app.launch(), app.bridge.url);
  await page.getByText('干部名册').first().waitFor();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const pick = async (testId: string, text: string, option: RegExp) => {
  const select = page.getByTestId(testId);
  await select.click();
  await select.locator('input').fill(text);
  await clickSettled(page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first());
};

test('choose a 排名表 and cadres, reorder, preview and save; the contents point at where each part starts', async () => {
  await page.locator('.ant-menu-item', { hasText: '审议材料' }).click();
  await page.getByTestId('packet-page').waitFor();

  // Nothing chosen yet: the preview is refused with a message, nothing is printed.
  await page.getByTestId('packet-preview').click();
  await expect.poll(() => page.getByTestId('packet-error').innerText()).toBe('请至少选择 1 名干部');

  await page.getByTestId('packet-title').fill(TITLE);
  await pick('packet-assessments', '2025', /已归档/);
  await page.keyboard.press('Escape');
  await pick('packet-search', '巴特尔', /巴特尔（棋盘井镇/);
  await pick('packet-unit', '乌兰镇', /^乌兰镇$/);
  const rows = page.locator('[data-testid="packet-page"] .ant-table-tbody tr.ant-table-row');
  await expect.poll(() => rows.count()).toBe(4);
  // 巴特尔, then 乌兰镇's 阿古拉, 德力格尔, 额尔敦; 阿古拉 goes first.
  await page.getByRole('button', { name: '上移阿古拉' }).click();
  const order = async () => (await rows.locator('td:nth-child(2)').allInnerTexts()).map((s) => s.trim());
  await expect.poll(order).toEqual(['阿古拉', '巴特尔', '德力格尔', '额尔敦']);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await settledScreenshot(page, 'packet-screen');

  await page.getByTestId('packet-preview').click();
  const dialog = page.getByRole('dialog').last();
  const preview = dialog.getByTestId('print-preview');
  await previewDrawn(preview, 60_000);
  await dialog.getByText(/预览：每份 \d+ 页/).waitFor();
  expect(await preview.innerText()).toContain(`${NAME}排名表`);
  await settledScreenshot(page, 'packet-preview');

  const pdf = join(work, '审议材料.pdf');
  dialogs.answerSave(pdf);
  await dialog.getByTestId('print-export').click();
  await page.getByText(/已保存 审议材料\.pdf/).waitFor({ timeout: 90_000 });
  expect(existsSync(pdf)).toBe(true);
  const register = await must<{ kind: string; title: string; serial: string }[]>('prints.list', {});
  expect(register.map((r) => [r.kind, r.title, r.serial])).toEqual([['packet', TITLE, '001']]);

  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdf, join(SCREENSHOT_DIR, 'packet-screen-page')]);
  const pages = pdfPages(pdf, 'raw');
  pages.forEach((t, i) => expect(t.replace(/\s+/g, ''), `page ${i + 1}`).toContain(`—${i + 1}—`));
  expect(pages[0]).toContain(TITLE);
  expect(pages[0]!.replace(/\s+/g, '')).toContain('共4名干部，附排名表1份');
  const toc = pages[1]!.split('\n');
  const listed = (needle: string) => Number(/(\d+)\s*$/.exec(toc.find((l) => l.includes(needle))!.trim())![1]);
  const rankingPage = pages.findIndex((t, i) => i > 1 && t.includes(`${NAME}排名表`)) + 1;
  expect(rankingPage).toBe(3);
  expect(listed('排名表')).toBe(rankingPage);
  const covers = ['阿古拉', '巴特尔', '德力格尔', '额尔敦'].map((name) => {
    const cover = pages.findIndex((t) => t.includes('干部政治素质档案') && t.includes(`（${name}同志）`)) + 1;
    expect(listed(name), name).toBe(cover);
    return cover;
  });
  // The dossiers follow the ranking table, in the chosen order.
  expect(covers[0]).toBeGreaterThan(rankingPage);
  expect([...covers].sort((x, y) => x - y)).toEqual(covers);
}, 180_000);

test('打印意见建议 (off by default): the packet’s 排名表 lists the comments of a cadre with 3 forms, none below', async () => {
  await page.locator('.ant-menu-item', { hasText: '审议材料' }).click();
  await page.getByTestId('packet-page').waitFor();
  if (await page.getByTestId('packet-clear').isEnabled()) await page.getByTestId('packet-clear').click();
  await page.getByTestId('packet-title').fill('审议材料（附意见建议）');
  if (!(await page.getByTestId('packet-assessments').innerText()).includes(NAME)) {
    await pick('packet-assessments', '2025', /已归档/);
    await page.keyboard.press('Escape');
  }
  await pick('packet-search', '阿古拉', /阿古拉（/);
  await page.getByTestId('packet-preview').click();
  const dialog = page.getByRole('dialog').last();
  const preview = dialog.getByTestId('print-preview');
  await previewDrawn(preview, 60_000);
  expect(await preview.innerText()).toContain(`${NAME}排名表`);
  expect(await preview.innerText()).not.toContain('作风扎实');
  await dialog.getByTestId('print-comments').click();
  await preview.getByText(/阿古拉：.*作风扎实/).waitFor();
  await previewDrawn(preview, 60_000);
  const text = await preview.innerText();
  expect(text).toContain('意见建议（不分先后');
  expect(text).toContain('希望加强调研');
  expect(text).not.toContain('少开会');
  await settledScreenshot(page, 'packet-comments-preview');

  const pdf = join(work, '审议材料-意见建议.pdf');
  dialogs.answerSave(pdf);
  await dialog.getByTestId('print-export').click();
  await page.getByText(/已保存 审议材料-意见建议\.pdf/).waitFor({ timeout: 90_000 });
  const pages = pdfPages(pdf);
  const at = pages.findIndex((t) => t.includes('作风扎实')) + 1;
  expect(at).toBeGreaterThan(2);
  expect(pages[at - 1]).toContain('希望加强调研');
  expect(pages.join('\n')).not.toContain('少开会');
  // The page with the comments, to look at.
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    String(at),
    '-l',
    String(at),
    pdf,
    join(SCREENSHOT_DIR, 'packet-comments-page'),
  ]);
}, 180_000);

test('a long packet shows its steps and can be stopped: no file, nothing registered, the screen keeps the choice', async () => {
  const saveDialogs = () => dialogs.requests.filter((r) => r.kind === 'save').length;
  const savesBefore = saveDialogs();
  await page.getByTestId('packet-clear').click();
  await page.getByTestId('packet-title').fill('东胜区直属机关干部审议材料');
  await pick('packet-unit', '东胜区', /东胜区直属机关/);
  const rows = page.locator('[data-testid="packet-page"] .ant-table-tbody tr.ant-table-row');
  await expect.poll(() => rows.count()).toBe(40);
  await page.getByTestId('packet-preview').click();
  const dialog = page.getByRole('dialog').last();
  await dialog.getByText(/预览：每份 \d+ 页/).waitFor({ timeout: 90_000 });
  // A long preview draws only the pages near the view, the rest as blank sheets; scrolled to the end, the last page
  // is drawn.
  const preview = dialog.getByTestId('print-preview');
  const sheets = preview.locator('.print-page');
  const total = await sheets.count();
  expect(total).toBeGreaterThan(40);
  expect(await preview.locator('.print-page .pp-body').count()).toBeLessThan(total / 4);
  await preview.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => sheets.last().locator('.pp-body').count()).toBe(1);
  await expect.poll(() => preview.locator('.print-page').first().locator('.pp-body').count()).toBe(0);
  await settledScreenshot(page, 'packet-preview-end');
  const before = await must<unknown[]>('prints.list', {});
  const pdf = join(work, '不应生成.pdf');
  dialogs.answerSave(pdf);
  await dialog.getByTestId('print-export').click();
  const progress = dialog.getByTestId('print-progress');
  await expect.poll(() => progress.innerText(), { timeout: 30_000 }).toMatch(/正在读取材料：\d+ \/ 40|正在排版/);
  await settledScreenshot(page, 'packet-progress').catch(() => undefined); // the bar animates; the picture is for looking
  await dialog.getByTestId('print-cancel').click();
  await page.getByText('已取消生成，没有写入任何文件').waitFor({ timeout: 15_000 });
  await expect.poll(() => progress.count()).toBe(0);
  expect(existsSync(pdf)).toBe(false);
  expect(await must<unknown[]>('prints.list', {})).toEqual(before);
  // No save dialog was asked: the print stopped before a file was chosen.
  expect(saveDialogs()).toBe(savesBefore);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect.poll(() => rows.count()).toBe(40);
}, 240_000);
