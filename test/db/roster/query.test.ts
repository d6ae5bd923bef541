// The roster query through the dispatcher: every filter alone and combined, and free-text search (names of one, two
// or three characters, pinyin initials and full pinyin, polyphonic surnames, 身份证号, any text of the profile).
import { beforeAll, afterAll, describe, expect, test } from 'vitest';
import type { RosterFilter, RosterRow } from '../../../shared/roster/views';
import { DEFAULT_POST_ORDER } from '../../../shared/roster/post-order';
import { newSuiteHostWithStore } from '../../helpers/host';
import { addUnit, expectedAge, makeId, minimalCadre, type CadreForm } from '../../helpers/roster';

const TODAY = new Date();
const ym = (monthsAgo: number) => {
  const total = TODAY.getFullYear() * 12 + TODAY.getMonth() - monthsAgo;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
};

type UnitKey = 'wulan' | 'qipan' | 'zuzhi' | 'caizheng' | 'jiaoyu';
const UNITS: Record<UnitKey, { name: string; category: string }> = {
  wulan: { name: '乌兰镇', category: 'C1' },
  qipan: { name: '棋盘井镇', category: 'C1' },
  zuzhi: { name: '旗委组织部', category: 'C2' },
  caizheng: { name: '鄂托克旗财政局', category: 'C4' },
  jiaoyu: { name: '鄂托克旗教育体育局', category: 'C5' },
};

interface Person {
  readonly name: string;
  readonly unit: UnitKey;
  readonly position: 'chief' | 'deputy';
  readonly rank: string;
  readonly status: '在职' | '调出' | '退休' | '免职';
  readonly birthMonth: string;
  readonly gender: '男' | '女';
  /** 全日制 / 在职 学历, and the highest of the two the roster must derive. */
  readonly edu: readonly [string, string, string];
  readonly extra?: Partial<CadreForm>;
}

const p = (
  name: string,
  unit: UnitKey,
  position: 'chief' | 'deputy',
  rank: string,
  status: Person['status'],
  birthMonth: string,
  gender: '男' | '女',
  edu: readonly [string, string, string],
  extra?: Partial<CadreForm>,
): Person => ({ name, unit, position, rank, status, birthMonth, gender, edu, ...(extra ? { extra } : {}) });

const UNI: readonly [string, string, string] = ['大学', '', '大学'];
const PG: readonly [string, string, string] = ['大学', '研究生', '研究生'];
const JC: readonly [string, string, string] = ['大专', '', '大专'];
const JC_UNI: readonly [string, string, string] = ['大专', '大学', '大学'];
const TECH: readonly [string, string, string] = ['中专', '', '中专'];
const HIGH: readonly [string, string, string] = ['高中', '', '高中及以下'];
const NONE: readonly [string, string, string] = ['', '', ''];

const ID_ZSF = makeId('19700515', '男', 11);
const ID_X = Array.from({ length: 300 }, (_, i) => makeId('19860203', '女', i)).find((id) => id.endsWith('X'))!;

