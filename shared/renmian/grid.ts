// The 干部任免审批表's fixed grid (mm on an A4 sheet), after the national 任免审批表 editor's form: where every
// ruled cell is, which label it carries. The print view draws these boxes and the print test measures them.

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** One ruled cell: a label cell carries its printed label; a value cell is filled from the cadre. */
export interface GridCell extends Box {
  readonly id: string;
  /** The printed label, lines separated by \n; absent for a value cell. */
  readonly label?: string;
}

export const PAGE = { w: 210, h: 297 } as const;
export const TABLE_X = 22;
export const TABLE_W = 166;
/** The title “干部任免审批表” above the grid of page 1 (二号 宋体, bold). */
export const TITLE = { y: 12, h: 14, sizePt: 22 } as const;
export const PAGE1_TOP = 30;
export const PAGE2_TOP = 20;
export const TABLE_BOTTOM = 277;

// Page 1 columns: label, value, label, value, label, value, photo.
const C = [20, 26, 18, 26, 22, 24, 30] as const;
const colX = (i: number) => TABLE_X + C.slice(0, i).reduce((a, b) => a + b, 0);
const span = (from: number, to: number) => C.slice(from, to + 1).reduce((a, b) => a + b, 0);

const cell = (id: string, col: number, toCol: number, y: number, h: number, label?: string): GridCell => ({
  id,
  x: colX(col),
  y,
  w: span(col, toCol),
  h,
  ...(label === undefined ? {} : { label }),
});

/** Row heights of page 1 above the 简历 (mm). */
export const PAGE1_ROWS = [13, 12, 12, 12, 14, 14, 12, 12, 12] as const;
const rowY = (rows: readonly number[], top: number, i: number) => top + rows.slice(0, i).reduce((a, b) => a + b, 0);

export function page1Grid(): GridCell[] {
  const y = (i: number) => rowY(PAGE1_ROWS, PAGE1_TOP, i);
  const h = (i: number) => PAGE1_ROWS[i]!;
  const resumeY = y(PAGE1_ROWS.length);
  return [
    cell('l-name', 0, 0, y(0), h(0), '姓　名'),
    cell('name', 1, 1, y(0), h(0)),
    cell('l-gender', 2, 2, y(0), h(0), '性　别'),
    cell('gender', 3, 3, y(0), h(0)),
    cell('l-birth', 4, 4, y(0), h(0), '出生年月\n（　岁）'),
    cell('birth', 5, 5, y(0), h(0)),
    cell('photo', 6, 6, y(0), h(0) + h(1) + h(2) + h(3)),
    cell('l-ethnicity', 0, 0, y(1), h(1), '民　族'),
    cell('ethnicity', 1, 1, y(1), h(1)),
    cell('l-nativePlace', 2, 2, y(1), h(1), '籍　贯'),
    cell('nativePlace', 3, 3, y(1), h(1)),
    cell('l-birthPlace', 4, 4, y(1), h(1), '出 生 地'),
    cell('birthPlace', 5, 5, y(1), h(1)),
    cell('l-partyJoin', 0, 0, y(2), h(2), '入　党\n时　间'),
    cell('partyJoin', 1, 1, y(2), h(2)),
    cell('l-workStart', 2, 2, y(2), h(2), '参加工\n作时间'),
    cell('workStart', 3, 3, y(2), h(2)),
    cell('l-health', 4, 4, y(2), h(2), '健康状况'),
    cell('health', 5, 5, y(2), h(2)),
    cell('l-techTitle', 0, 0, y(3), h(3), '专业技\n术职务'),
    cell('techTitle', 1, 2, y(3), h(3)),
    cell('l-expertise', 3, 3, y(3), h(3), '熟悉专业\n有何专长'),
    cell('expertise', 4, 5, y(3), h(3)),
    cell('l-education', 0, 0, y(4), h(4) + h(5), '学　历\n学　位'),
    cell('l-fulltime', 1, 1, y(4), h(4), '全日制\n教　育'),
    cell('fulltimeEducation', 2, 3, y(4), h(4)),
    cell('l-fulltimeSchool', 4, 4, y(4), h(4), '毕业院校\n系及专业'),
    cell('fulltimeSchool', 5, 6, y(4), h(4)),
    cell('l-parttime', 1, 1, y(5), h(5), '在　职\n教　育'),
    cell('parttimeEducation', 2, 3, y(5), h(5)),
    cell('l-parttimeSchool', 4, 4, y(5), h(5), '毕业院校\n系及专业'),
    cell('parttimeSchool', 5, 6, y(5), h(5)),
    cell('l-currentPost', 0, 1, y(6), h(6), '现 任 职 务'),
    cell('currentPost', 2, 6, y(6), h(6)),
    cell('l-proposedPost', 0, 1, y(7), h(7), '拟 任 职 务'),
    cell('proposedPost', 2, 6, y(7), h(7)),
    cell('l-proposedRemoval', 0, 1, y(8), h(8), '拟 免 职 务'),
    cell('proposedRemoval', 2, 6, y(8), h(8)),
    cell('l-resume', 0, 0, resumeY, TABLE_BOTTOM - resumeY, '简\n\n\n\n\n\n历'),
    cell('resume', 1, 6, resumeY, TABLE_BOTTOM - resumeY),
  ];
}

