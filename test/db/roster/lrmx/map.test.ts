// personToCadre / cadreToPerson: the samples, the odd variants, and export → file → import giving the cadre back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cadreToPerson, joinSchools, personToCadre, type LrmxCadreFields } from '../../../../db/roster/lrmx/map';
import { readLrmx } from '../../../../db/roster/lrmx/read';
import { postSinceFromResume, resumePeriods } from '../../../../db/roster/lrmx/resume';
import { writeLrmx } from '../../../../db/roster/lrmx/write';
import { checkDigit } from '../../../../shared/roster/idcard';
import { emptyLrmxPerson, type LrmxPerson } from '../../../../shared/roster/lrmx-types';
import { cadreInputSchema } from '../../../../shared/roster/schema';
import type { AnnualResult, CadreInput, FamilyMember } from '../../../../shared/roster/types';
import { trickyText } from './arbitraries';
import { SAMPLE_PHOTO } from './generate';
import { isJpeg, readFixture, readOk, TODAY } from './helpers';

const map = (person: LrmxPerson) => personToCadre(person, { today: TODAY });
const mapFixture = (name: string) => map(readFixture(name).person);

describe('the samples', () => {
  it('巴特尔: every field, no issues', () => {
    const { fields, photo, issues } = mapFixture('巴特尔.lrmx');
    expect(issues).toEqual([]);
    expect(fields).toEqual({
      name: '巴特尔',
      gender: '男',
      ethnicity: '蒙古族',
      birthMonth: '1978-03',
      nativePlace: '内蒙古鄂托克旗',
      birthPlace: '内蒙古鄂托克旗',
      partyJoin: '2001-06',
      workStart: '1999-07',
      health: '健康',
      techTitle: '',
      expertise: '熟悉基层党建和农牧业工作',
      fulltimeEducation: '大学',
      fulltimeDegree: '农学学士',
      fulltimeSchool: '内蒙古农业大学草原管理专业', // 学位院校 内蒙古农业大学 is contained in it
      parttimeEducation: '研究生',
      parttimeDegree: '',
      parttimeSchool: '内蒙古党校经济管理专业',
      currentPost: '阿尔巴斯苏木党委书记',
      postSince: '2019-05',
      rank: '',
      resume: [
        '1995.09--1999.07  内蒙古农业大学草原管理专业学习',
        '1999.07--2006.03  鄂托克旗草原站干部',
        '2006.03--2013.11  鄂托克旗乌兰镇副镇长',
        '2013.11--2019.05  鄂托克旗农牧局副局长',
        '2019.05--         阿尔巴斯苏木党委书记',
      ].join('\n'),
      rewards: '2021年被评为全旗优秀党务工作者。',
      idNumber: '150624197803153018',
      familiarFields: '',
      traits: '',
      shortcomings: '',
      annualResultsNote: '',
      annualResults: [
        { year: 2022, result: '称职' },
        { year: 2023, result: '优秀' },
        { year: 2024, result: '称职' },
      ],
      family: [
        {
          relation: '妻子',
          name: '王丽',
          birthMonth: '1980-04',
          politicalStatus: '中共党员',
          workUnitPost: '鄂托克旗第一中学教师',
        },
        {
          relation: '儿子',
          name: '巴音',
          birthMonth: '2005-09',
          politicalStatus: '共青团员',
          workUnitPost: '内蒙古大学学生',
        },
      ] satisfies FamilyMember[],
    } satisfies LrmxCadreFields);
    expect(isJpeg(photo)).toBe(true);
    expect(photo!.toString('base64')).toBe(SAMPLE_PHOTO);
    expect(fields.resume.split('\n')).toHaveLength(5);
  });

  it('李秀梅: woman, 1985-11, one family member, 4 lines of 简历, 任职 since 2021-03', () => {
    const { fields, photo, issues } = mapFixture('李秀梅.lrmx');
    expect(issues).toEqual([]);
    expect(fields).toMatchObject({
      name: '李秀梅',
      gender: '女',
      birthMonth: '1985-11',
      idNumber: '150624198511202628',
      currentPost: '鄂托克旗财政局副局长',
      postSince: '2021-03',
      fulltimeSchool: '内蒙古财经大学财政学专业',
      parttimeSchool: '',
      rewards: '无',
    });
    expect(fields.annualResults).toHaveLength(3);
    expect(fields.family).toHaveLength(1);
    expect(fields.resume.split('\n')).toHaveLength(4);
    expect(isJpeg(photo)).toBe(true);
  });
});

