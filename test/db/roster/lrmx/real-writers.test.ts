// .lrmx files as other systems write them (test/fixtures/lrmx/real-*.lrmx): what a user sees after import.
import { describe, expect, it } from 'vitest';
import { personToCadre } from '../../../../db/roster/lrmx/map';
import { fixture, readOk, TODAY } from './helpers';

/** The file read and mapped: the profile fields and every warning the preview lists for it. */
function imported(name: string) {
  const read = readOk(fixture(name));
  const mapped = personToCadre(read.person, { today: TODAY });
  return { fields: mapped.fields, warnings: [...read.warnings, ...mapped.issues] };
}

const RESUME = [
  '1994.09--1998.07  内蒙古大学数学科学学院基础数学专业学习',
  '1998.07--2016.03  鄂托克旗统计局科员、副局长',
  '2016.03--          鄂托克旗统计局局长',
];
const years = (pairs: [number, string][]) => pairs.map(([year, result]) => ({ year, result }));

describe('real writers', () => {
  it('commons-lang 2: no declaration, every character a reference, 𠮷 as two surrogate references', () => {
    const { fields, warnings } = imported('real-commons-lang2.lrmx');
    expect(warnings).toEqual([]);
    expect(fields).toMatchObject({
      name: '王𠮷',
      ethnicity: '汉族',
      nativePlace: '内蒙古鄂托克旗',
      birthMonth: '1972-08',
      resume: RESUME.join('\n'),
      fulltimeSchool: '内蒙古大学数学科学学院基础数学专业',
      annualResults: years([
        [2020, '优秀'],
        [2021, '合格'],
      ]),
      annualResultsNote: '',
    });
  });

  it('JAXB: standalone="yes", null fields left out; 出生年月 from the 身份证号, 入党时间 date kept, school parts joined', () => {
    const { fields, warnings } = imported('real-jaxb.lrmx');
    expect(fields).toMatchObject({
      birthMonth: '1972-08',
      ethnicity: '',
      partyJoin: '1995-06',
      fulltimeSchool: '内蒙古大学数学科学学院基础数学专业',
      fulltimeDegree: '理学学士',
      parttimeSchool: '',
      family: [],
      annualResults: years([
        [2022, '合格'],
        [2023, '合格'],
        [2024, '合格'],
      ]),
      annualResultsNote: '',
    });
    expect(warnings).toEqual([
      '缺少“出生年月”项',
      '缺少出生年月，已按身份证号取“1972.08”',
      '入党时间“199506；九三学社”中的“九三学社”不是日期，只导入了日期（干部信息中没有政治面貌一项）',
    ]);
  });

  it('CDATA sections, single-quoted declaration, CR LF', () => {
    const { fields, warnings } = imported('real-cdata.lrmx');
    expect(warnings).toEqual([]);
    expect(fields).toMatchObject({
      name: '高志远',
      currentPost: '鄂托克旗统计局局长',
      resume: RESUME.join('\n'),
      annualResults: years([
        [2021, '称职'],
        [2022, '优秀'],
      ]),
    });
  });

  it('Word text: manual line breaks (&#11; and raw) become lines, a stray control character is dropped, each with the line', () => {
    const { fields, warnings } = imported('real-word-line-break.lrmx');
    expect(fields).toMatchObject({
      resume: RESUME.join('\n'),
      rewards: '2019年度嘉奖',
      annualResults: years([
        [2021, '称职'],
        [2022, '称职'],
      ]),
      postSince: '2016-03',
    });
    expect(warnings).toEqual([
      '第 25 行含有垂直制表符（U+000B，Word 的手动换行符），已按换行读取',
      '第 26 行含有控制字符 U+0001，已删除',
    ]);
  });

  it('GBK bytes without any declaration: read as GB18030, with a warning to check the text', () => {
    const { fields, warnings } = imported('real-gbk-undeclared.lrmx');
    expect(fields).toMatchObject({
      name: '高志远',
      nativePlace: '内蒙古鄂托克旗',
      resume: RESUME.join('\n'),
      annualResults: years([[2021, '优秀']]),
    });
    expect(warnings).toEqual(['文件不是有效的 UTF-8 文本，已按 GB18030 编码读取，请核对文字是否正确']);
  });

  it('a private-use character (U+E003) in 简历 and as a reference in 奖惩: removed, naming the field', () => {
    const { fields, warnings } = imported('real-private-use.lrmx');
    expect(fields).toMatchObject({
      resume: RESUME.join('\n'),
      rewards: '无',
      annualResults: [],
      annualResultsNote: '',
      postSince: '2016-03',
    });
    expect(warnings).toEqual([
      '“简历”中含有 1 个无法通用显示的私用区字符（U+E003），已删除',
      '“奖惩情况”中含有 1 个无法通用显示的私用区字符（U+E003），已删除',
    ]);
  });

  it('a lone surrogate reference: dropped with the line, the rest of the file read', () => {
    const { fields, warnings } = imported('real-lone-surrogate.lrmx');
    expect(fields).toMatchObject({ name: '高志远', annualResults: [], annualResultsNote: '' });
    expect(warnings).toEqual(['第 42 行含有不成对的代理项字符引用（如“&#55362;”），不能组成字符，已删除']);
  });

  it('“无” for no results, and a remark beside results kept verbatim', () => {
    expect(imported('real-no-results.lrmx')).toMatchObject({
      fields: { annualResults: [], annualResultsNote: '' },
      warnings: [],
    });
    expect(imported('real-mixed-results.lrmx')).toMatchObject({
      fields: { annualResults: years([[2023, '称职']]), annualResultsNote: '近三年无违纪违法行为' },
      warnings: ['年度考核结果“近三年无违纪违法行为”无法识别为逐年结果，已按原文保存在“年度考核结果（原文）”中'],
    });
  });
});
