// End to end, as the attacker of issue 16 row 6: the newest audit entries cut from the store file behind the app's
// back raise 审计日志警报 at the next login of the administrator who saw them; an entry rewritten with the HMAC chain
// recomputed is named by 校验日志完整性 with its reason.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditKeyFrom, entryHash, type ChainedFields } from '../../db/audit/chain';
import { keyFromPassword, rootKeyFromPassword, withRaw } from '../helpers/raw-store';
import { screenshot } from './harness/browser';
import { startTestApp, TEST_ADMIN, type TestApp } from './harness/app';

const READER = { username: 'reader1', displayName: '李查阅', role: 'reviewer' as const, password: 'Reader@2025x' };

let app: TestApp;
let page: Page;
let attackerKey: Buffer;
let attackerRoot: Buffer;

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-audit-');
  await app.addUser(READER);
  await app.must('settings.update', { idleLockMinutes: 20 });
  await app.must('settings.update', { idleLockMinutes: 25 });
  await app.must('session.lock', {}); // the administrator has seen the log up to the lock
  dir = (await app.must<{ storeDir: string }>('app.status', {})).storeDir;
  attackerKey = await keyFromPassword(dir, READER.username, READER.password);
  attackerRoot = await rootKeyFromPassword(dir, READER.username, READER.password);
  page = await app.openPage('系统已锁定');
}, 120_000);

afterAll(async () => {
  await app?.close();
});

let dir = '';
const storeDir = () => dir;

async function login(username: string, password: string) {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /^(登\s?录|解\s?锁)$/ }).click();
}

describe('the audit log against an account holder with the store key', () => {
  test('the newest entries cut: the administrator’s next login shows 审计日志警报', async () => {
    withRaw(storeDir(), attackerKey, (db) => {
      const n = (db.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number }).n;
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.prepare('DELETE FROM audit_log WHERE id > ?').run(n - 2);
    });
    await login(TEST_ADMIN.username, TEST_ADMIN.password);
    const alarm = page.getByRole('dialog').filter({ hasText: '审计日志警报' });
    await alarm.waitFor({ timeout: 30_000 });
    expect(await alarm.innerText()).toMatch(/审计日志末尾被截去：您上次登录时日志已有 \d+ 条记录/);
    await screenshot(page, 'audit-01-login-alarm');
    await alarm.getByRole('button', { name: /知道了/ }).click();
    await page.locator('.ant-menu-item', { hasText: '审计日志' }).click();
    await page.getByText('共 ').first().waitFor();
    expect(await page.locator('.ant-table-tbody tr td:nth-child(4)').allInnerTexts()).toContain('审计日志警报');
  }, 60_000);

  test('an entry rewritten and the chain recomputed: 校验日志完整性 names it', async () => {
    let target = 0;
    withRaw(storeDir(), attackerKey, (db) => {
      db.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
      const row = db
        .prepare(`SELECT * FROM audit_log WHERE action = 'settings.update' ORDER BY id LIMIT 1`)
        .get() as ChainedFields;
      target = row.id;
      const later = db.prepare('SELECT * FROM audit_log WHERE id >= ? ORDER BY id').all(target) as ChainedFields[];
      const key = auditKeyFrom(attackerRoot);
      let prev = row.prev_hash;
      for (const r of later) {
        const edited = {
          ...r,
          prev_hash: prev,
          detail: r.id === target ? JSON.stringify({ idleLockMinutes: [15, 120] }) : r.detail,
        };
        prev = entryHash(key, edited);
        db.prepare('UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?').run(
          edited.detail,
          edited.prev_hash,
          prev,
          r.id,
        );
      }
    });
    await page.getByRole('button', { name: /校验日志完整性/ }).click();
    await page.getByText('审计日志已被篡改').waitFor();
    expect(await page.locator('.ant-alert-error').innerText()).toContain(
      `第 ${target} 号记录的签名与“admin”的签名公钥不符`,
    );
    await screenshot(page, 'audit-02-verify-rewritten');
  }, 60_000);
});