describe('variants', () => {
  it.each(['dot', 'compact', 'dash', 'day'])(
    'variant-date-%s: 出生年月 1975-03, 入党时间 1998-06, 身份证号 agrees',
    (tag) => {
      const { fields, issues } = mapFixture(`variant-date-${tag}.lrmx`);
      expect(issues).toEqual([]);
      expect(fields.birthMonth).toBe('1975-03');
      expect(fields.partyJoin).toBe('1998-06');
      expect(fields.idNumber).toBe('150624197503153016');
    },
  );

  it('an invalid 身份证号 (check digit) is an issue and is not imported', () => {
    const { fields, issues } = mapFixture('variant-invalid-id.lrmx');
    expect(fields.idNumber).toBe('');
    expect(issues).toEqual(['身份证号“150624197803153019”无效：身份证号校验位错误（最后一位应为 8），未导入身份证号']);
  });

  it('a 身份证号 whose birth date disagrees with 出生年月: an issue naming both', () => {
    const { fields, issues } = mapFixture('variant-id-birth-mismatch.lrmx');
    expect(issues).toEqual(['出生年月（1978.03）与身份证号中的出生日期（1978-05-15）不一致']);
    expect(fields.birthMonth).toBe('1978-03');
    expect(fields.idNumber).toBe('150624197805153011');
  });

  it('missing 身份证号, photo and family: empty, no issues (the reader warned)', () => {
    const { fields, photo, issues } = mapFixture('variant-missing-elements.lrmx');
    expect(issues).toEqual([]);
    expect(fields.idNumber).toBe('');
    expect(fields.family).toEqual([]);
    expect(photo).toBeNull();
  });

  it('all elements empty: the required ones are issues', () => {
    const { fields, photo, issues } = mapFixture('variant-empty-elements.lrmx');
    expect(issues).toEqual(['出生年月为空', '性别为空']);
    expect(fields).toMatchObject({
      name: '李秀梅',
      birthMonth: '',
      partyJoin: '',
      workStart: '',
      postSince: '',
      annualResults: [],
      family: [],
    });
    expect(photo).toBeNull();
  });

  it('a PNG photo is kept; a GIF is an issue and no photo', () => {
    const png = mapFixture('variant-photo-png.lrmx');
    expect(png.issues).toEqual([]);
    expect(png.photo!.subarray(1, 4).toString('latin1')).toBe('PNG');
    const gif = mapFixture('variant-photo-gif.lrmx');
    expect(gif.photo).toBeNull();
    expect(gif.issues).toEqual(['照片不是 JPEG 或 PNG 图片，未导入照片']);
    const broken = map({ ...readFixture('李秀梅.lrmx').person, zhaoPian: '@@not base64@@' });
    expect(broken.photo).toBeNull();
    expect(broken.issues).toEqual(['照片数据已损坏（不是有效的 base64 编码），未导入照片']);
  });

  it('the tricky file: CDATA 简历, a 镇长 who is also 党委副书记', () => {
    const { fields, issues } = mapFixture('variant-tricky.lrmx');
    expect(issues).toEqual([]);
    expect(fields.postSince).toBe('2010-01');
    expect(fields.rewards).toBe(`R&D 先进 <一等> "标兵" 'x' 😀`);
  });
});

