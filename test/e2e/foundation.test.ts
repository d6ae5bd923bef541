// End to end: the real renderer in Chromium against the real services over the loopback bridge.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBridge, type Bridge } from './harness/bridge-server';
import { launchBrowser, openApp, screenshot } from './harness/browser';
import { clickSettled } from './harness/settled-click';

const RENDERER = join(process.cwd(), 'out', 'renderer');
const ADMIN = { name: '王晓明', username: 'wangxm', password: 'Zzb@2025!' };
const READER = { name: '李查阅', username: 'licy', temp: 'Temp@1234', own: 'Licy@5678' };

let work: string;
let bridge: Bridge;
let browser: Browser;
let page: Page;
let recoveryCode = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ganbu-e2e-'));
  bridge = await startBridge(RENDERER, { configDir: join(work, 'config'), defaultStoreDir: join(work, '干部档案库') });
  browser = await launchBrowser();
  page = await openApp(browser, bridge.url);
});

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  rmSync(work, { recursive: true, force: true });
});

const field = (label: string) => page.getByLabel(label, { exact: true });

async function login(username: string, password: string) {
  await field('用户名').fill(username);
  await field('密码').fill(password);
  await page.getByRole('button', { name: /^(登\s?录|解\s?锁)$/ }).click();
}

async function lock() {
  await page.getByRole('button', { name: /锁\s?定/ }).click();
  await expect.poll(() => page.getByText('系统已锁定').first().isVisible()).toBe(true);
}

async function menuLabels(): Promise<string[]> {
  return page.locator('.ant-menu-item').allInnerTexts();
}

