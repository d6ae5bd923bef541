// End to end: a cadre's dossier from the roster, an entry with a bad then a good date, bulk entry by keyboard,
// attachments viewed in the app (image, PDF drawn by pdf.js, .docx as text), verification by a second user, and the
// conflict message on a stale edit.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, TEST_ADMIN as ADMIN, type TestApp } from './harness/app';
import { screenshot } from './harness/browser';
import type { ScriptedDialogs } from '../helpers/dialogs';
import { cadreInput, sampleJpeg } from '../helpers/roster';
import { makeDocx, makePdf, SAMPLE_DOCX_BODY } from '../helpers/office-files';
import type { Dossier } from '../../shared/dossier/types';
import { clickSettled } from './harness/settled-click';

const CLERK = { username: 'clerk1', displayName: '档案员甲', role: 'dossierClerk', password: 'Clerk#2025x' } as const;

let app: TestApp;
let work: string;
let dialogs: ScriptedDialogs;
let browser: Browser;
let page: Page;
const ids: Record<string, number> = {};

const must = <T>(name: string, input: unknown): Promise<T> => app.must<T>(name, input);

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-dossier-');
  ({ work, dialogs } = app);
  const unit = await must<{ id: number }>('units.save', { name: '阿尔巴斯苏木', categoryCode: 'C1', sort: 1 });
  for (const name of ['巴特尔', '李秀梅', '王建国']) {
    ids[name] = (
      await must<{ id: number }>('cadres.create', { input: cadreInput(unit.id, { name, idNumber: '' }) })
    ).id;
  }
  await app.addUser(CLERK);
  page = await app.openPage();
  browser = page.context().browser()!;
});

afterAll(async () => {
  await app?.close();
});

const menu = (label: string) => page.locator('.ant-menu-item', { hasText: label }).click();
const dialog = () => page.getByRole('dialog').last();
const field = (label: string) => page.getByLabel(label, { exact: true });

/** Opens an antd select by its test id, types to search, and picks the option whose text contains `option`. */
async function choose(
  scope: ReturnType<Page['locator']> | Page,
  testId: string,
  search: string,
  option: string | RegExp,
) {
  await scope.getByTestId(testId).click();
  await page.keyboard.type(search);
  await clickSettled(page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first());
}

const dossierOf = (name: string) => must<Dossier>('dossier.get', { cadreId: ids[name] });