describe('field by field', () => {
  const base = readFixture('巴特尔.lrmx').person;

  it('an unreadable 出生年月 gives its reason and an empty birth month (no 身份证号 to take it from)', () => {
    const noId = { ...base, shenFenZheng: '' };
    expect(map({ ...noId, chuShengNianYue: '1978年13月' })).toMatchObject({
      fields: { birthMonth: '' },
      issues: ['出生年月“1978年13月”的月份不正确'],
    });
    expect(map({ ...noId, chuShengNianYue: '七八年三月' }).issues).toEqual([
      '出生年月“七八年三月”无法识别，应写作 1975.03 或 197503',
    ]);
    expect(map({ ...noId, chuShengNianYue: '203001' }).issues).toEqual(['出生年月“203001”晚于当前日期']);
  });

  it('性别: 男性/女性 accepted; anything else is an issue, taken from the 身份证号 when it is valid', () => {
    expect(map({ ...base, xingBie: '男性' })).toMatchObject({ fields: { gender: '男' }, issues: [] });
    expect(map({ ...base, xingBie: 'M' })).toMatchObject({
      fields: { gender: '男' },
      issues: ['性别“M”无法识别，应为“男”或“女”，已按身份证号取“男”'],
    });
    expect(map({ ...base, xingBie: '女' }).issues).toEqual(['性别“女”与身份证号显示的性别“男”不一致']);
  });

  it('入党时间: a date when it looks like one, else the free text (民主党派)', () => {
    expect(map({ ...base, ruDangShiJian: '2001.6' }).fields.partyJoin).toBe('2001-06');
    expect(map({ ...base, ruDangShiJian: '民建会员' }).fields.partyJoin).toBe('民建会员');
    expect(map({ ...base, ruDangShiJian: '200106；民建会员' }).fields.partyJoin).toBe('2001-06'); // the party: an issue (below)
    expect(map({ ...base, ruDangShiJian: '2001.13' })).toMatchObject({
      fields: { partyJoin: '' },
      issues: ['入党时间“2001.13”的月份不正确'],
    });
  });

  it('schools: one when equal or one is empty or one contains the other, else both', () => {
    expect(joinSchools('内蒙古大学', '内蒙古大学')).toBe('内蒙古大学');
    expect(joinSchools('', '内蒙古大学')).toBe('内蒙古大学');
    expect(joinSchools('内蒙古大学法学专业', '')).toBe('内蒙古大学法学专业');
    expect(joinSchools('内蒙古大学', '内蒙古大学法学院')).toBe('内蒙古大学法学院');
    expect(joinSchools('内蒙古师范大学数学专业', '中央党校')).toBe('内蒙古师范大学数学专业；中央党校');
  });

  it('a 学位 school text that names no school continues the 学历 one; a degree written there adds nothing', () => {
    expect(joinSchools('内蒙古大学数学科学学院', '基础数学专业')).toBe('内蒙古大学数学科学学院基础数学专业');
    expect(joinSchools('内蒙古大学数学科学学院', '基础数学专业', '理学学士')).toBe(
      '内蒙古大学数学科学学院基础数学专业',
    );
    expect(joinSchools('内蒙古大学', '理学学士', '理学学士')).toBe('内蒙古大学');
    expect(joinSchools('内蒙古大学', '法学硕士学位')).toBe('内蒙古大学');
    expect(joinSchools('内蒙古大学数学系', '中央民族大学数学系')).toBe('内蒙古大学数学系；中央民族大学数学系');
  });

  it('the joined school text goes back into the two elements so that a re-import reads the same text', () => {
    for (const [xueLi, xueWei, degree] of [
      ['内蒙古大学数学科学学院', '基础数学专业', '理学学士'],
      ['内蒙古师范大学数学专业', '中央党校', '法学硕士'],
      ['内蒙古大学', '', ''],
      ['内蒙古大学', '理学学士', '理学学士'],
    ] as const) {
      const fields = map({
        ...base,
        quanRiZhiJiaoYuXueLi: '大学',
        quanRiZhiJiaoYuXueWei: degree,
        quanRiZhiJiaoYuXueLiBiYeYuanXiaoXi: xueLi,
        quanRiZhiJiaoYuXueWeiBiYeYuanXiaoXi: xueWei,
      }).fields;
      const person = cadreToPerson(
        { ...fields, unitId: 1, position: 'chief', status: '在职', unitName: '乌兰镇' },
        null,
        { today: TODAY },
      );
      expect(map(person).fields.fulltimeSchool, `${xueLi} / ${xueWei}`).toBe(fields.fulltimeSchool);
    }
  });

  it('出生年月 missing or unreadable with a valid 身份证号: the month is taken from the number, with an issue', () => {
    expect(map({ ...base, chuShengNianYue: '' })).toMatchObject({
      fields: { birthMonth: '1978-03' },
      issues: ['缺少出生年月，已按身份证号取“1978.03”'],
    });
    expect(map({ ...base, chuShengNianYue: '1978年13月' })).toMatchObject({
      fields: { birthMonth: '1978-03' },
      issues: ['出生年月“1978年13月”的月份不正确，已按身份证号取“1978.03”'],
    });
    expect(map({ ...base, chuShengNianYue: '', shenFenZheng: '150624197803153019' }).issues).toEqual([
      '出生年月为空',
      expect.stringContaining('身份证号“150624197803153019”无效'),
    ]);
  });

  it('入党时间 with a party after the date: the date is kept, the rest named in an issue', () => {
    for (const text of ['199506；九三学社', '1995.06 九三学社', '九三学社，1995年6月']) {
      const r = map({ ...base, ruDangShiJian: text });
      expect(r.fields.partyJoin, text).toBe('1995-06');
      expect(r.issues, text).toEqual([expect.stringMatching(/^入党时间“.+”中的“九三学社”不是日期，只导入了日期/)]);
    }
    expect(map({ ...base, ruDangShiJian: '九三学社' })).toMatchObject({
      fields: { partyJoin: '九三学社' },
      issues: [],
    });
    expect(map({ ...base, ruDangShiJian: '199513；九三学社' })).toMatchObject({
      fields: { partyJoin: '199513；九三学社' },
      issues: ['入党时间“199513”的月份不正确'],
    });
  });

  it('a two-character name spaced out for alignment is joined; others are kept', () => {
    expect(map({ ...base, xingMing: '王　五' }).fields.name).toBe('王五');
    expect(map({ ...base, xingMing: '巴特尔' }).fields.name).toBe('巴特尔');
  });

  it('年度考核结果 that cannot be read is kept verbatim with an issue; “无” is neither', () => {
    const r = map({ ...base, nianDuKaoHeJieGuo: '近三年均良好' });
    expect(r.issues).toEqual(['年度考核结果“近三年均良好”无法识别为逐年结果，已按原文保存在“年度考核结果（原文）”中']);
    expect(r.fields).toMatchObject({ annualResults: [], annualResultsNote: '近三年均良好' });
    const mixed = map({ ...base, nianDuKaoHeJieGuo: '2021年度考核称职，2022年度考核优秀；2023年度嘉奖' });
    expect(mixed.fields).toMatchObject({
      annualResults: [
        { year: 2021, result: '称职' },
        { year: 2022, result: '优秀' },
      ],
      annualResultsNote: '2023年度嘉奖',
    });
    for (const none of ['无', '(无)', '（无）']) {
      expect(map({ ...base, nianDuKaoHeJieGuo: none })).toMatchObject({
        issues: [],
        fields: { annualResults: [], annualResultsNote: '' },
      });
    }
  });

  it('exports the results and the kept text in 年度考核结果, so a round trip loses neither', () => {
    const fields = { ...map({ ...base, nianDuKaoHeJieGuo: '2022、2023年均为称职；近三年无违纪' }).fields };
    const person = cadreToPerson(
      { ...fields, unitId: 1, position: 'chief', status: '在职', unitName: '乌兰镇' },
      null,
      { today: TODAY },
    );
    expect(person.nianDuKaoHeJieGuo).toBe('2022年度称职；2023年度称职。近三年无违纪');
    expect(map({ ...base, nianDuKaoHeJieGuo: person.nianDuKaoHeJieGuo }).fields).toMatchObject({
      annualResults: fields.annualResults,
      annualResultsNote: '近三年无违纪',
    });
  });

  it('family: blank rows dropped, unreadable birth dates and missing names are issues', () => {
    const blank = { chengWei: '', xingMing: '', chuShengRiQi: '', zhengZhiMianMao: '', gongZuoDanWeiJiZhiWu: '' };
    const r = map({
      ...base,
      jiaTingChengYuan: [
        blank,
        { ...blank, chengWei: '父亲', xingMing: '巴图', chuShengRiQi: '已故' },
        { ...blank, chengWei: '母亲' },
      ],
    });
    expect(r.fields.family).toEqual([
      { relation: '父亲', name: '巴图', birthMonth: '', politicalStatus: '', workUnitPost: '' },
      { relation: '母亲', name: '', birthMonth: '', politicalStatus: '', workUnitPost: '' },
    ]);
    expect(r.issues).toEqual([
      '家庭成员“巴图”的出生日期“已故”无法识别，应写作 1975.03 或 197503',
      '家庭成员“母亲”缺少姓名',
    ]);
  });

  it('简历 line ends are normalised to \\n', () => {
    expect(map({ ...base, jianLi: 'a\r\nb\rc' }).fields.resume).toBe('a\nb\nc');
  });
});

