// End to end: the catalog page's 评价模型 tab (configuration, example radar and summary) and catalog administration.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBridge, type Bridge } from './harness/bridge-server';
import { launchBrowser, openApp, screenshot } from './harness/browser';

const RENDERER = join(process.cwd(), 'out', 'renderer');
const ADMIN = { username: 'admin', displayName: '王管理员', password: 'Zzb@2025!' };

let work: string;
let bridge: Bridge;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ganbu-e2e-catalog-'));
  bridge = await startBridge(RENDERER, { configDir: join(work, 'config'), defaultStoreDir: join(work, 'store') });
  await bridge.host.createStore({ dir: join(work, 'store'), ...ADMIN });
  browser = await launchBrowser();
  page = await openApp(browser, bridge.url);
  await page.locator('.ant-menu-item', { hasText: '基础目录' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  rmSync(work, { recursive: true, force: true });
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
    await expect.poll(() => radar.getAttribute('aria-label')).toBe('政治画像雷达图：政治忠诚 85，政治定力 83，政治担当 83，政治能力 81，政治自律 74');
    // the five dimension names are drawn on the chart, and the values at the points
    for (const name of ['政治忠诚', '政治定力', '政治担当', '政治能力', '政治自律']) expect(await radar.locator('text', { hasText: name }).count()).toBeGreaterThan(0);
    expect(await radar.locator('text', { hasText: /^74$/ }).count()).toBeGreaterThan(0);
    const summary = page.getByTestId('portrait-summary');
    expect(await summary.getByTestId('portrait-classification').innerText()).toBe('较好');
    expect(await summary.getByText('共 6 条：正面 3 条，负面 2 条，中性 1 条', { exact: false }).count()).toBe(1);
    expect(await summary.getByText('廉政教育').count()).toBe(1);
    // a dimension opens to the entries that moved it
    await summary.getByText('政治自律', { exact: false }).first().click();
    await expect.poll(() => summary.getByText('因公务接待超标准受到提醒谈话').count()).toBe(1);
    await page.waitForTimeout(500); // let the panel finish opening
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
    await expect.poll(() => radar.getAttribute('aria-label')).toBe('政治画像雷达图：政治忠诚 85，政治定力 83，政治担当 85，政治能力 83，政治自律 80');
    await expect.poll(() => page.getByTestId('model-tab').getByText('最近 1 年', { exact: false }).count()).toBe(1);
    // stored: leaving the page and coming back shows the same
    await menu('系统设置');
    await menu('基础目录');
    await tab('评价模型');
    await expect.poll(() => page.getByTestId('model-tab').getByText('最近 1 年', { exact: false }).count()).toBe(1);
  });
});
