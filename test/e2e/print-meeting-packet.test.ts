// End to end: a meeting-ready packet, as a clerk sees it. The administrator sets the 发文机关 in 系统设置; a summarised
// assessment in which the top scorer is vetoed (一票否决) and 副职 units whose ids are not in 排序号 order. On screen
// the vetoed cadre is last with “一票否决，不参加排名”, 副职 groups follow 单位管理 with a unit jump; the print modal
// warns about unconfirmed grades; the printed 排名表 and 审议材料 carry the organ, one 保密 marking per cover, the
// signature lines on a page with the table; the dossier lists its attachments and the unarchived result; the
// 审议材料 selection is back when the screen is reopened and can be saved under a name and loaded again.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AssessmentDetail } from '../../shared/assessment/types';
import { minimalCadre } from '../helpers/roster';
import { openApp, SCREENSHOT_DIR, settledScreenshot, previewDrawn, chooseTab } from './harness/browser';
import { pdfPages } from './harness/pdf';
import { startTestApp, type TestApp } from './harness/app';
import { clickSettled } from './harness/settled-click';

const NAME = '2025年度科级干部“双比双评”考核';
const ORGAN = '中共鄂托克旗委组织部';
const LONG_POST = '棋盘井镇党委副书记、政府镇长、人大主席团主席，兼任工业园区管委会常务副主任';

let app: TestApp;
let page: Page;
const must = <T>(name: string, input: unknown): Promise<T> => app.must<T>(name, input);

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-meeting-packet-');
  // Ids 1, 2, 3 but 排序号 3, 1, 2: 单位管理 lists 棋盘井镇, 阿尔巴斯苏木, 乌兰镇.
  const unit = async (name: string, sort: number) =>
    (await must<{ id: number }>('units.save', { name, categoryCode: 'C1', sort })).id;
  const wulan = await unit('乌兰镇', 3);
  const qipan = await unit('棋盘井镇', 1);
  const aerbas = await unit('阿尔巴斯苏木', 2);
  const add = async (unitId: number, name: string, position: 'chief' | 'deputy', currentPost = '科员') =>
    (await must<{ id: number }>('cadres.create', { input: minimalCadre(unitId, { name, position, currentPost }) })).id;
  const chiefs = [
    await add(wulan, '阿古拉', 'chief'),
    await add(qipan, '巴特尔', 'chief', LONG_POST),
    await add(aerbas, '朝鲁', 'chief'),
  ];
  const deputies = {
    [wulan]: [await add(wulan, '德力格尔', 'deputy'), await add(wulan, '额尔敦', 'deputy')],
    [qipan]: [await add(qipan, '斯琴', 'deputy')],
    [aerbas]: [await add(aerbas, '其其格', 'deputy')],
  };
  const created = await must<AssessmentDetail>('assessments.create', {
    name: NAME,
    year: 2025,
    scope: { categoryCodes: ['C1'], unitIds: [] },
  });
  const a = await must<AssessmentDetail>('assessments.setState', {
    id: created.id,
    version: created.version,
    state: 'collecting',
  });
  // 巴特尔 first in every ballot: 名次 1 by score, but vetoed.
  const order = [chiefs[1]!, chiefs[0]!, chiefs[2]!];
  for (const label of ['L1', 'L2'])
    await must('ballots.saveSuperior', { assessmentId: a.id, raterLabel: label, group: 'chief:C1', order });
  for (const [u, ids] of Object.entries(deputies))
    await must('ballots.saveSuperior', { assessmentId: a.id, raterLabel: 'L1', group: `deputy:${u}`, order: ids });
  await must('ballots.saveStaff', {
    assessmentId: a.id,
    counts: [...order, ...Object.values(deputies).flat()].map((t, k) => ({
      targetId: t,
      excellent: 10 - k,
      good: 3,
      fair: 1,
      poor: 0,
    })),
  });
  await must('vetoes.add', { assessmentId: a.id, targetId: chiefs[1], reason: '发生重大安全生产责任事故' });
  const current = await must<AssessmentDetail>('assessments.get', { id: a.id });
  const summarized = await must<AssessmentDetail>('assessments.setState', {
    id: a.id,
    version: current.version,
    state: 'summarized',
  });
  await must('grades.confirm', { assessmentId: summarized.id, cadreId: chiefs[0], grade: 'competent', reason: '' });
  // An entry of 巴特尔's dossier with two attachments.
  const entry = await must<{ id: number }>('entries.create', {
    input: {
      cadreId: chiefs[1],
      date: '2025-06-01',
      subItemCode: 'S5.1',
      channelCode: 'CH09',
      title: '全旗安全生产工作表彰',
      content: '被评为全旗安全生产先进个人。',
      polarity: 'positive',
      standardCodes: [],
      listItemCode: null,
    },
  });
  for (const name of ['表彰决定.pdf', '获奖证书.jpg']) {
    const file = join(app.work, name);
    writeFileSync(file, name.endsWith('.pdf') ? '%PDF-1.4\n%%EOF\n' : Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    app.dialogs.answerOpen(file);
    const [picked] = await must<{ token: string }[]>('files.pickOpen', { purpose: 'attachment' });
    await must('attachments.add', { entryId: entry.id, token: picked!.token });
  }
  page = await openApp(await app.launch(), app.bridge.url);
  await page.getByText('干部名册').first().waitFor();
}, 180_000);

