// readLrmx on the two samples and on the odd files found in the wild (test/fixtures/lrmx/variant-*.lrmx).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LRMX_ELEMENTS, type LrmxPerson } from '../../../../shared/roster/lrmx-types';
import { readLrmx } from '../../../../db/roster/lrmx/read';
import { parseXml } from '../../../../db/fs/xml';
import { SAMPLE_PHOTO } from './generate';
import { fixture, readFixture, readOk } from './helpers';

const BATEER: LrmxPerson = {
  xingMing: '巴特尔',
  xingBie: '男',
  chuShengNianYue: '197803',
  minZu: '蒙古族',
  jiGuan: '内蒙古鄂托克旗',
  chuShengDi: '内蒙古鄂托克旗',
  ruDangShiJian: '200106',
  canJiaGongZuoShiJian: '199907',
  jianKangZhuangKuang: '健康',
  zhuanYeJiShuZhiWu: '',
  shuXiZhuanYeYouHeZhuanChang: '熟悉基层党建和农牧业工作',
  quanRiZhiJiaoYuXueLi: '大学',
  quanRiZhiJiaoYuXueWei: '农学学士',
  quanRiZhiJiaoYuXueLiBiYeYuanXiaoXi: '内蒙古农业大学草原管理专业',
  quanRiZhiJiaoYuXueWeiBiYeYuanXiaoXi: '内蒙古农业大学',
  zaiZhiJiaoYuXueLi: '研究生',
  zaiZhiJiaoYuXueWei: '',
  zaiZhiJiaoYuXueLiBiYeYuanXiaoXi: '内蒙古党校经济管理专业',
  zaiZhiJiaoYuXueWeiBiYeYuanXiaoXi: '',
  xianRenZhiWu: '阿尔巴斯苏木党委书记',
  niRenZhiWu: '',
  niMianZhiWu: '',
  jianLi: [
    '1995.09--1999.07  内蒙古农业大学草原管理专业学习',
    '1999.07--2006.03  鄂托克旗草原站干部',
    '2006.03--2013.11  鄂托克旗乌兰镇副镇长',
    '2013.11--2019.05  鄂托克旗农牧局副局长',
    '2019.05--         阿尔巴斯苏木党委书记',
  ].join('\n'),
  jiangChengQingKuang: '2021年被评为全旗优秀党务工作者。',
  nianDuKaoHeJieGuo: '2022年度称职；2023年度优秀；2024年度称职。',
  renMianLiYou: '',
  jiaTingChengYuan: [
    {
      chengWei: '妻子',
      xingMing: '王丽',
      chuShengRiQi: '198004',
      zhengZhiMianMao: '中共党员',
      gongZuoDanWeiJiZhiWu: '鄂托克旗第一中学教师',
    },
    {
      chengWei: '儿子',
      xingMing: '巴音',
      chuShengRiQi: '200509',
      zhengZhiMianMao: '共青团员',
      gongZuoDanWeiJiZhiWu: '内蒙古大学学生',
    },
  ],
  chengBaoDanWei: '中共鄂托克旗委组织部',
  jiSuanNianLingShiJian: '202512',
  tianBiaoShiJian: '20251201',
  tianBiaoRen: '张敏',
  shenFenZheng: '150624197803153018',
  zhaoPian: SAMPLE_PHOTO,
  version: '3.2.1.16',
};

const NOT_LRMX = '不是有效的任免审批表文件（.lrmx）';

describe('the samples', () => {
  it('reads 巴特尔 field by field, without warnings', () => {
    const { person, warnings } = readFixture('巴特尔.lrmx');
    expect(person).toEqual(BATEER);
    expect(warnings).toEqual([]);
  });

  it('reads 李秀梅: one family member, 4 lines of 简历, empty 在职 education', () => {
    const { person, warnings } = readFixture('李秀梅.lrmx');
    expect(warnings).toEqual([]);
    expect(person.xingMing).toBe('李秀梅');
    expect(person.xingBie).toBe('女');
    expect(person.chuShengNianYue).toBe('198511');
    expect(person.shenFenZheng).toBe('150624198511202628');
    expect(person.jiaTingChengYuan).toHaveLength(1);
    expect(person.jianLi.split('\n')).toHaveLength(4);
    expect(person.zaiZhiJiaoYuXueLi).toBe('');
    expect(person.zhaoPian.startsWith('/9j/')).toBe(true);
  });

  it('has one LrmxPerson property per element, in the table', () => {
    expect(Object.keys(BATEER).sort()).toEqual(LRMX_ELEMENTS.map((e) => e.key).sort());
  });
});

