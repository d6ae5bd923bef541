// readLrm: the older quoted-text .lrm format with its .pic photo, in either field order (see lrm-layouts.ts).
import { describe, expect, it } from 'vitest';
import { personToCadre } from '../../../../db/roster/lrmx/map';
import { readLrm, splitLrmFields } from '../../../../db/roster/lrmx/read-lrm';
import { fixture, isJpeg, TODAY } from './helpers';

const NOT_LRM = '不是有效的任免审批表文件（.lrm）';
const NO_ORDER = '无法确定任免审批表（.lrm）的字段顺序';
const REFUSED = '为避免字段错位，文件未导入';
const NO_ID = '这种字段顺序的 .lrm 文件没有“身份证号”项';
const NO_PIC = '没有找到同名的 .pic 照片文件';

/** A fixture's fields, to change one and read the result (as UTF-8, which readLrm reads like GB18030). */
const fieldsOf = (name: string): string[] => splitLrmFields(new TextDecoder('gb18030').decode(fixture(name)))!;
const lrmOf = (fields: readonly string[]) =>
  Buffer.from(fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(','), 'utf8');
const withField = (name: string, k: number, value: string) =>
  lrmOf(fieldsOf(name).map((f, i) => (i === k ? value : f)));
const absentOf = (r: ReturnType<typeof readLrm>) => (r.ok ? [...r.absent].sort() : r.error);

