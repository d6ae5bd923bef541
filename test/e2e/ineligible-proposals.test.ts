// End to end (issue 21 §1–2): the administrator pools the 优秀 quota, then on 不得评优 sees what the dossier proposes
// (冯建国's 诫勉, 阿古拉's 函询 found true), dismisses one and adopts the other. The rankings and the printed 排名表
// then carry each cadre's 评优资格 line: 冯建国 “本年度受诫勉，不得评为优秀”, 巴特尔 “符合评优条件”, 阿古拉 beyond
// the pooled quota, 朝鲁 under the 优秀 line.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SmallRoster } from '../helpers/assessment';
import { entryForm, type EntryForm } from '../helpers/dossier';
import { startTestApp, type TestApp } from './harness/app';
import { seedWorkedExample } from './harness/seed';
import { animationsDone, previewDrawn, SCREENSHOT_DIR, settledScreenshot, chooseTab } from './harness/browser';
import { pdfPages } from './harness/pdf';
import { clickSettled } from './harness/settled-click';

const NAME = '2025年度科级干部考核（评优资格）';

let app: TestApp;
let page: Page;
let r: SmallRoster;
const entries: { admonition: number; inquiry: number } = { admonition: 0, inquiry: 0 };

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-eligibility-');
  const seeded = await seedWorkedExample(app, NAME, ['C1', 'C2']);
  const assessmentId = seeded.assessmentId;
  r = seeded.roster;
  await app.must('ballots.saveSuperior', { assessmentId, raterLabel: 'L1', group: 'chief:C2', order: [r.f] });
  await app.must('ballots.saveStaff', {
    assessmentId,
    counts: [{ targetId: r.f, excellent: 0, good: 2, fair: 0, poor: 0 }],
  });
  const negative: Partial<EntryForm> = {
    channelCode: 'CH10',
    polarity: 'negative',
    standardCodes: ['D5.2'],
    listItemCode: 'N4',
  };
  const entry = (cadreId: number, over: Partial<EntryForm>) =>
    app.must<{ id: number }>('entries.create', { input: { cadreId, ...entryForm({ ...negative, ...over }) } });
  entries.admonition = (
    await entry(r.f, { subItemCode: 'S6.3', date: '2025-03-14', title: '诫勉谈话', content: '因履职不力受到诫勉。' })
  ).id;
  entries.inquiry = (
    await entry(r.a, { subItemCode: 'S6.2', date: '2025-05-20', title: '函询', content: '经核实，反映问题部分属实。' })
  ).id;
  page = await app.openPage();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const tab = (name: string) => chooseTab(page, name);
const dialog = () => page.getByRole('dialog').last();

