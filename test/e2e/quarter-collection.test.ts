// End to end at 1366×768: 季度采集 that means something — a unit's gaps brought into view, a whole unit's S5 gaps
// checked as “本季度无此类材料”, one taken back, the administrator's required sections, and the numbers refreshed
// when entries are added elsewhere.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from './harness/app';
import { screenshot } from './harness/browser';
import { cadreInput } from '../helpers/roster';
import { entryForm } from '../helpers/dossier';
import { clickSettled } from './harness/settled-click';

let app: TestApp;
let page: Page;
const ids: Record<string, number> = {};

const gapsOf = async (quarter: string) =>
  (await app.must<{ gaps: { name: string; missing: string[] }[] }>('dossier.completeness', { quarter })).gaps.map(
    (g) => [g.name, g.missing],
  );

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-collection-');
  const sumu = await app.must<{ id: number }>('units.save', { name: '阿尔巴斯苏木', categoryCode: 'C1', sort: 1 });
  const town = await app.must<{ id: number }>('units.save', { name: '乌兰镇', categoryCode: 'C1', sort: 2 });
  for (const [name, unit] of [
    ['巴特尔', sumu],
    ['李秀梅', sumu],
    ['王建国', town],
  ] as const) {
    ids[name] = (
      await app.must<{ id: number }>('cadres.create', { input: cadreInput(unit.id, { name, idNumber: '' }) })
    ).id;
  }
  // 巴特尔 and 李秀梅 have material in S1–S4 this quarter; nobody has 表彰奖励 (S5) or 负面信息 (S6).
  for (const name of ['巴特尔', '李秀梅']) {
    for (const sub of ['S1.1', 'S2.3', 'S3.1', 'S4.1']) {
      await app.must('entries.create', {
        input: {
          cadreId: ids[name],
          ...entryForm({
            subItemCode: sub,
            date: '2025-08-14',
            title: `${name}${sub}`,
            listItemCode: null,
            standardCodes: [],
            polarity: 'neutral',
          }),
        },
      });
    }
  }
  page = await app.openPage();
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  await app?.close();
});

describe('季度采集', () => {
  test('a unit’s gaps are brought into view; its S5 gaps are checked as “本季度无此类材料” at once, and one is taken back', async () => {
    await page.locator('.ant-menu-item', { hasText: '政治素质档案' }).click();
    await page.getByRole('tab', { name: '季度采集' }).click();
    const panel = page.getByTestId('completeness');
    await panel.locator('.ant-select').first().click();
    await clickSettled(
      page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2025年第三季度' }),
    );
    await expect.poll(() => panel.getByTestId('gaps').innerText()).toContain('王建国');

    await panel.locator('[data-testid^="unit-row-"]', { hasText: '阿尔巴斯苏木' }).click();
    await expect.poll(() => panel.getByTestId('gaps').locator('tbody tr').count()).toBe(2);
    // The filtered list is scrolled into the window.
    await expect
      .poll(() => panel.getByText('缺项名单（2 人，阿尔巴斯苏木）').evaluate((el) => el.getBoundingClientRect().top))
      .toBeLessThan(600);

    await panel.getByTestId('bulk-section').click();
    await clickSettled(
      page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'S5 表彰奖励' }),
    );
    await panel.getByTestId('bulk-attest').click();
    const dialog = page.getByTestId('attest-dialog');
    await expect.poll(() => page.getByTestId('attest-names').innerText()).toBe('巴特尔、李秀梅');
    await page.getByTestId('attest-note').fill('经苏木党委核查，本季度无表彰');
    await screenshot(page, '70-collection-attest');
    await page.getByRole('button', { name: /确认记录/ }).click();
    await page.getByText('已记录 2 人').waitFor();
    await expect.poll(() => panel.getByTestId('attestations').innerText()).toContain('经苏木党委核查，本季度无表彰');
    expect(await gapsOf('2025Q3')).toEqual([
      ['巴特尔', ['S6']],
      ['李秀梅', ['S6']],
      ['王建国', ['S1', 'S2', 'S3', 'S4', 'S5', 'S6']],
    ]);
    expect(await dialog.count()).toBe(0);

    // One cadre's gap from its tag, then taken back.
    await panel.getByTestId(`gap-${ids['巴特尔']}-S6`).click();
    await page.getByRole('button', { name: /确认记录/ }).click();
    await expect.poll(async () => (await gapsOf('2025Q3'))[0]).toEqual(['李秀梅', ['S6']]);
    await screenshot(page, '71-collection-attested');
    await panel.getByTestId(`withdraw-${ids['巴特尔']}-S6`).click();
    await page
      .getByRole('button', { name: /撤\s?销/ })
      .last()
      .click();
    await expect.poll(async () => (await gapsOf('2025Q3'))[0]).toEqual(['巴特尔', ['S6']]);
  });

  test('the administrator requires only S1–S4 this quarter; an entry added elsewhere shows when the tab is shown again', async () => {
    const panel = page.getByTestId('completeness');
    await panel.getByRole('button', { name: '显示全部单位' }).click();
    await panel.getByTestId('choose-sections').click();
    const dialog = page.getByTestId('required-sections-dialog');
    for (const name of ['S5 表彰奖励', 'S6 负面信息']) await dialog.getByText(name).click();
    await screenshot(page, '72-collection-required-sections');
    await page.getByRole('button', { name: /保\s?存/ }).click();
    await expect
      .poll(() => panel.getByTestId('required-text').innerText())
      .toBe('本季度必填：政治思想、教育培训、评价鉴定、考核整改');
    await expect.poll(async () => gapsOf('2025Q3')).toEqual([['王建国', ['S1', 'S2', 'S3', 'S4']]]);

    await app.must('entries.create', {
      input: {
        cadreId: ids['王建国'],
        ...entryForm({
          subItemCode: 'S1.1',
          date: '2025-09-01',
          listItemCode: null,
          standardCodes: [],
          polarity: 'neutral',
        }),
      },
    });
    await page.getByRole('tab', { name: '干部档案' }).click();
    await page.getByRole('tab', { name: '季度采集' }).click();
    await expect.poll(() => panel.getByTestId('gaps').innerText()).toContain('S2');
    expect(await panel.getByTestId('gaps').innerText()).not.toContain('S1 ');
    await screenshot(page, '73-collection-refreshed');
  });
});
