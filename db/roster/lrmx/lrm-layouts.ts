// The two field orders .lrm (任免审批表 2.0) files are written in, and the content checks that pick one of them.
//
// Positions are 0-based here (messages to the user count from 1). Positions 0–11 are the same in both:
//   0 姓名  1 性别  2 出生年月  3 民族  4 籍贯  5 入党时间  6 健康状况  7 出生地  8 参加工作时间
//   9 学历/学位  “全日制学历#全日制学位@在职学历#在职学位”   10 院校, the same shape   11 专业技术职务
// Layout A (assumed by this app since the first .lrm support, files such as test/fixtures/lrmx/王建国.lrm):
//  12 熟悉专业有何专长  13 现任职务  14 拟任职务  15 拟免职务  16 简历  17 奖惩情况  18 年度考核结果  19 任免理由
//  20 呈报单位  21 计算年龄时间  22 填表时间  23 填表人  24 身份证号  25… 家庭成员, five fields per member
// Layout B (what a government cadre-management system writes and its import reads back; 33 fields, no 身份证号):
//  12–15 written empty, meaning unknown  16 熟悉专业有何专长  17 简历  18 奖惩情况  19 年度考核结果
//  20–24 家庭成员 as five columns (称谓, 姓名, 出生日期, 政治面貌, 工作单位及职务), entries joined by @, padded with
//  trailing @ to seven entries  25 现任职务  26 拟任职务  27 拟免职务  28 任免理由  29 呈报单位  30 计算年龄时间
//  31 填表人 (录入人)  32 填表时间 (录入时间)
// Sources for layout B (read to learn the layout, no code taken): HuangHL92/ZHGBSYS (its .lrm writer
// QueryPersonListPageModel.createLrmStr and its importer SaveLrmFile, which agree on every position), and a second
// Java 任免表 reader (txtToRmTable, repository not identified) that insists on 33 fields, reads 20–24 as @-joined family
// columns and calls 12–15 unknown.
//
// A file is read in a layout only when that layout's checks pass (dates where it has dates, text where it has text,
// an ID or nothing where A has the 身份证号, family lists where B has them); shifted fields fail them.
import type { LrmxPerson } from '../../../shared/roster/lrmx-types';

export type LrmLayoutId = 'A' | 'B';

type Key = keyof LrmxPerson;
/** What one position fills: person fields, the split education texts, B's family columns, or nothing known. */
export type LrmSlot =
  | { readonly key: Key }
  | { readonly education: 'level' | 'school' }
  | { readonly family: number }
  | { readonly unknown: true };

const COMMON: readonly LrmSlot[] = [
  { key: 'xingMing' },
  { key: 'xingBie' },
  { key: 'chuShengNianYue' },
  { key: 'minZu' },
  { key: 'jiGuan' },
  { key: 'ruDangShiJian' },
  { key: 'jianKangZhuangKuang' },
  { key: 'chuShengDi' },
  { key: 'canJiaGongZuoShiJian' },
  { education: 'level' },
  { education: 'school' },
  { key: 'zhuanYeJiShuZhiWu' },
];

/** Positions of each layout; A's family members follow its last position, five fields each. */
export const LRM_LAYOUTS: Readonly<Record<LrmLayoutId, readonly LrmSlot[]>> = {
  A: [
    ...COMMON,
    ...(
      [
        'shuXiZhuanYeYouHeZhuanChang',
        'xianRenZhiWu',
        'niRenZhiWu',
        'niMianZhiWu',
        'jianLi',
        'jiangChengQingKuang',
        'nianDuKaoHeJieGuo',
        'renMianLiYou',
        'chengBaoDanWei',
        'jiSuanNianLingShiJian',
        'tianBiaoShiJian',
        'tianBiaoRen',
        'shenFenZheng',
      ] as const
    ).map((key) => ({ key })),
  ],
  B: [
    ...COMMON,
    { unknown: true },
    { unknown: true },
    { unknown: true },
    { unknown: true },
    ...(['shuXiZhuanYeYouHeZhuanChang', 'jianLi', 'jiangChengQingKuang', 'nianDuKaoHeJieGuo'] as const).map((key) => ({
      key,
    })),
    ...[0, 1, 2, 3, 4].map((family) => ({ family })),
    ...(
      [
        'xianRenZhiWu',
        'niRenZhiWu',
        'niMianZhiWu',
        'renMianLiYou',
        'chengBaoDanWei',
        'jiSuanNianLingShiJian',
        'tianBiaoRen',
        'tianBiaoShiJian',
      ] as const
    ).map((key) => ({ key })),
  ],
};

