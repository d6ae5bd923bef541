// End to end: 年度学时核查 previews who falls short with hours from 培训班 and S2.1 records, writes exactly that on 确认生成,
// the batch is found again and withdrawn with a reason, and a generated entry has 编辑/撤回 in the dossier; at 1366×768.
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from './harness/app';
import { animationsDone, settledScreenshot } from './harness/browser';
import { cadreInput } from '../helpers/roster';
import type { Dossier } from '../../shared/dossier/types';
import { clickSettled } from './harness/settled-click';

let app: TestApp;
let page: Page;
const ids: Record<string, number> = {};
const NAMES = ['巴特尔', '李秀梅', '王建国', '张明', '乌云其其格', '刘海军'];

const hoursEntries = async (name: string) =>
  (await app.must<Dossier>('dossier.get', { cadreId: ids[name] })).entries.filter((e) => e.subItem.code === 'S2.4');

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-hours-');
  const units = [
    await app.must<{ id: number }>('units.save', { name: '阿尔巴斯苏木', categoryCode: 'C1', sort: 1 }),
    await app.must<{ id: number }>('units.save', { name: '县委办公室', categoryCode: 'C2', sort: 2 }),
  ];
  for (const [i, name] of NAMES.entries()) {
    ids[name] = (
      await app.must<{ id: number }>('cadres.create', { input: cadreInput(units[i % 2]!.id, { name, idNumber: '' }) })
    ).id;
  }
  const cls = await app.must<{ id: number }>('classes.save', {
    name: '2025年春季中青班',
    startDate: '2025-03-01',
    endDate: '2025-03-20',
    hours: 40,
    organizer: '县委党校',
  });
  await app.must('classes.saveRecords', {
    classId: cls.id,
    rows: ['巴特尔', '张明', '刘海军'].map((n) => ({ cadreId: ids[n], hours: 40, result: 'qualified' })),
  });
  // S2.1 entries with 学时, as 批量录入 wrote them before: counted; 张明's repeats the class and is counted once.
  const attendance = (name: string, title: string, hours: number) =>
    app.must('entries.create', {
      input: {
        cadreId: ids[name],
        date: '2025-06-30',
        subItemCode: 'S2.1',
        channelCode: 'CH09',
        title,
        content: `参加${title}。\n学时：${hours}`,
        polarity: 'neutral',
        standardCodes: [],
        listItemCode: null,
      },
    });
  await attendance('巴特尔', '党史专题网络培训', 80);
  await attendance('李秀梅', '党史专题网络培训', 120);
  await attendance('王建国', '乡村振兴专题讲座', 40);
  await attendance('张明', '2025年春季中青班', 40);
  page = await app.openPage();
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  await app?.close();
});