/** 30 cadres; names unique so a result can be read as a set of names. */
const PEOPLE: readonly Person[] = [
  p('张三丰', 'wulan', 'chief', '正科级', '在职', '1970-05', '男', PG, {
    idNumber: ID_ZSF,
    resume: '1990.07--2000.01  鄂托克旗草原站干部\n2000.01--  乌兰镇党委书记',
  }),
  p('王五', 'wulan', 'deputy', '副科级', '在职', '1982-07', '男', UNI),
  p('王伍', 'qipan', 'deputy', '副科级', '在职', '1984-01', '男', JC),
  p('王建国', 'caizheng', 'chief', '正科级', '在职', '1968-11', '男', UNI),
  p('王秀英', 'caizheng', 'deputy', '一级主任科员', '调出', '1979-09', '女', JC_UNI),
  p('单雄信', 'qipan', 'chief', '正科级', '在职', '1975-03', '男', UNI),
  p('曾国藩', 'zuzhi', 'chief', '正科级', '在职', '1966-12', '男', PG),
  p('李四', 'zuzhi', 'deputy', '副科级', '在职', '1988-04', '男', UNI),
  p('赵六', 'jiaoyu', 'deputy', '副科级', '退休', '1961-02', '男', TECH),
  p('孙七', 'jiaoyu', 'chief', '正科级', '在职', '1972-06', '女', PG),
  p('周八', 'wulan', 'deputy', '二级主任科员', '在职', '1990-10', '女', UNI),
  p('吴九', 'qipan', 'deputy', '副科级', '免职', '1977-08', '男', HIGH),
  p('郑十', 'caizheng', 'deputy', '副科级', '在职', '1986-02', '女', UNI, { idNumber: ID_X }),
  p('冯一', 'zuzhi', 'deputy', '一级主任科员', '在职', '1973-01', '男', JC),
  p('陈二', 'jiaoyu', 'deputy', '副科级', '在职', '1980-03', '女', PG),
  p('褚三', 'wulan', 'deputy', '副科级', '调出', '1983-05', '男', NONE),
  p('卫四', 'qipan', 'chief', '正科级', '在职', '1969-07', '男', UNI),
  p('蒋五', 'caizheng', 'deputy', '副科级', '在职', '1987-09', '男', JC_UNI),
  p('沈六', 'zuzhi', 'deputy', '四级调研员', '在职', '1964-11', '女', UNI),
  p('韩七', 'jiaoyu', 'deputy', '副科级', '在职', '1991-01', '男', UNI),
  p('杨八', 'wulan', 'deputy', '副科级', '在职', '1976-02', '女', TECH),
  p('朱九', 'qipan', 'deputy', '三级主任科员', '在职', '1989-04', '男', UNI),
  p('秦十', 'caizheng', 'deputy', '副科级', '退休', '1960-06', '男', HIGH),
  p('尤一', 'zuzhi', 'deputy', '副科级', '在职', '1986-08', '女', PG),
  p('许二', 'jiaoyu', 'chief', '正科级', '调出', '1971-10', '男', UNI),
  p('何三', 'wulan', 'deputy', '副科级', '在职', '1981-12', '男', JC, { techTitle: 'CPA注册会计师' }),
  p('吕四', 'qipan', 'deputy', '副科级', '在职', '1978-03', '女', UNI, { familiarFields: '草原生态保护' }),
  p('施五', 'caizheng', 'deputy', '副科级', '在职', '1974-05', '男', UNI),
  // Born exactly 45 years ago this month (already 45), and a month later (still 44): the age filters' edges.
  p('孔边甲', 'zuzhi', 'deputy', '副科级', '在职', ym(45 * 12), '男', UNI),
  p('孔边乙', 'zuzhi', 'deputy', '副科级', '在职', ym(45 * 12 - 1), '男', UNI),
];

let h: Awaited<ReturnType<typeof newSuiteHostWithStore>>;
const unitIds = new Map<UnitKey, number>();
const idOf = new Map<string, number>();

beforeAll(async () => {
  h = await newSuiteHostWithStore();
  for (const [key, u] of Object.entries(UNITS) as [UnitKey, (typeof UNITS)[UnitKey]][])
    unitIds.set(key, (await addUnit(h, u.name, u.category)).id);
  for (const x of PEOPLE) {
    const input = minimalCadre(unitIds.get(x.unit)!, {
      name: x.name,
      gender: x.gender,
      birthMonth: x.birthMonth,
      position: x.position,
      rank: x.rank,
      status: x.status,
      currentPost: `${UNITS[x.unit].name}${x.position === 'chief' ? '主要负责人' : '班子成员'}`,
      fulltimeEducation: x.edu[0],
      parttimeEducation: x.edu[1],
      ...x.extra,
    });
    idOf.set(x.name, (await h.ok('cadres.create', { input })).id);
  }
});

// One store for the whole file (queries do not change it).
afterAll(() => h.dispose());

const names = (rows: readonly RosterRow[]) => rows.map((r) => r.name).sort();
const query = async (filter: RosterFilter) => names(await h.ok('roster.query', filter));
const expectNames = (pred: (x: Person) => boolean) =>
  PEOPLE.filter(pred)
    .map((x) => x.name)
    .sort();

describe('the rows', () => {
  test('without a filter every cadre is listed, with unit, category, computed age and highest education', async () => {
    const rows = await h.ok('roster.query', {});
    expect(rows).toHaveLength(PEOPLE.length);
    const zsf = rows.find((r) => r.name === '张三丰')!;
    expect(zsf).toEqual({
      id: idOf.get('张三丰'),
      name: '张三丰',
      gender: '男',
      birthMonth: '1970-05',
      age: expectedAge('1970-05', TODAY),
      unitId: unitIds.get('wulan')!,
      unitName: '乌兰镇',
      categoryCode: 'C1',
      categoryName: '苏木镇（街道）',
      position: 'chief',
      currentPost: '乌兰镇主要负责人',
      postRank: DEFAULT_POST_ORDER.length, // no 职务 keyword in it
      rank: '正科级',
      status: '在职',
      highestEducation: '研究生',
      idNumber: ID_ZSF,
    });
    for (const x of PEOPLE) {
      const row = rows.find((r) => r.name === x.name)!;
      expect(row.age, x.name).toBe(expectedAge(x.birthMonth, TODAY));
      expect(row.highestEducation, x.name).toBe(x.edu[2]);
    }
  });

  test('ordered by category, unit sort and name, 正职 before 副职, then name', async () => {
    const rows = await h.ok('roster.query', { unitId: unitIds.get('wulan')! });
    expect(rows.map((r) => r.position)).toEqual([...rows.map((r) => r.position)].sort());
    expect(rows[0]!.name).toBe('张三丰');
    const categories = (await h.ok('roster.query', {})).map((r) => r.categoryCode);
    expect(categories).toEqual([...categories].sort());
  });
});

