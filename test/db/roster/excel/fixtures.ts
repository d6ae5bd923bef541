// The committed fixtures' contents (test/fixtures/excel): a clean roster and one with an error of every kind.
// Rewrite them with `WRITE_FIXTURES=1 npx vitest run --project unit test/db/roster/excel/fixtures.test.ts`;
// roster-libreoffice.xlsx is roster-valid.xlsx re-saved by `soffice --headless --convert-to xlsx` (see README.md there).
import { fillTemplate, makeId, makeIdEndingX, type SheetRow } from './helpers';

export const ID_WANG = makeId('19750315', '男', 21);
export const ID_LI = makeIdEndingX('19801120', '女');
export const ID_CHEN = makeId('19851003', '女', 46);

/** Rows 3–8 of roster-valid.xlsx (row 6 is empty). */
export const VALID_ROWS: readonly (SheetRow | null)[] = [
  {
    name: '王建国',
    gender: '男',
    ethnicity: '汉族',
    birthMonth: '1975.03',
    nativePlace: '河北正定',
    birthPlace: '河北正定',
    partyJoin: '1998.06',
    workStart: '1996.08',
    health: '健康',
    techTitle: '高级经济师',
    expertise: '干部管理',
    fulltimeEducation: '大学',
    fulltimeDegree: '管理学学士',
    fulltimeSchool: '河北经贸大学工商管理专业',
    parttimeEducation: '研究生',
    parttimeDegree: '',
    parttimeSchool: '省委党校经济管理专业',
    currentPost: '县委组织部部务委员、干部科科长',
    postSince: '2021.09',
    rank: '正科级',
    unit: '县委组织部',
    position: '正职',
    idNumber: ID_WANG,
    familiarFields: '组织人事',
    traits: '政治坚定，作风扎实',
    shortcomings: '工作方法有待创新',
    status: '',
    annualResults: '2022年度称职；2023年度优秀。',
    resume:
      '1996.08--2003.05  城关镇人民政府科员\n2003.05--2021.09  县委组织部干部科科员、副科长\n2021.09--  县委组织部干部科科长',
    rewards: '2022年被评为全县优秀共产党员',
  },
  {
    name: '李秀英',
    gender: '女',
    ethnicity: '满族',
    birthMonth: '198011',
    partyJoin: '中国民主同盟',
    workStart: '2002-7',
    fulltimeEducation: '研究生',
    currentPost: '县农业农村局副局长',
    postSince: '2019年4月',
    rank: '副科级',
    unit: '县农业农村局（县乡村振兴局）',
    position: '副职',
    idNumber: ID_LI.toLowerCase(), // a lower-case x is accepted and stored upper-case
    status: '在职',
    annualResults: '2021年度称职；2022年度称职；2023年度称职',
  },
  {
    name: '张伟',
    gender: '男',
    ethnicity: { formula: '"回"&"族"', result: '回族' },
    birthMonth: new Date(Date.UTC(1982, 6, 1)),
    currentPost: '城关镇党委书记',
    postSince: new Date(Date.UTC(2020, 9, 1)),
    unit: '城关镇人民政府',
    position: '正职',
    numFmt: { birthMonth: 'yyyy.mm', postSince: 'yyyy"年"m"月"' },
  },
  null,
  {
    name: { richText: [{ text: '刘' }, { text: '洋', font: { bold: true } }] },
    gender: '男',
    birthMonth: 197912,
    currentPost: '县发展和改革局副局长',
    postSince: '2020-1',
    rank: '三级调研员',
    unit: '县发展和改革局',
    position: '副职',
  },
  {
    name: '陈静',
    gender: '女',
    birthMonth: '1985年10月',
    partyJoin: '20070701',
    currentPost: '县委办公室副主任',
    unit: '县委办公室',
    position: '副职',
    idNumber: ID_CHEN,
    status: '调出',
    annualResults: '2023年度优秀',
  },
];

const base = (name: string, birthMonth: SheetRow['birthMonth'], extra: SheetRow = {}): SheetRow => ({
  name,
  gender: '男',
  birthMonth,
  currentPost: '科员',
  unit: '县委办公室',
  position: '副职',
  ...extra,
});

export const ID_DUP = makeId('19760512', '男', 33);
export const ID_BAD_CHECK = (() => {
  const good = makeId('19770210', '男', 55);
  return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
})();

/** Rows 3–16 of roster-errors.xlsx: one problem per row 3–9 and 14–16; rows 10–13 are the accepted date styles. */
export const ERROR_ROWS: readonly SheetRow[] = [
  base('赵一', '1975.13'), // 3: no 13th month
  base('钱二', '1978.04', { unit: '县委组织' }), // 4: unknown unit (县委组织部 is suggested)
  base('孙三', '1976.05', { idNumber: ID_DUP }), // 5: 身份证号 also on row 6
  base('周四', '1976.05', { idNumber: ID_DUP }), // 6
  base('吴五', '1977.02', { idNumber: ID_BAD_CHECK }), // 7: wrong check digit
  base('', '1979.09'), // 8: no 姓名 (other cells filled)
  base('郑七', '1980.01', { gender: '男性' }), // 9
  base('冯八', '1975.03'), // 10: accepted
  base('陈九', '197503'), // 11: accepted
  base('褚十', '1975-3'), // 12: accepted
  base('卫十一', new Date(Date.UTC(1975, 2, 1)), {
    postSince: new Date(Date.UTC(2020, 9, 1)),
    numFmt: { birthMonth: 'yyyy-mm-dd', postSince: 'yyyy"年"m"月"' },
  }), // 13: real date cells, accepted
  base('蒋十二', 1975.1, { numFmt: { birthMonth: 'General' } }), // 14: 1975.10 stored as the number 1975.1
  base('沈十三', '1976.08', { idNumber: 130102197608151000, numFmt: { idNumber: 'General' } }), // 15: id lost digits
  base('韩十四', '1981.06', { annualResults: '2022年度优良' }), // 16: unknown result
];

export const buildValidFixture = () => fillTemplate(VALID_ROWS);
export const buildErrorsFixture = () => fillTemplate(ERROR_ROWS);
