// 职务排序: the ordered 职务 keywords that place a unit's cadres as 组工 practice lists a 班子, and how a post is ranked.
import { z } from 'zod';

/**
 * A sensible 班子 order for 苏木镇、街道 and 部门: the secretary, then the head of the government (镇长、苏木达、
 * 局长、部长、办事处主任…), the 人大主席, the deputy secretaries, the 纪委 secretary and the committee members, then the
 * deputy heads. Only the order inside one unit matters, so the heads of different kinds of unit may share a level.
 */
export const DEFAULT_POST_ORDER: readonly string[] = [
  '党委书记',
  '党工委书记',
  '党组书记',
  '苏木达',
  '镇长',
  '乡长',
  '局长',
  '部长',
  '主任',
  '人大主席',
  '副书记',
  '纪委书记',
  '纪工委书记',
  '纪检组长',
  '组织委员',
  '宣传委员',
  '统战委员',
  '政法委员',
  '武装部长',
  '委员',
  '副苏木达',
  '副镇长',
  '副乡长',
  '副主任',
  '副局长',
  '副部长',
  '人大副主席',
  '主任科员',
];

export const POST_KEYWORD_MAX = 12;
export const POST_ORDER_MAX = 60;

/** The administrator's list: 1–60 distinct keywords of Chinese characters (letters allowed for names like 嘎查). */
export const postOrderSchema = z
  .array(
    z
      .string({ error: '职务排序的关键词必须是文字' })
      .trim()
      .min(1, '职务排序的关键词不能为空')
      .max(POST_KEYWORD_MAX, `职务排序的每个关键词不能超过 ${POST_KEYWORD_MAX} 个字`)
      .regex(/^[\p{Script=Han}A-Za-z0-9]+$/u, '职务排序的关键词只能包含汉字、字母和数字，不能有空格或符号'),
    { error: '职务排序必须是关键词列表' },
  )
  .min(1, '职务排序至少需要 1 个关键词')
  .max(POST_ORDER_MAX, `职务排序最多 ${POST_ORDER_MAX} 个关键词`)
  .refine((list) => new Set(list).size === list.length, { error: '职务排序的关键词不能重复' });

/**
 * The place of a 现任职务 in the keyword list: the earliest keyword found in it, or the list's length when none is.
 * An occurrence inside a longer keyword that also occurs (镇长 in 副镇长, 部长 in 武装部长) does not count, nor one
 * right after 副 for a keyword that is not itself a 副 post, so 副镇长 never ranks as 镇长 even without that keyword.
 * A post holding several roles (党委副书记、镇长) ranks by its highest one.
 */
export function postRank(post: string, keywords: readonly string[]): number {
  const found: { index: number; start: number; end: number }[] = [];
  keywords.forEach((k, index) => {
    for (let start = post.indexOf(k); start >= 0; start = post.indexOf(k, start + 1))
      found.push({ index, start, end: start + k.length });
  });
  let best = keywords.length;
  for (const f of found) {
    if (f.index >= best) continue;
    const inLonger = found.some(
      (g) => g !== f && g.start <= f.start && g.end >= f.end && g.end - g.start > f.end - f.start,
    );
    const afterDeputy = !keywords[f.index]!.startsWith('副') && post[f.start - 1] === '副';
    if (!inLonger && !afterDeputy) best = f.index;
  }
  return best;
}
