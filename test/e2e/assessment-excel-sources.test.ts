// End to end: kiosk votes exist (28 staff votes for 副职·乌兰镇, 巴特尔's peer ballots), the clerk imports an Excel
// ballot file (the app's own template, edited as a clerk would: an extra leader row, paper staff totals, and rows of
// a rater who already voted at the kiosk), sees per group and source what is there and what the file will do, and a
// conflict that blocks the import; chooses 累加, leaves 巴特尔 out, imports; the kiosk votes are all still there.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { KIOSK_CONCEALED_TEXT } from '../../shared/assessment/anonymity';
import type { CallInput, CallName } from '../../shared/ipc/contract';
import {
  fillWorkedExample,
  loadWorkbook,
  saveWorkbook,
  sectionStart,
  setRow,
  targetRow,
} from '../helpers/ballot-excel';
import type { ScriptedDialogs } from '../helpers/dialogs';
import { seedCollectingAssessment } from './harness/seed';
import { startTestApp, TEST_ADMIN, type TestApp } from './harness/app';
import { wholeBallots } from '../../shared/assessment/ballot-parts';
import { settledScreenshot as settledScreenshotOf, chooseTab } from './harness/browser';
import { clickSettled } from './harness/settled-click';

const NAME = '2025年度科级干部“双比双评”考核';
const CHIEF = '正职·苏木镇（街道）';
const DEPUTY = '副职·乌兰镇';
const KIOSK_STAFF = 28;

let app: TestApp;
let work: string;
let dialogs: ScriptedDialogs;
let page: Page;
let assessmentId: number;
const ids: Record<string, number> = {};

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-excel-sources-');
  ({ work, dialogs } = app);
  const ok = <N extends CallName>(name: N, input: CallInput<N>) => app.call(name, input);
  const seeded = await seedCollectingAssessment(app, { deputies: true });
  Object.assign(ids, seeded.ids);
  assessmentId = seeded.assessmentId;
  const wulan = seeded.units['乌兰镇']!;
  // The panel sits at the 评议终端 before the clerk imports anything: 28 staff ballots for 乌兰镇's deputies
  // (德力格尔 优秀, 额尔敦 较好) and 巴特尔's peer ballot.
  const staff = await ok('codes.generate', {
    assessmentId,
    kind: 'staff',
    group: `deputy:${wulan}`,
    count: KIOSK_STAFF,
  });
  const peer = await ok('codes.generate', { assessmentId, kind: 'peer', group: 'chief:C1' });
  await ok('kiosk.start', { assessmentId });
  for (const slip of staff.slips) {
    await ok('kiosk.submit', {
      code: slip.code,
      ballot: {
        kind: 'staff',
        votes: [
          { targetId: ids['德力格尔']!, grade: 'excellent' },
          { targetId: ids['额尔敦']!, grade: 'good' },
        ],
      },
    });
  }
  const x = { zz1: 80, zz2: 80, zz3: 80 };
  const code = peer.slips.find((s) => s.seatLabel === '互评人：巴特尔')!.code;
  await ok('kiosk.submit', {
    code,
    ballot: {
      kind: 'peer',
      ballots: [
        { targetId: ids['阿古拉']!, scores: x },
        { targetId: ids['朝鲁']!, scores: x },
      ],
    },
  });
  await ok('kiosk.exit', { password: TEST_ADMIN.password });
  page = await app.openPage();
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  await app?.close();
});

const dialog = () => page.getByRole('dialog').last();
const settledScreenshot = (name: string) => settledScreenshotOf(page, name);
const staffOf = async (name: string) =>
  wholeBallots(await app.call('ballots.list', { assessmentId })).staff.find((s) => s.targetId === ids[name]);

