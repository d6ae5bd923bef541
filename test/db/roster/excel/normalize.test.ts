// A real roster's conventions folded into the template's: 单位及职务 split, 是否正职, 民族, 政治面貌, suggested 正职/副职.
import { describe, expect, it } from 'vitest';
import {
  ethnicityText,
  normalizeRows,
  partyFromStatus,
  positionText,
  splitUnitPost,
} from '../../../../db/roster/excel/normalize';
import { ROSTER_COLUMNS, type ColumnKey } from '../../../../db/roster/excel/columns';
import type { RawRow } from '../../../../db/roster/excel/parse';
import { DEPARTMENT_UNITS } from './department-fixtures';

const UNITS = DEPARTMENT_UNITS.map((name) => ({ name }));

describe('splitUnitPost', () => {
  it.each([
    ['县委组织部副部长', '县委组织部', '副部长'],
    ['县发展和改革局 局长', '县发展和改革局', '局长'],
    ['县农业农村局（县乡村振兴局）副局长', '县农业农村局（县乡村振兴局）', '副局长'],
    ['城关镇党委书记', '中共城关镇委员会', '党委书记'],
    ['城关镇副镇长', '城关镇人民政府', '副镇长'],
    ['城关镇人民政府镇长', '城关镇人民政府', '镇长'],
    ['县委办公室主任', '县委办公室', '主任'],
  ])('%s → %s + %s', (text, unit, post) => {
    expect(splitUnitPost(text, UNITS)).toEqual({ unit, post });
  });

  it('finds no unit in a text that starts with none', () => {
    expect(splitUnitPost('县财政局副局长', UNITS)).toEqual({ unit: '', post: '县财政局副局长' });
  });
});

describe('cell conventions', () => {
  it('reads 是否正职', () => {
    expect(['是', '否', '正职', '副职', '不详'].map(positionText)).toEqual(['正职', '副职', '正职', '副职', '不详']);
  });

  it('adds 族 to a nation written without it', () => {
    expect(['汉', '蒙古', '回', '汉族', '', '其他', 'Han'].map(ethnicityText)).toEqual([
      '汉族',
      '蒙古族',
      '回族',
      '汉族',
      '',
      '其他',
      'Han',
    ]);
  });

  it('keeps a 民主党派’s name in 入党时间 when it is empty, nothing for 中共 or 群众', () => {
    expect(partyFromStatus('九三学社', '')).toBe('九三学社');
    expect(partyFromStatus('九三学社', '2001.05')).toBe('2001.05');
    expect(partyFromStatus('中共', '')).toBe('');
    expect(partyFromStatus('中共党员', '1996.06')).toBe('1996.06');
    expect(partyFromStatus('群众', '')).toBe('');
  });
});

const EMPTY = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, ''])) as Record<ColumnKey, string>;
const row = (rowNumber: number, cells: Partial<Record<ColumnKey, string>>, extra?: RawRow['extra']): RawRow => ({
  rowNumber,
  cells: { ...EMPTY, ...cells },
  ...(extra ? { extra } : {}),
});

describe('normalizeRows', () => {
  it('splits 单位及职务, strips the age from 出生年月 and suggests 正职/副职 when the file has no such column', () => {
    const n = normalizeRows(
      [
        row(
          4,
          { birthMonth: '1972.03\n(52岁)', ethnicity: '汉' },
          { unitAndPost: '县发展和改革局局长', politicalStatus: '九三学社' },
        ),
        row(5, { birthMonth: '1980-11' }, { unitAndPost: '县委组织部副部长' }),
      ],
      ['name', 'birthMonth', 'ethnicity', 'unitAndPost', 'politicalStatus'],
      UNITS,
    );
    expect(n.rows[0]!.cells).toMatchObject({
      unit: '县发展和改革局',
      currentPost: '局长',
      birthMonth: '1972.03',
      ethnicity: '汉族',
      partyJoin: '九三学社',
      position: '正职',
    });
    expect(n.splits.get(4)).toEqual({ unit: '县发展和改革局', post: '局长' });
    expect([...n.suggestions]).toEqual([
      [4, 'chief'],
      [5, 'deputy'],
    ]);
  });

  it('suggests nothing when the file says 正职/副职 (是否正职)', () => {
    const n = normalizeRows([row(2, { currentPost: '局长', position: '否' })], ['currentPost', 'position'], UNITS);
    expect(n.rows[0]!.cells.position).toBe('副职');
    expect(n.suggestions.size).toBe(0);
  });

  it.each([
    ['党委书记', 'chief'],
    ['镇长', 'chief'],
    ['乡长', 'chief'],
    ['所长', 'chief'],
    ['院长', 'chief'],
    ['校长', 'chief'],
    ['部长', 'chief'],
    ['主席', 'chief'],
    ['行长', 'chief'],
    ['主任', 'chief'],
    ['副主任', 'deputy'],
    ['副镇长', 'deputy'],
    ['一级主任科员', 'deputy'],
  ])('suggests %s → %s', (post, position) => {
    const n = normalizeRows([row(2, { currentPost: post })], ['currentPost'], UNITS);
    expect(n.suggestions.get(2)).toBe(position);
  });
});
