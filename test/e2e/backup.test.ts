// End to end: back up from the settings page, change something, restore the backup, log in to the restored store.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ScriptedDialogs } from '../helpers/dialogs';
import { startTestApp, TEST_ADMIN as ADMIN, type TestApp } from './harness/app';
import { openApp, screenshot } from './harness/browser';
import { clickSettled } from './harness/settled-click';

let app: TestApp;
let work: string;
let dialogs: ScriptedDialogs;
let page: Page;

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-backup-');
  ({ work, dialogs } = app);
  page = await openApp(await app.launch(), app.bridge.url);
});

afterAll(async () => {
  await app?.close();
});

const menu = (label: string) => page.locator('.ant-menu-item', { hasText: label }).click();

async function addUnit(name: string) {
  await menu('单位管理');
  await page.getByRole('button', { name: /新增单位/ }).click();
  const d = page.getByRole('dialog');
  await d.getByLabel('单位名称').fill(name);
  await d.getByLabel('单位类别').click();
  await clickSettled(page.locator('.ant-select-item-option', { hasText: '党群部门' }));
  await d.getByTestId('unit-save').click();
  await page.getByRole('cell', { name, exact: true }).waitFor();
}

test('back up, change, restore the backup and log in to it', async () => {
  await addUnit('备份前的单位');
  await menu('系统设置');
  // The automatic backup of the first login is listed.
  await page.getByText(/自动备份-\d{8}-\d{6}\.gbak/).waitFor({ timeout: 30_000 });
  const file = join(work, 'U盘', '档案库备份.gbak');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(work, 'U盘'));
  dialogs.answerSave(file);
  await page.getByTestId('backup-now').click();
  await page.getByText(/备份已完成并通过完整性校验/).waitFor({ timeout: 30_000 });
  expect(existsSync(file)).toBe(true);
  await screenshot(page, '20-settings-backup');

  await addUnit('备份后的单位');
  await menu('系统设置');
  await page.getByTestId('restore-open').click();
  dialogs.answerOpen(file);
  await clickSettled(page.getByTestId('restore-pick'));
  const modal = page.getByRole('dialog');
  await modal.getByText('档案库备份.gbak').waitFor();
  await modal.getByLabel('用户名', { exact: true }).fill(ADMIN.username);
  await modal.getByLabel('密码', { exact: true }).fill('wrong-password');
  await page.getByTestId('restore-unlock').click();
  await modal.getByText('用户名或密码不正确').waitFor({ timeout: 30_000 });
  await modal.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByTestId('restore-unlock').click();
  await modal.getByText('备份已解密并通过完整性校验').waitFor({ timeout: 30_000 });
  expect(await modal.innerText()).toContain('1 个'); // one unit in the backup
  await screenshot(page, '21-restore-confirm');
  await expect(page.getByTestId('restore-confirm').isDisabled()).resolves.toBe(true);
  await modal.getByText('我已了解').click();
  await clickSettled(page.getByTestId('restore-confirm'));

  await page.getByText('已从备份恢复档案库').waitFor({ timeout: 30_000 });
  await screenshot(page, '22-restored-login');
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: /^(登\s?录|解\s?锁)$/ }).click();
  await menu('单位管理');
  await page.getByRole('cell', { name: '备份前的单位', exact: true }).waitFor();
  await expect(page.getByRole('cell', { name: '备份后的单位', exact: true }).count()).resolves.toBe(0);
  await menu('审计日志');
  await page.getByText('从备份恢复').first().waitFor();
});
