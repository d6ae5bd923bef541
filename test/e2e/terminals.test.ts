// End to end (issue 18): 导出评议终端包 for two laptops from the assessment's page (the 交接单 with its password shown
// once), the laptops vote (their terminal stores in their own temp folders) with one code copied onto both, the
// returns imported after their preview, the 冲突 settled by terminal, and the rankings counting each seat once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TerminalStore } from '../../db/terminal/terminal-store';
import type { PanelCodeSheet } from '../../shared/assessment/panel';
import { tempDir } from '../helpers/tmp-store';
import { startTestApp, type TestApp } from './harness/app';
import { settledScreenshot, chooseTab } from './harness/browser';
import { ASSESSMENT_NAME as NAME, seedTerminalAssessment } from './harness/seed';
import { clickSettled } from './harness/settled-click';

let app: TestApp;
let page: Page;
let assessmentId = 0;
let ids: Record<string, number> = {};
let sheet: PanelCodeSheet;

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-terminals-');
  ({ assessmentId, ids, sheet } = await seedTerminalAssessment(app, 'superior'));
  page = await app.openPage();
});

afterAll(async () => {
  await app?.close();
});

async function openTab() {
  await page.locator('.ant-menu-item', { hasText: '考核测评' }).click();
  const title = page.getByTestId('assessment-title').filter({ hasText: NAME });
  if ((await title.count()) === 0) await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
  await title.waitFor();
  await chooseTab(page, '评议终端包');
}

async function exportOne(terminalNo: number): Promise<{ file: string; password: string }> {
  const file = join(tempDir('e2e-gpkg-'), `终端${terminalNo}.gpkg`);
  app.dialogs.answerSave(file);
  await page.getByRole('button', { name: '导出评议终端包' }).click();
  const handover = page.getByTestId('handover');
  await handover.waitFor();
  await expect.poll(() => handover.textContent()).toContain(`终端 ${terminalNo}`);
  const password = (await page.getByTestId('package-password').textContent()) ?? '';
  expect(password).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
  if (terminalNo === 1) await settledScreenshot(page, 'terminals-handover');
  await clickSettled(page.getByRole('button', { name: '我已抄录或打印交接单' }));
  await handover.waitFor({ state: 'detached' });
  return { file, password };
}

async function vote(pkg: { file: string; password: string }, seats: number[]): Promise<string> {
  const t = await TerminalStore.create(join(tempDir('e2e-laptop-'), 't'), readFileSync(pkg.file), pkg.password);
  const order = [ids['阿古拉']!, ids['巴特尔']!, ids['朝鲁']!];
  for (const i of seats)
    await t.submit(sheet.slips[i]!.code, { kind: 'superior', order: i % 2 ? order : [...order].reverse() });
  const ret = join(tempDir('e2e-gret-'), 'return.gret');
  await t.finish(pkg.password, ret);
  return ret;
}

async function importOne(file: string, shot: string) {
  app.dialogs.answerOpen(file);
  await page.getByRole('button', { name: '导入评议终端回收' }).click();
  const modal = page.locator('.ant-modal', { hasText: '导入评议终端回收' });
  await modal.getByRole('table').waitFor();
  await settledScreenshot(page, shot);
  await clickSettled(modal.getByRole('button', { name: '确认合并' }));
  await modal.waitFor({ state: 'detached' });
}

describe('评议终端包', () => {
  test('export two packages, vote on two laptops, import both, settle the 冲突, see the rankings', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openTab();
    const p1 = await exportOne(1);
    const p2 = await exportOne(2);
    // Seat 1's slip was copied: used on both laptops.
    const r1 = await vote(p1, [0, 1]);
    const r2 = await vote(p2, [1, 2, 3]);
    await importOne(r1, 'terminals-preview-1');
    await importOne(r2, 'terminals-preview-2');
    const conflicts = page.getByTestId('terminal-conflicts');
    await conflicts.waitFor();
    await expect.poll(() => conflicts.textContent()).toContain('终端 1、终端 2');
    await settledScreenshot(page, 'terminals-conflict');
    await conflicts.getByRole('button', { name: '采用终端 2' }).click();
    const pop = page.locator('.ant-popover', { hasText: '采用终端 2 的票' });
    await clickSettled(pop.getByRole('button', { name: /确\s?定|OK/ }));
    await expect.poll(() => conflicts.textContent()).toContain('采用终端 2 的票');
    await settledScreenshot(page, 'terminals-settled');
    const list = await app.call('terminals.list', { assessmentId });
    expect(list.packages.map((p) => p.merged)).toEqual([1, 3]);
    const ballots = await app.call('ballots.list', { assessmentId });
    expect(ballots.superior).toHaveLength(4);
    // The page read the merged ballots again: the 上级排名 tab lists them without reopening the assessment.
    await chooseTab(page, '上级排名');
    await page.getByText('已录入的上级排名（4）').waitFor();
    await chooseTab(page, '排名结果');
    await page.getByText('阿古拉').first().waitFor();
    await settledScreenshot(page, 'terminals-rankings');
  }, 180_000);
});
