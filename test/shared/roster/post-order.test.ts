// 职务排序: how a 现任职务 is placed by the keyword list — a 班子 of a 苏木镇, a 街道 and a 部门 in the order 组工 lists it.
import { expect, test } from 'vitest';
import { DEFAULT_POST_ORDER, postOrderSchema, postRank } from '../../../shared/roster/post-order';

const inOrder = (posts: readonly string[]) =>
  [...posts].sort((a, b) => postRank(a, DEFAULT_POST_ORDER) - postRank(b, DEFAULT_POST_ORDER));

test('a 苏木镇 班子: 书记 → 镇长 → 人大主席 → 副书记 → 纪委书记 → 委员 → 副镇长 → 人大副主席', () => {
  const expected = [
    '乌兰镇党委书记',
    '乌兰镇党委副书记、镇长',
    '乌兰镇人大主席',
    '乌兰镇党委副书记',
    '乌兰镇党委委员、纪委书记',
    '乌兰镇党委委员、组织委员',
    '乌兰镇党委委员、武装部长',
    '乌兰镇副镇长',
    '乌兰镇人大副主席',
  ];
  expect(inOrder([...expected].reverse())).toEqual(expected);
});

test('a 苏木 with its 苏木达, a 街道 and a 部门', () => {
  expect(inOrder(['阿尔巴斯苏木副苏木达', '阿尔巴斯苏木党委副书记、苏木达', '阿尔巴斯苏木党委书记'])).toEqual([
    '阿尔巴斯苏木党委书记',
    '阿尔巴斯苏木党委副书记、苏木达',
    '阿尔巴斯苏木副苏木达',
  ]);
  expect(inOrder(['办事处副主任', '党工委副书记', '党工委副书记、办事处主任', '党工委书记'])).toEqual([
    '党工委书记',
    '党工委副书记、办事处主任',
    '党工委副书记',
    '办事处副主任',
  ]);
  expect(inOrder(['农牧局副局长', '农牧局纪检组长', '农牧局党组书记、局长', '农牧局一级主任科员'])).toEqual([
    '农牧局党组书记、局长',
    '农牧局纪检组长',
    '农牧局副局长',
    '农牧局一级主任科员',
  ]);
});

test('a keyword inside a longer one, or right after 副, does not count', () => {
  const list = ['镇长', '部长', '委员'];
  expect(postRank('副镇长', list)).toBe(3); // 副 before 镇长, and no 副镇长 keyword: not the 镇长
  expect(postRank('武装部长', ['部长', '武装部长'])).toBe(1);
  expect(postRank('统战部部长', ['部长', '武装部长'])).toBe(0);
  expect(postRank('科员', list)).toBe(list.length);
  expect(postRank('', list)).toBe(list.length);
});

test('the list the administrator saves: trimmed, distinct, no symbols, named in Chinese when wrong', () => {
  expect(postOrderSchema.parse([' 党委书记 ', '镇长'])).toEqual(['党委书记', '镇长']);
  const message = (v: unknown) => postOrderSchema.safeParse(v).error?.issues[0]?.message;
  expect(message([])).toBe('职务排序至少需要 1 个关键词');
  expect(message(['镇长', '镇长'])).toBe('职务排序的关键词不能重复');
  expect(message(['镇 长'])).toBe('职务排序的关键词只能包含汉字、字母和数字，不能有空格或符号');
  expect(message(['   '])).toBe('职务排序的关键词不能为空');
  expect(postOrderSchema.safeParse(DEFAULT_POST_ORDER).success).toBe(true);
});