describe('评优资格 with 不得评优 adopted from the dossier', () => {
  test('考核配置: 优秀比例 0.34, 正职、副职分别合并计算', async () => {
    await page.locator('.ant-menu-item', { hasText: '考核测评' }).click();
    await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
    await tab('配置');
    const scope = page.getByTestId('config-excellentQuotaScope');
    await scope.waitFor();
    const ratio = page
      .locator('input[data-testid="config-excellentRatio"], [data-testid="config-excellentRatio"] input')
      .first();
    await ratio.fill('0.34');
    await scope.getByText('正职、副职分别合并计算').click();
    await page.getByTestId('config-save').click();
    await page.getByText('考核配置已保存').waitFor();
  }, 60_000);

  test('不得评优: the dossier proposes 诫勉 and 函询属实 with their material; 忽略 one, 采纳 the other', async () => {
    await tab('不得评优');
    const card = page.getByTestId('ineligible-proposals');
    await expect.poll(() => card.innerText()).toContain('待处理 2 条');
    const text = await card.innerText();
    expect(text).toMatch(/阿古拉[\s\S]*函询问题属实[\s\S]*2025-05-20[\s\S]*函询[\s\S]*本年度函询反映问题属实/);
    expect(text).toMatch(/冯建国[\s\S]*诫勉[\s\S]*2025-03-14[\s\S]*诫勉谈话[\s\S]*本年度受诫勉/);
    await settledScreenshot(page, 'eligibility-01-proposals');

    await page.getByTestId(`ineligible-dismiss-${entries.inquiry}`).click();
    await page.getByTestId(`ineligible-restore-${entries.inquiry}`).waitFor();
    await page.getByTestId(`ineligible-adopt-${entries.admonition}`).click();
    await page.getByText('已将冯建国列入不得评优名单').waitFor();
    await expect
      .poll(() => page.getByTestId('ineligible-list').innerText())
      .toMatch(/冯建国[\s\S]*旗委组织部[\s\S]*本年度受诫勉[\s\S]*采纳自档案材料[\s\S]*王管理员/);
    await expect.poll(() => card.innerText()).toContain('待处理 0 条');
    expect(await card.innerText()).toMatch(/已忽略[\s\S]*已列入|已列入[\s\S]*已忽略/);
    await animationsDone(page);
    await settledScreenshot(page, 'eligibility-02-adopted');
  }, 60_000);

  test('排名结果: each cadre’s 评优资格 line on screen', async () => {
    await tab('排名结果');
    const line = (name: string) => page.getByTestId(`eligibility-${name}`).locator('span').first().innerText();
    await expect.poll(() => line('冯建国')).toBe('本年度受诫勉，不得评为优秀');
    expect(await line('巴特尔')).toBe('符合评优条件');
    expect(await line('阿古拉')).toBe('超出正职合并计算的优秀名额');
    expect(await line('朝鲁')).toBe('得分低于优秀分数线 85');
    const c1 = page.getByTestId('ranking-group-正职·苏木镇（街道）');
    await expect.poll(() => c1.locator('tbody tr.ant-table-row').first().innerText()).toMatch(/巴特尔[\s\S]*优秀/);
    await settledScreenshot(page, 'eligibility-03-rankings');
  }, 60_000);

  test('the printed 排名表 carries the same lines', async () => {
    await page.getByTestId('print-rankings').click();
    const preview = dialog().getByTestId('print-preview');
    await previewDrawn(preview);
    const printed = await preview.innerText();
    for (const s of [
      '评优资格',
      '本年度受诫勉，不得评为优秀',
      '符合评优条件',
      '超出正职合并计算的优秀名额',
      '得分低于优秀分数线 85',
    ])
      expect(printed, s).toContain(s);
    const at = (s: string) => printed.indexOf(s);
    // Each line in its cadre's row: 巴特尔 1st, 阿古拉 2nd, 朝鲁 3rd of C1, then 冯建国 in C2.
    expect(at('巴特尔')).toBeLessThan(at('符合评优条件'));
    expect(at('符合评优条件')).toBeLessThan(at('阿古拉'));
    expect(at('阿古拉')).toBeLessThan(at('超出正职合并计算的优秀名额'));
    expect(at('冯建国')).toBeLessThan(at('本年度受诫勉，不得评为优秀'));
    await animationsDone(page);
    await settledScreenshot(page, 'eligibility-04-print');
    // The page itself, as printed: saved as PDF and its first page rendered to PNG (looked at).
    const pdf = join(app.work, '排名表.pdf');
    app.dialogs.answerSave(pdf);
    await clickSettled(dialog().getByTestId('print-export'));
    await page.getByText(/已保存 排名表\.pdf/).waitFor({ timeout: 60_000 });
    const png = join(SCREENSHOT_DIR, 'eligibility-05-print-page');
    execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
    expect(existsSync(`${png}.png`)).toBe(true);
    // Extracted text breaks a cell's lines apart (and mixes in the next cells'): the one-line ones whole.
    const text = pdfPages(pdf).join('').replace(/\s+/g, '');
    for (const s of ['符合评优条件', '超出正职合并计算的优秀名额', '本年度受诫']) expect(text, s).toContain(s);
    await dialog().waitFor({ state: 'detached' });
  }, 90_000);
});