/** Where A's family members start (five fields each) and where B's five family columns start. */
export const A_FAMILY_FROM = 25;
export const B_FAMILY_FROM = 20;
const B_FIELDS = 33;

export const FAMILY_LABELS = ['称谓', '姓名', '出生日期', '政治面貌', '工作单位及职务'] as const;

const LABELS: Readonly<Record<LrmLayoutId, readonly string[]>> = {
  A: [
    '姓名',
    '性别',
    '出生年月',
    '民族',
    '籍贯',
    '入党时间',
    '健康状况',
    '出生地',
    '参加工作时间',
    '学历学位',
    '毕业院校系及专业',
    '专业技术职务',
    '熟悉专业有何专长',
    '现任职务',
    '拟任职务',
    '拟免职务',
    '简历',
    '奖惩情况',
    '年度考核结果',
    '任免理由',
    '呈报单位',
    '计算年龄时间',
    '填表时间',
    '填表人',
    '身份证号',
  ],
  B: [
    '姓名',
    '性别',
    '出生年月',
    '民族',
    '籍贯',
    '入党时间',
    '健康状况',
    '出生地',
    '参加工作时间',
    '学历学位',
    '毕业院校系及专业',
    '专业技术职务',
    '',
    '',
    '',
    '',
    '熟悉专业有何专长',
    '简历',
    '奖惩情况',
    '年度考核结果',
    ...FAMILY_LABELS.map((l) => `家庭成员${l}`),
    '现任职务',
    '拟任职务',
    '拟免职务',
    '任免理由',
    '呈报单位',
    '计算年龄时间',
    '填表人',
    '填表时间',
  ],
};

const digits = (s: string) => (s.match(/\d/g) ?? []).length;
/** Digits and date punctuation only, at least a year: 197208, 1972.08, 2025-12-01, 2025年12月. */
export const isDateLike = (s: string) => /^[\d\s.．\-/:年月日]+$/.test(s) && digits(s) >= 4;
const isIdLike = (s: string) => /^\d{17}[\dXx]$/.test(s) || /^\d{15}$/.test(s);
/** A 简历: opens with a year and month and runs over lines or a date range. */
const isResumeLike = (s: string) => /^\d{4}[.．年]\s*\d{1,2}/.test(s.trim()) && /[\n\-—–－~～至]/.test(s);

const SHOW_MAX = 20;
/** A field as a message quotes it: on one line, cut after 20 characters. */
export const shown = (s: string) => (s.length > SHOW_MAX ? `${s.slice(0, SHOW_MAX)}…` : s).replace(/\s+/g, ' ');

/** Why a file does not fit (one Chinese phrase), or null when it does. */
type Check = (f: readonly string[]) => string | null;

function checker(layout: LrmLayoutId) {
  const field = (k: number) => (LABELS[layout][k] ? `第 ${k + 1} 项“${LABELS[layout][k]}”` : `第 ${k + 1} 项`);
  return {
    date: (f: readonly string[], k: number) =>
      f[k] && !isDateLike(f[k]!) ? `${field(k)}应为日期，实为“${shown(f[k]!)}”` : null,
    text: (f: readonly string[], k: number) =>
      f[k] && isDateLike(f[k]!) ? `${field(k)}不应是日期，实为“${shown(f[k]!)}”` : null,
    id: (f: readonly string[], k: number) =>
      f[k] && !isIdLike(f[k]!) ? `${field(k)}应为身份证号，实为“${shown(f[k]!)}”` : null,
    noList: (f: readonly string[], k: number) =>
      f[k]?.includes('@') ? `${field(k)}含有 @ 分隔的列表“${shown(f[k]!)}”` : null,
    field,
  };
}

const first = (...reasons: (string | null)[]) => reasons.find((r) => r !== null) ?? null;