describe('encodings', () => {
  it('a UTF-8 BOM changes nothing', () => {
    expect(readFixture('variant-bom.lrmx')).toEqual({ person: BATEER, warnings: [] });
  });

  it('GB18030 declared and encoded, including a character outside GBK (𠮷)', () => {
    const { person, warnings } = readFixture('variant-gb18030.lrmx');
    expect(warnings).toEqual([]);
    expect(person).toEqual({ ...BATEER, tianBiaoRen: '张𠮷' });
  });

  it('GBK declared: decoded as GB18030 (its superset)', () => {
    expect(readFixture('variant-gbk.lrmx')).toEqual(readFixture('李秀梅.lrmx'));
  });

  it('GB18030 bytes declared as UTF-8: read, with a warning to check the text', () => {
    const { person, warnings } = readFixture('variant-gb18030-declared-utf8.lrmx');
    expect(person).toEqual(readFixture('李秀梅.lrmx').person);
    expect(warnings).toEqual(['文件不是有效的 UTF-8 文本，已按 GB18030 编码读取，请核对文字是否正确']);
  });

  it('declared GB18030 but re-saved as UTF-8: read as UTF-8, with a warning', () => {
    const text = fixture('巴特尔.lrmx').toString('utf8').replace('encoding="UTF-8"', 'encoding="GB18030"');
    expect(readOk(Buffer.from(text))).toEqual({
      person: BATEER,
      warnings: ['文件声明为 GB18030 编码，但内容是 UTF-8，已按 UTF-8 读取'],
    });
  });

  it('a plain Uint8Array (not a Buffer) reads the same', () => {
    expect(readOk(new Uint8Array(fixture('巴特尔.lrmx'))).person).toEqual(BATEER);
  });

  it('UTF-16 LE and BE with a BOM', () => {
    const li = readFixture('李秀梅.lrmx');
    expect(readFixture('variant-utf16le.lrmx')).toEqual(li);
    expect(readFixture('variant-utf16be.lrmx')).toEqual(li);
  });

  it('UTF-16 without a BOM, recognised by the shape of “<?”', () => {
    const text = fixture('李秀梅.lrmx').toString('utf8');
    expect(readOk(Buffer.from(text, 'utf16le')).person.xingMing).toBe('李秀梅');
  });

  it('an encoding TextDecoder does not know is refused by name', () => {
    const r = readLrmx(
      Buffer.from('<?xml version="1.0" encoding="x-klingon"?><Person><XingMing>A</XingMing></Person>'),
    );
    expect(r).toEqual({ ok: false, error: `${NOT_LRMX}：不支持文件声明的编码“x-klingon”` });
  });
});

describe('missing and empty elements', () => {
  it('no 身份证号, no photo, no family: read with a warning for the 身份证号 only', () => {
    const { person, warnings } = readFixture('variant-missing-elements.lrmx');
    expect(person).toEqual({ ...BATEER, shenFenZheng: '', zhaoPian: '', jiaTingChengYuan: [] });
    expect(warnings).toEqual(['缺少“身份证号”项']);
  });

  it('no 出生年月 and no 现任职务: warnings naming both', () => {
    const { person, warnings } = readFixture('variant-missing-birth-post.lrmx');
    expect(person.chuShengNianYue).toBe('');
    expect(person.xianRenZhiWu).toBe('');
    expect(warnings).toEqual(['缺少“出生年月”项', '缺少“现任职务”项']);
  });

  it('no 姓名: not a usable file', () => {
    expect(readLrmx(fixture('variant-missing-name.lrmx'))).toEqual({ ok: false, error: `${NOT_LRMX}：缺少“姓名”项` });
  });

  it('empty elements (<X />, <X></X>, whitespace only) all read as ""', () => {
    const { person, warnings } = readFixture('variant-empty-elements.lrmx');
    expect(warnings).toEqual([]);
    const { xingMing, jiaTingChengYuan, ...rest } = person;
    expect(xingMing).toBe('李秀梅');
    expect(jiaTingChengYuan).toEqual([]);
    expect(Object.values(rest).every((v) => v === '')).toBe(true);
  });

  it('an empty 姓名 is an error', () => {
    const xml = fixture('巴特尔.lrmx')
      .toString('utf8')
      .replace('<XingMing>巴特尔</XingMing>', '<XingMing>  </XingMing>');
    expect(readLrmx(Buffer.from(xml))).toEqual({ ok: false, error: `${NOT_LRMX}：“姓名”为空` });
  });

  it('a repeated element: the first one, with a warning; unknown elements are ignored', () => {
    const xml = fixture('巴特尔.lrmx')
      .toString('utf8')
      .replace(
        '<MinZu>蒙古族</MinZu>',
        '<MinZu>蒙古族</MinZu><MinZu>汉族</MinZu><DaoLingNianYue>1990</DaoLingNianYue>',
      );
    const { person, warnings } = readOk(Buffer.from(xml));
    expect(person).toEqual(BATEER);
    expect(warnings).toEqual(['“民族”项出现了 2 次，已取第一项']);
  });
});