describe('任职时间 from the 简历', () => {
  it.each([
    ['2019.05--         阿尔巴斯苏木党委书记', '阿尔巴斯苏木党委书记', '2019-05'],
    ['2019.05-- 鄂托克旗阿尔巴斯苏木党委书记（正科级）', '阿尔巴斯苏木党委书记', '2019-05'],
    ['201905--  阿尔巴斯苏木党委书记', '阿尔巴斯苏木党委书记', '2019-05'],
    ['2019年5月—— 阿尔巴斯苏木党委书记', '阿尔巴斯苏木党委书记', '2019-05'],
    ['2019.05--至今 阿尔巴斯苏木党委书记', '阿尔巴斯苏木党委书记', '2019-05'], // “至今”: still open
    [
      '2016.02--2019.05  乌兰镇副镇长\n2019.05--         乌兰镇党委副书记、\n                  镇长',
      '乌兰镇党委副书记、镇长',
      '2019-05',
    ],
    ['2019.05--2023.01  阿尔巴斯苏木党委书记', '阿尔巴斯苏木党委书记', ''], // closed: not current
    ['2019.05--         鄂托克旗农牧局副局长', '阿尔巴斯苏木党委书记', ''], // open, but another post
    [
      '2013.11--         鄂托克旗农牧局副局长\n2019.05--         阿尔巴斯苏木党委书记',
      '阿尔巴斯苏木党委书记',
      '2019-05',
    ],
    [
      '2019.05--         阿尔巴斯苏木党委书记\n（2020.09--2021.01 在内蒙古党校学习）',
      '阿尔巴斯苏木党委书记',
      '2019-05',
    ],
    ['', '阿尔巴斯苏木党委书记', ''],
    ['2019.05--         阿尔巴斯苏木党委书记', '', ''],
  ])('%j with post %s → %s', (resume, post, since) => {
    expect(postSinceFromResume(resume, post)).toBe(since);
  });

  it('periods keep continuation lines with their period', () => {
    expect(resumePeriods('2019.05--2020.01  乌兰镇\n  副镇长\n2020.01--   书记\n2021.3至今 主任')).toEqual([
      { from: '2019.05', to: '2020.01', text: '乌兰镇副镇长' },
      { from: '2020.01', to: '', text: '书记' },
      { from: '2021.3', to: '', text: '主任' },
    ]);
  });
});

