// End to end: the 干部任免审批表 of two cadres with long 简历 and ten family members, chosen in the roster and
// printed through the dialog (Chromium renders the print view to PDF). The PDF is measured: every ruled cell of
// the national grid is where the form puts it, and no word lies outside its cell; nothing is clipped.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renmianForm } from '../../shared/renmian/form';
import { renmianSheets, type Sheet } from '../../shared/renmian/sheets';
import { PAGE, TITLE } from '../../shared/renmian/grid';
import type { Box } from '../../shared/renmian/grid';
import { openApp, SCREENSHOT_DIR, settledScreenshot } from './harness/browser';
import { pdfPages } from './harness/pdf';
import { startTestApp, type TestApp } from './harness/app';
import type { ScriptedDialogs } from '../helpers/dialogs';
import { cadreInput, sampleJpeg } from '../helpers/roster';
import { clickSettled } from './harness/settled-click';

let app: TestApp;
let work: string;
let dialogs: ScriptedDialogs;
let page: Page;
const ids: number[] = [];

const NAMES = ['巴特尔', '其其格'];
const period = (i: number) =>
  `${1990 + i}.07--${1991 + i}.07  内蒙古自治区鄂尔多斯市鄂托克旗阿尔巴斯苏木人民政府党政综合办公室科员、副主任、` +
  `主任（其间：${1990 + i}.09--${1990 + i}.12在旗委党校第${i + 1}期中青年干部培训班学习）`;
const RESUME = Array.from({ length: 34 }, (_, i) => period(i)).join('\n');
const FAMILY = Array.from({ length: 10 }, (_, i) => ({
  relation: ['妻子', '儿子', '女儿', '父亲', '母亲', '岳父', '岳母', '哥哥', '姐姐', '弟弟'][i]!,
  name: `家属${'甲乙丙丁戊己庚辛壬癸'[i]}`,
  birthMonth: `${1950 + i * 5}-0${(i % 9) + 1}`,
  politicalStatus: i % 2 ? '群众' : '中共党员',
  workUnitPost: `鄂托克旗乌兰镇第${i + 1}小学教师${i === 3 ? '（已退休，原鄂托克旗人民政府办公室副主任科员）' : ''}`,
}));

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-renmian-');
  ({ work, dialogs } = app);
  const unit = await app.must<{ id: number }>('units.save', { name: '阿尔巴斯苏木', categoryCode: 'C1', sort: 1 });
  const photo = join(work, 'photo.jpg');
  writeFileSync(photo, sampleJpeg());
  for (const [n, name] of NAMES.entries()) {
    const input = cadreInput(unit.id, { name, idNumber: '', resume: RESUME, family: FAMILY, birthMonth: '1978-03' });
    const { id } = await app.must<{ id: number }>('cadres.create', { input });
    ids.push(id);
    dialogs.answerOpen(photo);
    const [file] = await app.must<{ token: string }[]>('files.pickOpen', { purpose: 'photo' });
    await app.must('cadres.setPhoto', { id, token: file!.token });
    await app.must('appointments.create', {
      cadreId: id,
      matterDate: '2026-03-05',
      proposedPost: n === 0 ? '鄂托克旗乌兰镇党委书记' : '鄂托克旗乌兰镇党委副书记、镇长',
      proposedRemoval: '阿尔巴斯苏木党委书记',
      reason: '工作需要。经旗委常委会研究，拟提名该同志为乌兰镇党委书记人选。',
      reportingUnit: '中共鄂托克旗委员会组织部',
      ageAt: '2026-03',
      filledBy: '王干事',
    });
  }
  page = await openApp(await app.launch(), app.bridge.url);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByText('干部名册').first().waitFor();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const dialog = () => page.getByRole('dialog').last();
const MM_PT = 72 / 25.4;

