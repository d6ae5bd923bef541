// The 干部任免审批表 of one cadre as sheets to print: page 1 and page 2 on the fixed grid, each value at the
// largest type size that fits its cell (down to the form's limit), and what still does not fit on 续页 sheets.
import { fitText, lineHeightMm, wrapText, type FitLine } from './fit';
import type { RenmianForm } from './form';
import {
  CONT_LABEL_W,
  CONT_TOP,
  FAMILY_COLS,
  FAMILY_KEYS,
  FAMILY_ROWS,
  FAMILY_ROW_H,
  FAMILY_HEAD_H,
  FILLED_BY_Y,
  TABLE_BOTTOM,
  TABLE_W,
  TABLE_X,
  familyGrid,
  page1Grid,
  page2Grid,
  type Box,
  type GridCell,
} from './grid';

/** Text placed in a cell's content box (padding already taken off). */
export interface SheetText {
  readonly cellId: string;
  readonly box: Box;
  readonly sizePt: number;
  readonly lines: readonly FitLine[];
  readonly align: 'left' | 'center' | 'right';
  readonly valign: 'top' | 'middle' | 'bottom';
  /** Labels and titles in 宋体, what is filled in 仿宋. */
  readonly font: 'song' | 'fang';
  readonly bold?: boolean;
}

export interface Sheet {
  readonly kind: 'page1' | 'page2' | 'continuation';
  /** Printed at the top: “干部任免审批表”, or the 续页's title. */
  readonly title: string;
  /** The 续页's “姓名：…” line, '' on the form's own pages. */
  readonly subtitle: string;
  readonly cells: readonly GridCell[];
  readonly texts: readonly SheetText[];
  readonly photo: { readonly box: Box; readonly src: string } | null;
}

export const PAD_X = 1.2;
export const PAD_Y = 1;
/** Sizes (pt) a cell may take, largest first: 小四 down to the form's limits. */
export const SIZES = {
  label: [12, 10.5, 9],
  short: [12, 10.5, 9, 8, 7.5],
  long: [12, 10.5, 9, 8],
  resume: [12, 11, 10.5, 10, 9.5, 9],
} as const;
export const CONTINUED_NOTE = '（接续页）';

const inner = (c: Box): Box => ({ x: c.x + PAD_X, y: c.y + PAD_Y, w: c.w - 2 * PAD_X, h: c.h - 2 * PAD_Y });

/** A piece of a field that did not fit its cell: printed on the 续页 under `label`. */
interface Overflow {
  readonly label: string;
  readonly sizePt: number;
  readonly lines: readonly FitLine[];
}

type Align = Pick<SheetText, 'align' | 'valign'>;

function place(
  cell: GridCell,
  text: string,
  sizes: readonly number[],
  how: Align & { font: SheetText['font']; hanging?: boolean; bold?: boolean },
  overflowLabel: string,
  overflow: Overflow[],
): SheetText | null {
  if (!text.trim()) return null;
  const box = inner(cell);
  const r = fitText(text, {
    sizes,
    width: box.w,
    height: box.h,
    hanging: how.hanging,
    reserveOnOverflow: 1,
  });
  let lines = r.lines;
  if (r.overflow.length > 0) {
    lines = [...r.lines, { text: CONTINUED_NOTE, indentMm: 0 }];
    overflow.push({ label: overflowLabel, sizePt: r.sizePt, lines: r.overflow });
  }
  return {
    cellId: cell.id,
    box,
    sizePt: r.sizePt,
    lines,
    align: how.align,
    valign: r.overflow.length > 0 ? 'top' : how.valign,
    font: how.font,
    ...(how.bold ? { bold: true } : {}),
  };
}

/** A label cell's text: as written, centred, the largest label size that fits. */
function labelText(cell: GridCell): SheetText | null {
  if (!cell.label) return null;
  const box = inner(cell);
  const lines = cell.label.split('\n');
  const size =
    SIZES.label.find((s) => {
      const wrapped = lines.flatMap((l) => wrapText(l, s, box.w));
      return wrapped.length === lines.length && lines.length * lineHeightMm(s) <= box.h + 1e-6;
    }) ?? SIZES.label[SIZES.label.length - 1]!;
  return {
    cellId: cell.id,
    box,
    sizePt: size,
    lines: lines.map((t) => ({ text: t, indentMm: 0 })),
    align: 'center',
    valign: 'middle',
    font: 'song',
  };
}

const byId = (cells: readonly GridCell[]) => new Map(cells.map((c) => [c.id, c]));
const must = (m: Map<string, GridCell>, id: string): GridCell => {
  const c = m.get(id);
  if (!c) throw new Error(`任免审批表没有“${id}”格`);
  return c;
};