describe('readLrm', () => {
  it('reads the GB18030 fixture with its .pic, and maps it without issues', () => {
    const r = readLrm(fixture('王建国.lrm'), fixture('王建国.pic'));
    if (!r.ok) return expect.unreachable(r.error);
    expect(r.warnings).toEqual([]);
    expect([...r.absent]).toEqual([]);
    expect(r.person).toMatchObject({
      xingMing: '王建国',
      xingBie: '男',
      chuShengNianYue: '197208',
      quanRiZhiJiaoYuXueLi: '大专',
      quanRiZhiJiaoYuXueWei: '',
      zaiZhiJiaoYuXueLi: '大学',
      zaiZhiJiaoYuXueWei: '管理学学士',
      quanRiZhiJiaoYuXueLiBiYeYuanXiaoXi: '内蒙古师范大学数学专业',
      zaiZhiJiaoYuXueWeiBiYeYuanXiaoXi: '中央党校函授学院',
      xianRenZhiWu: '嘎鲁图镇党委书记',
      jiangChengQingKuang: '2020年被评为"优秀党务工作者"。',
      shenFenZheng: '150624197208113011',
      version: '2.0',
    });
    expect(r.person.jianLi.split('\n')).toHaveLength(4);
    expect(r.person.jiaTingChengYuan).toEqual([
      {
        chengWei: '妻子',
        xingMing: '刘芳',
        chuShengRiQi: '197410',
        zhengZhiMianMao: '中共党员',
        gongZuoDanWeiJiZhiWu: '鄂托克旗人民医院护士',
      },
      {
        chengWei: '女儿',
        xingMing: '王悦',
        chuShengRiQi: '199902',
        zhengZhiMianMao: '共青团员',
        gongZuoDanWeiJiZhiWu: '内蒙古大学学生',
      },
    ]);
    const mapped = personToCadre(r.person, { today: TODAY });
    expect(mapped.issues).toEqual([]);
    expect(mapped.fields).toMatchObject({
      birthMonth: '1972-08',
      postSince: '2016-02',
      parttimeSchool: '中央党校函授学院经济管理专业',
    });
    expect(mapped.fields.annualResults).toHaveLength(3);
    expect(isJpeg(mapped.photo)).toBe(true);
  });

  it('without the .pic: no photo, a warning', () => {
    const r = readLrm(fixture('王建国.lrm'), null);
    expect(r.ok && r.person.zhaoPian).toBe('');
    expect(r.ok && r.warnings).toEqual(['没有找到同名的 .pic 照片文件']);
    expect(absentOf(r)).toEqual(['zhaoPian']);
  });

  it('a UTF-8 copy reads the same', () => {
    const gb = readLrm(fixture('王建国.lrm'), null);
    const text = new TextDecoder('gb18030').decode(fixture('王建国.lrm'));
    expect(readLrm(Buffer.from(text, 'utf8'), null)).toEqual(gb);
  });

  it('refuses empty, junk, .lrmx, broken quotes and too few fields', () => {
    expect(readLrm(new Uint8Array(), null)).toEqual({ ok: false, error: '文件为空' });
    expect(readLrm(fixture('巴特尔.lrmx'), null)).toEqual({ ok: false, error: NOT_LRM });
    expect(readLrm(Buffer.from([0x22, 0xff, 0xfe, 0x80, 0x81]), null).ok).toBe(false);
    expect(readLrm(Buffer.from('"张三","男'), null)).toEqual({
      ok: false,
      error: `${NOT_LRM}：引号不配对或字段之间有多余内容，文件可能已损坏`,
    });
    expect(readLrm(Buffer.from('"张三","男","197001"'), null)).toEqual({
      ok: false,
      error: `${NOT_LRM}：只有 3 项，至少应有 9 项`,
    });
    expect(readLrm(Buffer.from('"","男","197001","汉族","","","","",""'), null)).toEqual({
      ok: false,
      error: `${NOT_LRM}：“姓名”为空`,
    });
  });

  it('a short file (nine fields) reads with warnings for the fields it lacks', () => {
    const r = readLrm(Buffer.from('"张三","男","197001","汉族","河北","199001","健康","河北","199207"'), null);
    expect(r.ok && r.warnings).toEqual(['缺少“身份证号”项', '缺少“现任职务”项', '没有找到同名的 .pic 照片文件']);
    // Everything past field 9 is absent, so a re-import keeps what is stored for it.
    expect(absentOf(r)).toEqual(
      [
        'chengBaoDanWei',
        'jiSuanNianLingShiJian',
        'jiaTingChengYuan',
        'jiangChengQingKuang',
        'jianLi',
        'nianDuKaoHeJieGuo',
        'niMianZhiWu',
        'niRenZhiWu',
        'quanRiZhiJiaoYuXueLi',
        'quanRiZhiJiaoYuXueLiBiYeYuanXiaoXi',
        'quanRiZhiJiaoYuXueWei',
        'quanRiZhiJiaoYuXueWeiBiYeYuanXiaoXi',
        'renMianLiYou',
        'shenFenZheng',
        'shuXiZhuanYeYouHeZhuanChang',
        'tianBiaoRen',
        'tianBiaoShiJian',
        'xianRenZhiWu',
        'zaiZhiJiaoYuXueLi',
        'zaiZhiJiaoYuXueLiBiYeYuanXiaoXi',
        'zaiZhiJiaoYuXueWei',
        'zaiZhiJiaoYuXueWeiBiYeYuanXiaoXi',
        'zhaoPian',
        'zhuanYeJiShuZhiWu',
      ].sort(),
    );
  });

  it('splits quoted fields with doubled quotes, newlines and unquoted fields', () => {
    expect(splitLrmFields('"a""b", "c\nd" ,e,""')).toEqual(['a"b', 'c\nd', 'e', '']);
    expect(splitLrmFields('"a" x "b"')).toBeNull();
  });
});

