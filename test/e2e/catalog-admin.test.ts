// End to end: the catalog page's 评价模型 tab (configuration, example radar and summary) and catalog administration.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from './harness/app';
import { openApp, screenshot, animationsDone } from './harness/browser';

let app: TestApp;
let page: Page;

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-catalog-');
  page = await openApp(await app.launch(), app.bridge.url);
  await page.locator('.ant-menu-item', { hasText: '基础目录' }).waitFor();
});

afterAll(async () => {
  await app?.close();
});

const menu = (label: string) => page.locator('.ant-menu-item', { hasText: label }).click();
const tab = (label: string) => page.getByRole('tab', { name: label }).click();

describe('evaluation model tab', () => {
  test('shows the configuration, the list points and a live example radar with its summary', async () => {
    await menu('基础目录');
    await tab('评价模型');
    const model = page.getByTestId('model-tab');
    await expect.poll(() => model.getByText('好 ≥ 90，较好 ≥ 80，一般 ≥ 60').count()).toBe(1);
    await expect.poll(() => model.getByText('最近 3 年', { exact: false }).count()).toBe(1);
    const radar = page.getByTestId('portrait-radar');
    await expect
      .poll(() => radar.getAttribute('aria-label'))
      .toBe('政治画像雷达图：政治忠诚 85，政治定力 83，政治担当 83，政治能力 81，政治自律 74');
    // the five dimension names are drawn on the chart, and the values at the points
    for (const name of ['政治忠诚', '政治定力', '政治担当', '政治能力', '政治自律'])
      expect(await radar.locator('text', { hasText: name }).count()).toBeGreaterThan(0);
    expect(await radar.locator('text', { hasText: /^74$/ }).count()).toBeGreaterThan(0);
    const summary = page.getByTestId('portrait-summary');
    expect(await summary.getByTestId('portrait-classification').innerText()).toBe('较好');
    expect(await summary.getByText('共 6 条：正面 3 条，负面 2 条，中性 1 条', { exact: false }).count()).toBe(1);
    expect(await summary.getByText('廉政教育').count()).toBe(1);
    // a dimension opens to the entries that moved it
    await summary.getByText('政治自律', { exact: false }).first().click();
    await expect.poll(() => summary.getByText('因公务接待超标准受到提醒谈话').count()).toBe(1);
    await animationsDone(page); // let the panel finish opening
    await screenshot(page, '40-catalog-model');
  });

  test('an administrator changes the window; a bad value is refused at its field; the example radar follows', async () => {
    await page.getByRole('button', { name: '修改参数' }).click();
    const dialog = page.getByRole('dialog');
    const windowYears = dialog.getByLabel('统计期（年）');
    await windowYears.fill('0');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await expect.poll(() => dialog.getByText('统计期（年）至少 1 年').count()).toBe(1);
    await screenshot(page, '41-model-config-error');
    await windowYears.fill('1');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const radar = page.getByTestId('portrait-radar');
    await expect
      .poll(() => radar.getAttribute('aria-label'))
      .toBe('政治画像雷达图：政治忠诚 85，政治定力 83，政治担当 85，政治能力 83，政治自律 80');
    await expect.poll(() => page.getByTestId('model-tab').getByText('最近 1 年', { exact: false }).count()).toBe(1);
    // stored: leaving the page and coming back shows the same
    await menu('系统设置');
    await menu('基础目录');
    await tab('评价模型');
    await expect.poll(() => page.getByTestId('model-tab').getByText('最近 1 年', { exact: false }).count()).toBe(1);
  });
});