describe('dates as written', () => {
  it.each([
    ['dot', '1975.03', '1998.06'],
    ['compact', '197503', '199806'],
    ['dash', '1975-3', '1998-6'],
    ['day', '19750315', '19980601'],
  ])('variant-date-%s keeps the text (%s) for the mapper', (tag, birth, party) => {
    const { person } = readFixture(`variant-date-${tag}.lrmx`);
    expect(person.chuShengNianYue).toBe(birth);
    expect(person.ruDangShiJian).toBe(party);
  });
});

describe('valid XML written differently', () => {
  it('comments, PIs, CDATA, single quotes, character references, unknown elements', () => {
    const { person, warnings } = readFixture('variant-tricky.lrmx');
    expect(warnings).toEqual([]);
    expect(person.xingMing).toBe('李强');
    expect(person.jianLi).toBe('2002.07--2010.01  乌兰镇科员 <试用>\n2010.01--         乌兰镇党委副书记、镇长');
    expect(person.jiangChengQingKuang).toBe(`R&D 先进 <一等> "标兵" 'x' 😀`);
    expect(person.version).toBe('');
  });

  it('CRLF inside text is read as LF; a CR reference survives', () => {
    const xml = '<Person><XingMing>a</XingMing><JianLi>l1\r\nl2\rl3&#13;&#10;l4</JianLi></Person>';
    expect(readOk(Buffer.from(xml)).person.jianLi).toBe('l1\nl2\nl3\r\nl4');
  });

  it('a wrapped base64 photo is joined', () => {
    expect(readFixture('variant-photo-wrapped.lrmx').person.zhaoPian).toBe(readFixture('李秀梅.lrmx').person.zhaoPian);
  });
});