const CENTER: Align = { align: 'center', valign: 'middle' };
const LEFT_MIDDLE: Align = { align: 'left', valign: 'middle' };
const LEFT_TOP: Align = { align: 'left', valign: 'top' };

function page1(form: RenmianForm, overflow: Overflow[]): Sheet {
  const cells = page1Grid();
  const m = byId(cells);
  const texts: (SheetText | null)[] = cells.map(labelText);
  const short = (id: keyof RenmianForm & string, label: string) =>
    place(must(m, id), String(form[id] ?? ''), SIZES.short, { ...CENTER, font: 'fang' }, label, overflow);
  texts.push(
    short('name', '姓名'),
    short('gender', '性别'),
    short('birth', '出生年月'),
    short('ethnicity', '民族'),
    short('nativePlace', '籍贯'),
    short('birthPlace', '出生地'),
    short('partyJoin', '入党时间'),
    short('workStart', '参加工作时间'),
    short('health', '健康状况'),
    short('techTitle', '专业技术职务'),
    short('expertise', '熟悉专业有何专长'),
    short('fulltimeEducation', '全日制教育'),
    short('fulltimeSchool', '全日制教育毕业院校系及专业'),
    short('parttimeEducation', '在职教育'),
    short('parttimeSchool', '在职教育毕业院校系及专业'),
  );
  const post = (id: 'currentPost' | 'proposedPost' | 'proposedRemoval', label: string) =>
    place(must(m, id), form[id], SIZES.long, { ...LEFT_MIDDLE, font: 'fang' }, label, overflow);
  texts.push(post('currentPost', '现任职务'), post('proposedPost', '拟任职务'), post('proposedRemoval', '拟免职务'));
  texts.push(
    place(must(m, 'resume'), form.resume, SIZES.resume, { ...LEFT_TOP, font: 'fang', hanging: true }, '简历', overflow),
  );
  const photoCell = must(m, 'photo');
  return {
    kind: 'page1',
    title: '干部任免审批表',
    subtitle: '',
    cells,
    texts: texts.filter((t): t is SheetText => t !== null),
    photo: form.photo ? { box: inner(photoCell), src: form.photo } : null,
  };
}

/** A bottom-right note in a cell: 盖章 and the date line. */
function corner(cell: GridCell, lines: readonly string[]): SheetText {
  const box = inner(cell);
  return {
    cellId: cell.id,
    box,
    sizePt: 12,
    lines: lines.map((t) => ({ text: t, indentMm: 0 })),
    align: 'right',
    valign: 'bottom',
    font: 'song',
  };
}

const BLANK_DATE = '年　　月　　日';

function familyTexts(
  cells: Map<string, GridCell>,
  rows: readonly (Readonly<Record<(typeof FAMILY_KEYS)[number], string>> | string)[],
  overflow: Overflow[],
): SheetText[] {
  const out: (SheetText | null)[] = [];
  rows.forEach((row, r) => {
    if (typeof row === 'string') {
      out.push(place(must(cells, `f${r}-workUnitPost`), row, SIZES.short, { ...LEFT_MIDDLE, font: 'fang' }, '', []));
      return;
    }
    for (const key of FAMILY_KEYS) {
      const how = key === 'workUnitPost' ? LEFT_MIDDLE : CENTER;
      const who = `${row.relation}${row.name}`;
      out.push(place(must(cells, `f${r}-${key}`), row[key], SIZES.short, { ...how, font: 'fang' }, who, overflow));
    }
  });
  return out.filter((t): t is SheetText => t !== null);
}

function page2(form: RenmianForm, overflow: Overflow[], restFamily: number): Sheet {
  const cells = page2Grid();
  const m = byId(cells);
  const texts: (SheetText | null)[] = cells.map(labelText);
  const long = (id: 'rewards' | 'annualResults' | 'reason', label: string) =>
    place(must(m, id), form[id], SIZES.long, { ...LEFT_TOP, font: 'fang' }, label, overflow);
  texts.push(long('rewards', '奖惩情况'), long('annualResults', '年度考核结果'), long('reason', '任免理由'));
  const shown: (RenmianForm['family'][number] | string)[] =
    restFamily > 0 ? [...form.family.slice(0, FAMILY_ROWS - 1), `（其余 ${restFamily} 人见续页）`] : [...form.family];
  texts.push(...familyTexts(m, shown, overflow));
  // 呈报单位: the unit's name in the upper part, the seal's room and the date at the bottom right.
  const report = must(m, 'reportingUnit');
  const upper: GridCell = { ...report, h: report.h * 0.55 };
  texts.push(place(upper, form.reportingUnit, SIZES.long, { ...CENTER, font: 'fang' }, '呈报单位', overflow));
  texts.push(corner(report, ['（盖章）', form.reportDate || BLANK_DATE]));
  texts.push(corner(must(m, 'approval'), ['（盖章）', BLANK_DATE]));
  texts.push(corner(must(m, 'adminApproval'), ['（盖章）', BLANK_DATE]));
  const filled: GridCell = { id: 'filledBy', x: TABLE_X, y: FILLED_BY_Y, w: TABLE_W / 2, h: 8 };
  texts.push({
    cellId: filled.id,
    box: inner(filled),
    sizePt: 12,
    lines: [{ text: `填表人：${form.filledBy}`, indentMm: 0 }],
    align: 'left',
    valign: 'middle',
    font: 'song',
  });
  return {
    kind: 'page2',
    title: '',
    subtitle: '',
    cells,
    texts: texts.filter((t): t is SheetText => t !== null),
    photo: null,
  };
}