describe('catalog administration', () => {
  const admin = () => page.getByTestId('catalog-admin');
  const innerTab = (label: string) => admin().getByRole('tab', { name: label }).click();
  const dialog = () => page.getByRole('dialog').last();
  const save = () =>
    dialog()
      .getByRole('button', { name: /保\s?存/ })
      .click();
  const rowOf = (table: string, code: string) =>
    page.getByTestId(table).locator('tr', { has: page.getByText(code, { exact: true }) });
  const codes = (table: string) => page.getByTestId(table).locator('tbody tr td:first-child').allInnerTexts();

  test('renames, adds, reorders and retires a sub-item; the read-only tabs follow', async () => {
    await tab('目录维护');
    await admin().waitFor();
    await innerTab('档案子项');
    // rename S1.1
    await rowOf('admin-subItems', 'S1.1').getByRole('button', { name: '修改' }).click();
    await dialog().getByLabel('名称').fill('理论学习（含专题学习）');
    await save();
    await expect.poll(() => rowOf('admin-subItems', 'S1.1').innerText()).toContain('理论学习（含专题学习）');
    // add one: S1.7
    await admin().getByRole('button', { name: '新增子项' }).click();
    await dialog().getByLabel('名称').fill('理论学习（含专题学习）');
    await save();
    await expect.poll(() => dialog().getByText('该板块中已有“理论学习（含专题学习）”（S1.1）').count()).toBe(1);
    await dialog().getByLabel('名称').fill('网络言行');
    await save();
    await expect.poll(() => codes('admin-subItems')).toEqual(['S1.1', 'S1.2', 'S1.3', 'S1.4', 'S1.5', 'S1.6', 'S1.7']);
    // reorder: S1.7 up
    await rowOf('admin-subItems', 'S1.7').getByRole('button', { name: '上移' }).click();
    await expect.poll(() => codes('admin-subItems')).toEqual(['S1.1', 'S1.2', 'S1.3', 'S1.4', 'S1.5', 'S1.7', 'S1.6']);
    // retire S1.6: flagged, still listed here
    await rowOf('admin-subItems', 'S1.6').getByRole('button', { name: '停用' }).click();
    await expect.poll(() => rowOf('admin-subItems', 'S1.6').innerText()).toContain('已停用');
    await screenshot(page, '42-catalog-admin-subitems');
    // the read-only view shows the new name and order, without the retired item
    await tab('档案板块');
    const s1 = page.locator('tr', { has: page.getByText('政治思想', { exact: true }) });
    await expect.poll(() => s1.innerText()).toContain('S1.7');
    const text = await s1.innerText();
    expect(text).toContain('理论学习（含专题学习）');
    expect(text).not.toContain('S1.6');
    expect(text.indexOf('S1.5')).toBeLessThan(text.indexOf('S1.7'));
  });

  test('adds a list item; out-of-range points are refused at the field', async () => {
    await tab('目录维护');
    await innerTab('正负面清单');
    await admin().getByRole('button', { name: '新增清单事项' }).click();
    await dialog().getByLabel('事项名称').fill('驻村帮扶成效突出');
    await dialog().getByLabel('分值').fill('150');
    await dialog().getByLabel('政治担当').check();
    await save();
    await expect.poll(() => dialog().getByText('分值应在 -100 到 100 之间').count()).toBe(1);
    await dialog().getByLabel('分值').fill('4');
    await save();
    await expect.poll(() => codes('admin-listItems-positive')).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']);
    expect(await rowOf('admin-listItems-positive', 'P7').innerText()).toContain('+4');
    await screenshot(page, '43-catalog-admin-list');
    // the evaluation model shows its points
    await tab('评价模型');
    await expect.poll(() => page.getByTestId('model-tab').getByText('驻村帮扶成效突出').count()).toBe(1);
  });
});

describe('a 查阅人 sees the model but cannot administer', () => {
  test('no 目录维护 tab and no 修改参数 button', async () => {
    const calls = (name: string, input: unknown) =>
      page.evaluate(
        ([n, i]) =>
          (window as unknown as { ganbu: { calls: Record<string, (i: unknown) => Promise<unknown>> } }).ganbu.calls[
            n as string
          ]!(i),
        [name, input] as const,
      );
    expect(
      await calls('users.create', {
        username: 'reader',
        displayName: '查阅员',
        role: 'reviewer',
        password: 'Reader@2025',
      }),
    ).toMatchObject({ ok: true });
    await page.getByRole('button', { name: /锁\s?定/ }).click();
    await expect.poll(() => page.getByText('系统已锁定').first().isVisible()).toBe(true);
    await page.getByLabel('用户名', { exact: true }).fill('reader');
    await page.getByLabel('密码', { exact: true }).fill('Reader@2025');
    await page.getByRole('button', { name: /^(登\s?录|解\s?锁)$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('请先设置自己的新密码再继续使用').waitFor({ timeout: 30_000 });
    await dialog.getByLabel('当前密码', { exact: true }).fill('Reader@2025');
    await dialog.getByLabel('新密码', { exact: true }).fill('ReaderOwn@2025');
    await dialog.getByLabel('确认新密码', { exact: true }).fill('ReaderOwn@2025');
    await dialog.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('密码已修改').waitFor({ timeout: 30_000 });
    await menu('基础目录');
    await tab('评价模型');
    await page.getByTestId('portrait-radar').waitFor();
    expect(await page.getByRole('tab', { name: '目录维护' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '修改参数' }).count()).toBe(0);
    expect(await calls('catalog.move', { kind: 'channel', code: 'CH02', direction: 'up' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