/** The sheets the print view lays out for these cadres (the same call and layout the dialog used). */
async function expectedSheets(): Promise<Sheet[]> {
  const r = await app.call('print.renderRenmian', { cadreIds: ids, ageAt: '2026-03' });
  const job = await app.call('print.job', { jobId: r.jobId });
  if (job.kind !== 'renmian') throw new Error('not a 任免审批表 job');
  return job.persons.flatMap((p) => renmianSheets(renmianForm(p)));
}

/** A page rendered in grey at 5 px/mm (pdftoppm), as rows of bytes. */
function raster(pdf: string, pageNo: number): { w: number; h: number; px: Buffer } {
  const out = join(work, `raster-${pageNo}`);
  execFileSync('pdftoppm', ['-f', String(pageNo), '-l', String(pageNo), '-r', '127', '-gray', pdf, out]);
  const file = `${out}-${String(pageNo).padStart(String(8).length, '0')}.pgm`;
  const alt = [file, `${out}-${pageNo}.pgm`, `${out}-0${pageNo}.pgm`].find((f) => existsSync(f));
  const bytes = readFileSync(alt ?? file);
  // P5 header: magic, width, height, maxval, each separated by whitespace.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const w = Number(header[1]);
  const h = Number(header[2]);
  return { w, h, px: bytes.subarray(header[0].length) };
}

/** Whether a ruled line crosses (x, y) mm: a dark pixel within ±0.6 mm across the line. */
function ruled(r: { w: number; h: number; px: Buffer }, x: number, y: number, across: 'x' | 'y'): boolean {
  const s = r.w / PAGE.w;
  for (let d = -0.6; d <= 0.6; d += 0.1) {
    const px = Math.round((across === 'x' ? x + d : x) * s);
    const py = Math.round((across === 'y' ? y + d : y) * s);
    if ((r.px[py * r.w + px] ?? 255) < 128) return true;
  }
  return false;
}

interface Word {
  readonly text: string;
  readonly box: Box;
}

/** Every word of a page with its box in mm (pdftotext -bbox). */
function words(pdf: string, pageNo: number): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(pageNo), '-l', String(pageNo), pdf, '-'], {
    encoding: 'utf8',
  });
  const out: Word[] = [];
  const re = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(re)) {
    const [x0, y0, x1, y1] = [m[1], m[2], m[3], m[4]].map((v) => Number(v) / MM_PT) as [number, number, number, number];
    // pdftotext's box runs from the font's ascent to its descent, far taller than the glyphs of a CJK font: the
    // glyphs are about as tall as they are wide (one em), centred where the box is.
    const em = Math.min(y1 - y0, (x1 - x0) / Math.max(1, [...m[5]!].length));
    const mid = (y0 + y1) / 2;
    out.push({ text: m[5]!, box: { x: x0, y: mid - em / 2, w: x1 - x0, h: em } });
  }
  return out;
}

// Rounding of the glyph estimate below: half a millimetre either way.
const SLACK = 0.5;
const inside = (a: Box, b: Box) =>
  a.x >= b.x - SLACK && a.y >= b.y - SLACK && a.x + a.w <= b.x + b.w + SLACK && a.y + a.h <= b.y + b.h + SLACK;

