// End to end: a cadre's 政治画像 inside the dossier — the radar and indices, a negative entry moving them, the
// holistic evaluation with its history, and confirming a different grade (refused without 理由, then with it).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from './harness/app';
import { screenshot } from './harness/browser';
import { cadreInput } from '../helpers/roster';
import type { PortraitView } from '../../shared/portrait/view';
import { clickSettled } from './harness/settled-click';

let app: TestApp;
let page: Page;
let cadreId = 0;
let positiveId = 0;

const must = <T>(name: string, input: unknown): Promise<T> => app.must<T>(name, input);

/** A date `days` before today (local), inside the portrait's default 3-year window. */
function daysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-portrait-');
  const unit = await must<{ id: number }>('units.save', { name: '阿尔巴斯苏木', categoryCode: 'C1', sort: 1 });
  cadreId = (
    await must<{ id: number }>('cadres.create', { input: cadreInput(unit.id, { name: '巴特尔', idNumber: '' }) })
  ).id;
  positiveId = (
    await must<{ id: number }>('entries.create', {
      input: {
        cadreId,
        date: daysAgo(100),
        subItemCode: 'S2.2',
        channelCode: 'CH09',
        title: '春季中青班优秀学员',
        content: '在县委党校中青年干部培训班学习期间表现突出，被评为优秀学员。',
        polarity: 'positive',
        standardCodes: ['D2.1', 'D4.2'],
        listItemCode: 'P3',
      },
    })
  ).id;
  page = await app.openPage();
});

afterAll(async () => {
  await app?.close();
});

/** Waits until the success toasts have gone, so screenshots show the page itself. */
const toastsGone = () => expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
const dialog = () => page.getByRole('dialog').last();
const portrait = () => must<PortraitView>('portrait.get', { cadreId });
const indexOf = (code: string) => page.getByTestId(`portrait-index-${code}`).innerText();
const showPortrait = () => page.getByTestId('dossier-mode').getByText('政治画像').click();

async function choose(
  scope: ReturnType<Page['locator']> | Page,
  testId: string,
  search: string,
  option: string | RegExp,
) {
  await scope.getByTestId(testId).click();
  await page.keyboard.type(search);
  await clickSettled(page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first());
}

