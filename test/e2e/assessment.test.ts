// End to end: an assessment over a small roster — create, enter one ballot of each kind through the forms (keyboard
// where the form is keyboard-first), see 正职 ranked by category and 副职 by unit, confirm a grade, archive, see the digest.
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CallInput, CallName } from '../../shared/ipc/contract';
import { minimalCadre } from '../helpers/roster';
import { startTestApp, type TestApp } from './harness/app';
import { CALL_PATH } from './harness/bridge-server';
import { animationsDone, chooseTab, screenshot, settledScreenshot as settledScreenshotOf } from './harness/browser';
import { clickSettled } from './harness/settled-click';

const NAME = '2025年度科级干部“双比双评”考核';

let app: TestApp;
let page: Page;
let seedUnit = 0;
let createCadre: (name: string) => Promise<unknown> = async () => undefined;

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-assessment-');
  // The roster is seeded through the same dispatcher the window uses: 3 正职 of 苏木镇 in three units, 2 副职 of
  // 乌兰镇, 1 正职 of 党群部门.
  const ok = <N extends CallName>(name: N, input: CallInput<N>) => app.call(name, input);
  const unit = async (name: string, categoryCode: string, sort: number) =>
    (await ok('units.save', { name, categoryCode, sort })).id;
  const wulan = await unit('乌兰镇', 'C1', 1);
  const qipan = await unit('棋盘井镇', 'C1', 2);
  const aerbas = await unit('阿尔巴斯苏木', 'C1', 3);
  const org = await unit('旗委组织部', 'C2', 1);
  for (const [unitId, name, position] of [
    [wulan, '阿古拉', 'chief'],
    [qipan, '巴特尔', 'chief'],
    [aerbas, '朝鲁', 'chief'],
    [wulan, '德力格尔', 'deputy'],
    [wulan, '额尔敦', 'deputy'],
    [org, '冯建国', 'chief'],
  ] as const) {
    const cadre = await ok('cadres.create', { input: minimalCadre(unitId, { name, position }) });
    // A dossier entry of the assessment year matching the veto item N1: the 一票否决 tab proposes it.
    if (name === '冯建国') {
      await ok('entries.create', {
        input: {
          cadreId: cadre.id,
          date: '2025-05-10',
          subItemCode: 'S6.5',
          channelCode: 'CH10',
          title: '违反政治纪律受到党纪处分',
          content: '',
          polarity: 'negative',
          standardCodes: ['D5.1'],
          listItemCode: 'N1',
        },
      });
    }
  }
  seedUnit = qipan;
  createCadre = (name) => ok('cadres.create', { input: minimalCadre(seedUnit, { name, position: 'deputy' }) });
  page = await app.openPage();
});

afterAll(async () => {
  await app?.close();
});

const menu = (label: string) => page.locator('.ant-menu-item', { hasText: label }).click();
const dialog = () => page.getByRole('dialog').last();
/** The input of a field marked with a test id (the id may sit on the input or on its wrapper). */
const input = (testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
const tab = (name: string) => chooseTab(page, name);

/** Chooses an option of a select and waits until the select shows it (a click during the dropdown's animation can miss). */
async function pickOption(trigger: ReturnType<Page['getByTestId']>, text: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await trigger.click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first();
    await clickSettled(option);
    try {
      await expect.poll(() => trigger.innerText(), { timeout: 3_000 }).toContain(text);
      return;
    } catch {
      // try again
    }
  }
  expect(await trigger.innerText()).toContain(text);
}

/** A screenshot once toasts, spinners and fade-ins are gone, so the picture shows the settled screen. */
const settledScreenshot = (name: string) => settledScreenshotOf(page, name);

async function confirmDialog(button: string | RegExp) {
  const confirm = page.locator('.ant-modal-confirm-confirm');
  await confirm.waitFor();
  // Let the opening animation finish: a click during it can land before the button is live.
  await clickSettled(confirm.getByRole('button', { name: button }));
  await confirm.waitFor({ state: 'detached', timeout: 20_000 });
}

