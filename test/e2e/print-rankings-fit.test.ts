// End to end: the printed 排名表 keeps every text inside its cell. A group of cadres with long names, long unit
// names and many ballots per component (“12票·去高低”, 120 staff votes) is previewed from the rankings tab; in the
// rendered print view (at full size) every text line of every cell of the ranking tables is measured against the
// cell's box, as the paginator measures blocks. Any line running into the next column fails the test.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AssessmentDetail } from '../../shared/assessment/types';
import { minimalCadre } from '../helpers/roster';
import { openApp, SCREENSHOT_DIR, previewDrawn, chooseTab } from './harness/browser';
import { pdfPages } from './harness/pdf';
import { startTestApp, type TestApp } from './harness/app';
import { clickSettled } from './harness/settled-click';

const NAME = '2025年度科级干部“双比双评”考核';
const CHIEFS = [
  ['阿拉腾其木格', '鄂托克旗乌兰镇党委政府'],
  ['乌日根达来', '鄂托克旗棋盘井镇党委政府'],
  ['巴音孟克·那顺', '阿尔巴斯苏木党委政府'],
  ['斯琴高娃', '鄂托克旗蒙西镇党委政府'],
  ['额尔德木图', '苏米图苏木党委政府'],
  ['其其格玛', '木凯淖尔镇党委政府'],
  ['呼和巴特尔', '包乐浩晓苏木党委政府'],
  ['图门吉日嘎拉', '鄂托克旗城市社区管理办公室'],
] as const;
const DEPUTIES = ['萨仁高娃', '朝克图', '乌云毕力格', '娜仁图雅', '孟和巴雅尔', '哈斯额尔敦'];

let app: TestApp;
let page: Page;

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-print-rankings-fit-');
  const must = <T>(name: string, input: unknown) => app.must<T>(name, input);
  const chiefs: number[] = [];
  const units: number[] = [];
  for (const [i, [name, unit]] of CHIEFS.entries()) {
    const u = await must<{ id: number }>('units.save', { name: unit, categoryCode: 'C1', sort: i + 1 });
    units.push(u.id);
    chiefs.push(
      (
        await must<{ id: number }>('cadres.create', {
          input: minimalCadre(u.id, { name, position: 'chief', currentPost: `${unit}党委书记` }),
        })
      ).id,
    );
  }
  const deputies: number[] = [];
  for (const name of DEPUTIES)
    deputies.push(
      (
        await must<{ id: number }>('cadres.create', {
          input: minimalCadre(units[0]!, { name, position: 'deputy', currentPost: '乌兰镇党委副书记、政府镇长' }),
        })
      ).id,
    );
  const created = await must<AssessmentDetail>('assessments.create', {
    name: NAME,
    year: 2025,
    scope: { categoryCodes: ['C1'], unitIds: [] },
  });
  const a = await must<AssessmentDetail>('assessments.setState', {
    id: created.id,
    version: created.version,
    state: 'collecting',
  });
  const groupRef = (ids: number[], group: string) =>
    Promise.all(
      ['L1', 'L2', 'L3'].map((l, k) =>
        must('ballots.saveSuperior', {
          assessmentId: a.id,
          raterLabel: l,
          group,
          order: k % 2 ? [...ids].reverse() : ids,
        }),
      ),
    );
  await groupRef(chiefs, 'chief:C1');
  await groupRef(deputies, `deputy:${units[0]}`);
  // Every peer rates every other one of its group: 7 and 5 ballots, trimmed.
  for (const [ids, scores] of [
    [chiefs, (k: number) => ({ zz1: 80 + k, zz2: 85, zz3: 90 - k })],
    [deputies, (k: number) => ({ fz1: 80 + k, fz2: 90 - k })],
  ] as const)
    for (const rater of ids)
      await must('ballots.savePeer', {
        assessmentId: a.id,
        raterId: rater,
        ballots: ids.filter((t) => t !== rater).map((t, k) => ({ targetId: t, scores: scores(k) })),
      });
  await must('ballots.saveStaff', {
    assessmentId: a.id,
    counts: [...chiefs, ...deputies].map((t, k) => ({ targetId: t, excellent: 60 + k, good: 40, fair: 15, poor: 5 })),
  });
  for (const [k, t] of [...chiefs, ...deputies].entries())
    await must('ballots.saveService', {
      assessmentId: a.id,
      targetId: t,
      scores: Array.from({ length: 12 }, (_, j) => 70 + ((j * 7 + k) % 30)),
    });
  // The widest numbers a cell can hold: +10.00 and -10.00 (a final score may then reach 9x.xx).
  await must('adjustments.add', {
    assessmentId: a.id,
    targetId: chiefs[7],
    points: 10,
    date: '2025-06-01',
    reason: '承办全区现场会',
  });
  await must('adjustments.add', {
    assessmentId: a.id,
    targetId: chiefs[0],
    points: -10,
    date: '2025-07-01',
    reason: '安全生产事故',
  });
  page = await openApp(await app.launch(), app.bridge.url);
  await page.getByText('干部名册').first().waitFor();
}, 180_000);