describe('Excel ballots beside the kiosk', () => {
  test('the clerk downloads the template and fills it as a clerk would', async () => {
    await page.locator('.ant-menu-item', { hasText: '考核测评' }).click();
    await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
    await page.getByTestId('assessment-title').filter({ hasText: NAME }).waitFor();
    dialogs.answerSave(join(work, '测评票模板.xlsx'));
    await page.getByTestId('ballot-template').click();
    await page.getByText('测评票模板已保存到 测评票模板.xlsx').waitFor();
    const wb = await loadWorkbook(join(work, '测评票模板.xlsx'));
    fillWorkedExample(wb); // includes 巴特尔's peer rows: 巴特尔 already voted at the kiosk
    const chief = wb.getWorksheet(CHIEF)!;
    // An extra leader row inserted below the template's blank ones, still inside the section.
    const afterBlanks = sectionStart(chief, 'superior') + 10;
    chief.insertRow(afterBlanks, ['旗长', '朝鲁', '阿古拉', '巴特尔']);
    // The paper 计票单 totals of 乌兰镇's deputies.
    const deputy = wb.getWorksheet(DEPUTY)!;
    setRow(deputy, targetRow(deputy, 'staff', '德力格尔'), 2, [2, 1, 0, 0]);
    setRow(deputy, targetRow(deputy, 'staff', '额尔敦'), 2, [0, 3, 0, 0]);
    await saveWorkbook(wb, join(work, '纸质票汇总.xlsx'));
    expect((await staffOf('德力格尔'))!.counts.excellent).toBe(KIOSK_STAFF);
  });

  test('the preview shows per group and source what is there and what the file will do, and the conflict blocks the import', async () => {
    await page.getByTestId('ballot-import').click();
    dialogs.answerOpen(join(work, '纸质票汇总.xlsx'));
    await clickSettled(dialog().getByTestId('ballot-import-choose'));
    await dialog().getByTestId('ballot-import-rules').waitFor();
    await dialog().getByText('评议终端的票在任何导入方式下都不会被替换或删除', { exact: false }).waitFor();
    const deputy = dialog().getByTestId(`import-group-${DEPUTY}`);
    const delger = await deputy.locator('tbody tr.ant-table-row', { hasText: '德力格尔' }).innerText();
    expect(delger).toContain(`现有：评议终端 ${KIOSK_STAFF} 票`);
    expect(delger).toContain('文件 3 票');
    const conflicts = dialog().getByTestId(`import-conflicts-${CHIEF}`);
    expect(await conflicts.innerText()).toContain(
      '评价人“巴特尔”已有同级互评票（评议终端 2 张），文件中又有其 2 张：同一人不能评议两次',
    );
    expect(await dialog().getByTestId(`import-superior-${CHIEF}`).innerText()).toContain('文件 3 张');
    await expect(dialog().getByTestId('ballot-import-confirm').isDisabled()).resolves.toBe(true);
    expect(await page.getByTestId('ballot-import-waiting').innerText()).toContain(
      `请为“${CHIEF}”、“${DEPUTY}”选择导入方式`,
    );
    await settledScreenshot('assessment-excel-sources-01-preview-conflict');

    await clickSettled(dialog().getByTestId(`import-mode-${CHIEF}`).getByText('累加', { exact: true }));
    await clickSettled(dialog().getByTestId(`import-mode-${DEPUTY}`).getByText('累加', { exact: true }));
    // Chosen, but the conflict is still open: no import yet.
    expect(await page.getByTestId('ballot-import-waiting').innerText()).toContain('还有 1 处冲突未处理：“巴特尔”');
    await expect(dialog().getByTestId('ballot-import-confirm').isDisabled()).resolves.toBe(true);
    expect(await deputy.locator('tbody tr.ant-table-row', { hasText: '德力格尔' }).innerText()).toContain('新增 3 票');
    await deputy.scrollIntoViewIfNeeded();
    await settledScreenshot('assessment-excel-sources-02-mode-chosen-conflict-open');
  });

  test('leaving 巴特尔 out resolves the conflict; 累加 imports; the 28 kiosk votes stay and the file’s come on top', async () => {
    await clickSettled(dialog().getByTestId(`leave-out-${CHIEF}-巴特尔`));
    const agula = await dialog()
      .getByTestId(`import-group-${CHIEF}`)
      .locator('tbody tr.ant-table-row', { hasText: '阿古拉' })
      .innerText();
    expect(agula).toContain('现有：评议终端 1 张');
    expect(agula).toContain('新增 1 张，不导入 1 张');
    await expect(dialog().getByTestId('ballot-import-confirm').isEnabled()).resolves.toBe(true);
    await settledScreenshot('assessment-excel-sources-03-resolved');
    await clickSettled(dialog().getByTestId('ballot-import-confirm'));
    await page
      .getByText('已导入上级排名 3 张、同级互评 4 张、职工测评 5 人、服务对象评分 2 个；评议终端的票未作改动')
      .waitFor();
    const delger = (await staffOf('德力格尔'))!;
    expect(delger.bySource.kiosk).toEqual({ excellent: KIOSK_STAFF, good: 0, fair: 0, poor: 0 });
    expect(delger.counts).toEqual({ excellent: KIOSK_STAFF + 2, good: 1, fair: 0, poor: 0 });
    expect((await staffOf('额尔敦'))!.counts).toEqual({ excellent: 0, good: KIOSK_STAFF + 3, fair: 0, poor: 0 });
    const peer = wholeBallots(await app.call('ballots.list', { assessmentId })).peer;
    expect(peer.filter((b) => b.source === 'kiosk')).toHaveLength(2);
    expect(peer.filter((b) => b.source === 'excel' && b.raterId === ids['巴特尔'])).toEqual([]);
    await chooseTab(page, '职工测评');
    const cell = page
      .locator('input[data-testid="staff-德力格尔-excellent"], [data-testid="staff-德力格尔-excellent"] input')
      .first();
    await cell.waitFor();
    await expect(cell.inputValue()).resolves.toBe(String(KIOSK_STAFF + 2));
    await settledScreenshot('assessment-excel-sources-04-staff-after-import');
  });

  test('the same file again with 替换: only the earlier Excel rows are replaced; the kiosk votes stay 28', async () => {
    await page.getByTestId('ballot-import').click();
    dialogs.answerOpen(join(work, '纸质票汇总.xlsx'));
    await clickSettled(dialog().getByTestId('ballot-import-choose'));
    await dialog().getByTestId('ballot-import-rules').waitFor();
    const deputy = dialog().getByTestId(`import-group-${DEPUTY}`);
    expect(await deputy.locator('tbody tr.ant-table-row', { hasText: '德力格尔' }).innerText()).toContain(
      `现有：评议终端 ${KIOSK_STAFF} 票 · Excel 导入 3 票`,
    );
    // Under 累加 the earlier Excel ballots of the same leaders and raters would count twice: conflicts.
    expect(await dialog().getByTestId(`import-conflicts-${CHIEF}`).innerText()).toContain(
      '上级领导“L1”已有本组排名票（Excel 导入 1 张）',
    );
    await clickSettled(dialog().getByTestId(`import-mode-${CHIEF}`).getByText('替换此前 Excel 导入的票'));
    await clickSettled(dialog().getByTestId(`import-mode-${DEPUTY}`).getByText('替换此前 Excel 导入的票'));
    // Under 替换 only the kiosk rater is left in conflict.
    const conflicts = await dialog().getByTestId(`import-conflicts-${CHIEF}`).innerText();
    expect(conflicts).toContain('评价人“巴特尔”');
    expect(conflicts).not.toContain('L1');
    await clickSettled(dialog().getByTestId(`leave-out-${CHIEF}-巴特尔`));
    expect(await deputy.locator('tbody tr.ant-table-row', { hasText: '德力格尔' }).innerText()).toContain(
      '替换 Excel 3 票，新增 3 票',
    );
    await deputy.scrollIntoViewIfNeeded();
    await settledScreenshot('assessment-excel-sources-05-replace');
    await clickSettled(dialog().getByTestId('ballot-import-confirm'));
    await page
      .getByText('已导入上级排名 3 张、同级互评 4 张、职工测评 5 人、服务对象评分 2 个；评议终端的票未作改动')
      .waitFor();
    const delger = (await staffOf('德力格尔'))!;
    expect(delger.bySource).toEqual({
      kiosk: { excellent: KIOSK_STAFF, good: 0, fair: 0, poor: 0 },
      excel: { excellent: 2, good: 1, fair: 0, poor: 0 },
    });
    const list = wholeBallots(await app.call('ballots.list', { assessmentId }));
    expect(list.superior.map((b) => b.source)).toEqual(['excel', 'excel', 'excel']);
    expect(list.peer.filter((b) => b.source === 'kiosk')).toHaveLength(2);
    expect(list.peer.filter((b) => b.source === 'excel')).toHaveLength(4);
  });

  test('one kiosk staff vote for a cadre with fewer than 3 votes in all: the preview shows the mark, not the count', async () => {
    // One panel member votes for the 正职 group at the kiosk: 朝鲁 then has that vote and one Excel vote (2 in all),
    // 阿古拉 and 巴特尔 three each.
    const slip = (await app.call('codes.generate', { assessmentId, kind: 'staff', group: 'chief:C1', count: 1 })).slips;
    await app.call('kiosk.start', { assessmentId });
    await app.call('kiosk.submit', {
      code: slip[0]!.code,
      ballot: {
        kind: 'staff',
        votes: [
          { targetId: ids['阿古拉']!, grade: 'good' },
          { targetId: ids['巴特尔']!, grade: 'good' },
          { targetId: ids['朝鲁']!, grade: 'fair' },
        ],
      },
    });
    await app.call('kiosk.exit', { password: TEST_ADMIN.password });
    // The kiosk ran through calls, not through this window: reload it and open the assessment again.
    await page.reload();
    await page.getByText('干部名册').first().waitFor();
    await page.locator('.ant-menu-item', { hasText: '考核测评' }).click();
    await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
    await page.getByTestId('assessment-title').filter({ hasText: NAME }).waitFor();
    await page.getByTestId('ballot-import').click();
    dialogs.answerOpen(join(work, '纸质票汇总.xlsx'));
    await clickSettled(dialog().getByTestId('ballot-import-choose'));
    await dialog().getByTestId('ballot-import-rules').waitFor();
    const chief = dialog().getByTestId(`import-group-${CHIEF}`);
    const row = (name: string) => chief.locator('tbody tr.ant-table-row', { hasText: name }).innerText();
    const chaolu = await row('朝鲁');
    expect(chaolu).toContain(`现有：Excel 导入 1 票 · ${KIOSK_CONCEALED_TEXT}`);
    expect(chaolu).not.toMatch(/评议终端 \d+ 票/); // the 同级互评 column shows its kiosk ballots in 张
    // With 3 votes in all the kiosk part is counted as on the entry tabs.
    expect(await row('阿古拉')).toContain('现有：评议终端 1 票 · Excel 导入 2 票');
    await chief.locator('tbody tr.ant-table-row', { hasText: '朝鲁' }).scrollIntoViewIfNeeded();
    await settledScreenshot('assessment-excel-sources-06-kiosk-concealed');
    await clickSettled(dialog().getByRole('button', { name: /取\s?消/ }));
    await page.getByTestId('ballot-import-rules').waitFor({ state: 'hidden' });
  });
});