describe('readLrm, layout B (家庭成员 as five @-joined columns, no 身份证号)', () => {
  it('reads 张丽华.lrm with its .pic: every field, the family, the mapped cadre', () => {
    const r = readLrm(fixture('张丽华.lrm'), fixture('张丽华.pic'));
    if (!r.ok) return expect.unreachable(r.error);
    expect(r.warnings).toEqual([NO_ID]);
    expect([...r.absent]).toEqual(['shenFenZheng']);
    const { zhaoPian, ...text } = r.person;
    expect(Buffer.from(zhaoPian, 'base64').equals(fixture('张丽华.pic'))).toBe(true);
    expect(text).toEqual({
      xingMing: '张丽华',
      xingBie: '女',
      chuShengNianYue: '197905',
      minZu: '汉族',
      jiGuan: '山西忻州',
      ruDangShiJian: '200106',
      jianKangZhuangKuang: '健康',
      chuShengDi: '内蒙古杭锦旗',
      canJiaGongZuoShiJian: '200107',
      quanRiZhiJiaoYuXueLi: '大学',
      quanRiZhiJiaoYuXueWei: '法学学士',
      zaiZhiJiaoYuXueLi: '研究生',
      zaiZhiJiaoYuXueWei: '',
      quanRiZhiJiaoYuXueLiBiYeYuanXiaoXi: '内蒙古大学法学专业',
      quanRiZhiJiaoYuXueWeiBiYeYuanXiaoXi: '内蒙古大学',
      zaiZhiJiaoYuXueLiBiYeYuanXiaoXi: '中央党校研究生院法学专业',
      zaiZhiJiaoYuXueWeiBiYeYuanXiaoXi: '',
      zhuanYeJiShuZhiWu: '经济师',
      shuXiZhuanYeYouHeZhuanChang: '熟悉基层治理和法律事务',
      jianLi: [
        '1997.09--2001.07  内蒙古大学法学专业学习',
        '2001.07--2009.05  杭锦旗司法局科员',
        '2009.05--2018.03  杭锦旗锡尼镇副镇长（其间：2012.09--2015.07在中央党校研究生院法学专业学习）',
        '2018.03--         杭锦旗锡尼镇党委副书记、镇长',
      ].join('\n'),
      jiangChengQingKuang: '2019年被评为全旗优秀共产党员。',
      nianDuKaoHeJieGuo: '2022年度称职；2023年度优秀；2024年度称职。',
      jiaTingChengYuan: [
        {
          chengWei: '丈夫',
          xingMing: '王海军',
          chuShengRiQi: '197803',
          zhengZhiMianMao: '中共党员',
          gongZuoDanWeiJiZhiWu: '杭锦旗自然资源局干部',
        },
        {
          chengWei: '女儿',
          xingMing: '王雨桐',
          chuShengRiQi: '200709',
          zhengZhiMianMao: '共青团员',
          gongZuoDanWeiJiZhiWu: '杭锦旗中学学生',
        },
        {
          chengWei: '母亲',
          xingMing: '李秀珍',
          chuShengRiQi: '195202',
          zhengZhiMianMao: '群众',
          gongZuoDanWeiJiZhiWu: '退休',
        },
      ],
      xianRenZhiWu: '杭锦旗锡尼镇党委副书记、镇长',
      niRenZhiWu: '杭锦旗人民政府副旗长',
      niMianZhiWu: '杭锦旗锡尼镇党委副书记、镇长',
      renMianLiYou: '工作需要',
      chengBaoDanWei: '中共杭锦旗委员会',
      jiSuanNianLingShiJian: '202512',
      tianBiaoRen: '李红',
      tianBiaoShiJian: '20251203',
      shenFenZheng: '',
      version: '2.0',
    });

    const mapped = personToCadre(r.person, { today: TODAY });
    expect(mapped.issues).toEqual([]);
    expect(mapped.fields).toMatchObject({
      name: '张丽华',
      gender: '女',
      birthMonth: '1979-05',
      partyJoin: '2001-06',
      workStart: '2001-07',
      techTitle: '经济师',
      expertise: '熟悉基层治理和法律事务',
      fulltimeEducation: '大学',
      fulltimeDegree: '法学学士',
      fulltimeSchool: '内蒙古大学法学专业',
      parttimeEducation: '研究生',
      parttimeSchool: '中央党校研究生院法学专业',
      currentPost: '杭锦旗锡尼镇党委副书记、镇长',
      postSince: '2018-03',
      rewards: '2019年被评为全旗优秀共产党员。',
      idNumber: '',
      annualResults: [
        { year: 2022, result: '称职' },
        { year: 2023, result: '优秀' },
        { year: 2024, result: '称职' },
      ],
      family: [
        {
          relation: '丈夫',
          name: '王海军',
          birthMonth: '1978-03',
          politicalStatus: '中共党员',
          workUnitPost: '杭锦旗自然资源局干部',
        },
        {
          relation: '女儿',
          name: '王雨桐',
          birthMonth: '2007-09',
          politicalStatus: '共青团员',
          workUnitPost: '杭锦旗中学学生',
        },
        { relation: '母亲', name: '李秀珍', birthMonth: '1952-02', politicalStatus: '群众', workUnitPost: '退休' },
      ],
    });
    expect(mapped.fields.resume.split('\n')).toHaveLength(4);
    expect(isJpeg(mapped.photo)).toBe(true);
  });

  it('reads 赵志刚.lrm (one member without @, no .pic) and says what it did not import', () => {
    const r = readLrm(fixture('赵志刚.lrm'), null);
    if (!r.ok) return expect.unreachable(r.error);
    expect(r.warnings).toEqual(['第 14 项的含义不明，其内容“正处级”未导入', NO_ID, NO_PIC]);
    expect(absentOf(r)).toEqual(['shenFenZheng', 'zhaoPian']);
    expect(r.person).toMatchObject({
      xingMing: '赵志刚',
      minZu: '蒙古族',
      zhuanYeJiShuZhiWu: '',
      shuXiZhuanYeYouHeZhuanChang: '熟悉农牧业工作',
      jiangChengQingKuang: '',
      xianRenZhiWu: '乌审旗农牧局局长',
      chengBaoDanWei: '',
      jiSuanNianLingShiJian: '202512',
      tianBiaoShiJian: '20251203',
      zhaoPian: '',
    });
    expect(r.person.jiaTingChengYuan).toEqual([
      {
        chengWei: '父亲',
        xingMing: '赵德明',
        chuShengRiQi: '194805',
        zhengZhiMianMao: '群众',
        gongZuoDanWeiJiZhiWu: '退休',
      },
    ]);
    const mapped = personToCadre(r.person, { today: TODAY });
    expect(mapped.issues).toEqual([]);
    expect(mapped.photo).toBeNull();
    expect(mapped.fields).toMatchObject({
      birthMonth: '1968-11',
      partyJoin: '1992-07',
      workStart: '1989-08',
      postSince: '2016-01',
      currentPost: '乌审旗农牧局局长',
    });
    expect(mapped.fields.family).toEqual([
      { relation: '父亲', name: '赵德明', birthMonth: '1948-05', politicalStatus: '群众', workUnitPost: '退休' },
    ]);
  });

  it('a GB18030 file and its UTF-8 copy read the same', () => {
    const gb = readLrm(fixture('张丽华.lrm'), null);
    expect(readLrm(lrmOf(fieldsOf('张丽华.lrm')), null)).toEqual(gb);
  });

  it('family columns whose counts differ: no member is read, a warning names the counts, the stored family is kept', () => {
    const r = readLrm(withField('张丽华.lrm', 23, '中共党员@群众'), null);
    if (!r.ok) return expect.unreachable(r.error);
    expect(r.person.jiaTingChengYuan).toEqual([]);
    expect(r.warnings).toContain(
      '家庭成员五列的人数不一致（称谓 3 人、姓名 3 人、出生日期 3 人、政治面貌 2 人、工作单位及职务 3 人），无法确定各项的对应关系，家庭成员未导入（保留原有记录）',
    );
    expect(absentOf(r)).toEqual(['jiaTingChengYuan', 'shenFenZheng', 'zhaoPian']);
    expect(personToCadre(r.person, { today: TODAY }).fields.family).toEqual([]);
  });

  it('a column without padding, or with an empty last entry, still lines up', () => {
    const unpadded = readLrm(withField('张丽华.lrm', 23, '中共党员@共青团员@群众'), null);
    expect(unpadded.ok && unpadded.person.jiaTingChengYuan.map((m) => m.zhengZhiMianMao)).toEqual([
      '中共党员',
      '共青团员',
      '群众',
    ]);
    const lastEmpty = readLrm(withField('张丽华.lrm', 23, '中共党员@共青团员@@@@@'), null);
    expect(lastEmpty.ok && lastEmpty.person.jiaTingChengYuan.map((m) => m.zhengZhiMianMao)).toEqual([
      '中共党员',
      '共青团员',
      '',
    ]);
    expect(lastEmpty.ok && lastEmpty.warnings).toEqual([NO_ID, NO_PIC]);
  });

  it('no family members (seven empty entries per column): an empty family, present, not absent', () => {
    const fields = fieldsOf('张丽华.lrm').map((f, k) => (k >= 20 && k <= 24 ? '@@@@@@@' : f));
    const r = readLrm(lrmOf(fields), null);
    expect(r.ok && r.person.jiaTingChengYuan).toEqual([]);
    expect(absentOf(r)).toEqual(['shenFenZheng', 'zhaoPian']);
  });

  it('a B file cut after field 30: the fields past its end are absent, never blank', () => {
    const r = readLrm(lrmOf(fieldsOf('张丽华.lrm').slice(0, 30)), fixture('张丽华.pic'));
    if (!r.ok) return expect.unreachable(r.error);
    expect(r.person.chengBaoDanWei).toBe('中共杭锦旗委员会');
    expect(absentOf(r)).toEqual(['jiSuanNianLingShiJian', 'shenFenZheng', 'tianBiaoRen', 'tianBiaoShiJian']);
  });
});

