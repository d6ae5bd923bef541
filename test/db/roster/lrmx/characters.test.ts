// The .lrmx reader and the characters real writers produce; and a file cut off anywhere says it is incomplete.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOT_LRMX, readLrmx } from '../../../../db/roster/lrmx/read';
import { writeLrmx } from '../../../../db/roster/lrmx/write';
import { parseXml } from '../../../../db/fs/xml';
import { lrmxPerson } from './arbitraries';
import { fixture, readOk } from './helpers';

const doc = (jianLi: string, before = '') =>
  Buffer.from(`${before}<Person>\n<XingMing>甲</XingMing>\n<JianLi>${jianLi}</JianLi>\n</Person>`);
const read = (bytes: Buffer) => {
  const r = readOk(bytes);
  return { jianLi: r.person.jianLi, warnings: r.warnings.filter((w) => !w.startsWith('缺少')) };
};

describe('characters in text', () => {
  it('a vertical tab, as &#11;, &#xB; or raw, is a line break, with a warning naming the lines', () => {
    expect(read(doc('一&#11;二&#xb;三\u000b四'))).toEqual({
      jianLi: '一\n二\n三\n四',
      warnings: ['第 3 行含有垂直制表符（U+000B，Word 的手动换行符），已按换行读取'],
    });
  });

  it('other C0 controls, raw or referenced, are dropped, one warning per character naming every line', () => {
    const r = read(doc('a\u0001b&#1;\nc&#x1F;&#0;d\u000c'));
    expect(r.jianLi).toBe('ab\ncd');
    expect(r.warnings).toEqual([
      '第 3 行含有控制字符 U+0001，已删除',
      '第 4 行含有控制字符 U+001F，已删除',
      '第 4 行含有控制字符 U+0000，已删除',
      '第 4 行含有控制字符 U+000C，已删除',
    ]);
  });

  it('a long run of them names the first lines only', () => {
    const r = read(doc(Array.from({ length: 50 }, () => 'x\u0002').join('\n')));
    expect(r.warnings).toEqual(['第 3、4、5、6、7 等 行含有控制字符 U+0002，已删除']);
  });

  it('surrogate-pair references are joined; a lone one is dropped with a warning', () => {
    expect(read(doc('王&#55362;&#57271;、&#xD842;&#xDFB7;'))).toEqual({ jianLi: '王𠮷、𠮷', warnings: [] });
    expect(read(doc('a&#55362;b&#57271;c&#55362;&#55362;&#57271;'))).toEqual({
      jianLi: 'abc𠮷',
      warnings: ['第 3 行含有不成对的代理项字符引用（如“&#55362;”），不能组成字符，已删除'],
    });
  });

  it('in CDATA, raw controls are fixed the same way and references stay text', () => {
    expect(read(doc('<![CDATA[一\u000b二&#11;\u0003]]>'))).toEqual({
      jianLi: '一\n二&#11;',
      warnings: [
        '第 3 行含有垂直制表符（U+000B，Word 的手动换行符），已按换行读取',
        '第 3 行含有控制字符 U+0003，已删除',
      ],
    });
  });

  it('private-use characters are removed, the warning naming the field; other characters stay', () => {
    const r = readOk(
      Buffer.from(
        '<Person><XingMing>甲\uE003</XingMing><JianLi>&#xE003;一&#57344;</JianLi><TianBiaoRen>😀𠮷\u00A0乙</TianBiaoRen></Person>',
      ),
    );
    expect([r.person.xingMing, r.person.jianLi, r.person.tianBiaoRen]).toEqual(['甲', '一', '😀𠮷\u00A0乙']);
    expect(r.warnings.filter((w) => w.includes('私用区'))).toEqual([
      '“姓名”中含有 1 个无法通用显示的私用区字符（U+E003），已删除',
      '“简历”中含有 2 个无法通用显示的私用区字符（U+E003、U+E000），已删除',
    ]);
  });
});

