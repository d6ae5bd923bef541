// End to end at 1366×768: the roster in unit and post order (党委书记 → 镇长 → 人大主席 → 副书记 …), sorted by a
// column, a column hidden (and still hidden after leaving the page), the default columns fitting without sideways
// scrolling, the 职务排序 changed in 系统设置, and the chosen cadre carried from roster to dossier, portrait and training.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, TEST_ADMIN, type TestApp } from './harness/app';
import { settledScreenshot } from './harness/browser';
import { minimalCadre } from '../helpers/roster';
import { clickSettled } from './harness/settled-click';

let app: TestApp;
let page: Page;

// Created in a scrambled order, with names whose pinyin order differs from the post order.
const WULAN: readonly (readonly [name: string, post: string, position: 'chief' | 'deputy', birth: string])[] = [
  ['阿木尔', '乌兰镇副镇长', 'deputy', '1990-01'],
  ['巴图', '乌兰镇人大主席', 'chief', '1970-01'],
  ['朝鲁', '乌兰镇党委副书记', 'deputy', '1985-01'],
  ['达来', '乌兰镇党委副书记、镇长', 'chief', '1980-01'],
  ['额尔敦', '乌兰镇党委书记', 'chief', '1975-01'],
];

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-roster-order-');
  const bureau = await app.call('units.save', { name: '鄂托克旗农牧局', categoryCode: 'C4', sort: 1 });
  const qipan = await app.call('units.save', { name: '棋盘井镇', categoryCode: 'C1', sort: 2 });
  const wulan = await app.call('units.save', { name: '乌兰镇', categoryCode: 'C1', sort: 1 });
  for (const [name, currentPost, position, birthMonth] of WULAN)
    await app.call('cadres.create', { input: minimalCadre(wulan.id, { name, currentPost, position, birthMonth }) });
  await app.call('cadres.create', {
    input: minimalCadre(qipan.id, {
      name: '吉雅',
      currentPost: '棋盘井镇党委书记',
      position: 'chief',
      birthMonth: '1972-01',
    }),
  });
  await app.call('cadres.create', {
    input: minimalCadre(bureau.id, {
      name: '哈斯',
      currentPost: '农牧局党组书记、局长',
      position: 'chief',
      birthMonth: '1968-01',
    }),
  });
  await app.call('classes.save', {
    name: '2025年春季中青班',
    startDate: '2025-03-01',
    endDate: '2025-03-20',
    hours: 40,
    organizer: '旗委党校',
  });
  page = await app.openPage();
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  await app?.close();
});

const menu = (label: string) => page.locator('.ant-menu-item', { hasText: label }).click();
const header = () => page.locator('.ant-table-thead th');
const headers = async () => (await header().allInnerTexts()).map((t) => t.trim()).filter(Boolean);
async function rosterNames(): Promise<string[]> {
  await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
  return page.getByTestId('cadre-name').allInnerTexts();
}