describe('cadreToPerson', () => {
  const bateer = mapFixture('巴特尔.lrmx');
  const cadre: CadreInput & { unitName: string } = {
    ...bateer.fields,
    rank: '正科级',
    familiarFields: '党建',
    unitId: 3,
    position: 'chief',
    status: '在职',
    unitName: '阿尔巴斯苏木',
  };

  it('writes the format’s dates and fills what the roster does not hold', () => {
    const p = cadreToPerson(cadre, bateer.photo, { today: new Date(2026, 2, 7) });
    const sample = readFixture('巴特尔.lrmx').person;
    expect(p).toEqual({
      ...sample,
      chengBaoDanWei: '',
      tianBiaoRen: '',
      jiSuanNianLingShiJian: '202603',
      tianBiaoShiJian: '20260307',
      // joinSchools kept the longer school, which now stands for both columns
      quanRiZhiJiaoYuXueWeiBiYeYuanXiaoXi: '内蒙古农业大学草原管理专业',
    });
  });

  it('puts the unit in front of a post that does not name it', () => {
    const today = { today: TODAY };
    expect(
      cadreToPerson({ ...cadre, currentPost: '党委副书记、镇长', unitName: '乌兰镇' }, null, today).xianRenZhiWu,
    ).toBe('乌兰镇党委副书记、镇长');
    expect(
      cadreToPerson({ ...cadre, currentPost: '乌兰镇镇长', unitName: '乌兰镇人民政府' }, null, today).xianRenZhiWu,
    ).toBe('乌兰镇镇长');
    expect(
      cadreToPerson({ ...cadre, currentPost: '乌兰镇党委书记', unitName: '中共乌兰镇委员会' }, null, today)
        .xianRenZhiWu,
    ).toBe('乌兰镇党委书记');
    expect(cadreToPerson({ ...cadre, currentPost: '', unitName: '乌兰镇' }, null, today).xianRenZhiWu).toBe('');
  });

  it('no photo: empty ZhaoPian', () => {
    expect(cadreToPerson(cadre, null, { today: TODAY }).zhaoPian).toBe('');
  });
});