describe('political portrait', () => {
  test('the dossier shows the portrait: indices, overall, counts and the computed grade; an entry link opens the entry', async () => {
    await page.getByText('巴特尔').first().click();
    await page.getByTestId('open-dossier').click();
    await page.getByText('春季中青班优秀学员').first().waitFor();
    await showPortrait();
    await page.getByTestId('portrait-radar').waitFor();
    expect(await Promise.all(['D1', 'D2', 'D3', 'D4', 'D5'].map(indexOf))).toEqual(['80', '83', '80', '83', '80']);
    expect(await page.getByTestId('portrait-overall').innerText()).toBe('81.2');
    expect(await page.getByTestId('grade-computed').innerText()).toBe('较好');
    expect(await page.getByTestId('portrait-count-positive').innerText()).toBe('1');
    expect(await page.getByTestId('portrait-count-negative').innerText()).toBe('0');
    expect(await page.getByTestId('portrait-radar').getAttribute('aria-label')).toContain('政治能力 83');
    // The count opens the entries behind it; the title opens the entry in the dossier.
    await page.getByTestId('portrait-count-positive').click();
    await clickSettled(dialog().getByText('春季中青班优秀学员'));
    await page.getByTestId(`entry-${positiveId}`).waitFor();
    await expect
      .poll(() => page.getByTestId(`entry-${positiveId}`).evaluate((el) => (el as HTMLElement).style.outline))
      .toContain('solid');
  });

  test('a negative entry matching N4 lowers 政治自律 and brings the suggested handling', async () => {
    await page.getByRole('button', { name: /新增材料/ }).click();
    const form = dialog();
    await form.getByTestId('entry-date').fill(daysAgo(10));
    await choose(form, 'entry-subitem', 'S6.1', 'S6.1');
    await choose(form, 'entry-channel', '纪检', '纪检监察');
    await form.getByTestId('entry-title').fill('工作作风提醒谈话');
    await form.getByTestId('entry-content').fill('因落实整改不及时被提醒谈话。');
    await form.getByText('负面', { exact: true }).click();
    await choose(form, 'entry-standards', 'D5.1', 'D5.1');
    await page.keyboard.press('Escape');
    await choose(form, 'entry-listitem', '', 'N4');
    await form.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('材料已添加').waitFor();
    await showPortrait();
    await expect.poll(() => indexOf('D5')).toBe('74');
    expect(await Promise.all(['D1', 'D2', 'D3', 'D4', 'D5'].map(indexOf))).toEqual(['80', '83', '80', '83', '74']);
    expect(await page.getByTestId('portrait-overall').innerText()).toBe('80');
    expect(await page.getByTestId('portrait-count-negative').innerText()).toBe('1');
    expect(await page.getByTestId('portrait-radar').getAttribute('aria-label')).toContain('政治自律 74');
    await page.getByTestId('portrait-dimension-D5').click();
    await page.getByTestId('portrait-summary').getByText('工作作风提醒谈话').waitFor();
    await page.getByTestId('portrait-summary').getByText('-6', { exact: true }).waitFor();
    await page.getByTestId('portrait-summary').getByText('廉政教育').waitFor();
    expect((await portrait()).result.dimensions.map((d) => d.index)).toEqual([80, 83, 80, 83, 74]);
  });

  test('the holistic evaluation is written, rewritten, and the older version kept in the history', async () => {
    const box = page.getByTestId('portrait-evaluation');
    await box.getByTestId('evaluation-abilities').fill('善于统筹协调，群众工作能力强');
    await box.getByTestId('evaluation-weaknesses').fill('有时急于求成');
    await box.getByTestId('evaluation-familiarFields').fill('基层党建、乡村振兴');
    await box.getByTestId('evaluation-save').click();
    await page.getByText('综合评价已保存').first().waitFor();
    await expect.poll(() => box.getByTestId('evaluation-current').innerText()).toContain('王管理员');
    await box.getByTestId('evaluation-weaknesses').fill('有时急于求成，耐心不足');
    await box.getByTestId('evaluation-save').click();
    await box.getByText('历史版本（1）').click();
    await box
      .getByTestId('evaluation-history')
      .getByText(/王管理员 · \d{4}-/)
      .click();
    await box.getByTestId('evaluation-history').getByText('有时急于求成', { exact: true }).waitFor();
    const p = await portrait();
    expect(p.evaluations.map((e) => e.weaknesses)).toEqual(['有时急于求成，耐心不足', '有时急于求成']);
  });

  test('confirming a different grade without 理由 is refused with a message; with it, both grades are shown', async () => {
    const box = page.getByTestId('portrait-confirm');
    await choose(box, 'confirm-grade', '', /^好$/);
    await box.getByTestId('confirm-save').click();
    await box.getByText('确认等次“好”与计算等次“较好”不同，请填写理由').waitFor();
    expect((await portrait()).confirmation).toBeNull();
    await toastsGone();
    await screenshot(page, '45-portrait-confirm-refused');
    await box.getByTestId('confirm-reason').fill('提醒谈话后整改到位，年度考核优秀');
    await box.getByTestId('confirm-save').click();
    await page.getByText('评价等次已确认').waitFor();
    await box.getByTestId('grade-confirmed').getByText('理由：提醒谈话后整改到位，年度考核优秀').waitFor();
    expect(await box.getByTestId('grade-computed').innerText()).toBe('较好');
    expect((await portrait()).confirmation).toMatchObject({
      computedGrade: '较好',
      confirmedGrade: '好',
      reason: '提醒谈话后整改到位，年度考核优秀',
    });
    await toastsGone();
    await screenshot(page, '44-portrait');
  });
});
