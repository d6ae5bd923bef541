// The 任免审批表's layout decisions: the largest type that fits, the 简历's hanging indent, smaller type within the
// form's limits and then a 续页 (never clipped), the family table's seven rows, ages at the 计算年龄时间.
import { describe, expect, test } from 'vitest';
import { fitText, lineHeightMm, linesThatFit, textEm, wrapText, PT_MM } from '../../../shared/renmian/fit';
import { ageAtMonth, renmianForm, type RenmianForm } from '../../../shared/renmian/form';
import { FAMILY_ROWS, page1Grid, page2Grid, PAGE, TABLE_BOTTOM, TABLE_W, TABLE_X } from '../../../shared/renmian/grid';
import { CONTINUED_NOTE, renmianSheets, SIZES, type Sheet } from '../../../shared/renmian/sheets';
import { emptyLrmxPerson } from '../../../shared/roster/lrmx-types';

const period = (i: number) =>
  `${1990 + i}.01--${1991 + i}.01  内蒙古自治区鄂尔多斯市鄂托克旗阿尔巴斯苏木人民政府党政综合办公室科员、副主任（第 ${i + 1} 段）`;
const longResume = (n: number) => Array.from({ length: n }, (_, i) => period(i)).join('\n');
const member = (i: number) => ({
  relation: i === 0 ? '妻子' : `亲属${i}`,
  name: `成员${i}`,
  age: String(40 + i),
  politicalStatus: '中共党员',
  workUnitPost: `鄂托克旗第${i}中学教师`,
});

function form(over: Partial<RenmianForm> = {}): RenmianForm {
  return { ...renmianForm({ ...emptyLrmxPerson(), xingMing: '巴特尔', jiSuanNianLingShiJian: '202603' }), ...over };
}

const textOf = (s: Sheet, cell: string) =>
  s.texts
    .filter((t) => t.cellId === cell)
    .flatMap((t) => t.lines.map((l) => l.text))
    .join('');

/** Every text's lines fit its box at its size (the estimate the renderer draws from). */
function expectInside(sheets: readonly Sheet[]) {
  for (const s of sheets)
    for (const t of s.texts) {
      expect(t.lines.length * lineHeightMm(t.sizePt), `${s.kind}/${t.cellId} height`).toBeLessThanOrEqual(
        t.box.h + 1e-6,
      );
      for (const l of t.lines)
        expect(l.indentMm + textEm(l.text) * t.sizePt * PT_MM, `${s.kind}/${t.cellId}: ${l.text}`).toBeLessThanOrEqual(
          t.box.w + 1e-6,
        );
    }
}

describe('the grid', () => {
  test('A4 pages; every cell inside the table (x 22–188 mm, down to 277 mm); page 1 cells tile without overlap', () => {
    for (const cells of [page1Grid(), page2Grid()]) {
      for (const c of cells) {
        expect(c.x).toBeGreaterThanOrEqual(TABLE_X - 1e-9);
        expect(c.x + c.w).toBeLessThanOrEqual(TABLE_X + TABLE_W + 1e-9);
        expect(c.y + c.h).toBeLessThanOrEqual(TABLE_BOTTOM + 1e-9);
      }
      const area = cells.reduce((a, c) => a + c.w * c.h, 0);
      const top = Math.min(...cells.map((c) => c.y));
      const bottom = Math.max(...cells.map((c) => c.y + c.h));
      expect(area).toBeCloseTo(TABLE_W * (bottom - top), 6);
    }
    expect(PAGE).toEqual({ w: 210, h: 297 });
    expect(page1Grid().find((c) => c.id === 'resume')).toMatchObject({ x: 42, w: 146, y: 143, h: 134 });
  });
});

describe('fitting', () => {
  test('a short value keeps 小四 (12 pt); a long one gets smaller type, never below the cell’s limit', () => {
    expect(fitText('巴特尔', { sizes: SIZES.short, width: 23.6, height: 11 })).toMatchObject({
      sizePt: 12,
      overflow: [],
    });
    const long = fitText('鄂尔多斯市鄂托克旗', { sizes: SIZES.short, width: 23.6, height: 10 });
    expect(long.sizePt).toBeLessThan(12);
    expect(long.overflow).toEqual([]);
    expect(linesThatFit(12, 10)).toBe(1);
  });

  test('a 简历 period wraps under its text, after the dates (hanging indent)', () => {
    const lines = wrapText(period(0), 12, 143.6, true);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]!.indentMm).toBe(0);
    expect(lines[1]!.indentMm).toBeCloseTo(textEm('1990.01--1991.01  ') * 12 * PT_MM, 6);
  });
});

