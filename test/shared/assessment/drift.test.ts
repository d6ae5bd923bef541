// Roster drift: each way the roster can move away from an assessment's snapshot gets one Chinese line.
import { expect, test } from 'vitest';
import { rosterDrift, type RosterNow } from '../../../shared/assessment/drift';
import type { AssessmentMember } from '../../../shared/assessment/types';

const member = (
  cadreId: number,
  name: string,
  unitId = 1,
  position: 'chief' | 'deputy' = 'chief',
): AssessmentMember => ({
  cadreId,
  name,
  position,
  unitId,
  unitName: `单位${unitId}`,
  categoryCode: 'C1',
  categoryName: '苏木镇（街道）',
});
const now = (id: number, name: string, over: Partial<RosterNow> = {}): RosterNow => ({
  id,
  name,
  unitId: 1,
  unitName: '单位1',
  categoryCode: 'C1',
  position: 'chief',
  status: '在职',
  ...over,
});

test('an unchanged roster has no drift', () => {
  expect(rosterDrift([member(1, '甲')], [now(1, '甲')], { categoryCodes: ['C1'], unitIds: [] })).toEqual([]);
});

test('deleted, departed, renamed, moved, promoted and new cadres are each named', () => {
  const members = [member(1, '甲'), member(2, '乙'), member(3, '丙'), member(4, '丁'), member(5, '戊', 1, 'deputy')];
  const roster = [
    now(2, '乙', { status: '调出' }),
    now(3, '丙二'),
    now(4, '丁', { unitId: 2, unitName: '单位2' }),
    now(5, '戊', { position: 'chief' }),
    now(6, '己'),
    now(7, '庚', { categoryCode: 'C2' }),
  ];
  expect(rosterDrift(members, roster, { categoryCodes: ['C1'], unitIds: [] })).toEqual([
    '“甲”已从干部名册删除',
    '“乙”现为“调出”',
    '“丙”现名为“丙二”',
    '“丁”已调至单位2',
    '“戊”现为正职',
    '“己”（单位1）新进入考核范围',
  ]);
});
