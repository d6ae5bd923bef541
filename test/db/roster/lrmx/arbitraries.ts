// fast-check arbitraries of .lrmx persons with the texts that break naive writers (<, &, quotes, CR, emoji, 𠮷).
import fc from 'fast-check';
import { LRMX_ELEMENTS, type LrmxFamilyMember, type LrmxPerson } from '../../../../shared/roster/lrmx-types';
import { trimXmlSpace } from '../../../../db/fs/xml';

// Characters XML 1.0 cannot carry at all (the writer drops them, so a person holding them cannot round-trip), and
// private-use characters, which the reader removes (with a warning) as no other computer shows them alike.
const UNREPRESENTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uE000-\uF8FF\uFFFE\uFFFF]/g;

const TRICKY = [
  '<',
  '>',
  '&',
  '&amp;',
  '&lt;',
  '"',
  "'",
  ']]>',
  '<![CDATA[',
  '\n',
  '\r',
  '\r\n',
  '\t',
  '  ',
  '😀',
  '𠮷',
  '巴特尔',
  '　',
  '<Person>',
  '</XingMing>',
  '&#13;',
];

/** A field's text as the reader returns it: no unrepresentable characters, no outer XML whitespace. */
export const trickyText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ maxLength: 6 })),
    { maxLength: 8 },
  )
  .map((parts) => trimXmlSpace(parts.join('').replace(UNREPRESENTABLE, '')));

/** 简历-like text: lines, some indented (the indentation inside must survive). */
export const resumeText: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom('', ' ', '    ', '\t'), trickyText), { maxLength: 8 })
  .map((lines) => trimXmlSpace(lines.map(([indent, text]) => indent + text).join('\n')));

const familyMember: fc.Arbitrary<LrmxFamilyMember> = fc.record({
  chengWei: trickyText,
  xingMing: trickyText,
  chuShengRiQi: trickyText,
  zhengZhiMianMao: trickyText,
  gongZuoDanWeiJiZhiWu: trickyText,
});

export const lrmxPerson: fc.Arbitrary<LrmxPerson> = fc
  .record({
    texts: fc.array(trickyText, { minLength: LRMX_ELEMENTS.length, maxLength: LRMX_ELEMENTS.length }),
    name: trickyText.filter((s) => s.length > 0),
    jianLi: resumeText,
    family: fc.array(familyMember, { maxLength: 4 }),
    photo: fc.uint8Array({ maxLength: 64 }),
  })
  .map(({ texts, name, jianLi, family, photo }) => {
    const p: Record<string, unknown> = {};
    LRMX_ELEMENTS.forEach((e, i) => (p[e.key] = texts[i]));
    return {
      ...(p as unknown as LrmxPerson),
      xingMing: name,
      jianLi,
      jiaTingChengYuan: family,
      zhaoPian: Buffer.from(photo).toString('base64'),
    };
  });