describe('still strict about structure', () => {
  it.each([
    ['a control character in a name', '<Person><Xing\u0001Ming>甲</Xing\u0001Ming></Person>'],
    ['a control character between attributes', '<Person a="1"\u0001b="2"><XingMing>甲</XingMing></Person>'],
    ['a control character before the root', '\u000b<Person><XingMing>甲</XingMing></Person>'],
    ['U+FFFE as a reference', '<Person><XingMing>甲&#xFFFE;</XingMing></Person>'],
    ['a reference beyond Unicode', '<Person><XingMing>甲&#x110000;</XingMing></Person>'],
    ['an entity XML does not define', '<Person><XingMing>&nbsp;</XingMing></Person>'],
    ['a DOCTYPE', '<!DOCTYPE Person [<!ENTITY a "b">]><Person><XingMing>&a;</XingMing></Person>'],
  ])('%s is refused', (_what, xml) => {
    expect(readLrmx(Buffer.from(xml)).ok).toBe(false);
  });

  it('warnings are returned only by a document that parses', () => {
    const r = parseXml('<a>\u0001</a>');
    expect(r.ok && r.warnings).toEqual(['第 1 行含有控制字符 U+0001，已删除']);
  });
});

describe('a file cut off anywhere says it is incomplete', () => {
  /**
   * Byte offsets from 1 up to, not including, the end of the root's end tag; a cut that leaves the whole byte order
   * mark and nothing else is an empty file (文件为空, read.test.ts), so the cuts start after it.
   */
  function cuts(bytes: Buffer, encoding: BufferEncoding = 'utf8'): number[] {
    const end = bytes.lastIndexOf(Buffer.from('</Person>', encoding)) + Buffer.byteLength('</Person>', encoding);
    const bom = bytes[0] === 0xef ? 3 : bytes[0] === 0xff || bytes[0] === 0xfe ? 2 : 0;
    return Array.from({ length: end - 1 }, (_, i) => i + 1).filter((n) => n !== bom);
  }

  const expectIncomplete = (bytes: Buffer, where: string) => {
    const r = readLrmx(bytes);
    expect(r.ok, where).toBe(false);
    if (!r.ok && !r.error.includes('文件不完整')) expect.fail(`${where}: ${r.error}`);
    if (!r.ok) expect(r.error.startsWith(NOT_LRMX), where).toBe(true);
  };

  it.each([
    '巴特尔.lrmx',
    '李秀梅.lrmx',
    'variant-tricky.lrmx',
    'variant-bom.lrmx',
    'real-commons-lang2.lrmx',
    'real-jaxb.lrmx',
    'real-cdata.lrmx',
    'real-word-line-break.lrmx',
    'real-gbk-undeclared.lrmx',
    'variant-gbk.lrmx',
  ])('%s, at every byte', (name) => {
    const bytes = fixture(name);
    for (const n of cuts(bytes))
      expectIncomplete(
        bytes.subarray(0, n),
        `${name} cut at ${n}: …${bytes.subarray(Math.max(0, n - 12), n).toString()}`,
      );
  });

  it('variant-utf16le.lrmx, at every byte', () => {
    const bytes = fixture('variant-utf16le.lrmx');
    for (const n of cuts(bytes, 'utf16le')) expectIncomplete(bytes.subarray(0, n), `cut at ${n}`);
  });

  it('any written person, anywhere (tags, attributes, text, references, CDATA, comments, the declaration)', () => {
    const extras = fc.constantFrom(
      '',
      '<!-- 注释 -->',
      '<?pi x?>',
      '<X a="1" b=\'&amp;\'/>',
      '<Y><![CDATA[<a>&b]]></Y>',
    );
    fc.assert(
      fc.property(lrmxPerson, extras, fc.double({ min: 0, max: 1, noNaN: true }), (person, extra, at) => {
        const xml = writeLrmx(person).toString('utf8').replace('<XingBie>', `${extra}<XingBie>`);
        const bytes = Buffer.from(xml);
        const all = cuts(bytes);
        const n = all[Math.floor(at * (all.length - 1))]!;
        expectIncomplete(bytes.subarray(0, n), `cut at ${n}: …${bytes.subarray(Math.max(0, n - 20), n).toString()}`);
      }),
      { numRuns: 300 },
    );
  });
});