describe('filters', () => {
  test.each(Object.keys(UNITS) as UnitKey[])('by unit: %s', async (key) => {
    expect(await query({ unitId: unitIds.get(key)! })).toEqual(expectNames((x) => x.unit === key));
  });

  test.each(['C1', 'C2', 'C4', 'C5', 'C8'])('by category %s', async (code) => {
    expect(await query({ categoryCode: code })).toEqual(expectNames((x) => UNITS[x.unit].category === code));
  });

  test.each(['chief', 'deputy'] as const)('by position: %s', async (position) => {
    expect(await query({ position })).toEqual(expectNames((x) => x.position === position));
  });

  test.each(['正科级', '副科级', '一级主任科员', '四级调研员', '三级调研员'])('by rank %s', async (rank) => {
    expect(await query({ rank })).toEqual(expectNames((x) => x.rank === rank));
  });

  test.each(['在职', '调出', '退休', '免职', '去世'] as const)('by status %s', async (status) => {
    expect(await query({ status })).toEqual(expectNames((x) => x.status === status));
  });

  test.each(['研究生', '大学', '大专', '中专', '高中及以下'] as const)(
    'by highest education %s (the higher of 全日制 and 在职)',
    async (education) => {
      const expected = expectNames((x) => x.edu[2] === education);
      expect(expected.length).toBeGreaterThan(0);
      expect(await query({ education })).toEqual(expected);
    },
  );

  test.each([
    [40, 50],
    [45, 45],
    [44, 44],
    [16, 35],
    [55, 80],
    [45, 80],
    [16, 44],
  ])('by age from %i to %i (ages computed from today)', async (ageMin, ageMax) => {
    const expected = expectNames((x) => {
      const age = expectedAge(x.birthMonth, TODAY);
      return age >= ageMin && age <= ageMax;
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(await query({ ageMin, ageMax })).toEqual(expected);
    expect(await query({ ageMin })).toEqual(expectNames((x) => expectedAge(x.birthMonth, TODAY) >= ageMin));
    expect(await query({ ageMax })).toEqual(expectNames((x) => expectedAge(x.birthMonth, TODAY) <= ageMax));
  });

  test('the age edges: born this month 45 years ago is 45, a month later is still 44', async () => {
    expect(await query({ ageMin: 45, ageMax: 45, unitId: unitIds.get('zuzhi')! })).toContain('孔边甲');
    expect(await query({ ageMin: 45, ageMax: 45, unitId: unitIds.get('zuzhi')! })).not.toContain('孔边乙');
    expect(await query({ ageMin: 44, ageMax: 44, unitId: unitIds.get('zuzhi')! })).toContain('孔边乙');
  });

  test('combined filters are AND-ed', async () => {
    expect(await query({ categoryCode: 'C1', position: 'deputy', status: '在职' })).toEqual(
      expectNames((x) => UNITS[x.unit].category === 'C1' && x.position === 'deputy' && x.status === '在职'),
    );
    expect(await query({ unitId: unitIds.get('caizheng')!, rank: '副科级', ageMax: 45 })).toEqual(
      expectNames((x) => x.unit === 'caizheng' && x.rank === '副科级' && expectedAge(x.birthMonth, TODAY) <= 45),
    );
    expect(await query({ education: '研究生', position: 'chief', ageMin: 50 })).toEqual(
      expectNames((x) => x.edu[2] === '研究生' && x.position === 'chief' && expectedAge(x.birthMonth, TODAY) >= 50),
    );
    expect(await query({ unitId: unitIds.get('wulan')!, categoryCode: 'C2' })).toEqual([]);
    expect(await query({ categoryCode: 'C1', status: '在职', text: '王' })).toEqual(['王五', '王伍'].sort());
    expect(await query({ unitId: unitIds.get('wulan')!, text: '王' })).toEqual(['王五']);
  });

  test('out-of-range filters are refused in Chinese on their field', async () => {
    expect(await h.err('roster.query', { ageMin: 10 })).toEqual({
      code: 'VALIDATION',
      field: 'ageMin',
      message: '最小年龄不能小于 16',
    });
    expect(await h.err('roster.query', { status: '在岗' })).toMatchObject({
      code: 'VALIDATION',
      field: 'status',
      message: '状态不正确',
    });
    expect(await h.err('roster.query', { position: 'leader' })).toMatchObject({
      code: 'VALIDATION',
      field: 'position',
    });
  });
});

describe('text search', () => {
  test('by full name', async () => {
    expect(await query({ text: '张三丰' })).toEqual(['张三丰']);
    expect(await query({ text: '单雄信' })).toEqual(['单雄信']);
  });

  test('by a 2-character name, and by one character', async () => {
    expect(await query({ text: '王五' })).toEqual(['王五']);
    expect(await query({ text: '李四' })).toEqual(['李四']);
    expect(await query({ text: '王' })).toEqual(['王五', '王伍', '王建国', '王秀英'].sort());
    expect(await query({ text: '五' })).toEqual(['王五', '蒋五', '施五'].sort());
  });

  test('by pinyin initials and by full pinyin', async () => {
    expect(await query({ text: 'zsf' })).toEqual(['张三丰']);
    expect(await query({ text: 'zhangsanfeng' })).toEqual(['张三丰']);
    expect(await query({ text: 'zhang' })).toEqual(['张三丰']);
    expect(await query({ text: 'wjg' })).toEqual(['王建国']);
    expect(await query({ text: 'wangwu' })).toEqual(['王五', '王伍'].sort()); // homophones: both read wang wu
    expect(await query({ text: 'ww' })).toEqual(['王五', '王伍'].sort());
  });

  test('by a polyphonic surname read as a surname: 单 as shan, 曾 as zeng', async () => {
    expect(await query({ text: 'shanxiongxin' })).toEqual(['单雄信']);
    expect(await query({ text: 'sxx' })).toEqual(['单雄信']);
    expect(await query({ text: 'zengguofan' })).toEqual(['曾国藩']);
    expect(await query({ text: 'zgf' })).toEqual(['曾国藩']);
  });

  test('case-insensitive', async () => {
    expect(await query({ text: 'ZSF' })).toEqual(['张三丰']);
    expect(await query({ text: 'ZhangSanFeng' })).toEqual(['张三丰']);
    expect(await query({ text: 'cpa' })).toEqual(['何三']);
    expect(await query({ text: 'CPA注册' })).toEqual(['何三']);
    expect(await query({ text: ID_X.toLowerCase() })).toEqual(['郑十']);
  });

  test('by 身份证号 (whole or in part)', async () => {
    expect(await query({ text: ID_ZSF })).toEqual(['张三丰']);
    expect(await query({ text: ID_X })).toEqual(['郑十']);
    expect(await query({ text: ID_ZSF.slice(0, 14) })).toEqual(['张三丰']);
  });

  test('by a word in 简历 or another text of the profile, or the unit’s name', async () => {
    expect(await query({ text: '草原站' })).toEqual(['张三丰']);
    expect(await query({ text: '草原' })).toEqual(['张三丰', '吕四'].sort());
    expect(await query({ text: '注册会计师' })).toEqual(['何三']);
    expect(await query({ text: '鄂托克旗财政局' })).toEqual(expectNames((x) => x.unit === 'caizheng'));
  });

  test('several words are AND-ed, in any order, with any spacing', async () => {
    expect(await query({ text: '王 财政局' })).toEqual(['王建国', '王秀英'].sort());
    expect(await query({ text: '财政局   王' })).toEqual(['王建国', '王秀英'].sort());
    expect(await query({ text: 'wang 棋盘井' })).toEqual(['王伍']);
    expect(await query({ text: '草原 乌兰镇' })).toEqual(['张三丰']);
    expect(await query({ text: '王 教育' })).toEqual([]);
  });

  test('blank text is no filter; text that matches nothing gives nothing', async () => {
    expect(await query({ text: '   ' })).toHaveLength(PEOPLE.length);
    expect(await query({ text: '不存在的人' })).toEqual([]);
    expect(await query({ text: 'xyzq' })).toEqual([]);
  });

  test('a search combines with the filters', async () => {
    expect(await query({ text: 'wang', status: '在职' })).toEqual(['王五', '王伍', '王建国'].sort());
    expect(await query({ text: '王', position: 'chief' })).toEqual(['王建国']);
  });
});
