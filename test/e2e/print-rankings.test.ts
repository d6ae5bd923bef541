// End to end: an archived assessment's 排名表 previewed from the rankings tab, printed as 2 copies into one PDF (the
// print view rendered in Chromium): every page carries its copy's 份号; the 正职 and 副职 group tables list the
// cadres in rank order; under the tables the 制表人/审核人/日期 lines and the result digest, which a not yet archived
// assessment's preview leaves out.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AssessmentDetail } from '../../shared/assessment/types';
import type { TestHost } from '../helpers/host';
import { createC1, enterWorkedExample, seedRoster, startCollecting } from '../helpers/assessment';
import type { ScriptedDialogs } from '../helpers/dialogs';
import { openApp, SCREENSHOT_DIR, previewDrawn, animationsDone, chooseTab } from './harness/browser';
import { pdfPages } from './harness/pdf';
import { startTestApp, type TestApp } from './harness/app';
import { clickSettled } from './harness/settled-click';

const NAME = '2025年度科级干部“双比双评”考核';
const OPEN_NAME = '2026年度科级干部“双比双评”考核';
const COMMENTS_NAME = '2024年度科级干部“双比双评”考核';

let app: TestApp;
let work: string;
let dialogs: ScriptedDialogs;
let page: Page;
let digest = '';

const must = <T>(name: string, input: unknown): Promise<T> => app.must<T>(name, input);

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-print-rankings-');
  ({ work, dialogs } = app);
  // The shared assessment helpers only call `ok`: the same calls go through this dispatcher.
  const h = { ok: must } as unknown as TestHost;
  const roster = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h, NAME));
  await enterWorkedExample(h, a.id, roster);
  // The 副职 of 乌兰镇 get 职工测评 votes too, so their table has two ranked rows.
  await must('ballots.saveStaff', {
    assessmentId: a.id,
    counts: [
      { targetId: roster.d, excellent: 2, good: 0, fair: 0, poor: 0 },
      { targetId: roster.e, excellent: 0, good: 0, fair: 2, poor: 0 },
    ],
  });
  const current = await must<AssessmentDetail>('assessments.get', { id: a.id });
  const summarized = await must<AssessmentDetail>('assessments.setState', {
    id: a.id,
    version: current.version,
    state: 'summarized',
  });
  await must('grades.confirm', { assessmentId: a.id, cadreId: roster.b, grade: 'competent', reason: '' });
  const latest = await must<AssessmentDetail>('assessments.get', { id: summarized.id });
  digest = (await must<{ digest: string }>('assessments.archive', { id: a.id, version: latest.version })).digest;
  // A second assessment still collecting, with no ballots yet: its tables have no digest.
  await startCollecting(h, await createC1(h, OPEN_NAME));
  // A third with 意见建议: 阿古拉 has 3 forms (2 staff, 1 service), 朝鲁 only 2, so theirs stay hidden.
  const c = await startCollecting(h, await createC1(h, COMMENTS_NAME));
  await enterWorkedExample(h, c.id, roster);
  await must('ballots.saveService', {
    assessmentId: c.id,
    targetId: roster.a,
    scores: [90],
    comments: ['作风扎实', '希望加强调研'],
  });
  await must('ballots.saveService', { assessmentId: c.id, targetId: roster.c, scores: [80], comments: ['少开会'] });
  page = await openApp(await app.launch(), app.bridge.url);
  await page.getByText('干部名册').first().waitFor();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const dialog = () => page.getByRole('dialog').last();