// ---- the property: a valid cadre exported to a file and imported again gives the same fields ----

const pad = (n: number) => String(n).padStart(2, '0');
const ym = (y: number, m: number) => `${y}-${pad(m)}`;
const ymArb = (from: number, to: number) =>
  fc.tuple(fc.integer({ min: from, max: to }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => ym(y, m));
// Texts as a valid profile holds them: trimmed (JS trim, as the schema does), LF only.
const text = trickyText.map((s) => s.replace(/\r/g, '').trim());
const NAMES = [...'王李张刘陈杨赵黄周吴巴特尔秀梅丽强国建𠮷敏娜'];
const nameArb = fc.array(fc.constantFrom(...NAMES), { minLength: 2, maxLength: 4 }).map((xs) => xs.join(''));
const UNITS = ['乌兰镇', '棋盘井镇', '阿尔巴斯苏木', '鄂托克旗财政局', '鄂托克旗农牧局'];
const ROLES = ['党委书记', '党委副书记、镇长', '副镇长', '党组书记、局长', '党组成员、副局长', '党委委员、纪委书记'];
const RESULT_WORDS = [
  '优秀',
  '称职',
  '基本称职',
  '不称职',
  '合格',
  '基本合格',
  '不合格',
  '不定等次',
  '不确定等次',
  '未参加考核',
];
const looksLikeDate = (s: string) => /^[\d\s.．\-/年月日]+$/.test(s);
const JPEG = Buffer.from(SAMPLE_PHOTO, 'base64');

const cadreArb = fc
  .record({
    name: nameArb,
    male: fc.boolean(),
    birth: fc.tuple(
      fc.integer({ min: 1960, max: 2000 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    ),
    withId: fc.boolean(),
    seq: fc.integer({ min: 0, max: 99 }),
    ethnicity: text,
    nativePlace: text,
    birthPlace: text,
    partyJoin: fc.oneof(
      fc.constant(''),
      ymArb(1980, 2025),
      fc.constantFrom('民建会员', '九三学社社员', '无党派人士'),
      text.filter((s) => !looksLikeDate(s)),
    ),
    workStart: fc.oneof(fc.constant(''), ymArb(2001, 2025)),
    health: text,
    techTitle: text,
    expertise: text,
    education: fc.array(text, { minLength: 4, maxLength: 4 }),
    fulltimeSchool: fc.oneof(
      text,
      fc.tuple(text, text).map(([a, b]) => `${a}；${b}`),
    ),
    parttimeSchool: fc.oneof(
      text,
      fc.tuple(text, text).map(([a, b]) => `${a}；${b}`),
    ),
    unit: fc.constantFrom(...UNITS),
    role: fc.constantFrom(...ROLES),
    history: fc.array(fc.tuple(ymArb(1990, 2015), ymArb(2015, 2024), text), { maxLength: 5 }),
    interludes: fc.array(
      text.map((s) => s.replace(/\n/g, ' ')),
      { maxLength: 3 },
    ),
    since: fc.option(ymArb(2015, 2025), { nil: null }),
    rewards: text,
    extras: fc.array(text, { minLength: 4, maxLength: 4 }),
    years: fc.uniqueArray(fc.integer({ min: 1990, max: 2025 }), { maxLength: 5 }),
    results: fc.array(fc.constantFrom(...RESULT_WORDS), { minLength: 5, maxLength: 5 }),
    family: fc.array(
      fc.record({
        relation: fc.constantFrom('妻子', '丈夫', '儿子', '女儿', '父亲', '母亲'),
        name: nameArb,
        birthMonth: fc.oneof(fc.constant(''), ymArb(1930, 2024)),
        politicalStatus: text,
        workUnitPost: text,
      }),
      { maxLength: 4 },
    ),
    photo: fc.constantFrom(null, JPEG),
  })
  .map((g) => {
    const [by, bm, bd] = g.birth;
    const first17 = `150624${by}${pad(bm)}${pad(bd)}${pad(g.seq)}${g.male ? 1 : 2}`;
    const currentPost = `${g.unit}${g.role}`;
    const lines = [
      ...g.history.map(
        ([from, to, what]) => `${from.replace('-', '.')}--${to.replace('-', '.')}  ${what.replace(/\n/g, ' ')}`,
      ),
      ...g.interludes.map((s) => `  ${s}`),
      ...(g.since ? [`${g.since.replace('-', '.')}--         ${currentPost}`] : []),
    ];
    const annualResults: AnnualResult[] = [...g.years]
      .sort((a, b) => a - b)
      .map((year, i) => ({ year, result: g.results[i]! }));
    const [fulltimeEducation, fulltimeDegree, parttimeEducation, parttimeDegree] = g.education as [
      string,
      string,
      string,
      string,
    ];
    const cadre: CadreInput & { unitName: string } = {
      name: g.name,
      gender: g.male ? '男' : '女',
      ethnicity: g.ethnicity,
      birthMonth: ym(by, bm),
      nativePlace: g.nativePlace,
      birthPlace: g.birthPlace,
      partyJoin: g.partyJoin,
      workStart: g.workStart,
      health: g.health,
      techTitle: g.techTitle,
      expertise: g.expertise,
      fulltimeEducation,
      fulltimeDegree,
      fulltimeSchool: g.fulltimeSchool.trim(),
      parttimeEducation,
      parttimeDegree,
      parttimeSchool: g.parttimeSchool.trim(),
      currentPost,
      postSince: g.since ?? '',
      rank: g.extras[0]!,
      unitId: 1,
      position: 'deputy',
      resume: lines.join('\n').trim(),
      rewards: g.rewards,
      idNumber: g.withId ? first17 + checkDigit(first17) : '',
      familiarFields: g.extras[1]!,
      traits: g.extras[2]!,
      shortcomings: g.extras[3]!,
      annualResultsNote: '',
      status: '在职',
      annualResults,
      family: g.family,
      unitName: g.unit,
    };
    return { cadre, photo: g.photo };
  });

describe('personToCadre ∘ cadreToPerson', () => {
  it('gives back every field the format carries, through a real file (职级, 熟悉领域, 主要特点, 存在不足 are not carried)', () => {
    fc.assert(
      fc.property(cadreArb, ({ cadre, photo }) => {
        const { unitName, unitId, position, status, ...input } = cadre;
        fc.pre(cadreInputSchema.safeParse({ ...input, unitId, position, status }).success);
        const file = writeLrmx(cadreToPerson(cadre, photo, { today: TODAY }));
        const read = readLrmx(file);
        expect(read.ok).toBe(true);
        const back = personToCadre(readOk(file).person, { today: TODAY });
        const expected: LrmxCadreFields = { ...input, rank: '', familiarFields: '', traits: '', shortcomings: '' };
        expect(back.issues).toEqual([]);
        expect(back.fields).toEqual(expected);
        expect(back.photo).toEqual(photo);
        void unitName;
      }),
      { numRuns: 300 },
    );
  });

  it('and without the file in between', () => {
    fc.assert(
      fc.property(cadreArb, ({ cadre, photo }) => {
        const { unitName, unitId, position, status, ...input } = cadre;
        fc.pre(cadreInputSchema.safeParse({ ...input, unitId, position, status }).success);
        const back = personToCadre(cadreToPerson(cadre, photo, { today: TODAY }), { today: TODAY });
        expect(back.fields).toEqual({ ...input, rank: '', familiarFields: '', traits: '', shortcomings: '' });
        void unitName;
      }),
      { numRuns: 100 },
    );
  });

  it('an empty person maps without throwing', () => {
    expect(map({ ...emptyLrmxPerson(), xingMing: '张三' }).issues).toEqual(['出生年月为空', '性别为空']);
  });
});
