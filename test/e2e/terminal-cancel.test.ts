// End to end (issue 18 follow-up): 作废终端包 cannot be undone, so its dialog says what will happen with the numbers
// (terminal 1's 2 and terminal 3's 1 held ballots merged now, terminal 2's ballots void, its return refused for
// good), and 作废 stays disabled until the terminal number is typed. 取消 changes nothing in the store.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { TerminalStore } from '../../db/terminal/terminal-store';
import type { PanelCodeSheet } from '../../shared/assessment/panel';
import { tempDir } from '../helpers/tmp-store';
import { startTestApp, type TestApp } from './harness/app';
import { animationsDone, chooseTab, settledScreenshot } from './harness/browser';
import { ASSESSMENT_NAME as NAME, seedCollectingAssessment } from './harness/seed';
import { clickSettled } from './harness/settled-click';

let app: TestApp;
let page: Page;
let assessmentId = 0;
let ids: Record<string, number> = {};
let sheet: PanelCodeSheet;

/** A package for `terminalNo` with all groups, through the calls (the export screen is terminals.test.ts's). */
async function exportPackage(terminalNo: number): Promise<{ file: string; password: string }> {
  const file = join(tempDir('e2e-cancel-gpkg-'), `终端${terminalNo}.gpkg`);
  app.dialogs.answerSave(file);
  const picked = await app.call('files.pickSave', { purpose: 'terminalPackage', suggestedName: `终端${terminalNo}` });
  if (!picked) throw new Error('the scripted save dialog gave no path');
  const out = await app.call('terminals.export', { assessmentId, terminalNo, token: picked.token });
  return { file, password: out.password };
}

/** A laptop votes the given seats and its return is imported on the main PC. */
async function voteAndReturn(pkg: { file: string; password: string }, seats: number[]) {
  const t = await TerminalStore.create(join(tempDir('e2e-cancel-laptop-'), 't'), readFileSync(pkg.file), pkg.password);
  const order = [ids['阿古拉']!, ids['巴特尔']!, ids['朝鲁']!];
  for (const i of seats) await t.submit(sheet.slips[i]!.code, { kind: 'superior', order });
  const ret = join(tempDir('e2e-cancel-gret-'), 'return.gret');
  await t.finish(pkg.password, ret);
  app.dialogs.answerOpen(ret);
  const [picked] = await app.call('files.pickOpen', { purpose: 'terminalReturn' });
  await app.call('terminals.importReturn', { assessmentId, token: picked!.token });
}

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-terminal-cancel-');
  ({ assessmentId, ids } = await seedCollectingAssessment(app));
  sheet = await app.call('codes.generate', { assessmentId, kind: 'superior', group: 'chief:C1', count: 4 });
  const [p1, , p3] = [await exportPackage(1), await exportPackage(2), await exportPackage(3)];
  // Terminals 1 and 3 come back; their ballots wait for terminal 2, which carries the same codes.
  await voteAndReturn(p1!, [0, 1]);
  await voteAndReturn(p3!, [2]);
  page = await app.openPage();
  await page.setViewportSize({ width: 1366, height: 768 });
}, 180_000);

afterAll(async () => {
  await app?.close();
});

async function openTerminalsTab(): Promise<void> {
  await page.locator('.ant-menu-item', { hasText: '考核测评' }).click();
  const title = page.getByTestId('assessment-title').filter({ hasText: NAME });
  if ((await title.count()) === 0) await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
  await title.waitFor();
  await chooseTab(page, '评议终端包');
}

const storeState = async () =>
  JSON.stringify([
    await app.call('terminals.list', { assessmentId }),
    (await app.call('audit.list', { page: 1, pageSize: 1 })).total,
  ]);