describe('political-quality dossier', () => {
  test('the roster drawer opens the cadre’s dossier; an entry with a future date is refused, then saved', async () => {
    await page.getByText('巴特尔').first().click();
    await page.getByTestId('open-dossier').click();
    await page.getByText('该干部还没有档案材料').waitFor();
    await page.getByRole('button', { name: /新增材料/ }).click();
    const form = dialog();
    await form.getByTestId('entry-date').fill('2099-01-01');
    await choose(form, 'entry-subitem', 'S2.2', 'S2.2');
    await choose(form, 'entry-channel', '培训', '培训机构');
    await form.getByTestId('entry-title').fill('2025年春季中青班优秀学员');
    await form.getByTestId('entry-content').fill('在县委党校中青年干部培训班学习期间表现突出，被评为优秀学员。');
    await form.getByText('正面', { exact: true }).click();
    await choose(form, 'entry-standards', 'D4.2', 'D4.2');
    await choose(form, 'entry-standards', 'D2.1', 'D2.1');
    await page.keyboard.press('Escape');
    await choose(form, 'entry-listitem', '', 'P3');
    await form.getByRole('button', { name: /保\s?存/ }).click();
    await form.getByText(/日期不能晚于今天/).waitFor();
    await screenshot(page, '40-dossier-entry-form');
    expect((await dossierOf('巴特尔')).total).toBe(0);
    await form.getByTestId('entry-date').fill('2025-08-14');
    await form.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('材料已添加').waitFor();
    await page.getByText('2025年春季中青班优秀学员').waitFor();
    const d = await dossierOf('巴特尔');
    expect(d.entries.map((e) => [e.quarter, e.subItem.code, e.listItem?.code, e.standards.map((s) => s.code)])).toEqual(
      [['2025Q3', 'S2.2', 'P3', ['D2.1', 'D4.2']]],
    );
  });

  test('an attachment is uploaded and viewed inside the app', async () => {
    const file = join(work, '结业证书.jpg');
    writeFileSync(file, sampleJpeg());
    dialogs.answerOpen(file);
    const card = page.getByTestId(`entry-${(await dossierOf('巴特尔')).entries[0]!.id}`);
    await card.getByRole('button', { name: /附\s?件/ }).click();
    await page.getByText('附件已上传').waitFor();
    await card.getByText('结业证书.jpg', { exact: true }).click();
    const img = page.getByTestId('attachment-image');
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(90);
    await screenshot(page, '41-dossier-attachment');
    await clickSettled(page.locator('.ant-modal-close').last());
  });

  test('a PDF attachment is drawn page by page by pdf.js; a .docx shows its text; a truncated PDF gets a Chinese message', async () => {
    // A real Chinese PDF of two pages, printed by Chromium itself.
    const printer = await browser.newPage();
    await printer.setContent(
      '<body style="font-family:sans-serif"><h1>关于巴特尔同志的表彰通报</h1><p style="font-size:20px">在疫情防控工作中表现突出，予以通报表扬。</p>' +
        '<div style="page-break-before:always"><h2>第二页 附件说明</h2></div></body>',
    );
    const pdf = await printer.pdf({ format: 'A4' });
    await printer.close();
    const card = page.getByTestId(`entry-${(await dossierOf('巴特尔')).entries[0]!.id}`);
    const attach = async (name: string, bytes: Uint8Array) => {
      const file = join(work, name);
      writeFileSync(file, bytes);
      dialogs.answerOpen(file);
      await card.getByRole('button', { name: /附\s?件/ }).click();
      await page.getByText('附件已上传').last().waitFor();
      await card.getByText(name, { exact: true }).waitFor();
    };
    await attach('表彰通报.pdf', pdf);
    // pdf.js must run in its own worker (no main-thread "fake worker" fallback) and fetch only from the app's origin.
    const warnings: string[] = [];
    const requested: string[] = [];
    const onConsole = (m: { text(): string }) => warnings.push(m.text());
    const onRequest = (r: { url(): string }) => void requested.push(r.url());
    page.on('console', onConsole);
    page.on('request', onRequest);
    await card.getByText('表彰通报.pdf', { exact: true }).click();
    const viewer = page.getByTestId('pdf-viewer');
    await viewer.getByTestId('pdf-page').waitFor();
    expect(await viewer.getByTestId('pdf-page').innerText()).toBe('第 1 / 2 页');
    const canvas = viewer.getByTestId('pdf-canvas');
    await expect.poll(() => canvas.getAttribute('data-drawn'), { timeout: 15_000 }).toBe('yes');
    // Non-blank: a fair share of the page's pixels are not white (the heading and paragraph).
    const inked = () =>
      canvas.evaluate((el) => {
        const c = el as HTMLCanvasElement;
        const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < px.length; i += 4) if (px[i]! < 128 && px[i + 3]! > 0) dark++;
        return { dark, width: c.width };
      });
    const first = await inked();
    expect(first.dark).toBeGreaterThan(500);
    await screenshot(page, '41a-dossier-pdf-viewer');
    await viewer.getByRole('button', { name: /下一页/ }).click();
    await expect.poll(() => viewer.getByTestId('pdf-page').innerText()).toBe('第 2 / 2 页');
    await expect.poll(() => canvas.getAttribute('data-drawn')).toBe('yes');
    await viewer.getByRole('button', { name: '放大' }).click();
    await expect.poll(() => viewer.getByTestId('pdf-zoom').innerText()).toBe('125%');
    await expect.poll(async () => (await inked()).width).toBeGreaterThan(first.width);
    page.off('console', onConsole);
    page.off('request', onRequest);
    expect(warnings.filter((w) => /fake worker|Setting up fake worker|Content Security Policy/i.test(w))).toEqual([]);
    expect(requested.some((u) => /\/assets\/pdf\.worker[^/]*\.mjs$/.test(u))).toBe(true);
    expect(
      requested.filter(
        (u) => !u.startsWith(new URL(app.bridge.url).origin) && !u.startsWith('blob:') && !u.startsWith('data:'),
      ),
    ).toEqual([]);
    await clickSettled(page.locator('.ant-modal-close').last());
    // The first viewer's canvas must be gone, or the wait below could read its data-drawn.
    await expect.poll(() => page.getByTestId('pdf-canvas').count()).toBe(0);

    // Chinese in a font the PDF does not embed: pdf.js needs the bundled CMap, fetched from the app itself.
    await attach('任职通知.pdf', makePdf(['关于同志任职的通知'], true));
    requested.length = 0;
    page.on('request', onRequest);
    await card.getByText('任职通知.pdf', { exact: true }).click();
    await expect.poll(() => page.getByTestId('pdf-canvas').getAttribute('data-drawn'), { timeout: 15_000 }).toBe('yes');
    const cmapUrl = `${new URL(app.bridge.url).origin}/pdfjs/cmaps/UniGB-UCS2-H.bcmap`;
    await expect.poll(() => requested.filter((u) => u.includes('/pdfjs/cmaps/'))).toContain(cmapUrl);
    page.off('request', onRequest);
    const cmaps = requested.filter((u) => u.includes('/pdfjs/cmaps/'));
    expect(cmaps).toContain(cmapUrl);
    expect(cmaps.every((u) => u.startsWith(`${new URL(app.bridge.url).origin}/pdfjs/cmaps/`))).toBe(true);
    // The heading band above the blue box holds the text: it has ink.
    const headingInk = await page.getByTestId('pdf-canvas').evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const px = c.getContext('2d')!.getImageData(0, 0, c.width, Math.floor(c.height * 0.2)).data;
      let dark = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i]! < 128 && px[i + 2]! < 128) dark++;
      return dark;
    });
    expect(headingInk).toBeGreaterThan(300);
    await screenshot(page, '41c-dossier-pdf-cjk');
    await clickSettled(page.locator('.ant-modal-close').last());

    await attach('谈话记录.docx', await makeDocx(SAMPLE_DOCX_BODY));
    await card.getByText('谈话记录.docx', { exact: true }).click();
    const word = page.getByTestId('word-preview');
    await word.waitFor();
    expect(await word.getByRole('heading', { name: '谈话记录' }).count()).toBe(1);
    expect(await word.innerText()).toContain('谈话对象：张三 同志，表现良好。');
    expect(await word.locator('td', { hasText: '政治忠诚' }).count()).toBe(1);
    // The markup in the document's text is shown as text, not run.
    expect(await word.innerText()).toContain('<script>alert(1)</script>');
    expect(await word.locator('script').count()).toBe(0);
    await screenshot(page, '41b-dossier-word-preview');
    await clickSettled(page.locator('.ant-modal-close').last());

    await attach('残缺通报.pdf', pdf.subarray(0, Math.floor(pdf.length / 2)));
    await card.getByText('残缺通报.pdf', { exact: true }).click();
    await page
      .getByTestId('attachment-error')
      .getByText('附件“残缺通报.pdf”已损坏或不完整（文件结尾缺失），无法预览，请重新上传完整的 PDF 文件')
      .waitFor();
    await clickSettled(page.locator('.ant-modal-close').last());
  });

  test('one entry for a whole unit in bulk, the grid filled by keyboard only', async () => {
    await page.getByRole('tab', { name: '批量录入' }).click();
    const bulk = page.getByTestId('bulk-entry');
    await bulk.getByTestId('entry-date').fill('2025-06-30');
    // 参训记录 are recorded one way, in 培训班: the bulk screen says so and will not save them.
    await choose(bulk, 'entry-subitem', 'S2.1', 'S2.1');
    await bulk.getByTestId('bulk-attendance').getByRole('button', { name: '前往培训班' }).waitFor();
    expect(await bulk.getByTestId('bulk-save').isDisabled()).toBe(true);
    await choose(bulk, 'entry-subitem', 'S2.3', 'S2.3');
    await expect.poll(() => bulk.getByTestId('bulk-attendance').count()).toBe(0);
    await choose(bulk, 'entry-channel', '培训', '培训机构');
    await bulk.getByTestId('entry-title').fill('2025年上半年理论学习专题培训');
    await bulk.getByTestId('entry-content').fill('参加县委党校理论学习专题培训班。');
    await choose(bulk, 'unit-picker', '阿尔巴斯', '阿尔巴斯苏木');
    await bulk.getByRole('button', { name: /添加该单位全部在职干部/ }).click();
    await expect.poll(() => bulk.getByTestId('bulk-grid').locator('tbody tr').count()).toBe(3);
    // Keyboard only: focus the first hours cell, then type and Tab through the grid.
    await bulk.getByLabel('巴特尔的学时', { exact: true }).focus();
    for (const [hours, note] of [
      ['40', '优秀学员'],
      ['36', '合格'],
      ['32', '请假一天'],
    ] as const) {
      await page.keyboard.type(hours);
      await page.keyboard.press('Tab');
      await page.keyboard.type(note);
      await page.keyboard.press('Tab');
    }
    await expect.poll(() => bulk.getByLabel('王建国的个人情况', { exact: true }).inputValue()).toBe('请假一天');
    await screenshot(page, '42-dossier-bulk-grid');
    await bulk.getByTestId('bulk-save').click();
    await page.getByText('已为 3 名干部录入材料').waitFor();
    const li = await dossierOf('李秀梅');
    expect(li.entries.map((e) => e.content)).toEqual(['参加县委党校理论学习专题培训班。\n学时：36；合格']);
    expect(
      new Set([...(await dossierOf('巴特尔')).entries, ...li.entries].map((e) => e.batchId).filter(Boolean)).size,
    ).toBe(1);
  });

  test('the dossier as a timeline with quarter markers and by section', async () => {
    await page.getByRole('tab', { name: '干部档案' }).click();
    await page.getByTestId('quarter-2025Q2').waitFor();
    await page.getByTestId('quarter-2025Q3').waitFor();
    await screenshot(page, '43-dossier-timeline');
    await page.getByTestId('view-switch').getByText('按板块').click();
    await page.getByTestId('sections').waitFor();
    expect(await page.getByTestId('sections').innerText()).toContain('S2.3 党性教育');
    await screenshot(page, '44-dossier-sections');
    // Filters: only the negative ones — there are none.
    await choose(page, 'filter-polarity', '', '负面');
    await page.getByText('没有符合筛选条件的材料').waitFor();
    await page.getByTestId('filter-polarity').locator('.ant-select-clear').click({ force: true });
    await page.getByTestId('view-switch').getByText('时间轴').click();
  });

  test('a second user verifies an entry; a stale edit gets the conflict message and overwrites nothing', async () => {
    await page.getByRole('button', { name: /锁\s?定/ }).click();
    await field('用户名').fill(CLERK.username);
    await field('密码').fill(CLERK.password);
    await page.getByRole('button', { name: /^(登\s?录|解\s?锁)$/ }).click();
    await menu('政治素质档案');
    await clickSettled(page.getByTestId('cadre-picker'));
    await page.keyboard.type('巴特尔');
    await clickSettled(
      page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '巴特尔' }).first(),
    );
    const first = (await dossierOf('巴特尔')).entries.find((e) => e.subItem.code === 'S2.2')!;
    const card = page.getByTestId(`entry-${first.id}`);
    await card.getByRole('button', { name: /核\s?实/ }).click();
    await card.getByText('已核实（档案员甲）').waitFor();

    // The clerk opens the entry for editing; meanwhile someone else saves a change to it.
    await card.getByRole('button', { name: /编\s?辑/ }).click();
    const form = dialog();
    await form.getByTestId('entry-title').waitFor();
    await expect.poll(() => form.getByTestId('entry-listitem').innerText()).toContain('P3');
    const current = (await dossierOf('巴特尔')).entries.find((e) => e.id === first.id)!;
    await must('entries.update', {
      id: first.id,
      version: current.version,
      input: {
        cadreId: ids['巴特尔'],
        date: current.date,
        subItemCode: current.subItem.code,
        channelCode: current.channel.code,
        title: '他人修改后的标题',
        content: current.content,
        polarity: current.polarity,
        standardCodes: current.standards.map((s) => s.code),
        listItemCode: current.listItem?.code ?? null,
      },
    });
    await form.getByTestId('entry-title').fill('我的修改');
    await form.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText(/已被其他人修改.*您的修改未保存/).waitFor();
    await screenshot(page, '45-dossier-conflict');
    expect((await dossierOf('巴特尔')).entries.find((e) => e.id === first.id)!.title).toBe('他人修改后的标题');
  });

  test('a training class with its records grid; 优秀学员 gives automatic positive evidence in the dossier', async () => {
    // The refused edit is still typed in the form: closing it asks first (放弃未保存的内容？).
    await clickSettled(page.locator('.ant-modal-close').last());
    await clickSettled(page.getByTestId('discard-confirm'));
    await page.getByRole('tab', { name: '教育培训' }).click();
    await page.getByRole('button', { name: /新建培训班/ }).click();
    const form = dialog();
    await form.getByLabel('班次名称').fill('2025年秋季中青年干部培训班');
    await form.getByLabel('开班日期').fill('2025-09-01');
    await form.getByLabel('结业日期').fill('2025-09-20');
    await form.getByLabel('学时').fill('48');
    await form.getByLabel('主办单位').fill('县委党校');
    await form.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('培训班已保存').waitFor();
    const grid = page.getByTestId('records-grid');
    await choose(grid, 'unit-picker', '阿尔巴斯', '阿尔巴斯苏木');
    await grid.getByRole('button', { name: /添加该单位全部在职干部/ }).click();
    await expect.poll(() => grid.locator('tbody tr').count()).toBe(3);
    await grid.getByLabel('巴特尔的结业评价', { exact: true }).click();
    await clickSettled(page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '优秀学员' }));
    await grid.getByLabel('王建国的学时', { exact: true }).fill('24');
    await screenshot(page, '46-dossier-training');
    await grid.getByRole('button', { name: /保存学员名单/ }).click();
    await page.getByText(/培训记录已保存/).waitFor();
    const auto = (await dossierOf('巴特尔')).entries.filter((e) => e.origin === 'training');
    expect(auto.map((e) => [e.title, e.listItem?.code, e.polarity])).toEqual([
      ['2025年秋季中青年干部培训班：优秀学员', 'P3', 'positive'],
    ]);
    await page.getByRole('tab', { name: '干部档案' }).click();
    const card = page.getByTestId(`entry-${auto[0]!.id}`);
    await card.getByText('自动', { exact: true }).waitFor();
    expect(await card.getByRole('button', { name: /编\s?辑/ }).count()).toBe(0); // automatic evidence follows the record, not edits
  });

  test('the quarterly collection lists each unit’s percentage and the cadres with gaps; a name opens the dossier', async () => {
    await page.getByRole('tab', { name: '季度采集' }).click();
    const panel = page.getByTestId('completeness');
    await panel.locator('.ant-select').first().click();
    await clickSettled(
      page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2025年第三季度' }),
    );
    await expect.poll(() => panel.innerText()).toContain('阿尔巴斯苏木');
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    const expected = await must<{ units: { percent: number }[]; gaps: unknown[] }>('dossier.completeness', {
      quarter: '2025Q3',
    });
    expect(expected.gaps).toHaveLength(3);
    await screenshot(page, '47-dossier-completeness');
    // The gap list exports to Excel through the save dialog.
    const gapsFile = join(work, '缺项名单.xlsx');
    dialogs.answerSave(gapsFile);
    await panel.getByTestId('export-gaps').click();
    await page.getByText(/已导出 3 人/).waitFor({ timeout: 30_000 });
    expect(existsSync(gapsFile)).toBe(true);
    await panel.getByText('李秀梅', { exact: true }).click();
    await page.getByTestId('timeline').waitFor();
    await expect.poll(() => page.getByTestId('cadre-picker').first().innerText()).toContain('李秀梅（阿尔巴斯苏木');
  });

  test('search across all dossiers: a two-character name in the content is found and highlighted', async () => {
    await page.getByRole('tab', { name: '全文检索' }).click();
    const box = page.getByTestId('search-input').locator('input');
    await box.fill('学时');
    await box.press('Enter');
    const panel = page.getByTestId('search');
    await expect.poll(() => panel.locator('mark').count()).toBeGreaterThanOrEqual(3);
    expect(await panel.locator('mark').first().innerText()).toBe('学时');
    await screenshot(page, '48-dossier-search');
    await box.fill('结业证书');
    await box.press('Enter');
    await expect.poll(() => panel.innerText()).toContain('附件：');
    await panel.getByText('巴特尔', { exact: true }).first().click();
    await page.getByTestId('timeline').waitFor();
  });
  test('an administrator renames a section in 基础目录 › 目录维护 (an empty name refused); the dossier shows the new name', async () => {
    // The clerk is still logged in from the verification test: the administrator takes over.
    await page.getByRole('button', { name: /锁\s?定/ }).click();
    await field('用户名').fill(ADMIN.username);
    await field('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: /^(登\s?录|解\s?锁)$/ }).click();
    await menu('基础目录');
    await page.getByRole('tab', { name: '目录维护' }).click();
    const admin = page.getByTestId('catalog-admin');
    await admin.waitFor();
    await admin.getByRole('combobox', { name: '板块' }).click();
    await clickSettled(page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'S2 ' }));
    await admin.getByTestId('rename-section').click();
    const form = dialog();
    await form.getByLabel('名称').fill('');
    await form.getByRole('button', { name: /保\s?存/ }).click();
    await form.getByText('请填写名称').waitFor();
    await form.getByLabel('名称').fill('教育培训与学习');
    await form.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('档案板块名称已保存').waitFor();
    await expect
      .poll(() => admin.locator('.ant-select', { has: page.getByRole('combobox', { name: '板块' }) }).innerText())
      .toContain('S2 教育培训与学习');
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
    await screenshot(page, '49-catalog-rename-section');
    await menu('政治素质档案');
    await choose(page, 'cadre-picker', '巴特尔', '巴特尔');
    await page.getByTestId('view-switch').getByText('按板块').click();
    await expect.poll(() => page.getByTestId('sections').innerText()).toContain('S2 教育培训与学习');
    expect((await dossierOf('巴特尔')).entries.find((e) => e.section.code === 'S2')?.section.name).toBe(
      '教育培训与学习',
    );
    await screenshot(page, '50-dossier-renamed-section');
  });
});