describe('printed ranking tables', () => {
  let pdf = '';
  let pagesPerCopy = 0;

  test('打印排名表 in the rankings tab: preview, then 2 copies saved as one PDF and registered', async () => {
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    await page.locator('.ant-menu-item', { hasText: '考核测评' }).click();
    await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
    await chooseTab(page, '排名结果');
    await page.getByTestId('print-rankings').click();
    const preview = dialog().getByTestId('print-preview');
    await previewDrawn(preview);
    const said = await dialog()
      .getByText(/预览：每份 \d+ 页/)
      .innerText();
    pagesPerCopy = Number(/每份 (\d+) 页/.exec(said)![1]);
    expect(await preview.locator('.print-page').count()).toBe(pagesPerCopy);
    expect(await preview.innerText()).toContain(`${NAME}排名表`);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await animationsDone(page); // the modal's fade-in
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'print-rankings-preview.png') });

    await dialog().getByTestId('print-copies').fill('2');
    await dialog().getByTestId('print-recipients').fill('旗委常委会、纪委监委');
    pdf = join(work, '排名表.pdf');
    dialogs.answerSave(pdf);
    await clickSettled(dialog().getByTestId('print-export'));
    await page.getByText(/已保存 排名表\.pdf/).waitFor({ timeout: 60_000 });
    expect(existsSync(pdf)).toBe(true);
    expect(dialogs.requests.at(-1)).toMatchObject({ kind: 'save', defaultName: `${NAME}排名表（2份）.pdf` });
    const rows = await must<{ kind: string; serial: string; recipient: string }[]>('prints.list', {});
    expect(rows.map((r) => [r.kind, r.serial, r.recipient])).toEqual([
      ['rankings', '001', '旗委常委会'],
      ['rankings', '002', '纪委监委'],
    ]);
  }, 90_000);

  test('the PDF: 2 × pages with each copy’s 份号; both group tables in rank order; sign lines and the digest', () => {
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(2 * pagesPerCopy);
    pages.forEach((text, i) => expect(text, `page ${i + 1}`).toContain(`份号：00${Math.floor(i / pagesPerCopy) + 1}`));
    // The audit log's head at print time on every page: an anchor of the log on paper (issue 16 row 6).
    pages.forEach((text, i) => expect(text, `page ${i + 1}`).toMatch(/审计序号\s*\d+\s*日志摘要\s*[0-9a-f]{12}/));
    for (let copy = 0; copy < 2; copy++) {
      const text = pages.slice(copy * pagesPerCopy, (copy + 1) * pagesPerCopy).join('\n');
      expect(text).toContain(`${NAME}排名表`);
      for (const h of [
        '一、正职',
        '正职·苏木镇（街道）',
        '二、副职',
        '副职·乌兰镇',
        '名次',
        '姓名',
        '单位',
        '基础分',
        '加分',
        '减分',
        '标记',
      ])
        expect(text, h).toContain(h);
      // Names in rank order within each group (the worked example of scoring.md for the 正职).
      const at = (s: string) => text.indexOf(s);
      expect(at('巴特尔')).toBeLessThan(at('阿古拉'));
      expect(at('阿古拉')).toBeLessThan(at('朝鲁'));
      expect(at('朝鲁')).toBeLessThan(at('副职·乌兰镇'));
      expect(at('副职·乌兰镇')).toBeLessThan(at('德力格尔'));
      expect(at('德力格尔')).toBeLessThan(at('额尔敦'));
      // Each on its own: the watermark's letters can fall between them in the extracted text.
      for (const s of ['制表人：____', '审核人：____', '日期：____', '结果摘要（SHA-256）', digest])
        expect(text, s).toContain(s);
    }
  });

  test('page 1 rendered to PNG (looked at)', () => {
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      pdf,
      join(SCREENSHOT_DIR, 'print-rankings-page'),
    ]);
    expect(
      existsSync(join(SCREENSHOT_DIR, 'print-rankings-page-1.png')) ||
        existsSync(join(SCREENSHOT_DIR, 'print-rankings-page-01.png')),
    ).toBe(true);
  });

  test('an assessment not yet archived: the same tables and sign lines, no digest; the unranked are named', async () => {
    await page.getByRole('button', { name: /返回列表/ }).click();
    await page.getByTestId('open-assessment').filter({ hasText: OPEN_NAME }).click();
    await chooseTab(page, '排名结果');
    await page.getByTestId('print-rankings').click();
    const preview = dialog().getByTestId('print-preview');
    await previewDrawn(preview);
    const text = await preview.innerText();
    expect(text).toContain(`${OPEN_NAME}排名表`);
    expect(text).toContain('制表人：');
    expect(text).toContain('未参与排名（无有效测评数据）');
    expect(text).not.toContain('结果摘要');
  }, 60_000);

  test('打印意见建议 on: the preview and the PDF list the comments of a cadre with 3 forms, none below', async () => {
    // The previous test leaves its print dialog open.
    await page.keyboard.press('Escape');
    await page.getByTestId('print-preview').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /返回列表/ }).click();
    await page.getByTestId('open-assessment').filter({ hasText: COMMENTS_NAME }).click();
    await chooseTab(page, '排名结果');
    await page.getByTestId('print-rankings').click();
    const preview = dialog().getByTestId('print-preview');
    await previewDrawn(preview);
    // Off by default: nothing of the comments is printed.
    expect(await preview.innerText()).not.toContain('作风扎实');
    await clickSettled(dialog().getByTestId('print-comments'));
    await preview.getByText(/阿古拉：.*作风扎实/).waitFor();
    await previewDrawn(preview);
    const text = await preview.innerText();
    expect(text).toContain('意见建议（不分先后');
    expect(text).toContain('希望加强调研');
    expect(text).not.toContain('少开会');
    await animationsDone(page);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'print-rankings-comments-preview.png') });
    const file = join(work, '排名表-意见建议.pdf');
    dialogs.answerSave(file);
    await clickSettled(dialog().getByTestId('print-export'));
    await page.getByText(/已保存 排名表-意见建议\.pdf/).waitFor({ timeout: 60_000 });
    const printed = pdfPages(file).join('\n');
    for (const s of ['意见建议', '作风扎实', '希望加强调研']) expect(printed, s).toContain(s);
    expect(printed).not.toContain('少开会');
  }, 90_000);
});