test('the dialog says what will happen with the numbers; 作废 needs the terminal number; 取消 changes nothing', async () => {
  const held = (await app.call('terminals.list', { assessmentId })).packages.map((p) => [p.terminalNo, p.held]);
  expect(held).toEqual([
    [1, 2],
    [2, 0],
    [3, 1],
  ]);
  await openTerminalsTab();
  const before = await storeState();

  await page.getByTestId('terminal-cancel-2').click();
  const dialog = page.getByTestId('terminal-cancel-dialog');
  const effects = dialog.getByTestId('terminal-cancel-effects');
  await expect.poll(() => effects.count(), { timeout: 30_000 }).toBe(1);
  const text = (await effects.innerText()).replace(/\s+/g, '');
  expect(text).toContain('立即合并终端1暂存的2张票、终端3暂存的1张票（共3张），计入测评结果');
  expect(text).toContain('终端2（');
  expect(text).toContain('上已投的票全部作废');
  expect(text).toContain('此后交回终端2的回收文件将被永久拒绝导入');
  expect(text).toContain('此操作不能撤销');

  // A reason alone is not enough, nor another number: 作废 needs this terminal's number typed.
  const ok = dialog.getByTestId('terminal-cancel-ok');
  await dialog.getByTestId('terminal-cancel-reason').fill('终端笔记本丢失');
  await expect.poll(() => ok.isDisabled()).toBe(true);
  await dialog.getByTestId('terminal-cancel-confirm').fill('3');
  await expect.poll(() => ok.isDisabled()).toBe(true);
  await dialog.getByTestId('terminal-cancel-confirm').fill('2');
  await expect.poll(() => ok.isDisabled()).toBe(false);
  await animationsDone(page);
  await settledScreenshot(page, 'terminal-cancel-dialog');

  // 取消: nothing merged, nothing cancelled, nothing audited.
  await clickSettled(page.locator('.ant-modal-footer').getByRole('button', { name: /取\s*消/u }));
  await expect.poll(() => page.getByTestId('terminal-cancel-dialog').count()).toBe(0);
  expect(await storeState()).toBe(before);

  // Done for real: the numbers the dialog gave.
  await page.getByTestId('terminal-cancel-2').click();
  await expect.poll(() => dialog.getByTestId('terminal-cancel-effects').count(), { timeout: 30_000 }).toBe(1);
  await animationsDone(page);
  await dialog.getByTestId('terminal-cancel-reason').fill('终端笔记本丢失');
  await dialog.getByTestId('terminal-cancel-confirm').fill('2');
  await clickSettled(dialog.getByTestId('terminal-cancel-ok'));
  await expect.poll(() => page.getByTestId('terminal-cancel-dialog').count()).toBe(0);
  await page.getByText('3 张暂存票已合并').first().waitFor();
  const after = (await app.call('terminals.list', { assessmentId })).packages;
  expect(after.map((p) => [p.terminalNo, p.held, p.merged, p.cancelled?.reason ?? null])).toEqual([
    [1, 0, 2, null],
    [2, 0, 0, '终端笔记本丢失'],
    [3, 0, 1, null],
  ]);
}, 180_000);

test('a return imported while the dialog is open: 作废 is refused with both numbers and the dialog shows the new ones', async () => {
  // Terminals 4, 5 and 6 carry the same codes; terminal 4's ballot waits for 5 and 6, so cancelling 5 merges nothing.
  const [p4, , p6] = [await exportPackage(4), await exportPackage(5), await exportPackage(6)];
  await voteAndReturn(p4!, [3]);
  // Exported and returned through the calls: the screen is opened again to show them.
  await page.reload();
  await openTerminalsTab();
  await page.getByTestId('terminal-cancel-5').click();
  const dialog = page.getByTestId('terminal-cancel-dialog');
  const effects = dialog.getByTestId('terminal-cancel-effects');
  await expect.poll(() => effects.count(), { timeout: 30_000 }).toBe(1);
  expect((await effects.innerText()).replace(/\s+/g, '')).toContain('没有其他终端的票在等终端5交回，不会合并任何票');
  await animationsDone(page);
  await dialog.getByTestId('terminal-cancel-reason').fill('终端笔记本损坏');
  await dialog.getByTestId('terminal-cancel-confirm').fill('5');

  // Meanwhile terminal 6 comes back (on another screen, or another clerk): terminal 4's ballot now waits only for 5.
  await voteAndReturn(p6!, []);
  const before = await storeState();
  await clickSettled(dialog.getByTestId('terminal-cancel-ok'));
  await dialog.getByText('作废对话框打开后情况已有变化').waitFor();
  expect((await dialog.locator('.ant-alert').innerText()).replace(/\s+/g, '')).toContain(
    '现在作废终端5将合并终端4暂存的1张票，而对话框显示的是不合并任何票。未作任何修改',
  );
  await expect
    .poll(async () => (await effects.innerText()).replace(/\s+/g, ''))
    .toContain('立即合并终端4暂存的1张票，计入测评结果');
  expect(await dialog.getByTestId('terminal-cancel-confirm').inputValue()).toBe('');
  // The list behind the dialog shows terminal 6 back too.
  await expect.poll(async () => page.locator('tr', { hasText: '终端 6' }).innerText()).toMatch(/已回收/u);
  await expect.poll(() => dialog.getByTestId('terminal-cancel-ok').isDisabled()).toBe(true);
  expect(await storeState()).toBe(before);
  await animationsDone(page);
  await settledScreenshot(page, 'terminal-cancel-changed');

  // Confirmed again with what is true now.
  await dialog.getByTestId('terminal-cancel-confirm').fill('5');
  await clickSettled(dialog.getByTestId('terminal-cancel-ok'));
  await expect.poll(() => page.getByTestId('terminal-cancel-dialog').count()).toBe(0);
  await page.getByText('1 张暂存票已合并').first().waitFor();
  const five = (await app.call('terminals.list', { assessmentId })).packages.find((p) => p.terminalNo === 5);
  expect(five?.cancelled?.reason).toBe('终端笔记本损坏');
}, 180_000);