describe('sheets', () => {
  test('two pages for an ordinary form, with the age at the 计算年龄时间', () => {
    const p = { ...emptyLrmxPerson(), xingMing: '巴特尔', chuShengNianYue: '197803', jiSuanNianLingShiJian: '202602' };
    expect(renmianForm(p).birth).toBe('1978.03\n（47岁）');
    expect(renmianForm({ ...p, jiSuanNianLingShiJian: '202603' }).birth).toBe('1978.03\n（48岁）');
    expect(ageAtMonth('197803', '197701')).toBeNull();
    const sheets = renmianSheets(form({ resume: longResume(5), family: [member(0)] }));
    expect(sheets.map((s) => s.kind)).toEqual(['page1', 'page2']);
    expect(sheets[0]!.texts.find((t) => t.cellId === 'resume')!.sizePt).toBe(12);
    expectInside(sheets);
  });

  test('a long 简历 takes smaller type first, down to 9 pt, and only then goes on to a 续页, every line kept', () => {
    const medium = renmianSheets(form({ resume: longResume(12) }));
    const resume = medium[0]!.texts.find((t) => t.cellId === 'resume')!;
    expect(resume.sizePt).toBeLessThan(12);
    expect(resume.sizePt).toBeGreaterThanOrEqual(9);
    expect(medium.map((s) => s.kind)).toEqual(['page1', 'page2']);

    const text = longResume(40);
    const sheets = renmianSheets(form({ resume: text }));
    expect(sheets.map((s) => s.kind)).toEqual(['page1', 'page2', 'continuation']);
    const first = sheets[0]!.texts.find((t) => t.cellId === 'resume')!;
    expect(first.sizePt).toBe(9);
    expect(first.lines.at(-1)!.text).toBe(CONTINUED_NOTE);
    const printed =
      textOf(sheets[0]!, 'resume').replace(CONTINUED_NOTE, '') +
      sheets[2]!.texts
        .filter((t) => t.cellId.startsWith('c-v'))
        .flatMap((t) => t.lines.map((l) => l.text))
        .join('');
    expect(printed).toBe(
      wrapText(text, 9, 143.6, true)
        .map((l) => l.text)
        .join(''),
    );
    expect(sheets[2]!.subtitle).toBe('姓名：巴特尔');
    expectInside(sheets);
  });

  test('ten family members: six on page 2 with “其余 4 人见续页”, the other four on the 续页 in the same columns', () => {
    const family = Array.from({ length: 10 }, (_, i) => member(i));
    const sheets = renmianSheets(form({ family }));
    expect(sheets.map((s) => s.kind)).toEqual(['page1', 'page2', 'continuation']);
    const p2 = sheets[1]!;
    for (let r = 0; r < FAMILY_ROWS - 1; r += 1) expect(textOf(p2, `f${r}-name`)).toBe(`成员${r}`);
    expect(textOf(p2, `f${FAMILY_ROWS - 1}-workUnitPost`)).toBe('（其余 4 人见续页）');
    const cont = sheets[2]!;
    expect([0, 1, 2, 3].map((r) => textOf(cont, `f${r}-name`))).toEqual(['成员6', '成员7', '成员8', '成员9']);
    expect(textOf(cont, 'f0-age')).toBe('46');
    expectInside(sheets);
  });

  test('seven members fit page 2 exactly: no 续页', () => {
    const sheets = renmianSheets(form({ family: Array.from({ length: 7 }, (_, i) => member(i)) }));
    expect(sheets).toHaveLength(2);
    expect(textOf(sheets[1]!, 'f6-name')).toBe('成员6');
  });

  test('an over-long 任免理由 goes on to the 续页 rather than being cut', () => {
    const reason = '经考察，该同志'.repeat(200);
    const sheets = renmianSheets(form({ reason }));
    expect(sheets.at(-1)!.kind).toBe('continuation');
    const all = sheets.flatMap((s) => s.texts.filter((t) => t.cellId === 'reason' || t.cellId.startsWith('c-v')));
    expect(
      all
        .flatMap((t) => t.lines.map((l) => l.text))
        .join('')
        .replace(CONTINUED_NOTE, ''),
    ).toBe(reason);
    expectInside(sheets);
  });
});