describe('roster order, columns and the current cadre', () => {
  test('by unit (category, 排序号), within a unit by post; the default columns fit 1366 px', async () => {
    await expect.poll(rosterNames).toEqual(['额尔敦', '达来', '巴图', '朝鲁', '阿木尔', '吉雅', '哈斯']);
    expect(await headers()).toEqual(['姓名', '性别', '出生年月', '年龄', '单位', '现任职务', '正/副', '职级', '学历']);
    // No sideways scrolling: neither the table nor the page is wider than what shows.
    const overflow = await page.evaluate(() => {
      const holder =
        document.querySelector('.ant-table-tbody-virtual-holder') ?? document.querySelector('.ant-table-body');
      const headerTable = document.querySelector('.ant-table-header table')!;
      const container = document.querySelector('.ant-table-container')!;
      return {
        table: headerTable.getBoundingClientRect().width - container.getBoundingClientRect().width,
        body: holder ? holder.scrollWidth - holder.clientWidth : 0,
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        tableRight: container.getBoundingClientRect().right,
      };
    });
    expect(overflow.table).toBeLessThanOrEqual(0);
    expect(overflow.body).toBeLessThanOrEqual(0);
    expect(overflow.page).toBeLessThanOrEqual(0);
    expect(overflow.tableRight).toBeLessThanOrEqual(1366);
    await settledScreenshot(page, 'roster-order-1366x768');
  });

  test('a column sorts the whole roster, and again in reverse', async () => {
    await header().filter({ hasText: '年龄' }).click();
    expect(await rosterNames()).toEqual(['阿木尔', '朝鲁', '达来', '额尔敦', '吉雅', '巴图', '哈斯']);
    await header().filter({ hasText: '年龄' }).click();
    expect(await rosterNames()).toEqual(['哈斯', '巴图', '吉雅', '额尔敦', '达来', '朝鲁', '阿木尔']);
    // 单位 sorts in 单位管理 order, each 班子 staying in post order.
    await header()
      .filter({ hasText: /^单位$/ })
      .click();
    expect(await rosterNames()).toEqual(['额尔敦', '达来', '巴图', '朝鲁', '阿木尔', '吉雅', '哈斯']);
    await header()
      .filter({ hasText: /^单位$/ })
      .click();
    expect(await rosterNames()).toEqual(['哈斯', '吉雅', '额尔敦', '达来', '巴图', '朝鲁', '阿木尔']);
  });

  test('列设置 hides a column and shows a hidden one; the choice is kept when the user comes back', async () => {
    await page.getByTestId('column-settings-open').click();
    const settings = page.getByTestId('column-settings');
    await settings.getByLabel('出生年月').uncheck();
    await settings.getByLabel('身份证号').check();
    expect(await headers()).toEqual(['姓名', '性别', '年龄', '单位', '现任职务', '正/副', '职级', '学历', '身份证号']);
    await settledScreenshot(page, 'roster-order-column-settings');
    await page.keyboard.press('Escape');
    await menu('单位管理');
    await menu('干部名册');
    await expect
      .poll(headers)
      .toEqual(['姓名', '性别', '年龄', '单位', '现任职务', '正/副', '职级', '学历', '身份证号']);
  });

  test(
    'the cadre chosen in the roster opens in the dossier and its portrait; one chosen there is offered in training ' +
      'and marked in the roster',
    async () => {
      await page.getByTestId('cadre-name').filter({ hasText: '达来' }).click();
      await page.locator('.ant-drawer').getByText('乌兰镇党委副书记、镇长').first().waitFor();
      await clickSettled(page.locator('.ant-drawer-close'));
      await menu('政治素质档案');
      // No picking again: the dossier is 达来's.
      await expect.poll(() => page.getByTestId('cadre-picker').innerText()).toContain('达来');
      await page.getByText('乌兰镇 · 乌兰镇党委副书记、镇长').waitFor();
      await page.getByTestId('dossier-mode').getByText('政治画像').click();
      await page.getByTestId('portrait-panel').waitFor();
      expect(await page.getByText('乌兰镇 · 乌兰镇党委副书记、镇长').isVisible()).toBe(true);
      await settledScreenshot(page, 'roster-order-portrait-carried');

      // Another cadre chosen in the dossier becomes the current one.
      await clickSettled(page.getByTestId('cadre-picker'));
      await page.keyboard.type('巴图');
      await clickSettled(page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '巴图' }));
      await page.getByText('乌兰镇 · 乌兰镇人大主席').waitFor();
      await page.getByRole('tab', { name: '教育培训' }).click();
      await page.getByText('2025年春季中青班').click();
      await page.getByTestId('add-current-cadre').click();
      await page.getByTestId('records-grid').getByRole('cell', { name: '巴图', exact: true }).waitFor();
      expect(await page.getByTestId('add-current-cadre').innerText()).toContain('巴图');
      await settledScreenshot(page, 'roster-order-training-current');

      await menu('干部名册');
      await expect.poll(() => page.locator('.ant-table-row-selected').innerText()).toContain('巴图');
      await settledScreenshot(page, 'roster-order-current-marked');
    },
  );

  test('the administrator’s 职务排序 reorders each unit; locking forgets the current cadre but not the columns', async () => {
    await menu('系统设置');
    const box = page.getByTestId('post-order');
    await expect.poll(() => box.inputValue()).toContain('党委书记\n党工委书记');
    await box.fill('党委书记\n人大主席\n镇长\n副书记\n镇 长');
    await page.getByTestId('post-order-save').click();
    await page.getByText('“镇 长”：职务排序的关键词只能包含汉字、字母和数字，不能有空格或符号').waitFor();
    await settledScreenshot(page, 'roster-order-settings-error');
    await box.fill('党委书记\n人大主席\n镇长\n副书记');
    await page.getByTestId('post-order-save').click();
    await page.getByText('职务排序已保存，名册按新顺序排列').waitFor();
    await menu('干部名册');
    await expect.poll(rosterNames).toEqual(['额尔敦', '巴图', '达来', '朝鲁', '阿木尔', '吉雅', '哈斯']);

    await page.getByRole('button', { name: /锁\s?定/ }).click();
    await page.getByText('系统已锁定').first().waitFor();
    await page.getByLabel('用户名', { exact: true }).fill(TEST_ADMIN.username);
    await page.getByLabel('密码', { exact: true }).fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: /^(登\s?录|解\s?锁)$/ }).click();
    // Signing in derives the store key: slower than the poll's default second.
    await expect.poll(rosterNames, { timeout: 15_000 }).toHaveLength(7);
    expect(await page.locator('.ant-table-row-selected').count()).toBe(0);
    expect(await headers()).toContain('身份证号');
    await menu('政治素质档案');
    await page.getByText('请先选择一名干部').waitFor();
  });
});
