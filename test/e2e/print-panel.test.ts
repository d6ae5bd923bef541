// End to end: 测评用表 printed from the 评议码 tab of an assessment in preparation. A 同级互评 form for 正职·苏木镇 as
// 3 copies: every page has its copy's 份号, the members in the entry screens' order, the indicator columns with
// their weights and the 评议人 line; a 干部职工测评 form and a 上级领导综合排名 form printed through the same calls.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AssessmentDetail } from '../../shared/assessment/types';
import type { RenderedPrint } from '../../shared/print/types';
import type { TestHost } from '../helpers/host';
import { createC1, seedRoster } from '../helpers/assessment';
import type { ScriptedDialogs } from '../helpers/dialogs';
import { openApp, SCREENSHOT_DIR, settledScreenshot, previewDrawn, chooseTab } from './harness/browser';
import { pdfPages } from './harness/pdf';
import { startTestApp, type TestApp } from './harness/app';
import { clickSettled } from './harness/settled-click';

const NAME = '2025年度科级干部“双比双评”考核';

let app: TestApp;
let work: string;
let dialogs: ScriptedDialogs;
let page: Page;
let assessment: AssessmentDetail;
let wulan = 0;

const must = <T>(name: string, input: unknown): Promise<T> => app.must<T>(name, input);

const flat = (t: string) => t.replace(/\s+/g, '');

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-print-panel-');
  ({ work, dialogs } = app);
  const h = { ok: must } as unknown as TestHost;
  const roster = await seedRoster(h);
  wulan = roster.units.wulan;
  assessment = await createC1(h, NAME);
  page = await openApp(await app.launch(), app.bridge.url);
  await page.getByText('干部名册').first().waitFor();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

test('同级互评表 from the 评议码 tab: preview, 3 copies in one PDF, each page with its 份号, members and indicators', async () => {
  await page.locator('.ant-menu-item', { hasText: '考核测评' }).click();
  await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
  await chooseTab(page, '评议码');
  await page.getByTestId('forms-kind').click();
  await clickSettled(page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '同级互评' }));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await settledScreenshot(page, 'print-panel-card');
  await page.getByTestId('forms-print').click();
  const dialog = page.getByRole('dialog').last();
  const preview = dialog.getByTestId('print-preview');
  await previewDrawn(preview);
  const said = await dialog.getByText(/预览：每份 \d+ 页/).innerText();
  const perCopy = Number(/每份 (\d+) 页/.exec(said)![1]);
  expect(await preview.innerText()).toContain('同级互评表');
  await settledScreenshot(page, 'print-panel-preview');

  await dialog.getByTestId('print-copies').fill('3');
  const pdf = join(work, '互评表.pdf');
  dialogs.answerSave(pdf);
  await dialog.getByTestId('print-export').click();
  await page.getByText(/已保存 互评表\.pdf/).waitFor({ timeout: 60_000 });
  expect(existsSync(pdf)).toBe(true);

  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    pdf,
    join(SCREENSHOT_DIR, 'print-panel-peer-page'),
  ]);
  const pages = pdfPages(pdf);
  expect(pages).toHaveLength(perCopy * 3);
  pages.forEach((t, i) => expect(t, `page ${i + 1}`).toContain(`份号：00${Math.floor(i / perCopy) + 1}`));
  const first = flat(pages[0]!);
  const raw = flat(execFileSync('pdftotext', ['-raw', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }));
  expect(first).toContain(`${NAME}`);
  expect(first).toContain('同级互评表（正职·');
  expect(first).toContain('评议人：');
  expect(first).toMatch(/权重\d+%/);
  // The 正职 of C1 in the entry screens' order.
  const detail = await must<AssessmentDetail>('assessments.get', { id: assessment.id });
  const chiefs = detail.members.filter((m) => m.position === 'chief').map((m) => m.name);
  expect([...chiefs].sort()).toEqual(['巴特尔', '朝鲁', '阿古拉'].sort());
  const order = chiefs.map((n) => raw.indexOf(n));
  expect(order.every((x) => x > 0)).toBe(true);
  expect([...order].sort((x, y) => x - y)).toEqual(order);
  expect(first).not.toContain('德力格尔'); // a 副职, in another group
  const rows = await must<{ kind: string; serial: string }[]>('prints.list', {});
  expect(rows.map((r) => [r.kind, r.serial])).toEqual([
    ['panel', '001'],
    ['panel', '002'],
    ['panel', '003'],
  ]);
}, 120_000);

test('干部职工测评表 and 上级领导综合排名表 of a 副职 group: tick boxes and an empty 名次 column', async () => {
  for (const [ballot, heading, marks] of [
    ['staff', '干部职工测评表（副职·乌兰镇', ['优秀', '较好', '一般', '较差', '□']],
    ['superior', '上级领导综合排名表（副职·乌兰镇', ['名次', '不得并列']],
  ] as const) {
    const r = await must<RenderedPrint>('print.renderPanel', {
      assessmentId: assessment.id,
      ballot,
      group: `deputy:${wulan}`,
      copies: 1,
      recipients: [],
    });
    const pdf = join(work, `${ballot}.pdf`);
    dialogs.answerSave(pdf);
    const picked = await must<{ token: string }>('files.pickSave', { purpose: 'printPdf', suggestedName: ballot });
    await must('print.save', { jobId: r.jobId, token: picked.token });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      pdf,
      join(SCREENSHOT_DIR, `print-panel-${ballot}-page`),
    ]);
    const text = flat(pdfPages(pdf)[0]!);
    expect(text).toContain(heading);
    expect(text).toContain('份号：001');
    for (const m of marks) expect(text, `${ballot}: ${m}`).toContain(m);
    expect(text).toContain('德力格尔');
    expect(text).toContain('额尔敦');
    expect(text).not.toContain('评议人：');
  }
}, 120_000);