/** The 续页 sheets: each overflow as a labelled row (split across sheets as needed), then the rest of the family. */
function continuation(form: RenmianForm, overflow: readonly Overflow[], family: RenmianForm['family']): Sheet[] {
  const sheets: Sheet[] = [];
  let cells: GridCell[] = [];
  let texts: SheetText[] = [];
  let y = CONT_TOP;
  const flush = () => {
    sheets.push({
      kind: 'continuation',
      title: '干部任免审批表（续页）',
      subtitle: `姓名：${form.name}`,
      cells,
      texts,
      photo: null,
    });
    cells = [];
    texts = [];
    y = CONT_TOP;
  };
  const valueW = TABLE_W - CONT_LABEL_W;
  const sections = (list: readonly Overflow[]) => {
    for (const o of list) {
      const pitch = lineHeightMm(o.sizePt);
      // A family member's cell had a narrower column: its rest is wrapped again for the wide one.
      const lines =
        o.lines.length > 0 && o.label !== '简历'
          ? wrapText(o.lines.map((l) => l.text).join(''), o.sizePt, valueW - 2 * PAD_X)
          : o.lines;
      let from = 0;
      while (from < lines.length) {
        const room = Math.floor((TABLE_BOTTOM - y - 2 * PAD_Y) / pitch);
        if (room < 2) {
          flush();
          continue;
        }
        const part = lines.slice(from, from + room);
        const h = Math.max(12, part.length * pitch + 2 * PAD_Y + 0.5);
        const label: GridCell = {
          id: `c-l${cells.length}`,
          x: TABLE_X,
          y,
          w: CONT_LABEL_W,
          h,
          label: `${o.label}\n（续）`,
        };
        const value: GridCell = { id: `c-v${cells.length}`, x: TABLE_X + CONT_LABEL_W, y, w: valueW, h };
        cells.push(label, value);
        const lt = labelText(label);
        if (lt) texts.push(lt);
        texts.push({ cellId: value.id, box: inner(value), sizePt: o.sizePt, lines: part, ...LEFT_TOP, font: 'fang' });
        from += part.length;
        y += h;
      }
    }
  };
  sections(overflow);
  const late: Overflow[] = [];
  let member = 0;
  while (member < family.length) {
    const room = Math.floor((TABLE_BOTTOM - y - FAMILY_HEAD_H) / FAMILY_ROW_H);
    if (room < 1) {
      flush();
      continue;
    }
    const rows = family.slice(member, member + room);
    const grid = familyGrid(TABLE_X + CONT_LABEL_W, y, rows.length);
    const h = FAMILY_HEAD_H + rows.length * FAMILY_ROW_H;
    const label: GridCell = {
      id: `c-lf${member}`,
      x: TABLE_X,
      y,
      w: CONT_LABEL_W,
      h,
      label: '家庭\n主要\n成员\n（续）',
    };
    const tableCells = [label, ...grid];
    cells.push(...tableCells);
    const m = byId(grid);
    for (const c of tableCells) {
      const lt = labelText(c);
      if (lt) texts.push(lt);
    }
    // A member's text too long for its cell here too goes on below the table, as on page 2.
    texts.push(...familyTexts(m, rows, late));
    member += rows.length;
    y += h;
  }
  sections(late);
  if (cells.length > 0) flush();
  return sheets;
}

/** Page 1, page 2 and any 续页 of one cadre's form. */
export function renmianSheets(form: RenmianForm): Sheet[] {
  const overflow: Overflow[] = [];
  const restFamily = form.family.length > FAMILY_ROWS ? form.family.length - (FAMILY_ROWS - 1) : 0;
  const first = page1(form, overflow);
  const second = page2(form, overflow, restFamily);
  const moreFamily = restFamily > 0 ? form.family.slice(FAMILY_ROWS - 1) : [];
  return [first, second, ...continuation(form, overflow, moreFamily)];
}

/** The family table's column widths, for the print test. */
export const FAMILY_TABLE_W = FAMILY_COLS.reduce((a, b) => a + b, 0);
