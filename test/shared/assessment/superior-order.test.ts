// The 上级排名 form's typed places: a complete order, or a Chinese message naming the cadres at fault.
import { describe, expect, test } from 'vitest';
import { orderFromPlaces } from '../../../shared/assessment/superior-order';

const rows = [
  { cadreId: 11, name: '阿古拉' },
  { cadreId: 12, name: '巴特尔' },
  { cadreId: 13, name: '朝鲁' },
];
const places = (...p: (number | null)[]) => new Map(rows.map((r, i) => [r.cadreId, p[i] ?? null]));

describe('orderFromPlaces', () => {
  test('complete places give the cadres best first', () => {
    expect(orderFromPlaces(rows, places(2, 3, 1))).toEqual([13, 11, 12]);
  });
  test('missing places name every cadre without one', () => {
    expect(orderFromPlaces(rows, places(1, null, null))).toBe('名次不完整：“巴特尔”、“朝鲁”未填写名次');
  });
  test('a repeated place names both cadres', () => {
    expect(orderFromPlaces(rows, places(1, 1, 2))).toBe('“阿古拉”和“巴特尔”的名次都是第 1 名，名次不能重复');
  });
  test('a place beyond the group size is refused', () => {
    expect(orderFromPlaces(rows, places(1, 2, 4))).toBe('“朝鲁”的名次须在 1–3 之间');
  });
});