/** Page 2: label column, then the value (the family table has five columns of its own). */
const L2 = 20;
const V2 = TABLE_W - L2;
/** 称谓, 姓名, 年龄, 政治面貌, 工作单位及职务. */
export const FAMILY_COLS = [14, 20, 12, 24, 76] as const;
export const FAMILY_ROWS = 7;
export const FAMILY_ROW_H = 10;
export const FAMILY_HEAD_H = 10;
export const PAGE2_ROWS = {
  rewards: 34,
  annual: 18,
  reason: 26,
  family: FAMILY_HEAD_H + FAMILY_ROWS * FAMILY_ROW_H,
  report: 34,
  approval: 44,
} as const;
/** 填表人, under the grid of page 2. */
export const FILLED_BY_Y = 262;

export const FAMILY_KEYS = ['relation', 'name', 'age', 'politicalStatus', 'workUnitPost'] as const;
const FAMILY_LABELS = ['称谓', '姓　名', '年龄', '政治面貌', '工作单位及职务'];

/** The family table's cells at `top` with `rows` member rows, ids `f{row}-{key}` (header row `fh-…`). */
export function familyGrid(x: number, top: number, rows: number): GridCell[] {
  const out: GridCell[] = [];
  let cx = x;
  FAMILY_COLS.forEach((w, i) => {
    out.push({ id: `fh-${FAMILY_KEYS[i]}`, x: cx, y: top, w, h: FAMILY_HEAD_H, label: FAMILY_LABELS[i]! });
    for (let r = 0; r < rows; r += 1)
      out.push({ id: `f${r}-${FAMILY_KEYS[i]}`, x: cx, y: top + FAMILY_HEAD_H + r * FAMILY_ROW_H, w, h: FAMILY_ROW_H });
    cx += w;
  });
  return out;
}

export function page2Grid(): GridCell[] {
  const r = PAGE2_ROWS;
  let y = PAGE2_TOP;
  const row = (id: string, label: string, h: number): GridCell[] => {
    const cells: GridCell[] = [
      { id: `l-${id}`, x: TABLE_X, y, w: L2, h, label },
      { id, x: TABLE_X + L2, y, w: V2, h },
    ];
    y += h;
    return cells;
  };
  const cells = [
    ...row('rewards', '奖\n惩\n情\n况', r.rewards),
    ...row('annualResults', '年度考\n核结果', r.annual),
    ...row('reason', '任\n免\n理\n由', r.reason),
  ];
  cells.push({ id: 'l-family', x: TABLE_X, y, w: L2, h: r.family, label: '家庭\n主要\n成员\n及重\n要社\n会关\n系' });
  cells.push(...familyGrid(TABLE_X + L2, y, FAMILY_ROWS));
  y += r.family;
  cells.push(...row('reportingUnit', '呈\n报\n单\n位', r.report));
  const half = (V2 - L2) / 2;
  cells.push(
    { id: 'l-approval', x: TABLE_X, y, w: L2, h: r.approval, label: '审批\n机关\n意见' },
    { id: 'approval', x: TABLE_X + L2, y, w: half, h: r.approval },
    { id: 'l-adminApproval', x: TABLE_X + L2 + half, y, w: L2, h: r.approval, label: '行政\n机关\n任免\n意见' },
    { id: 'adminApproval', x: TABLE_X + 2 * L2 + half, y, w: half, h: r.approval },
  );
  return cells;
}

/** The 续页: a label column and a wide text column, from CONT_TOP down to the table's bottom. */
export const CONT_TOP = 34;
export const CONT_LABEL_W = L2;
