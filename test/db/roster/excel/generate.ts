// A deterministic, realistic roster workbook of any size, for scale checks and the import benchmark
// (own PRNG, no Math.random): Chinese names, valid 身份证号 matching 出生年月 and 性别, mixed date styles.
import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS, ROSTER_SHEET, headerText, type ColumnKey } from '../../../../db/roster/excel/columns';
import { formatAnnualResults } from '../../../../shared/roster/annual-results';
import { checkDigit } from '../../../../shared/roster/idcard';
import { EDUCATION_LEVELS, RANKS, type AnnualResult } from '../../../../shared/roster/types';

/** mulberry32: tiny, fast and good enough to make test data. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, int, pick };
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌辉鹏宇浩凯健俊帆晨阳林海波宁峰岩雪琳晶慧颖婷倩娅欣悦佳诚卫东新春立德正清永福',
];
const ETHNICITIES = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '回族', '满族', '蒙古族', '壮族'];
const PLACES = ['河北石家庄', '河北正定', '河北保定', '山东济南', '河南郑州', '山西太原', '北京', '天津'];
const REGIONS = ['130102', '130104', '130105', '130108', '130121', '130123', '130181', '130602'];
const POSTS_CHIEF = ['党委书记', '局长', '主任', '部长', '镇长'];
const POSTS_DEPUTY = ['副局长', '副主任', '副部长', '副镇长', '党委副书记'];
const RESULTS = ['称职', '称职', '称职', '优秀', '基本称职'];

const DEPARTMENTS = [
  '县委办公室',
  '县人大常委会办公室',
  '县政府办公室',
  '县政协办公室',
  '县纪委监委',
  '县委组织部',
  '县委宣传部',
  '县委统战部',
  '县委政法委',
  '县委编办',
  '县发展和改革局',
  '县教育局',
  '县科技和工业信息化局',
  '县公安局',
  '县民政局',
  '县司法局',
  '县财政局',
  '县人力资源和社会保障局',
  '县自然资源和规划局',
  '县生态环境分局',
  '县住房和城乡建设局',
  '县交通运输局',
  '县水利局',
  '县农业农村局',
  '县商务局',
  '县文化广电和旅游局',
  '县卫生健康局',
  '县退役军人事务局',
  '县应急管理局',
  '县审计局',
  '县市场监督管理局',
  '县统计局',
  '县医疗保障局',
  '县信访局',
  '县行政审批局',
  '县林业局',
];
const TOWN_A = [...'东西南北城新安平和兴丰永长宁康福泰清河山石龙凤'];
const TOWN_B = [...'关庄营集店桥口镇湾坪屯寨坊岗堡'];

/** `count` realistic, distinct unit names: county departments first, then 镇/乡 governments. */
export function generateUnits(count: number, seed = 1): { id: number; name: string }[] {
  const r = rng(seed);
  const names = new Set<string>(DEPARTMENTS.slice(0, count));
  for (let guard = 0; names.size < count && guard < count * 50; guard += 1) {
    const town = `${r.pick(TOWN_A)}${r.pick(TOWN_B)}${r.next() < 0.7 ? '镇' : '乡'}`;
    names.add(`${town}人民政府`);
    if (names.size < count) names.add(`${town}党委`);
  }
  for (let i = names.size; names.size < count; i += 1) names.add(`县直第${i}单位`);
  return [...names].map((name, i) => ({ id: i + 1, name }));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The cells of `count` cadres (no example row), spread over `units`. */
export function generateRosterRows(
  count: number,
  units: readonly { name: string }[],
  seed: number,
): Record<ColumnKey, string>[] {
  const r = rng(seed);
  const ids = new Set<string>();
  const rows: Record<ColumnKey, string>[] = [];
  for (let i = 0; i < count; i += 1) {
    const gender = r.next() < 0.72 ? '男' : '女';
    const year = r.int(1966, 1995);
    const month = r.int(1, 12);
    const day = r.int(1, 28);
    let id = '';
    while (!id || ids.has(id)) {
      const seq = r.int(0, 99) * 10 + (gender === '男' ? r.pick([1, 3, 5, 7, 9]) : r.pick([0, 2, 4, 6, 8]));
      const first17 = `${r.pick(REGIONS)}${year}${pad(month)}${pad(day)}${pad(seq, 3)}`;
      id = first17 + checkDigit(first17);
    }
    ids.add(id);
    const given = r.next() < 0.4 ? r.pick(GIVEN) : `${r.pick(GIVEN)}${r.pick(GIVEN)}`;
    const name = `${r.pick(SURNAMES)}${given}`;
    // The styles people type: 1975.03, 197503, 1975-3, 1975年3月.
    const style = r.int(0, 3);
    const birthMonth =
      style === 0
        ? `${year}.${pad(month)}`
        : style === 1
          ? `${year}${pad(month)}`
          : style === 2
            ? `${year}-${month}`
            : `${year}年${month}月`;
    const workYear = year + r.int(18, 24);
    const unit = units[i % units.length]!.name;
    const chief = r.next() < 0.3;
    const postYear = Math.min(2024, workYear + r.int(5, 25));
    const results: AnnualResult[] = [2021, 2022, 2023].map((y) => ({ year: y, result: r.pick(RESULTS) }));
    const member = r.next() < 0.85;
    rows.push({
      name,
      gender,
      ethnicity: r.pick(ETHNICITIES),
      birthMonth,
      nativePlace: r.pick(PLACES),
      birthPlace: r.pick(PLACES),
      partyJoin: member ? `${Math.min(2024, workYear + r.int(0, 6))}.${pad(r.int(1, 12))}` : '',
      workStart: `${workYear}.${pad(r.int(7, 9))}`,
      health: '健康',
      techTitle: '',
      expertise: '',
      fulltimeEducation: r.pick(EDUCATION_LEVELS.slice(0, 3)),
      fulltimeDegree: '',
      fulltimeSchool: '',
      parttimeEducation: r.next() < 0.3 ? '研究生' : '',
      parttimeDegree: '',
      parttimeSchool: '',
      currentPost: `${unit.replace(/人民政府$/u, '')}${chief ? r.pick(POSTS_CHIEF) : r.pick(POSTS_DEPUTY)}`,
      postSince: `${postYear}.${pad(r.int(1, 12))}`,
      rank: chief ? RANKS[0] : r.pick(RANKS.slice(1)),
      unit,
      position: chief ? '正职' : '副职',
      idNumber: id,
      familiarFields: '',
      traits: '',
      shortcomings: '',
      status: r.next() < 0.95 ? '' : '在职',
      annualResults: formatAnnualResults(results),
      resume: '',
      rewards: '',
    });
  }
  return rows;
}

/** A 干部名册 workbook like a filled template (starred headers, text cells), deterministic for a seed. */
export async function generateRosterWorkbook(
  count: number,
  units: readonly { name: string }[],
  seed: number,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(ROSTER_SHEET);
  ws.addRow(ROSTER_COLUMNS.map(headerText));
  for (const row of generateRosterRows(count, units, seed)) ws.addRow(ROSTER_COLUMNS.map((c) => row[c.key] || null));
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
