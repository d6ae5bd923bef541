// End to end at 1366 px: the 加减分 tab proposes the dossier's P/N entries of the year and its picker finds a cadre by
// pinyin initials; the rankings confirm every suggested grade in one step, leaving a cadre confirmed otherwise alone
// and naming him; the what-if shows the simulated 建议等次 and 恢复原权重; chart legends read in stack order.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AssessmentDetail, RankingsView } from '../../shared/assessment/types';
import { createC1, enterWorkedExample, seedRoster, startCollecting, type SmallRoster } from '../helpers/assessment';
import { entryForm } from '../helpers/dossier';
import type { TestHost } from '../helpers/host';
import { openApp, settledScreenshot, animationsDone, chooseTab } from './harness/browser';
import { startTestApp, type TestApp } from './harness/app';
import { clickSettled } from './harness/settled-click';

const NAME = '2025年度科级干部“双比双评”考核';

let app: TestApp;
let page: Page;
let roster: SmallRoster;
let assessmentId = 0;
let entryId = 0;

const must = <T>(name: string, input: unknown): Promise<T> => app.must<T>(name, input);
const tab = (name: string) => chooseTab(page, name);

async function openAssessment() {
  await page.locator('.ant-menu-item', { hasText: '考核测评' }).click();
  await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
}

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-fewer-clicks-');
  const h = { ok: must } as unknown as TestHost;
  roster = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h, NAME));
  assessmentId = a.id;
  await enterWorkedExample(h, a.id, roster);
  await must('ballots.saveStaff', {
    assessmentId: a.id,
    counts: [
      { targetId: roster.d, excellent: 2, good: 0, fair: 0, poor: 0 },
      { targetId: roster.e, excellent: 0, good: 0, fair: 2, poor: 0 },
    ],
  });
  // A 正面清单 entry of the year (P3, +3) in 阿古拉's dossier.
  entryId = (
    await must<{ id: number }>('entries.create', {
      input: { cadreId: roster.a, ...entryForm({ date: '2025-08-14', title: '中青班优秀学员' }) },
    })
  ).id;
  page = await openApp(await app.launch(), app.bridge.url);
  await page.getByText('干部名册').first().waitFor();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('fewer clicks in an assessment', () => {
  test('加减分: the dossier entry is proposed with its points and adopted in one click; the picker finds “agl”', async () => {
    await openAssessment();
    await tab('加减分');
    const proposals = page.getByTestId('adjustment-proposals');
    await expect.poll(() => proposals.innerText()).toContain('中青班优秀学员');
    expect(await proposals.innerText()).toContain('+3');
    expect(await page.getByText('关联档案条目的加减分将在干部档案功能上线后提供').count()).toBe(0);
    await page.getByTestId(`proposal-adopt-${entryId}`).click();
    await expect.poll(() => proposals.innerText()).toContain('已计入');
    const list = await must<{ adjustments: { targetId: number; points: number; dossierEntryId: number | null }[] }>(
      'ballots.list',
      { assessmentId },
    );
    expect(list.adjustments).toContainEqual(
      expect.objectContaining({ targetId: roster.a, points: 3, dossierEntryId: entryId }),
    );

    await page.getByTestId('adjustment-target').click();
    await page.keyboard.type('agl');
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await expect.poll(() => options.allInnerTexts()).toEqual(['阿古拉（乌兰镇）']);
    await settledScreenshot(page, 'fewer-clicks-adjustments');
    await page.keyboard.press('Escape');
  });

  test('按建议等次确认 for all: the dialog counts per grade and names the cadre confirmed otherwise, who is kept', async () => {
    const a = await must<AssessmentDetail>('assessments.get', { id: assessmentId });
    await must('assessments.setState', { id: assessmentId, version: a.version, state: 'summarized' });
    await must('grades.confirm', { assessmentId, cadreId: roster.c, grade: 'basicallyCompetent', reason: '综合研判' });
    await page.reload();
    await openAssessment();
    await tab('排名结果');
    await page.getByTestId('batch-confirm-all').click();
    const dialog = page.getByTestId('batch-confirm');
    const text = await dialog.innerText();
    expect(text).toMatch(/将按建议等次确认 4 人：/);
    expect(text).toContain('以下 1 人不会改变，请逐人确认');
    expect(text).toContain('朝鲁：已确认为“基本称职”（建议等次“称职”），保持不变');
    await animationsDone(page); // the modal's fade-in
    await settledScreenshot(page, 'fewer-clicks-batch-confirm');
    await clickSettled(page.getByTestId('batch-confirm-ok'));
    await expect.poll(() => page.getByTestId('batch-confirm-all').innerText()).toContain('等次已全部确认');
    const view = await must<RankingsView>('rankings.get', { assessmentId });
    expect(view.confirmations).toHaveLength(5);
    expect(view.confirmations.find((c) => c.cadreId === roster.c)).toMatchObject({
      grade: 'basicallyCompetent',
      reason: '综合研判',
    });
    expect(await page.getByTestId('ranking-group-正职·苏木镇（街道）').getByText('未确认').count()).toBe(0);
    await settledScreenshot(page, 'fewer-clicks-rankings-confirmed');
  });

  test('权重模拟: the simulated 建议等次 beside the simulated place; 恢复原权重 puts the weights back', async () => {
    await tab('权重模拟');
    const panel = page.getByTestId('what-if');
    await expect.poll(() => panel.locator('th', { hasText: '模拟等次' }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('whatif-grade-阿古拉').count()).toBe(1);
    const reset = page.getByTestId('whatif-reset');
    expect(await reset.isDisabled()).toBe(true);
    const input = page
      .locator('input[data-testid="whatif-chief-superior"], [data-testid="whatif-chief-superior"] input')
      .first();
    const original = await input.inputValue();
    await input.fill('0.9');
    await expect.poll(() => reset.isDisabled()).toBe(false);
    await settledScreenshot(page, 'fewer-clicks-whatif');
    await reset.click();
    await expect.poll(() => input.inputValue()).toBe(original);
    expect(await reset.isDisabled()).toBe(true);
  });

  test('图表: each group chart’s legend lists the components from the top of the stack down', async () => {
    await tab('图表');
    const charts = page.getByTestId('ranking-charts');
    const legends = charts.locator('.recharts-legend-wrapper');
    await expect.poll(() => legends.count()).toBeGreaterThan(1);
    // The first legend is the score distribution's (正职 then 副职, as drawn).
    expect(await legends.nth(0).locator('.recharts-legend-item-text').allInnerTexts()).toEqual(['正职', '副职']);
    expect(await legends.nth(1).locator('.recharts-legend-item-text').allInnerTexts()).toEqual([
      '服务对象',
      '职工测评',
      '同级互评',
      '上级排名',
    ]);
    await settledScreenshot(page, 'fewer-clicks-charts');
  });
});
