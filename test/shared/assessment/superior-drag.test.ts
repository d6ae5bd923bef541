// Dragging a row in the 上级排名 form: the new order, the places it gives, and the same validation as typing.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { orderFromPlaces, placesFromRows, reorderRows } from '../../../shared/assessment/superior-order';

const rows = [
  { cadreId: 1, name: '阿古拉' },
  { cadreId: 2, name: '巴特尔' },
  { cadreId: 3, name: '朝鲁' },
  { cadreId: 4, name: '德力格尔' },
];
const ids = (r: readonly { cadreId: number }[]) => r.map((m) => m.cadreId);

describe('reorderRows', () => {
  test.each([
    [0, 2, false, [2, 1, 3, 4]],
    [0, 2, true, [2, 3, 1, 4]],
    [3, 0, false, [4, 1, 2, 3]],
    [3, 0, true, [1, 4, 2, 3]],
    [1, 1, false, [1, 2, 3, 4]],
    [2, 3, true, [1, 2, 4, 3]],
    [0, 9, false, [1, 2, 3, 4]],
  ] as const)('drag row %i onto row %i (after: %s)', (from, over, after, want) => {
    expect(ids(reorderRows(rows, from, over, after))).toEqual(want);
  });

  test('a drag keeps every row once, and the places it gives make the same order (as if typed)', () => {
    fc.assert(
      fc.property(fc.nat(3), fc.nat(3), fc.boolean(), (from, over, after) => {
        const next = reorderRows(rows, from, over, after);
        expect([...ids(next)].sort()).toEqual([1, 2, 3, 4]);
        expect(orderFromPlaces(rows, placesFromRows(next))).toEqual(ids(next));
      }),
    );
  });

  test('a dragged order with one place cleared by typing is refused naming the cadre, as typing alone is', () => {
    const places = placesFromRows(reorderRows(rows, 0, 3, true));
    places.set(3, null);
    expect(orderFromPlaces(rows, places)).toBe('名次不完整：“朝鲁”未填写名次');
    places.set(3, 1);
    expect(orderFromPlaces(rows, places)).toBe('“巴特尔”和“朝鲁”的名次都是第 1 名，名次不能重复');
  });
});
