// End to end: a cadre's 干部政治素质档案 previewed in the dossier, printed as 3 copies into one PDF (the print view
// rendered in Chromium), each page carrying its copy's 份号 and page number; the register page lists the copies,
// marks one returned and exports the register.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openApp, screenshot, SCREENSHOT_DIR, previewDrawn } from './harness/browser';
import { bandText, pdfPages } from './harness/pdf';
import { startTestApp, type TestApp } from './harness/app';
import type { ScriptedDialogs } from '../helpers/dialogs';
import { cadreInput } from '../helpers/roster';
import { clickSettled } from './harness/settled-click';

const SUBS = ['S1.1', 'S2.1', 'S3.1', 'S4.1', 'S5.1', 'S6.1'];

let app: TestApp;
let work: string;
let dialogs: ScriptedDialogs;
let page: Page;

const must = <T>(name: string, input: unknown): Promise<T> => app.must<T>(name, input);

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-print-');
  ({ work, dialogs } = app);
  const unit = await must<{ id: number }>('units.save', { name: '阿尔巴斯苏木', categoryCode: 'C1', sort: 1 });
  const cadreId = (
    await must<{ id: number }>('cadres.create', { input: cadreInput(unit.id, { name: '巴特尔', idNumber: '' }) })
  ).id;
  // 24 entries over the six sections, long enough that the sections run over several pages.
  for (let i = 0; i < 24; i++) {
    await must('entries.create', {
      input: {
        cadreId,
        date: `2025-${String((i % 9) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
        subItemCode: SUBS[i % 6],
        channelCode: 'CH09',
        title: `第${i + 1}条材料：参加理论学习和专题研讨`,
        content:
          '围绕学习贯彻党的创新理论开展专题学习，撰写心得体会，在支部会议上作交流发言，联系分管工作提出改进措施。'.repeat(
            1 + (i % 3),
          ),
        polarity: i % 7 === 3 ? 'negative' : 'positive',
        standardCodes: ['D2.1'],
        listItemCode: null,
      },
    });
  }
  await must('portrait.saveEvaluation', {
    cadreId,
    abilities: '政治站位高，统筹协调能力强。',
    weaknesses: '有时工作方法稍显急躁。',
    familiarFields: '基层党建、乡村振兴',
    baseVersion: 0,
  });
  page = await openApp(await app.launch(), app.bridge.url);
  await page.getByText('干部名册').first().waitFor();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const dialog = () => page.getByRole('dialog').last();

describe('printed dossier', () => {
  let pdf = '';
  let pagesPerCopy = 0;

  test('preview in the dossier, then 3 copies saved as one PDF and registered', async () => {
    await page.getByText('巴特尔').first().click();
    await page.getByTestId('open-dossier').click();
    await page.getByText('第1条材料').first().waitFor();
    await page.getByTestId('print-dossier').click();
    const preview = dialog().getByTestId('print-preview');
    await previewDrawn(preview);
    // The light diagonal watermark names the copy and the exporting user (pdftotext breaks rotated text apart).
    expect(await preview.locator('.pp-watermark').first().innerText()).toContain('份号 000　王管理员');
    const said = await dialog()
      .getByText(/预览：每份 \d+ 页/)
      .innerText();
    pagesPerCopy = Number(/每份 (\d+) 页/.exec(said)![1]);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'print-dossier-preview.png') });
    expect(await preview.locator('.print-page').count()).toBe(pagesPerCopy);
    expect(pagesPerCopy).toBeGreaterThanOrEqual(4);

    await dialog().getByTestId('print-copies').fill('3');
    await dialog().getByTestId('print-recipients').fill('县委办、纪委监委');
    pdf = join(work, '巴特尔档案.pdf');
    dialogs.answerSave(pdf);
    await clickSettled(dialog().getByTestId('print-export'));
    await page.getByText(/已保存 巴特尔档案\.pdf/).waitFor({ timeout: 60_000 });
    expect(existsSync(pdf)).toBe(true);
    expect(dialogs.requests.at(-1)).toMatchObject({
      kind: 'save',
      title: '保存打印文件（PDF）',
      defaultName: '巴特尔同志政治素质档案（3份）.pdf',
    });
  }, 90_000);

  test('the PDF: 3 × pages, every page with its copy’s 份号, watermark and page number; cover, sections, portrait in order', () => {
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(3 * pagesPerCopy);
    // A reader's title bar names the document.
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/^Title:\s+巴特尔同志政治素质档案$/m);
    pages.forEach((text, i) => {
      const copy = Math.floor(i / pagesPerCopy) + 1;
      const n = (i % pagesPerCopy) + 1;
      expect(text, `page ${i + 1}`).toContain(`份号：00${copy}`);
      // Header band (20 mm from the top) and footer band (269 mm): the 份号, the marking, "— N —".
      expect(bandText(pdf, i + 1, 50, 25).replace(/\s+/g, ' '), `page ${i + 1}`).toBe(
        `份号：00${copy} 内部资料 注意保密`,
      );
      expect(bandText(pdf, i + 1, 755, 30).replace(/\s+/g, ''), `page ${i + 1}`).toBe(`—${n}—`);
    });
    const first = pages.slice(0, pagesPerCopy).join('\n');
    expect(pages[0]).toContain('干部政治素质档案');
    expect(pages[0]).toContain('阿尔巴斯苏木');
    for (const h of ['一、基本情况', '二、政治画像', '三、档案材料', '四、综合评价', '五、考核情况', '政治站位高'])
      expect(first).toContain(h);
    expect(first.indexOf('二、政治画像')).toBeLessThan(first.indexOf('三、档案材料'));
    for (let i = 1; i <= 24; i++) expect(first, `entry ${i}`).toContain(`第${i}条材料`);
    // The entries table's header is repeated on every page the table runs onto.
    const entryPages = pages.slice(0, pagesPerCopy).filter((t) => /第\d+条材料/.test(t));
    expect(entryPages.length).toBeGreaterThanOrEqual(2);
    for (const t of entryPages) expect(t).toContain('标题与内容');
  });

  test('page 1 and the portrait page rendered to PNG (looked at); the radar is vector graphics', () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      String(pagesPerCopy),
      pdf,
      join(SCREENSHOT_DIR, 'print-dossier-page'),
    ]);
    expect(existsSync(join(SCREENSHOT_DIR, 'print-dossier-page-01.png'))).toBe(true);
    // No raster image of the chart: the only image in the PDF would be the cadre's photo (none here).
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toEqual([]);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('打印登记: three rows with recipients; one marked returned; the register exported', async () => {
    await page.getByRole('menuitem', { name: /打印登记/ }).click();
    const table = page.getByTestId('register-table');
    await table.getByText('县委办').waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(3);
    await table.getByText('纪委监委').waitFor();
    const rows = await must<{ id: number; serial: string }[]>('prints.list', {});
    const first = rows.find((r) => r.serial === '001')!;
    await page.getByTestId(`return-${first.id}`).click();
    await page.getByRole('button', { name: '确认收回' }).click();
    await page.getByText('份号 001 已登记收回').waitFor();
    await table.getByText(/已收回/).waitFor();
    await expect.poll(() => page.locator('.ant-modal-confirm').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
    await screenshot(page, 'print-register');
    const out = join(work, '打印登记.xlsx');
    dialogs.answerSave(out);
    await page.getByTestId('register-export').click();
    await page.getByText('已导出 打印登记.xlsx（3 条）').waitFor();
    expect(existsSync(out)).toBe(true);
  });
});