/** Positions 0–8, the same in both layouts: dates at 出生年月 and 参加工作时间, no date where text belongs. */
export const checkCommon: Check = (f) => {
  const c = checker('A');
  return first(
    c.text(f, 0),
    c.text(f, 1),
    c.date(f, 2),
    c.text(f, 3),
    c.text(f, 4),
    c.text(f, 6),
    c.text(f, 7),
    c.date(f, 8),
  );
};

/** Layout A: dates at 21–22, an ID (or nothing) at 24, no @-lists at 20–24, a date among its members' birth dates. */
const checkA: Check = (f) => {
  const c = checker('A');
  const reason = first(
    c.text(f, 13),
    c.text(f, 20),
    c.date(f, 21),
    c.date(f, 22),
    c.text(f, 23),
    c.id(f, 24),
    ...[20, 21, 22, 23, 24].map((k) => c.noList(f, k)),
  );
  if (reason) return reason;
  const births = [];
  for (let k = A_FAMILY_FROM + 2; k < f.length; k += 5) births.push(f[k]!);
  if (births.some(Boolean) && !births.some(isDateLike))
    return `家庭成员的出生日期（第 ${A_FAMILY_FROM + 3} 项起每 5 项）中没有日期，实为“${shown(births.find(Boolean)!)}”`;
  return null;
};

/** Layout B: 25–33 fields, dates at 30 and 32, text at 25/29/31, family columns shaped as lists. */
const checkB: Check = (f) => {
  if (f.length < B_FAMILY_FROM + 5 || f.length > B_FIELDS)
    return `应有 ${B_FAMILY_FROM + 5}–${B_FIELDS} 项，实有 ${f.length} 项`;
  const c = checker('B');
  const reason = first(c.text(f, 16), c.text(f, 25), c.text(f, 29), c.date(f, 30), c.text(f, 31), c.date(f, 32));
  if (reason) return reason;
  const column = (i: number) =>
    (f[B_FAMILY_FROM + i] ?? '')
      .split('@')
      .map((s) => s.trim())
      .filter(Boolean);
  const relationDate = column(0).find(isDateLike);
  if (relationDate) return `${c.field(B_FAMILY_FROM)}中有日期“${shown(relationDate)}”`;
  const births = column(2);
  if (births.length > 0 && !births.some(isDateLike))
    return `${c.field(B_FAMILY_FROM + 2)}中没有日期，实为“${shown(births[0]!)}”`;
  return null;
};

const NAMES: Readonly<Record<LrmLayoutId, string>> = {
  A: '按第 25 项为身份证号的顺序',
  B: '按第 21–25 项为家庭成员的顺序',
};
const PREFIX = '无法确定任免审批表（.lrm）的字段顺序';
const REFUSED = '为避免字段错位，文件未导入';

/** The layout whose checks the fields pass, or the Chinese reason none can be trusted. */
export function chooseLrmLayout(
  f: readonly string[],
): { ok: true; layout: LrmLayoutId } | { ok: false; error: string } {
  const common = checkCommon(f);
  if (common) return { ok: false, error: `${PREFIX}：${common}，各项可能错位，${REFUSED}` };
  const whyNotA = checkA(f);
  const whyNotB = checkB(f);
  if (!whyNotA && whyNotB) return { ok: true, layout: 'A' };
  if (whyNotA && !whyNotB) return { ok: true, layout: 'B' };
  if (whyNotA && whyNotB) {
    return {
      ok: false,
      error: `${PREFIX}：共 ${f.length} 项；${NAMES.A}，${whyNotA}；${NAMES.B}，${whyNotB}。${REFUSED}`,
    };
  }
  // Both fit (mostly empty files): the 简历's position and a complete field count decide, when they agree.
  const n = f.length;
  const forA =
    Number(isResumeLike(f[16] ?? '') && !isResumeLike(f[17] ?? '')) +
    Number(n === A_FAMILY_FROM || (n > A_FAMILY_FROM && (n - A_FAMILY_FROM) % 5 === 0));
  const forB = Number(isResumeLike(f[17] ?? '') && !isResumeLike(f[16] ?? '')) + Number(n === B_FIELDS);
  if (forA > 0 && forB === 0) return { ok: true, layout: 'A' };
  if (forB > 0 && forA === 0) return { ok: true, layout: 'B' };
  return { ok: false, error: `${PREFIX}：共 ${n} 项，两种顺序都说得通（简历等项的位置无法区分）。${REFUSED}` };
}