afterAll(async () => {
  await app?.close();
});

/** Every text line of a ranking-table cell that leaves the cell's content box: "姓名 column 3: 12票·去高低 +14px". */
async function overflows(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const out: string[] = [];
    for (const table of document.querySelectorAll<HTMLTableElement>('[data-testid="print-preview"] table.pt-rank')) {
      const heads = [...table.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').trim());
      for (const tr of table.querySelectorAll('tbody tr')) {
        [...tr.querySelectorAll<HTMLTableCellElement>('td')].forEach((td, col) => {
          const cell = td.getBoundingClientRect();
          const style = getComputedStyle(td);
          const left = cell.left + parseFloat(style.borderLeftWidth) / 2;
          const right = cell.right - parseFloat(style.borderRightWidth) / 2;
          const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(n);
            for (const box of range.getClientRects()) {
              const over = Math.max(box.right - right, left - box.left);
              if (over > 0.5) out.push(`${heads[col] ?? col} “${(n.textContent ?? '').trim()}” +${over.toFixed(1)}px`);
            }
          }
          if (td.scrollWidth > td.clientWidth + 1)
            out.push(`${heads[col] ?? col} scrollWidth ${td.scrollWidth} > ${td.clientWidth}`);
        });
      }
    }
    return out;
  });
}

describe('the printed 排名表 fits its cells', () => {
  test('no text line of any cell runs into the next column (measured in the print view at full size)', async () => {
    await page.locator('.ant-menu-item', { hasText: '考核测评' }).click();
    await page.getByTestId('open-assessment').filter({ hasText: NAME }).click();
    await chooseTab(page, '排名结果');
    await page.getByTestId('print-rankings').click();
    const preview = page.getByRole('dialog').last().getByTestId('print-preview');
    await previewDrawn(preview);
    await page.getByText(/预览：每份 \d+ 页/).waitFor();
    // The preview is zoomed to fit the dialog: measured at 1:1, as the page is printed.
    await preview.evaluate((el) => ((el.firstElementChild as HTMLElement).style.zoom = '1'));
    const cells = await preview.locator('table.pt-rank tbody td').count();
    expect(cells).toBe(14 * 14);
    const text = await preview.innerText();
    expect(text).toMatch(/\d+票·?\s*去高低/);
    expect(text).toContain('120票');
    expect(await overflows(page)).toEqual([]);
    // Back to the preview's size, so the dialog's buttons are where a user finds them.
    await preview.evaluate((el) => ((el.firstElementChild as HTMLElement).style.zoom = '0.55'));
  }, 120_000);

  test('the PDF: the vote lines under their scores; page 1 rendered to PNG (looked at)', async () => {
    const pdf = join(app.work, '排名表.pdf');
    app.dialogs.answerSave(pdf);
    await clickSettled(page.getByRole('dialog').last().getByTestId('print-export'));
    await page.getByText(/已保存 排名表\.pdf/).waitFor({ timeout: 60_000 });
    const text = pdfPages(pdf).join('\n');
    expect(text).toContain('去高低');
    expect(text).not.toContain('·去高低');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      pdf,
      join(SCREENSHOT_DIR, 'print-rankings-fit-page'),
    ]);
  }, 90_000);
});
