// writeLrmx: the samples' layout, and writer → reader round trips that give back exactly the same person.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLrmx } from '../../../../db/roster/lrmx/read';
import { writeLrmx } from '../../../../db/roster/lrmx/write';
import { emptyLrmxPerson } from '../../../../shared/roster/lrmx-types';
import { lrmxPerson } from './arbitraries';
import { generatePersons } from './generate';
import { fixture, readFixture, readOk } from './helpers';

describe('writeLrmx', () => {
  it.each(['巴特尔.lrmx', '李秀梅.lrmx'])(
    'rewrites %s byte for byte (same declaration, xmlns, order, indentation, CRLF)',
    (name) => {
      const bytes = fixture(name);
      expect(writeLrmx(readOk(bytes).person).equals(bytes)).toBe(true);
    },
  );

  it('escapes markup, keeps quotes and newlines as they are, writes CR as a reference', () => {
    const xml = writeLrmx({ ...emptyLrmxPerson(), xingMing: 'A<&>"\'', jianLi: 'l1\n  l2\r\nl3' }).toString('utf8');
    expect(xml).toContain('<XingMing>A&lt;&amp;&gt;"\'</XingMing>');
    expect(xml).toContain('<JianLi>l1\n  l2&#13;\nl3</JianLi>');
    expect(xml).toContain('  <JiaTingChengYuan />\r\n');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\r\n<Person xmlns:xsi=')).toBe(true);
  });

  it('drops characters XML 1.0 cannot hold instead of writing a broken file', () => {
    const bytes = writeLrmx({ ...emptyLrmxPerson(), xingMing: 'a\u0001b\uFFFEc\uD800d' });
    expect(readOk(bytes).person.xingMing).toBe('abcd');
  });
});

describe('round trips (writer → reader)', () => {
  it.each([
    '巴特尔.lrmx',
    '李秀梅.lrmx',
    'variant-tricky.lrmx',
    'variant-gb18030.lrmx',
    'variant-utf16le.lrmx',
    'variant-empty-elements.lrmx',
  ])('%s', (name) => {
    const { person } = readFixture(name);
    expect(readOk(writeLrmx(person)).person).toEqual(person);
  });

  it('200 generated realistic persons', () => {
    for (const person of generatePersons(200, 7)) expect(readOk(writeLrmx(person)).person).toEqual(person);
  });

  it('any person with tricky text (<, &, quotes, CR/LF, indented 简历 lines, emoji, 𠮷)', () => {
    fc.assert(
      fc.property(lrmxPerson, (person) => {
        const r = readLrmx(writeLrmx(person));
        expect(r).toEqual({ ok: true, person, warnings: expect.any(Array), absent: new Set() });
      }),
      { numRuns: 300 },
    );
  });

  it('a person without 出生年月, 身份证号 and 现任职务 comes back with the reader’s warnings only', () => {
    const r = readLrmx(writeLrmx({ ...emptyLrmxPerson(), xingMing: '张三' }));
    expect(r).toEqual({
      ok: true,
      person: { ...emptyLrmxPerson(), xingMing: '张三' },
      warnings: [],
      absent: new Set(),
    });
  });
});