describe('年度学时核查', () => {
  test('the preview lists who falls short with counted hours and sources; a year not over is warned; 取消 writes nothing', async () => {
    await page.locator('.ant-menu-item', { hasText: '政治素质档案' }).click();
    await page.getByRole('tab', { name: '教育培训' }).click();
    // The current year first: the year has not ended, the preview says so.
    await page.getByTestId('hours-check').click();
    const year = new Date().getFullYear();
    const modal = page.getByTestId('hours-preview');
    await modal.getByText(`${year}年度学时核查 — 预览`).waitFor();
    if (new Date().getMonth() < 11 || new Date().getDate() < 31)
      await modal.getByText(`${year}年度尚未结束`, { exact: false }).waitFor();
    await settledScreenshot(page, 'hours-01-preview-current-year');
    await modal.getByRole('button', { name: /取\s?消/ }).click();

    await page.getByLabel('核查年度').fill('2025');
    await page.getByTestId('hours-check').click();
    await modal.getByTestId('hours-summary').getByText('将为 4 人生成负面材料').waitFor();
    expect(await modal.getByText('尚未结束').count()).toBe(0);
    const rows = modal.locator('.ant-table-tbody tr.ant-table-row');
    const text = await rows.allInnerTexts();
    // In unit order, then roster order.
    expect(text.map((t) => t.split('\t').slice(1, 4).join(' '))).toEqual([
      '王建国 阿尔巴斯苏木 40 / 110',
      '乌云其其格 阿尔巴斯苏木 0 / 110',
      '张明 县委办公室 40 / 110',
      '刘海军 县委办公室 40 / 110',
    ]);
    expect(text.join('\n')).toContain('参训记录“乡村振兴专题讲座” 40 学时');
    expect(text.join('\n')).toContain('与培训班“2025年春季中青班”为同一班次，不重复计算');
    // The whole dialog, its list and its buttons are on screen at 1366×768.
    const title = await modal.getByText('2025年度学时核查 — 预览').boundingBox();
    const confirm = await modal.getByTestId('hours-confirm').boundingBox();
    expect(title!.y).toBeGreaterThanOrEqual(0);
    expect(confirm!.y + confirm!.height).toBeLessThanOrEqual(768);
    await settledScreenshot(page, 'hours-02-preview-2025');
    expect(await hoursEntries('王建国')).toEqual([]);
  });

  test('hours recorded after the preview: 确认生成 is refused and the fresh list shown; then it writes exactly that list', async () => {
    const modal = page.getByTestId('hours-preview');
    await app.must('entries.create', {
      input: {
        cadreId: ids['乌云其其格'],
        date: '2025-11-20',
        subItemCode: 'S2.1',
        channelCode: 'CH09',
        title: '干部网络学院专题班',
        content: '学时：120',
        polarity: 'neutral',
        standardCodes: [],
        listItemCode: null,
      },
    });
    await clickSettled(modal.getByTestId('hours-confirm'));
    await modal.getByText('预览之后培训记录、学时或干部名单已有变化', { exact: false }).waitFor();
    await modal.getByTestId('hours-summary').getByText('将为 3 人生成负面材料').waitFor();
    expect(await hoursEntries('王建国')).toEqual([]);
    await settledScreenshot(page, 'hours-02b-stale-preview-refreshed');
    await clickSettled(modal.getByTestId('hours-confirm'));
    await page.getByText('已为 3 人生成负面材料', { exact: false }).waitFor();
    for (const name of ['王建国', '张明', '刘海军']) expect(await hoursEntries(name), name).toHaveLength(1);
    for (const name of ['巴特尔', '李秀梅', '乌云其其格']) expect(await hoursEntries(name), name).toEqual([]);
    expect((await hoursEntries('王建国'))[0]!.content).toContain(
      '2025年度参训 40 学时，低于规定的 110 学时。计入：“乡村振兴专题讲座”40 学时',
    );
    const batches = page.getByTestId('hours-batches');
    await batches.getByText('3 条').waitFor();
    await batches.scrollIntoViewIfNeeded();
    await settledScreenshot(page, 'hours-03-batch-listed');
  });

  test('a generated entry shows 编辑 and 撤回 in the dossier', async () => {
    await page.getByRole('tab', { name: '干部档案' }).click();
    await clickSettled(page.getByTestId('cadre-picker'));
    await page.keyboard.type('王建国');
    await clickSettled(
      page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '王建国' }).first(),
    );
    const [entry] = await hoursEntries('王建国');
    const card = page.getByTestId(`entry-${entry!.id}`);
    // 编辑 asks for a reason, which the audit entry keeps.
    await card.getByRole('button', { name: /编\s?辑/ }).click();
    const form = page.getByTestId('entry-form');
    await form
      .getByTestId('entry-content')
      .fill('2025年度参训 40 学时，低于规定的 110 学时（另有外地调训学时待补证明）');
    await form.getByRole('button', { name: /保\s?存/ }).click();
    await form.getByText('请填写修改原因').waitFor();
    await form.getByTestId('entry-reason').fill('补充外地调训情况');
    await settledScreenshot(page, 'hours-04a-entry-edit-reason');
    // The card shows the entry the save answered: the dossier is not read again (a reload used to re-render the
    // cards while the user went on clicking).
    const reads: string[] = [];
    const onRequest = (r: Request) => {
      if ((r.postData() ?? '').includes('"dossier.get"')) reads.push(r.url());
    };
    page.on('request', onRequest);
    await form.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('材料已保存').waitFor();
    await card.getByText('另有外地调训学时待补证明', { exact: false }).waitFor();
    page.off('request', onRequest);
    expect(reads).toEqual([]);
    expect((await hoursEntries('王建国'))[0]).toMatchObject({
      content: '2025年度参训 40 学时，低于规定的 110 学时（另有外地调训学时待补证明）',
      version: 2,
    });
    const audit = await app.call('audit.list', { action: 'entries.update', page: 1, pageSize: 20 });
    expect(audit.rows[0]!.detail).toContain('补充外地调训情况');
    // The saved version is the one on the card: 撤回 right away withdraws it (no conflict with a stale version).
    await card.getByRole('button', { name: /撤\s?回/ }).click();
    const reason = page.getByTestId('reason-modal');
    const withdraw = reason.getByRole('button', { name: /撤\s?回/ });
    await withdraw.waitFor();
    await animationsDone(page);
    await withdraw.click();
    await reason.getByText('请填写撤回原因').waitFor();
    await reason.getByLabel('撤回原因').fill('已补录外地调训学时');
    await settledScreenshot(page, 'hours-04-entry-withdraw-reason');
    await reason.getByRole('button', { name: /撤\s?回/ }).click();
    await page.getByText('材料已撤回').waitFor();
    expect(await hoursEntries('王建国')).toEqual([]);
  });

  test('撤回本批 asks for a reason and removes exactly the batch’s entries', async () => {
    await page.getByRole('tab', { name: '教育培训' }).click();
    const batches = page.getByTestId('hours-batches');
    await batches.getByText('2 条').waitFor();
    await batches.getByRole('button', { name: /撤回本批/ }).click();
    const reason = page.getByTestId('reason-modal');
    await reason.getByLabel('撤回原因').fill('学时未录全，年底重新核查');
    await settledScreenshot(page, 'hours-05-batch-withdraw');
    await reason.getByRole('button', { name: /撤回本批/ }).click();
    await page.getByText('已撤回 2 条材料').waitFor();
    await expect.poll(() => page.getByTestId('hours-batches').count()).toBe(0);
    for (const name of NAMES) expect(await hoursEntries(name), name).toEqual([]);
    // The S2.1 records themselves stay.
    expect(
      (await app.must<Dossier>('dossier.get', { cadreId: ids['王建国'] })).entries.map((e) => e.subItem.code),
    ).toEqual(['S2.1']);
    await settledScreenshot(page, 'hours-06-after-withdraw');
  });
});