afterAll(async () => {
  await app?.close();
});

const dialog = () => page.getByRole('dialog').last();
const menu = (label: string) => page.locator('.ant-menu-item', { hasText: label }).click();
const flat = (s: string) => s.replace(/\s+/g, '');

describe('the meeting packet', () => {
  test('系统设置: the administrator sets the 发文机关; a name with a space is refused', async () => {
    await menu('系统设置');
    const input = page.getByTestId('issuing-organ');
    await input.fill('中共 组织部');
    await page.getByTestId('issuing-organ-save').click();
    await page.getByText(/不能有空格/).waitFor();
    await input.fill(ORGAN);
    await page.getByTestId('issuing-organ-save').click();
    await page.getByText('发文机关已保存').waitFor();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await settledScreenshot(page, 'meeting-settings-organ');
  }, 60_000);

  test('排名结果: the vetoed cadre last without 名次; 副职 in 单位管理 order with a unit jump', async () => {
    await menu('考核测评');
    await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
    await chooseTab(page, '排名结果');
    const chief = page.getByTestId('ranking-group-正职·苏木镇（街道）');
    const rows = chief.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    const last = rows.last();
    expect(await last.locator('td').nth(1).innerText()).toBe('巴特尔');
    expect(await last.locator('td').first().innerText()).toBe('—');
    expect(await last.innerText()).toContain('一票否决，不参加排名');
    expect((await rows.first().locator('td').first().innerText()).trim()).toBe('1');
    await settledScreenshot(page, 'meeting-rankings-veto');

    await page.getByRole('tab', { name: /副职/ }).click();
    const titles = await page.locator('[data-testid^="ranking-group-副职"] .ant-card-head-title').allInnerTexts();
    expect(titles).toEqual(['棋盘井镇', '阿尔巴斯苏木', '乌兰镇']);
    const jump = page.getByTestId('ranking-group-jump');
    await jump.click();
    await clickSettled(page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '乌兰镇' }));
    // Scrolled into view (the page is short: as far as it goes).
    await expect
      .poll(() =>
        page
          .getByTestId('ranking-group-副职·乌兰镇')
          .evaluate(
            (el) => el.getBoundingClientRect().bottom <= window.innerHeight && el.getBoundingClientRect().top >= 0,
          ),
      )
      .toBe(true);
    await settledScreenshot(page, 'meeting-rankings-jump');
  }, 60_000);

  test('打印排名表: a warning about unconfirmed grades; the PDF has the organ, the vetoed cadre last, 副职 in order', async () => {
    await page.getByRole('tab', { name: /正职/ }).click();
    await page.getByTestId('print-rankings').click();
    await previewDrawn(dialog().getByTestId('print-preview'));
    const warning = await dialog().getByTestId('print-warning').first().innerText();
    expect(warning).toContain('等次尚未确认');
    expect(warning).toContain('巴特尔');
    await settledScreenshot(page, 'meeting-rankings-warning');
    const pdf = join(app.work, '排名表.pdf');
    app.dialogs.answerSave(pdf);
    await clickSettled(dialog().getByTestId('print-export'));
    await page.getByText(/已保存 排名表\.pdf/).waitFor({ timeout: 60_000 });
    const pages = pdfPages(pdf, 'raw').map(flat);
    const text = pages.join('\n');
    expect(text).toContain(`制表单位：${ORGAN}`);
    expect(text).not.toContain('中共组织部门');
    const at = (s: string) => text.indexOf(s);
    expect(at('阿古拉')).toBeLessThan(at('巴特尔'));
    expect(at('朝鲁')).toBeLessThan(at('巴特尔'));
    expect(text).toContain('一票否决，不参加排名');
    expect(at('副职·棋盘井镇')).toBeLessThan(at('副职·阿尔巴斯苏木'));
    expect(at('副职·阿尔巴斯苏木')).toBeLessThan(at('副职·乌兰镇'));
    // The signature lines share their page with a table (never alone), and each stays on one line.
    const signPage = pages.find((p) => p.includes('制表人'))!;
    expect(signPage).toMatch(/额尔敦|德力格尔/);
    expect(pdfPages(pdf, 'layout').join('\n')).toMatch(/日期：_+/);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SCREENSHOT_DIR, 'meeting-rankings-page')]);
  }, 90_000);

  test('审议材料: chosen, previewed (the warning again), printed; cover with the organ and one 保密 marking; dossier details', async () => {
    await page.keyboard.press('Escape');
    await menu('审议材料');
    await page.getByTestId('packet-page').waitFor();
    await page.getByTestId('packet-title').fill('12月部务会审议材料');
    const pick = async (testId: string, text: string, option: RegExp) => {
      const select = page.getByTestId(testId);
      await select.click();
      await select.locator('input').fill(text);
      await clickSettled(
        page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first(),
      );
    };
    await pick('packet-assessments', '2025', /已汇总/);
    await page.keyboard.press('Escape');
    await pick('packet-search', '巴特尔', /巴特尔（棋盘井镇/);
    await pick('packet-search', '阿古拉', /阿古拉（乌兰镇/);
    await page.getByTestId('packet-preview').click();
    await dialog()
      .getByText(/预览：每份 \d+ 页/)
      .waitFor({ timeout: 60_000 });
    expect(await dialog().getByTestId('print-warning').first().innerText()).toContain('等次尚未确认');
    const pdf = join(app.work, '审议材料.pdf');
    app.dialogs.answerSave(pdf);
    await clickSettled(dialog().getByTestId('print-export'));
    await page.getByText(/已保存 审议材料\.pdf/).waitFor({ timeout: 90_000 });
    const pages = pdfPages(pdf, 'raw').map(flat);
    // The packet's cover: the organ once, the secrecy marking once.
    expect(pages[0]).toContain(ORGAN);
    expect(pages[0]!.split('注意保密').length - 1).toBe(1);
    const cover = pages.findIndex((p) => p.includes('（巴特尔同志）'));
    expect(pages[cover]!.split('注意保密').length - 1).toBe(1);
    expect(pages[cover]).toContain(`${ORGAN}制`);
    expect(pages[cover]).toContain(flat(LONG_POST));
    const dossier = pages
      .slice(
        cover,
        pages.findIndex((p, i) => i > cover && p.includes('（阿古拉同志）')),
      )
      .join('\n');
    expect(dossier).toContain('附件：表彰决定.pdf、获奖证书.jpg');
    expect(dossier).toContain('2025-06-01');
    expect(dossier).toMatch(/五、考核情况.*一票否决，不参加排名.*（已汇总，未归档）/);
    expect(pdfPages(pdf, 'layout').join('\n')).toMatch(/2025-06-01/);
    const agula = pages.slice(pages.findIndex((p) => p.includes('（阿古拉同志）'))).join('\n');
    expect(agula).toMatch(/排第1名.*确定等次：称职。（已汇总，未归档）/);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      pdf,
      join(SCREENSHOT_DIR, 'meeting-packet-cover'),
    ]);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      String(cover + 1),
      '-l',
      String(cover + 4),
      pdf,
      join(SCREENSHOT_DIR, 'meeting-dossier-page'),
    ]);
  }, 180_000);

  test('the selection is back when the screen is reopened; saved as “12月部务会” and loaded again after clearing', async () => {
    await menu('干部名册');
    await menu('审议材料');
    await page.getByTestId('packet-restored').waitFor();
    const rows = page.locator('[data-testid="packet-page"] .ant-table-tbody tr.ant-table-row');
    const names = async () => (await rows.locator('td:nth-child(2)').allInnerTexts()).map((s) => s.trim());
    await expect.poll(names).toEqual(['巴特尔', '阿古拉']);
    expect(await page.getByTestId('packet-title').inputValue()).toBe('12月部务会审议材料');
    await page.getByTestId('packet-save-as').click();
    await dialog().getByTestId('packet-save-name').fill('12月部务会');
    await clickSettled(dialog().getByRole('button', { name: /保\s?存/ }));
    await page.getByText('已保存“12月部务会”：2 名干部').waitFor();
    await page.getByTestId('packet-clear').click();
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByTestId('packet-saved').click();
    await clickSettled(
      page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '12月部务会（2 人）' }),
    );
    await expect.poll(names).toEqual(['巴特尔', '阿古拉']);
    await settledScreenshot(page, 'meeting-packet-saved');
  }, 60_000);
});
