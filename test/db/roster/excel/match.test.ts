// Matching import rows to existing cadres: 身份证号 first, then 姓名 + 出生年月 (which needs the user's confirmation).
import { describe, expect, it } from 'vitest';
import { ROSTER_COLUMNS, type ColumnKey } from '../../../../db/roster/excel/columns';
import { matchExisting, type ExistingCadre } from '../../../../db/roster/excel/match';
import { validateRosterRows } from '../../../../db/roster/excel/validate';
import { TODAY, UNITS, makeId } from './helpers';

const EMPTY = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, ''])) as Record<ColumnKey, string>;
const row = (rowNumber: number, cells: Partial<Record<ColumnKey, string>>) => ({
  rowNumber,
  cells: { ...EMPTY, gender: '男', currentPost: '科员', unit: '县委办公室', position: '副职', ...cells },
});

const ID_A = makeId('19750315', '男', 11);
const ID_B = makeId('19800101', '男', 23);
const ID_C = makeId('19750320', '男', 35);

const existing: ExistingCadre[] = [
  { id: 7, idNumber: ID_A, name: '张三', birthMonth: '1975-03' },
  { id: 8, idNumber: '', name: '李四', birthMonth: '1980-01' },
  { id: 9, idNumber: ID_C, name: '王五', birthMonth: '1975-03' },
  { id: 12, idNumber: '', name: '赵六', birthMonth: '1982-05' },
  { id: 11, idNumber: '', name: '赵六', birthMonth: '1982-05' },
];

describe('matchExisting', () => {
  const validated = validateRosterRows(
    [
      row(3, { name: '张三丰', birthMonth: '1975.03', idNumber: ID_A.toLowerCase() }), // same 身份证号, other name → update
      row(4, { name: '李四', birthMonth: '1980.01', idNumber: ID_B }), // cadre 8 has no 身份证号 → confirm
      row(5, { name: '王五', birthMonth: '1975.03' }), // no 身份证号 in the row → confirm
      row(6, { name: '王五', birthMonth: '1975.03', idNumber: makeId('19750301', '男', 47) }), // another 身份证号: a namesake
      row(7, { name: '赵六', birthMonth: '1982.05' }), // two candidates
      row(8, { name: '孙七', birthMonth: '1990.10' }), // nobody
      row(9, { name: '', birthMonth: '1990.10' }), // invalid: left out
    ],
    { units: UNITS, today: TODAY },
  );

  it('updates on the same 身份证号, asks on the same 姓名 + 出生年月, else creates; leaves out invalid rows', () => {
    // Rows 5 and 6 share 姓名 + 出生年月 and row 5 has no 身份证号: validation flags both, so they are left out too.
    expect(validated.rows.filter((r) => !r.input).map((r) => r.rowNumber)).toStrictEqual([5, 6, 9]);
    expect(matchExisting(validated.rows, existing).map((m) => [m.rowNumber, m.input.name, m.match])).toStrictEqual([
      [3, '张三丰', { kind: 'update', cadreId: 7 }],
      [4, '李四', { kind: 'nameMatch', cadreId: 8, candidateIds: [8] }],
      [7, '赵六', { kind: 'nameMatch', cadreId: 11, candidateIds: [11, 12] }],
      [8, '孙七', { kind: 'new' }],
    ]);
  });

  it('asks when the row has no 身份证号 and is a namesake; creates when both have different ones', () => {
    const check = (cells: Partial<Record<ColumnKey, string>>) =>
      matchExisting(validateRosterRows([row(5, cells)], { units: UNITS, today: TODAY }).rows, existing)[0]!.match;
    expect(check({ name: '王五', birthMonth: '1975.03' })).toStrictEqual({
      kind: 'nameMatch',
      cadreId: 9,
      candidateIds: [9],
    });
    expect(check({ name: '王五', birthMonth: '1975.03', idNumber: makeId('19750301', '男', 47) })).toStrictEqual({
      kind: 'new',
    });
  });

  it('prefers the 身份证号 match over a 姓名 + 出生年月 match with another cadre', () => {
    const rows = validateRosterRows([row(3, { name: '王五', birthMonth: '1975.03', idNumber: ID_A })], {
      units: UNITS,
      today: TODAY,
    }).rows;
    expect(matchExisting(rows, existing)[0]!.match).toStrictEqual({ kind: 'update', cadreId: 7 });
  });

  it('returns nothing for no rows, and only new for an empty store', () => {
    expect(matchExisting([], existing)).toStrictEqual([]);
    expect(matchExisting(validated.rows, []).map((m) => m.match.kind)).toStrictEqual(['new', 'new', 'new', 'new']);
  });
});
