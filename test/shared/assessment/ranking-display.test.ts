// How rankings are shown: 副职 groups in 单位管理's order (not ids or codes as text), a vetoed cadre last without a 名次.
import { expect, test } from 'vitest';
import { displayRows, groupOrder, orderedGroups, type AssessmentMember } from '../../../shared/assessment';
import type { RankingGroup, RankingRow } from '../../../shared/scoring/types';

const member = (
  cadreId: number,
  position: 'chief' | 'deputy',
  unitId: number,
  categoryCode: string,
): AssessmentMember => ({
  cadreId,
  name: `干部${cadreId}`,
  position,
  unitId,
  unitName: `单位${unitId}`,
  categoryCode,
  categoryName: categoryCode,
});

test('groups follow category sort, then unit 排序号 and name; ids and codes are never compared as text', () => {
  const members = [
    member(1, 'deputy', 10, 'C1'),
    member(2, 'deputy', 9, 'C1'),
    member(3, 'deputy', 2, 'C10'),
    member(4, 'chief', 2, 'C10'),
    member(5, 'chief', 9, 'C2'),
    member(6, 'deputy', 100, 'C2'),
  ];
  const order = groupOrder(members, {
    categorySort: new Map([
      ['C1', 1],
      ['C2', 2],
      ['C10', 10],
    ]),
    units: new Map([
      [10, { sort: 1, name: '乌兰镇' }],
      [9, { sort: 2, name: '棋盘井镇' }],
      [2, { sort: 1, name: '旗委办' }],
      [100, { sort: 1, name: '发改委' }],
    ]),
  });
  expect(order).toEqual(['chief:C2', 'chief:C10', 'deputy:10', 'deputy:9', 'deputy:100', 'deputy:2']);
  // The scoring result lists groups by key as text ('10' < '100' < '2' < '9'); the display follows groupOrder.
  const g = (groupKey: string): RankingGroup => ({
    position: 'deputy',
    groupKey,
    size: 1,
    excellentQuota: 0,
    rows: [],
  });
  const result = { groups: [g('10'), g('100'), g('2'), g('9')], unranked: [], invalidBallots: [] };
  expect(orderedGroups({ result, groupOrder: order }, 'deputy').map((x) => x.groupKey)).toEqual([
    '10',
    '9',
    '100',
    '2',
  ]);
  expect(orderedGroups({ result }, 'deputy').map((x) => x.groupKey)).toEqual(['10', '100', '2', '9']);
});

test('a vetoed cadre at 名次 1 is listed last without a 名次; the others close up and keep their ties', () => {
  const row = (cadreId: string, rank: number, flags: string[] = []): RankingRow => ({
    cadreId,
    rank,
    finalScore: 90 - rank,
    base: 90 - rank,
    components: {},
    bonus: 0,
    penalty: 0,
    grade: 'competent',
    flags,
  });
  const shown = displayRows({ rows: [row('a', 1, ['veto']), row('b', 2), row('c', 2), row('d', 4)] });
  expect(shown.map((d) => [d.row.cadreId, d.rank, d.vetoed])).toEqual([
    ['b', 1, false],
    ['c', 1, false],
    ['d', 3, false],
    ['a', null, true],
  ]);
});