describe('干部任免审批表', () => {
  let pdf = '';
  let sheets: Sheet[] = [];

  test('chosen in the roster, previewed in the dialog and saved as one PDF', async () => {
    for (const name of NAMES) {
      const row = page.locator('.ant-table-row', { hasText: name }).first();
      await row.locator('.ant-checkbox-input').check();
    }
    await clickSettled(page.getByTestId('print-renmian-picked'));
    await dialog().getByTestId('renmian-age-at').fill('2026-03');
    await clickSettled(dialog().getByTestId('renmian-render'));
    await dialog().getByTestId('renmian-summary').waitFor({ timeout: 60_000 });
    sheets = await expectedSheets();
    expect(await dialog().getByTestId('renmian-summary').innerText()).toContain(`共 2 人，${sheets.length} 页`);
    await settledScreenshot(page, 'renmian-dialog');
    pdf = join(work, '任免审批表.pdf');
    dialogs.answerSave(pdf);
    await clickSettled(dialog().getByTestId('renmian-save'));
    await page.getByText(/已保存 任免审批表\.pdf/).waitFor({ timeout: 60_000 });
    expect(existsSync(pdf)).toBe(true);
    // Not a register document: the national form has no 份号.
    expect(await app.call('prints.list', {})).toEqual([]);
  }, 120_000);

  test('pages in order: page 1, page 2 and the 续页 of each cadre; the long 简历 and family carried over, not cut', () => {
    const pages = pdfPages(pdf, 'raw');
    expect(pages).toHaveLength(sheets.length);
    // Each cadre: page 1, page 2, then the 续页 (as many as the rest of the 简历 and the family need).
    const starts = sheets.flatMap((s, i) => (s.kind === 'page1' ? [i] : []));
    expect(starts).toHaveLength(2);
    const flat = (s: string) => s.replace(/\s+/g, '');
    for (const [n, name] of NAMES.entries()) {
      const end = starts[n + 1] ?? sheets.length;
      expect(sheets.slice(starts[n], end).map((s) => s.kind)).toEqual([
        'page1',
        'page2',
        ...Array<string>(end - starts[n]! - 2).fill('continuation'),
      ]);
      expect(end - starts[n]!).toBeGreaterThanOrEqual(3);
      const own = pages.slice(starts[n], end).map(flat);
      expect(own[2]).toContain(`姓名：${name}`);
      expect(own[0]).toContain('干部任免审批表');
      expect(own[0]).toContain(name);
      expect(own[0]).toContain('（48岁）');
      expect(own[0]).toContain('阿尔巴斯苏木党委书记');
      expect(own[1]).toContain('中共鄂托克旗委员会组织部');
      expect(own[1]).toContain('（其余4人见续页）');
      expect(own[1]).toContain('填表人：王干事');
      // The 简历 read on from sheet to sheet: the 续页's heading and label between its pieces left out.
      const all = own
        .join('')
        .replace(/（接续页）/g, '')
        .replace(new RegExp(`干部任免审批表（续页）姓名：${name}(简历（续）)?`, 'g'), '');
      for (let i = 0; i < 34; i += 1) expect(all, `简历第 ${i + 1} 段`).toContain(flat(period(i)));
      for (const m of FAMILY) expect(all, m.name).toContain(m.name);
    }
  });

  test('the grid: every ruled cell is where the national form puts it (measured in the rendered PDF)', () => {
    sheets.forEach((sheet, i) => {
      const r = raster(pdf, i + 1);
      expect(r.w / PAGE.w).toBeCloseTo(5, 0); // A4 at 127 dpi
      expect(r.h / r.w).toBeCloseTo(PAGE.h / PAGE.w, 2);
      for (const c of sheet.cells) {
        const midX = c.x + c.w / 2;
        const midY = c.y + c.h / 2;
        expect(ruled(r, c.x, midY, 'x'), `page ${i + 1} ${c.id} left`).toBe(true);
        expect(ruled(r, c.x + c.w, midY, 'x'), `page ${i + 1} ${c.id} right`).toBe(true);
        expect(ruled(r, midX, c.y, 'y'), `page ${i + 1} ${c.id} top`).toBe(true);
        expect(ruled(r, midX, c.y + c.h, 'y'), `page ${i + 1} ${c.id} bottom`).toBe(true);
      }
      // And no rule where the form has none: inside the 简历 cell of page 1 the paper is blank between its lines.
      if (sheet.kind === 'page1') {
        const resume = sheet.cells.find((c) => c.id === 'resume')!;
        expect(ruled(r, resume.x + 3, resume.y + resume.h / 2, 'x')).toBe(false);
      }
    });
  });

  test('no word lies outside its cell (or the title, the 续页 heading and the 填表人 line)', () => {
    sheets.forEach((sheet, i) => {
      const free: Box[] = [
        { x: 0, y: TITLE.y, w: PAGE.w, h: TITLE.h + 9 }, // the title and the 续页's 姓名 line
        ...sheet.texts.filter((t) => t.cellId === 'filledBy').map((t) => t.box),
      ];
      const list = words(pdf, i + 1);
      expect(list.length, `page ${i + 1}`).toBeGreaterThan(5);
      for (const w of list) {
        const home = [...sheet.cells, ...free].find((c) => inside(w.box, c));
        expect(home, `page ${i + 1}: “${w.text}” at ${JSON.stringify(w.box)}`).toBeDefined();
      }
    });
  });

  test('every page looked at: PNGs of the PDF', () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SCREENSHOT_DIR, 'renmian-pdf')]);
    expect(existsSync(join(SCREENSHOT_DIR, 'renmian-pdf-1.png'))).toBe(true);
  });

  test('the profile’s 任免事项: a bad date is refused in Chinese, a new one added; the .lrmx export carries it and re-imports', async () => {
    await page.keyboard.press('Escape');
    await page.locator('.ant-table-row', { hasText: NAMES[0] }).first().getByText(NAMES[0]!, { exact: true }).click();
    const section = page.getByTestId('matter-section');
    await section.getByText('鄂托克旗乌兰镇党委书记').waitFor();
    await section.getByTestId('add-matter').click();
    const form = page.getByTestId('matter-form');
    await form.getByLabel('任免日期').fill('2026-02-30');
    await form.getByLabel('拟任职务').fill('鄂托克旗人民政府副旗长');
    await page.getByRole('button', { name: '保 存' }).click();
    await form.getByText('任免日期不是有效的日期').first().waitFor();
    expect(await app.call('appointments.list', { cadreId: ids[0]! })).toHaveLength(1);
    await settledScreenshot(page, 'renmian-matter-form-error');
    await form.getByLabel('任免日期').fill('2026-04-01');
    await form.getByLabel('计算年龄时间').fill('2026-04');
    await page.getByRole('button', { name: '保 存' }).click();
    await section.getByText('鄂托克旗人民政府副旗长').waitFor();
    await settledScreenshot(page, 'renmian-matter-section');
    const list = await app.call('appointments.list', { cadreId: ids[0]! });
    expect(list.map((m) => m.proposedPost)).toEqual(['鄂托克旗人民政府副旗长', '鄂托克旗乌兰镇党委书记']);

    const lrmx = join(work, `${NAMES[0]}.lrmx`);
    dialogs.answerSave(lrmx);
    await page.getByRole('button', { name: '导出任免审批表' }).click();
    await page.getByText(/已导出任免审批表/).waitFor();
    const xml = readFileSync(lrmx, 'utf8');
    expect(xml).toContain('<NiRenZhiWu>鄂托克旗人民政府副旗长</NiRenZhiWu>');
    expect(xml).toContain('<NiMianZhiWu />'); // this occasion removes from no post
    expect(xml).toContain('<JiSuanNianLingShiJian>202604</JiSuanNianLingShiJian>');
    expect(xml).toContain('<TianBiaoShiJian>20260401</TianBiaoShiJian>');
    // Re-imported into the same store: the cadre is unchanged and the matter, already there, is not added again.
    dialogs.answerOpen(lrmx);
    const files = await app.must<{ token: string }[]>('files.pickOpen', { purpose: 'lrmx' });
    const preview = await app.call('roster.previewLrmx', { tokens: files.map((f) => f.token) });
    // No 身份证号 on these test cadres: matched by 姓名 and 出生年月, confirmed as the same person.
    expect(preview.files[0]).toMatchObject({ ok: true, status: 'nameMatch', existing: { id: ids[0] } });
    const { unitId, position } = await app.call('cadres.get', { id: ids[0]! });
    await app.call('roster.commitLrmx', {
      jobId: preview.jobId,
      files: [{ index: 0, unitId, position, confirmMatch: true, keep: [] }],
    });
    expect(await app.call('appointments.list', { cadreId: ids[0]! })).toEqual(list);
  }, 90_000);
});