describe('foundation', () => {
  test('first start: create the store and see the recovery code once', async () => {
    await page.getByText('首次使用，请创建档案库').waitFor();
    await expect(field('档案库存储位置').inputValue()).resolves.toContain('干部档案库');
    await screenshot(page, '01-setup');
    await field('管理员姓名').fill(ADMIN.name);
    await field('管理员用户名').fill(ADMIN.username);
    await field('密码').fill('short');
    await field('确认密码').fill('short');
    await page.getByRole('button', { name: '创建档案库' }).click();
    await page.getByText('密码至少 8 位').waitFor();
    await field('密码').fill(ADMIN.password);
    await field('确认密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '创建档案库' }).click();
    const code = page.getByTestId('recovery-code');
    await code.waitFor({ timeout: 30_000 });
    recoveryCode = (await code.innerText()).trim();
    expect(recoveryCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    await expect(page.getByText('唯一途径').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: '打印恢复码' }).isVisible()).resolves.toBe(true);
    await screenshot(page, '02-recovery-code');
    const enter = page.getByRole('button', { name: '进入系统' });
    await expect(enter.isDisabled()).resolves.toBe(true);
    await page.getByText('我已打印或抄写恢复码').click();
    await enter.click();
    await page.getByText('基础目录').first().waitFor();
  });

  test('the catalog viewer shows the seeded catalogs with their codes', async () => {
    await page.locator('.ant-menu-item', { hasText: '基础目录' }).click();
    await page.getByText('政治思想').first().waitFor();
    await expect(page.getByText('S1.1').first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('6 大板块，33 个子项').isVisible()).resolves.toBe(true);
    await screenshot(page, '03-catalog');
    await page.getByRole('tab', { name: '正负面清单' }).click();
    await page.getByText('违反政治纪律和政治规矩').waitFor();
    await page.getByRole('tab', { name: '评价维度与标准' }).click();
    await page.getByText('5 个维度，18 项政治素质评价标准').waitFor();
    await page.getByRole('tab', { name: '单位类别' }).click();
    await page.getByText('苏木镇（街道）').waitFor();
    await page.getByRole('tab', { name: '考核指标' }).click();
    await page.getByText('分管领域工作实绩').waitFor();
  });

  test('lock, a wrong password is refused in Chinese, the right one unlocks', async () => {
    await lock();
    await screenshot(page, '04-locked');
    await login(ADMIN.username, 'wrong-password');
    await page.getByText('用户名或密码错误，请重新输入').waitFor({ timeout: 30_000 });
    await screenshot(page, '05-wrong-password');
    await login(ADMIN.username, ADMIN.password);
    await page.getByText('基础目录').first().waitFor({ timeout: 30_000 });
    expect(await menuLabels()).toEqual([
      '干部名册',
      '政治素质档案',
      '单位管理',
      '基础目录',
      '考核测评',
      '审议材料',
      '打印登记',
      '用户管理',
      '审计日志',
      '系统设置',
    ]);
  });

  test('an administrator adds a 查阅人', async () => {
    await page.locator('.ant-menu-item', { hasText: '用户管理' }).click();
    await page.getByRole('button', { name: /新增用户/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名', { exact: true }).fill(READER.username);
    await dialog.getByLabel('姓名', { exact: true }).fill(READER.name);
    await dialog.getByLabel('角色', { exact: true }).click();
    await clickSettled(page.locator('.ant-select-item-option', { hasText: '查阅人' }));
    await dialog.getByLabel('初始密码', { exact: true }).fill(READER.temp);
    await dialog.getByLabel('确认密码', { exact: true }).fill(READER.temp);
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByRole('cell', { name: READER.name }).waitFor({ timeout: 30_000 });
    await expect(page.getByText('待本人改密').isVisible()).resolves.toBe(true);
    await screenshot(page, '06-users');
  });

  test('the new user must set their own password and sees only what the role allows', async () => {
    await page.keyboard.press('Control+L');
    await page.getByText('系统已锁定').first().waitFor();
    await login(READER.username, READER.temp);
    const dialog = page.getByRole('dialog');
    await dialog.getByText('请先设置自己的新密码再继续使用').waitFor({ timeout: 30_000 });
    await screenshot(page, '07-forced-password-change');
    await dialog.getByLabel('当前密码', { exact: true }).fill(READER.temp);
    await dialog.getByLabel('新密码', { exact: true }).fill(READER.own);
    await dialog.getByLabel('确认新密码', { exact: true }).fill(READER.own);
    await dialog.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('密码已修改').waitFor({ timeout: 30_000 });
    expect(await menuLabels()).toEqual(['干部名册', '政治素质档案', '单位管理', '基础目录', '考核测评']);
    // The header's role tag; waited for, since the header re-renders after the password change.
    await page.locator('header').getByText('查阅人').first().waitFor();
    // Even a hand-made call is refused by the dispatcher's role check.
    const refused = await page.evaluate(() =>
      (window as unknown as { ganbu: { calls: Record<string, (i: unknown) => Promise<unknown>> } }).ganbu.calls[
        'users.list'
      ]!({}),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '当前账户的角色无权进行此操作' } });
    await lock();
  });

  test('the audit log shows all of it and its chain verifies', async () => {
    await login(ADMIN.username, ADMIN.password);
    await page.locator('.ant-menu-item', { hasText: '审计日志' }).click();
    await page.getByText('共 ').first().waitFor();
    const actions = await page.locator('.ant-table-tbody tr td:nth-child(4)').allInnerTexts();
    for (const a of ['创建档案库', '登录', '锁定', '新增用户', '修改本人密码']) expect(actions).toContain(a);
    const users = await page.locator('.ant-table-tbody tr td:nth-child(3)').allInnerTexts();
    expect(users).toContain(READER.username);
    await page.getByRole('button', { name: /校验日志完整性/ }).click();
    await page.getByText('审计日志完整').waitFor();
    await screenshot(page, '08-audit');
    // Filter by user.
    await page.getByPlaceholder('用户名').fill(READER.username);
    await page.getByRole('button', { name: /查\s?询/ }).click();
    await expect
      .poll(async () => new Set(await page.locator('.ant-table-tbody tr td:nth-child(3)').allInnerTexts()))
      .toEqual(new Set([READER.username]));
  });

  test('the recovery code opens the store and sets a new administrator password', async () => {
    await lock();
    await page.getByRole('button', { name: /使用恢复码找回/ }).click();
    await field('恢复码').fill(recoveryCode.toLowerCase());
    await field('系统管理员用户名').fill(ADMIN.username);
    await field('新密码').fill('New@Admin2025');
    await field('确认新密码').fill('New@Admin2025');
    await screenshot(page, '09-recover');
    await page.getByRole('button', { name: '找回并登录' }).click();
    await page.getByText('已使用恢复码打开档案库').waitFor({ timeout: 30_000 });
    expect(await menuLabels()).toContain('用户管理');
  });
});
