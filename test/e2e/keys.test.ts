// End to end: 更换密钥 and 重新生成恢复码 from the settings page, and the restore dialog saying a backup opens with the
// passwords of its time.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ScriptedDialogs } from '../helpers/dialogs';
import { startTestApp, TEST_ADMIN as ADMIN, type TestApp } from './harness/app';
import { openApp, screenshot, animationsDone } from './harness/browser';
import { clickSettled } from './harness/settled-click';

let app: TestApp;
let work: string;
let dialogs: ScriptedDialogs;
let page: Page;

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-keys-');
  ({ work, dialogs } = app);
  page = await openApp(await app.launch(), app.bridge.url);
});

afterAll(async () => {
  await app?.close();
});

const menu = (label: string) => page.locator('.ant-menu-item', { hasText: label }).click();

test('更换密钥 and a new recovery code from 系统设置; an old backup still opens with its password', async () => {
  await menu('系统设置');
  const file = join(work, 'U盘', '换钥前.gbak');
  mkdirSync(join(work, 'U盘'));
  dialogs.answerSave(file);
  await page.getByTestId('backup-now').click();
  await page.getByText(/备份已完成并通过完整性校验/).waitFor({ timeout: 30_000 });

  await page.getByTestId('keys-rekey').click();
  await page.getByRole('dialog').getByText('更换后，停用账户的旧密码').waitFor();
  await screenshot(page, '60-keys-rekey-confirm');
  await clickSettled(page.getByTestId('keys-confirm'));
  await page.getByText('档案库密钥已更换').waitFor({ timeout: 60_000 });

  await page.getByTestId('keys-recovery').click();
  await clickSettled(page.getByTestId('keys-confirm'));
  const code = page.getByTestId('new-recovery-code');
  await code.waitFor({ timeout: 60_000 });
  expect(await code.innerText()).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
  await screenshot(page, '61-keys-new-recovery-code');
  await expect(page.getByTestId('recovery-done').isDisabled()).resolves.toBe(true);
  await page.getByText('我已打印或抄写新恢复码').click();
  await page.getByTestId('recovery-done').click();

  await page.getByTestId('restore-open').click();
  dialogs.answerOpen(file);
  await clickSettled(page.getByTestId('restore-pick'));
  const modal = page.getByRole('dialog');
  await modal.getByText('此备份使用备份时的密码打开').waitFor();
  await screenshot(page, '62-restore-old-passwords');
  await modal.getByLabel('用户名', { exact: true }).fill(ADMIN.username);
  await modal.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByTestId('restore-unlock').click();
  await modal.getByText('备份已解密并通过完整性校验和认证').waitFor({ timeout: 30_000 });
  await screenshot(page, '63-restore-authenticated');
  await page.getByRole('button', { name: /取\s?消/ }).click();
});

test('停用 says the store is re-keyed, and does it', async () => {
  const r = await app.dispatch('users.create', {
    username: 'leaver',
    displayName: '离岗者',
    role: 'reviewer',
    password: 'Leaver@2025',
  });
  expect(r.ok).toBe(true);
  await menu('用户管理');
  const row = page.locator('tr', { hasText: 'leaver' });
  await row.getByText('停用').click();
  await page.getByText('系统同时更换档案库密钥').waitFor();
  await animationsDone(page); // the popover's zoom-in animation
  await screenshot(page, '64-users-disable-rekeys');
  // The re-encryption's progress shows in a dialog of its own until it is done.
  const progress = page.getByTestId('rekey-progress').waitFor({ timeout: 30_000 });
  await clickSettled(page.locator('.ant-popconfirm').getByRole('button', { name: /停\s?用/ }));
  await progress;
  await page.getByText('档案库密钥已更换').waitFor({ timeout: 60_000 });
  await expect.poll(() => page.getByTestId('rekey-progress').count()).toBe(0);
});