describe('assessment', () => {
  test('create an assessment over 苏木镇 and 党群部门: the members are snapshotted', async () => {
    await menu('考核测评');
    await page.getByText('暂无考核').waitFor();
    // The empty list offers 操作指引: the year's steps in order, each leading to its page.
    await page.getByTestId('empty-help').click();
    const help = page.getByTestId('help-drawer');
    await expect
      .poll(() => help.innerText())
      .toMatch(/建单位[\s\S]*导名册[\s\S]*季度采集[\s\S]*建考核[\s\S]*录票[\s\S]*汇总[\s\S]*审议材料/);
    await animationsDone(page); // the drawer slides in
    await screenshot(page, 'assessment-help');
    await page.getByTestId('help-go-建单位').click();
    await page.locator('.ant-menu-item-selected', { hasText: '单位管理' }).waitFor();
    await menu('考核测评');
    await page.getByText('暂无考核').waitFor();
    await page.getByRole('button', { name: /新建考核/ }).click();
    // In December the assessed year is this one; earlier in the year, last year's.
    const now = new Date();
    const assessedYear = now.getMonth() === 11 ? now.getFullYear() : now.getFullYear() - 1;
    await expect(dialog().getByLabel('考核年度').inputValue()).resolves.toBe(String(assessedYear));
    // 全选 ticks every category, and clears them again.
    await clickSettled(dialog().getByTestId('categories-all'));
    await expect
      .poll(() => dialog().locator('.ant-checkbox-group .ant-checkbox-wrapper-checked').count())
      .toBeGreaterThan(2);
    await clickSettled(dialog().getByTestId('categories-all'));
    await expect.poll(() => dialog().locator('.ant-checkbox-group .ant-checkbox-wrapper-checked').count()).toBe(0);
    await dialog().getByLabel('考核名称').fill(NAME);
    await dialog().getByLabel('考核年度').fill('2025');
    await dialog().getByLabel('苏木镇（街道）').check();
    await dialog().getByLabel('党群部门').check();
    await clickSettled(dialog().getByRole('button', { name: /新\s?建/ }));
    await page.getByTestId('assessment-title').filter({ hasText: NAME }).waitFor();
    await expect(page.getByTestId('state-tag').innerText()).resolves.toBe('准备');
    await page.getByText('2025 年度 · 成员 6 人').waitFor();
    await page.getByText('苏木镇（街道）（3 人）').waitFor();
    await page.getByText('乌兰镇（2 人）').waitFor();
  });

  test('开始测评 after a confirmation', async () => {
    await page.getByRole('button', { name: '开始测评' }).click();
    await confirmDialog('开始测评');
    await expect.poll(() => page.getByTestId('state-tag').innerText(), { timeout: 20_000 }).toBe('测评中');
    // A roster change now is named on the members tab, and the frozen snapshot stays as it was.
    await createCadre('新调入干部');
    await tab('配置');
    await tab('成员');
    await expect(page.getByTestId('roster-drift').innerText()).resolves.toContain(
      '“新调入干部”（棋盘井镇）新进入考核范围',
    );
    await expect(page.getByTestId('roster-drift').innerText()).resolves.toContain(
      '本次考核按冻结的成员名单进行，不受影响',
    );
    await page.getByText('2025 年度 · 成员 6 人').waitFor();
  });

  test('上级排名: typed places refuse an incomplete order, then save; a deputy order is arranged with the arrows', async () => {
    await tab('上级排名');
    // Each save reloads the 上级排名 list only, never every ballot (issue 19 §4): the page's ballots.list calls seen.
    const lists: unknown[] = [];
    const seen = (r: Request) => {
      if (!r.url().endsWith(CALL_PATH)) return;
      const body = r.postDataJSON() as { name?: unknown; input?: unknown };
      if (body.name === 'ballots.list') lists.push(body.input);
    };
    page.on('request', seen);
    await input('superior-rater').fill('旗委书记');
    // Keyboard: type the places one after another, Tab moves to the next cadre.
    await input('place-阿古拉').click();
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1');
    await page.getByTestId('superior-save').click();
    await expect(page.getByTestId('superior-problem').innerText()).resolves.toContain('名次不完整：“朝鲁”未填写名次');
    await input('place-朝鲁').fill('3');
    await page.getByTestId('superior-save').click();
    await page.getByRole('cell', { name: /1\.巴特尔\s+2\.阿古拉\s+3\.朝鲁/ }).waitFor();

    await pickOption(page.getByTestId('superior-group'), '副职·乌兰镇');
    await page
      .getByRole('row', { name: /额尔敦/ })
      .getByRole('button', { name: '上移' })
      .click();
    await page.getByTestId('superior-save').click();
    await page.getByRole('cell', { name: /1\.额尔敦\s+2\.德力格尔/ }).waitFor();
    page.off('request', seen);
    await settledScreenshot('assessment-01b-superior-saved');
    const reload = { assessmentId: expect.any(Number), parts: ['superior'] };
    expect(lists).toEqual([reload, reload]);
  });

  test('同级互评: the rater is not a target; Enter moves cell to cell; totals are live', async () => {
    await tab('同级互评');
    await pickOption(page.getByTestId('peer-rater'), '阿古拉');
    await input('peer-巴特尔-zz1').waitFor();
    await expect(page.locator('[data-testid^="peer-阿古拉-"]').count()).resolves.toBe(0);
    await input('peer-巴特尔-zz1').click();
    for (const score of ['90', '90', '80', '70', '70', '70']) {
      await page.keyboard.type(score);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.getByTestId('peer-total-巴特尔').innerText()).toBe('87.00');
    await expect.poll(() => page.getByTestId('peer-total-朝鲁').innerText()).toBe('70.00');
    await settledScreenshot('assessment-02-peer-form');
    await page.getByTestId('peer-save').click();
    await page.getByText('已录入的互评（2）').waitFor();
  });

  test('职工测评 counts and a 服务对象 score', async () => {
    await tab('职工测评');
    // One group's tally sheet at a time: the group filter shows only its members.
    const all = await page.locator('[data-testid^="staff-"][data-testid$="-excellent"]').count();
    await pickOption(page.getByTestId('staff-group'), '副职·乌兰镇');
    await expect.poll(() => page.locator('[data-testid^="staff-"][data-testid$="-excellent"]').count()).toBe(2);
    await page.getByTestId('staff-group').locator('.ant-select-clear').click();
    await expect.poll(() => page.locator('[data-testid^="staff-"][data-testid$="-excellent"]').count()).toBe(all);
    await input('staff-阿古拉-excellent').fill('3');
    await input('staff-阿古拉-good').fill('1');
    await page.getByTestId('staff-save').click();
    await page.getByText('4 票 / 96.25').waitFor();

    await tab('服务对象');
    await pickOption(page.getByTestId('service-target'), '阿古拉');
    await input('service-score').fill('92');
    await page.keyboard.press('Enter');
    await input('service-score').fill('88');
    await page.keyboard.press('Enter');
    await page.getByTestId('service-save').click();
    await page.getByRole('cell', { name: '92、88' }).waitFor();
  });

  test('一票否决: a dossier entry of the year with a veto item is proposed; 采纳 adds the veto, its 来源 the entry', async () => {
    await tab('一票否决');
    const proposals = page.getByTestId('veto-proposals');
    await proposals.getByText('违反政治纪律受到党纪处分').waitFor();
    await proposals.getByRole('button', { name: /采\s?纳/ }).click();
    await proposals.getByText('已否决').waitFor();
    await page
      .getByRole('cell', { name: '档案材料“违反政治纪律受到党纪处分”（2025-05-10，N1 违反政治纪律和政治规矩）' })
      .waitFor();
    // 来源 names the dossier entry the veto was adopted from, not 手工录入.
    await page.getByRole('cell', { name: '档案材料：违反政治纪律受到党纪处分（2025-05-10）' }).waitFor();
    await settledScreenshot('assessment-08-vetoes');
  });

  test('汇总: 正职 ranked by category, 副职 by unit', async () => {
    await page.getByRole('button', { name: /^汇\s?总$/ }).click();
    await confirmDialog(/汇\s?总/);
    await expect.poll(() => page.getByTestId('state-tag').innerText(), { timeout: 20_000 }).toBe('已汇总');
    await tab('排名结果');
    const c1 = page.getByTestId('ranking-group-正职·苏木镇（街道）');
    await c1.waitFor();
    await page.getByTestId('ranking-group-正职·党群部门').waitFor();
    const names = await c1.locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts();
    expect(names).toEqual(['巴特尔', '阿古拉', '朝鲁']);
    await c1.getByText('缺少服务对象评分').first().waitFor();
    await settledScreenshot('assessment-03-rankings-chief');
    await page.getByRole('tab', { name: /副职/ }).click();
    const wulan = page.getByTestId('ranking-group-副职·乌兰镇');
    await wulan.waitFor();
    expect(await wulan.locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts()).toEqual([
      '额尔敦',
      '德力格尔',
    ]);
    await settledScreenshot('assessment-04-rankings-deputy');
  });

  test('confirm a grade: an override without a reason is refused, with one it is kept', async () => {
    // The refusal is the form's own message, not an unhandled rejection in the window (harness/no-page-errors.ts).
    await page.getByRole('tab', { name: /正职/ }).click();
    await page.getByTestId('confirm-朝鲁').click();
    await dialog()
      .getByText(/最终得分 .*建议等次/)
      .waitFor();
    await animationsDone(page); // the dialog's opening animation
    await pickOption(page.getByTestId('confirm-grade'), '基本称职');
    await clickSettled(dialog().getByRole('button', { name: /确\s?认/ }));
    await dialog().getByText('改变建议等次须填写调整理由').waitFor();
    await dialog().getByLabel('调整理由').fill('服务对象评价缺失，经研究调整');
    await clickSettled(dialog().getByRole('button', { name: /确\s?认/ }));
    await page.getByText('基本称职（调整）').waitFor();
  });

  test('charts show the component breakdown; the what-if panel moves places without saving', async () => {
    await page.getByRole('tab', { name: '图表' }).click();
    await page.getByTestId('ranking-charts').locator('.recharts-bar-rectangle').first().waitFor();
    await settledScreenshot('assessment-06-charts');
    await page.getByRole('tab', { name: '权重模拟' }).click();
    for (const [c, v] of [
      ['staff', '1'],
      ['superior', '0'],
      ['peer', '0'],
      ['service', '0'],
    ] as const) {
      await input(`whatif-chief-${c}`).fill(v);
    }
    await expect.poll(() => page.getByTestId('move-阿古拉').innerText(), { timeout: 20_000 }).toContain('1');
    await expect(page.getByTestId('move-阿古拉').locator('.anticon-arrow-up').count()).resolves.toBe(1);
    await settledScreenshot('assessment-07-what-if');
    await page.getByRole('tab', { name: /正职/ }).click();
    // Nothing was saved: the stored ranking is unchanged.
    const names = await page
      .getByTestId('ranking-group-正职·苏木镇（街道）')
      .locator('tbody tr.ant-table-row td:nth-child(2)')
      .allInnerTexts();
    expect(names).toEqual(['巴特尔', '阿古拉', '朝鲁']);
  });

  test('归档 shows the digest; the assessment is read-only afterwards', async () => {
    await page.getByRole('button', { name: /^归\s?档$/ }).click();
    await confirmDialog(/归\s?档/);
    const digest = await page.getByTestId('archive-digest-dialog').innerText();
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    await clickSettled(page.locator('.ant-modal-confirm-success').getByRole('button', { name: '知道了' }));
    await expect.poll(() => page.getByTestId('state-tag').innerText(), { timeout: 20_000 }).toBe('已归档');
    await expect(page.getByTestId('archive-digest').innerText()).resolves.toContain(digest);
    await settledScreenshot('assessment-05-archived');
    await tab('上级排名');
    await page.getByText('当前为“已归档”状态，只有“测评中”才能录入或修改测评票。').waitFor();
    await expect(page.getByTestId('superior-save').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '返回列表' }).click();
    await page.getByRole('cell', { name: NAME }).waitFor();
    await settledScreenshot('assessment-01-list');
  });
});