describe('refusals', () => {
  it('an empty file', () => {
    expect(readLrmx(fixture('variant-empty.lrmx'))).toEqual({ ok: false, error: '文件为空' });
    expect(readLrmx(Buffer.from(' \r\n\t'))).toEqual({ ok: false, error: '文件为空' });
    expect(readLrmx(Buffer.from([0xef, 0xbb, 0xbf]))).toEqual({ ok: false, error: '文件为空' });
  });

  it('a text file that is not XML', () => {
    expect(readLrmx(fixture('variant-not-xml.lrmx'))).toEqual({ ok: false, error: NOT_LRMX });
  });

  it('a root other than Person', () => {
    expect(readLrmx(fixture('variant-wrong-root.lrmx'))).toEqual({
      ok: false,
      error: `${NOT_LRMX}：根元素是“Cadre”，应为“Person”`,
    });
  });

  it('truncated XML (never half-read)', () => {
    const r = readLrmx(fixture('variant-truncated.lrmx'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toBe(`${NOT_LRMX}：XML 格式错误（第 25 行：元素 <JianLi> 没有结束标记（文件不完整））`);
  });

  it('mis-nested tags and a bare “&”', () => {
    const r = readLrmx(Buffer.from('<Person><XingMing>a</MinZu></Person>'));
    expect(!r.ok && r.error).toBe(
      `${NOT_LRMX}：XML 格式错误（第 1 行：结束标记 </MinZu> 与开始标记 <XingMing> 不匹配）`,
    );
    const amp = readLrmx(fixture('variant-bare-ampersand.lrmx'));
    expect(!amp.ok && amp.error).toContain('无法识别的实体引用“&D”');
  });

  it('content after the root, text before it, a second declaration', () => {
    for (const xml of [
      '<Person><XingMing>a</XingMing></Person><Person/>',
      'x<Person/>',
      '<Person><?xml version="1.0"?></Person>',
    ]) {
      const r = readLrmx(Buffer.from(xml));
      expect(r.ok, xml).toBe(false);
    }
  });

  it('a file over 20 MB, before looking inside', () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 0x20);
    big.write('<Person><XingMing>a</XingMing></Person>');
    expect(readLrmx(big)).toEqual({ ok: false, error: '文件过大（21.0 MB，上限 20 MB），不是任免审批表文件' });
  });

  it('control characters XML forbids: dropped from text with a warning (characters.test.ts), refused in markup', () => {
    const r = readLrmx(Buffer.from('<Person><XingMing>a\u0001</XingMing></Person>'));
    expect(r.ok && [r.person.xingMing, r.warnings]).toEqual([
      'a',
      ['第 1 行含有控制字符 U+0001，已删除', '缺少“出生年月”项', '缺少“现任职务”项', '缺少“身份证号”项'],
    ]);
    expect(readLrmx(Buffer.from('<Person><Xing\u0001Ming>a</Xing\u0001Ming></Person>')).ok).toBe(false);
    expect(readLrmx(Buffer.from('<Person\u0001><XingMing>a</XingMing></Person>')).ok).toBe(false);
  });
});

describe('hostile input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lrmx-junk-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('10 MB of random bytes named .lrmx: refused, quickly', () => {
    const path = join(dir, '随机.lrmx');
    const junk = randomBytes(10 * 1024 * 1024);
    junk[0] = 0x8f; // not “<”, not a BOM: what random bytes almost always are
    writeFileSync(path, junk);
    const bytes = readFileSync(path);
    const started = performance.now();
    const r = readLrmx(bytes);
    const ms = performance.now() - started;
    expect(r).toEqual({ ok: false, error: NOT_LRMX });
    console.info(`10 MB of random bytes refused in ${ms.toFixed(2)} ms`);
  });

  it('random bytes after a “<” or a BOM are refused too (by the decoder or the parser), still quickly', () => {
    for (const prefix of [[0x3c], [0xef, 0xbb, 0xbf, 0x3c], [0xff, 0xfe], [0xfe, 0xff]]) {
      const junk = Buffer.concat([Buffer.from(prefix), randomBytes(10 * 1024 * 1024)]);
      const started = performance.now();
      const r = readLrmx(junk);
      const ms = performance.now() - started;
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.startsWith(NOT_LRMX)).toBe(true);
      console.info(`10 MB junk after [${prefix.join(',')}] refused in ${ms.toFixed(0)} ms`);
    }
  });

  it('a billion-laughs DOCTYPE is refused without expanding anything', () => {
    const started = performance.now();
    expect(readLrmx(fixture('variant-billion-laughs.lrmx'))).toEqual({
      ok: false,
      error: `${NOT_LRMX}：文件含有 DOCTYPE 声明（可定义实体），出于安全考虑不予读取`,
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('an external entity (XXE) is refused the same way', () => {
    const r = readLrmx(fixture('variant-xxe.lrmx'));
    expect(!r.ok && r.error).toContain('DOCTYPE');
  });

  it('an undeclared entity reference is an error, not an empty string', () => {
    const r = readLrmx(Buffer.from('<Person><XingMing>&lol9;</XingMing></Person>'));
    expect(!r.ok && r.error).toContain('无法识别的实体引用“&lol9;”');
  });

  it('deep nesting is refused without overflowing the stack', () => {
    const xml = `<Person><XingMing>a</XingMing>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</Person>`;
    const r = parseXml(xml);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('元素嵌套超过 64 层');
  });

  it('a long run of whitespace inside a value costs nothing', () => {
    const xml = `<Person><XingMing>a${' '.repeat(5_000_000)}b</XingMing></Person>`;
    const started = performance.now();
    expect(readOk(Buffer.from(xml)).person.xingMing).toBe(`a${' '.repeat(5_000_000)}b`);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
