// End to end: 导出 Word 版 in the dossier view writes the cadre's dossier as .docx to the place picked in the save dialog.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApp, TEST_ADMIN, type TestApp } from './harness/app';
import { openApp, screenshot } from './harness/browser';
import type { ScriptedDialogs } from '../helpers/dialogs';
import { unzip } from '../helpers/docx';
import { cadreInput } from '../helpers/roster';
import { clickSettled } from './harness/settled-click';

const READER = { username: 'reader1', displayName: '查阅人甲', role: 'reviewer', password: 'Reader@2025' } as const;
const READER_PASSWORD = 'Reader#2025x';

let app: TestApp;
let work: string;
let dialogs: ScriptedDialogs;
let page: Page;

const must = <T>(name: string, input: unknown): Promise<T> => app.must<T>(name, input);

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-docx-');
  ({ work, dialogs } = app);
  const unit = await must<{ id: number }>('units.save', { name: '阿尔巴斯苏木', categoryCode: 'C1', sort: 1 });
  const cadreId = (
    await must<{ id: number }>('cadres.create', { input: cadreInput(unit.id, { name: '巴特尔', idNumber: '' }) })
  ).id;
  await must('entries.create', {
    input: {
      cadreId,
      date: '2025-08-14',
      subItemCode: 'S2.2',
      channelCode: 'CH09',
      title: '春季中青班优秀学员',
      content: '在县委党校中青年干部培训班学习期间表现突出，被评为优秀学员。',
      polarity: 'positive',
      standardCodes: ['D2.1'],
      listItemCode: 'P3',
    },
  });
  await must('users.create', READER);
  // A new account changes its initial password at first login: done here, so the UI logs in straight away.
  await must('session.login', { username: READER.username, password: READER.password });
  await must('me.changePassword', { currentPassword: READER.password, newPassword: READER_PASSWORD });
  await must('session.login', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
  page = await openApp(await app.launch(), app.bridge.url);
  await page.getByText('干部名册').first().waitFor();
});

afterAll(async () => {
  await app?.close();
});

test('导出 Word 版 in the dossier view writes the .docx picked in the save dialog', async () => {
  await page.getByText('巴特尔').first().click();
  await page.getByTestId('open-dossier').click();
  await page.getByText('春季中青班优秀学员').first().waitFor();
  await screenshot(page, '49-dossier-export-docx');
  const out = join(work, '巴特尔干部政治素质档案.docx');
  dialogs.answerSave(out);
  await page.getByTestId('export-docx').click();
  await page.getByText(/已导出 1 条材料到 巴特尔干部政治素质档案\.docx/).waitFor({ timeout: 30_000 });
  expect(existsSync(out)).toBe(true);
  const doc = (await unzip(readFileSync(out))).get('word/document.xml')!.toString('utf8');
  expect(doc).toContain('干部政治素质档案');
  expect(doc).toContain('春季中青班优秀学员');
});

test('a 查阅人, who may not edit, also exports the Word version', async () => {
  const field = (label: string) => page.getByLabel(label, { exact: true });
  await page.getByRole('button', { name: /锁\s?定/ }).click();
  await field('用户名').fill(READER.username);
  await field('密码').fill(READER_PASSWORD);
  await page.getByRole('button', { name: /^(登\s?录|解\s?锁)$/ }).click();
  await page.locator('.ant-menu-item', { hasText: '政治素质档案' }).click();
  await clickSettled(page.getByTestId('cadre-picker'));
  await page.keyboard.type('巴特尔');
  await clickSettled(
    page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '巴特尔' }).first(),
  );
  await page.getByText('春季中青班优秀学员').first().waitFor();
  expect(await page.getByRole('button', { name: /新增材料/ }).count()).toBe(0);
  const out = join(work, '查阅.docx');
  dialogs.answerSave(out);
  await page.getByTestId('export-docx').click();
  await page.getByText(/已导出 1 条材料到 查阅\.docx/).waitFor({ timeout: 30_000 });
  expect(existsSync(out)).toBe(true);
});