describe('readLrm refuses a file whose field order cannot be told', () => {
  it('the shifted fixture (专业技术职务 left out): fits neither order, says why for each', () => {
    expect(readLrm(fixture('variant-lrm-shifted.lrm'), null)).toEqual({
      ok: false,
      error:
        `${NO_ORDER}：共 32 项；按第 25 项为身份证号的顺序，第 22 项“计算年龄时间”应为日期，实为“197803@200709@195202…”；` +
        `按第 21–25 项为家庭成员的顺序，第 30 项“呈报单位”不应是日期，实为“202512”。${REFUSED}`,
    });
  });

  it('a date where text belongs in the first nine fields', () => {
    const r = readLrm(Buffer.from('"张三","197001","男","汉族","河北","199001","健康","河北","199207"'), null);
    expect(r).toEqual({
      ok: false,
      error: `${NO_ORDER}：第 2 项“性别”不应是日期，实为“197001”，各项可能错位，${REFUSED}`,
    });
    const text = readLrm(Buffer.from('"张三","男","汉族","197001","河北","199001","健康","河北","199207"'), null);
    expect(text.ok).toBe(false);
  });

  it('layout A with something else than a 身份证号 in field 25', () => {
    const r = readLrm(withField('王建国.lrm', 24, '妻子'), null);
    expect(r).toEqual({
      ok: false,
      error:
        `${NO_ORDER}：共 35 项；按第 25 项为身份证号的顺序，第 25 项“身份证号”应为身份证号，实为“妻子”；` +
        `按第 21–25 项为家庭成员的顺序，应有 25–33 项，实有 35 项。${REFUSED}`,
    });
  });

  it('a B file with names in the birth-date column', () => {
    const fields = fieldsOf('张丽华.lrm');
    [fields[21], fields[22]] = [fields[22]!, fields[21]!];
    const r = readLrm(lrmOf(fields), null);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('第 23 项“家庭成员出生日期”中没有日期，实为“王海军”');
  });

  it('both orders fit and the clues disagree (简历 where A has it, 33 fields as B has): refused', () => {
    const fields = [...'张三,男,197001,汉族,河北,199001,健康,河北,199207'.split(','), ...Array<string>(24).fill('')];
    fields[16] = '1992.07--         某县干部';
    expect(readLrm(lrmOf(fields), null)).toEqual({
      ok: false,
      error: `${NO_ORDER}：共 33 项，两种顺序都说得通（简历等项的位置无法区分）。${REFUSED}`,
    });
    // With the 简历 where B has it, both clues agree.
    [fields[16], fields[17]] = ['', fields[16]!];
    const b = readLrm(lrmOf(fields), null);
    expect(b.ok && b.person.jianLi).toBe('1992.07--         某县干部');
    expect(b.ok && b.absent.has('shenFenZheng')).toBe(true);
  });
});
