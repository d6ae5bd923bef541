// End to end, issue 16 rows 8 and 11: an older store's weak password forces a change before anything else shows, the
// change follows the 等保 rule, and the 评议终端's close button asks the starting clerk's password.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createStore } from '../../db';
import { startTestApp, TEST_ADMIN as ADMIN, type TestApp } from './harness/app';
import { screenshot } from './harness/browser';
import { seedCollectingAssessment } from './harness/seed';
import { clickSettled } from './harness/settled-click';

let app: TestApp;
let page: Page;
const OLD = { username: 'laowang', displayName: '老王', password: '11111111', own: 'Laowang#2025' };

const field = (label: string) => page.getByLabel(label, { exact: true });

async function login(username: string, password: string) {
  await field('用户名').fill(username);
  await field('密码').fill(password);
  await page.getByRole('button', { name: /^(登\s?录|解\s?锁)$/ }).click();
}

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-accounts-');
  const { assessmentId } = await seedCollectingAssessment(app);
  await app.call('kiosk.start', { assessmentId });
  page = await app.openPage('评议终端');
});

afterAll(async () => {
  await app?.close();
});

describe('the 评议终端 window', () => {
  test('the close button asks the starting clerk’s password; a wrong one keeps the kiosk, the right one ends it', async () => {
    await page.evaluate(() => (window as unknown as { __ganbuRequestClose(): void }).__ganbuRequestClose());
    const dialog = page.getByRole('dialog');
    await dialog.getByText('关闭程序').first().waitFor();
    await dialog.getByTestId('kiosk-exit-password').fill('wrong-password');
    await clickSettled(dialog.getByTestId('kiosk-exit-ok'));
    await dialog.getByTestId('kiosk-exit-problem').waitFor();
    await screenshot(page, 'dengbao-01-kiosk-close');
    expect((await app.must<{ kiosk: unknown }>('app.status', {})).kiosk).not.toBeNull();
    await dialog.getByTestId('kiosk-exit-password').fill(ADMIN.password);
    await clickSettled(dialog.getByTestId('kiosk-exit-ok'));
    // The password check runs the real scrypt: give it time.
    await expect
      .poll(async () => (await app.must<{ kiosk: unknown }>('app.status', {})).kiosk, { timeout: 30_000 })
      .toBeNull();
  });
});

describe('an older store with a weak password', () => {
  test('opens, but shows nothing until its owner sets a password that follows the rule', async () => {
    // A store made before the rule (below the schema, as an older version of the app did), opened in this window.
    await app.must('session.lock', {});
    const dir = join(app.work, 'old-store');
    const { store } = await createStore(
      dir,
      { username: OLD.username, displayName: OLD.displayName, password: OLD.password },
      { kdfCost: { N: 2 ** 10, r: 8, p: 1 } },
    );
    await store.close();
    await app.must('setup.useExistingStore', { dir });
    await page.reload();
    await field('用户名').waitFor();
    await login(OLD.username, OLD.password);
    const dialog = page.getByRole('dialog');
    await dialog.getByText('请先设置自己的新密码再继续使用').waitFor({ timeout: 30_000 });
    // No page behind the dialog asks the store for anything (the dispatcher would refuse it).
    expect(await page.getByText('干部名册').count()).toBeLessThanOrEqual(1);
    await dialog.getByLabel('当前密码', { exact: true }).fill(OLD.password);
    await dialog.getByLabel('新密码', { exact: true }).fill('22222222');
    await dialog.getByLabel('确认新密码', { exact: true }).fill('22222222');
    await dialog.getByText('新密码须包含大写字母、小写字母、数字、符号中的至少三类').waitFor();
    await screenshot(page, 'dengbao-02-forced-change-weak');
    await dialog.getByLabel('新密码', { exact: true }).fill(OLD.own);
    await dialog.getByLabel('确认新密码', { exact: true }).fill(OLD.own);
    await dialog.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('密码已修改').waitFor({ timeout: 30_000 });
    await page.locator('.ant-menu-item', { hasText: '用户管理' }).click();
    await page.getByRole('cell', { name: OLD.displayName }).waitFor();
    await screenshot(page, 'dengbao-03-after-change');
  });
});
