// Suggestions for an imported cadre: 正职 or 副职 from the 现任职务 text, and the unit the post names.
import type { PositionCode } from '../../../shared/catalog/types';

// Titles that head a unit (a 书记 of its 党委/党组, a 镇长, a 局长 …). Checked at the END of one listed post, so
// “一级主任科员” (ends with 科员) is not a 主任.
const CHIEF_TITLE =
  /(书记|苏木达|嘎查达|主任委员|主任|主席|主委|政委|总经理|经理|董事长|理事长|[镇乡旗县区市局部院所站队行校园馆社会团处科股庭厂场矿台关]长|检察长|秘书长|指挥长)$/;
// 副 + a title anywhere in the post: 党委副书记, 常务副镇长, 副主任, 副检察长 …
const DEPUTY_TITLE = /副(书记|苏木达|嘎查达|主任|主席|主委|政委|总经理|经理|董事长|理事长|[\u4e00-\u9fa5]{0,2}长)/;
// Posts of a 班子 member that are not the unit's head even without 副: the 纪委书记 of a 镇, its 武装部长, the
// 委员 of a 党委, the 组长 of a 派驻纪检组 … (all 副职 in 双比双评).
const MEMBER_POST =
  /(纪委书记|纪工委书记|纪检组长|纪检组组长|纪检监察组组长|武装部长|武装部部长|人武部长|人武部部长|委员|成员)$/;
// Words between a unit's name and a title that still mean “of this unit”.
const UNIT_BODY = /^(党委|党组|党工委|党总支|党支部|行政)?$/;

type PostKind = 'chief' | 'deputy' | 'member' | 'other';

function kindOf(post: string): PostKind {
  if (DEPUTY_TITLE.test(post)) return 'deputy';
  if (post.endsWith('主任委员')) return 'chief'; // a 民主党派's head, not a 委员
  if (MEMBER_POST.test(post)) return 'member';
  if (CHIEF_TITLE.test(post)) return 'chief';
  return 'other';
}

/** The posts of a 现任职务 text: split at 、，,；; with spaces and parenthesised remarks (（正科级）) dropped. */
export function splitPosts(currentPost: string): string[] {
  return currentPost
    .replace(/[（(][^（）()]*[）)]/g, '')
    .replace(/\s+/g, '')
    .split(/[、，,；;]+/)
    .filter(Boolean);
}

/**
 * 正职 or 副职 from the 现任职务 text. The rule:
 * 1. The FIRST listed post decides when it is a unit head's title (…党委书记, …局长, …主任, 苏木达 …): 正职.
 * 2. A later post counts as 正职 too when it is a bare head title of the same unit (no other unit named before the
 *    title): “乌兰镇党委副书记、镇长” is 正职 — a 镇长 is a 正职 of the 镇 in 双比双评 practice, even though the
 *    first post is 副书记. “…局副局长、…中心主任” stays 副职 (主任 of another unit), as does “…党委副书记、人大主席”
 *    (人大 is a body inside the 镇, not the 镇 itself).
 * 3. Everything else is 副职: 副 titles, 党委委员 / 党组成员, a 镇's 纪委书记 or 武装部长, and non-leading posts
 *    (主任科员, 科员 …), which the user re-checks anyway.
 */
export function suggestPosition(currentPost: string): PositionCode {
  const posts = splitPosts(currentPost);
  if (posts.length === 0) return 'deputy';
  if (kindOf(posts[0]!) === 'chief') return 'chief';
  for (const post of posts.slice(1)) {
    if (kindOf(post) !== 'chief') continue;
    const title = CHIEF_TITLE.exec(post)![0];
    if (UNIT_BODY.test(post.slice(0, post.length - title.length))) return 'chief';
  }
  return 'deputy';
}

const UNIT_SUFFIXES = ['人民政府', '委员会', '党工委', '党委', '党组', '政府'];
const POST_ORG = /^(.{2,}?)(党委|党组|党工委|党总支)/;

/** A unit's name and the shorter forms a post may use: 乌兰镇人民政府 → 乌兰镇; 中共乌兰镇委员会 → 乌兰镇. */
export function namesOf(unitName: string): string[] {
  const full = unitName.trim();
  const names = new Set<string>([full]);
  let core = full.replace(/^中共/, '');
  names.add(core);
  for (const suffix of UNIT_SUFFIXES) {
    if (core.endsWith(suffix) && core.length - suffix.length >= 2) {
      core = core.slice(0, -suffix.length);
      break;
    }
  }
  names.add(core);
  return [...names].filter((n) => n.length >= 2);
}

function bestIn(text: string, units: readonly { id: number; name: string }[]): number | null {
  const orgPrefix = POST_ORG.exec(text)?.[1] ?? '';
  let best: { id: number; score: number; at: number } | null = null;
  for (const unit of units) {
    let score = 0;
    let at = Number.POSITIVE_INFINITY;
    for (const name of namesOf(unit.name)) {
      const pos = text.indexOf(name);
      if (pos >= 0 && (name.length > score || (name.length === score && pos < at))) {
        score = name.length;
        at = pos;
      }
    }
    // “财政局党组成员” names 鄂托克旗财政局 by its tail: the text before 党委/党组/党工委 ends a unit's name.
    if (orgPrefix.length > score && namesOf(unit.name).some((n) => n.endsWith(orgPrefix))) {
      score = orgPrefix.length;
      at = 0;
    }
    if (score > 0 && (!best || score > best.score || (score === best.score && at < best.at)))
      best = { id: unit.id, score, at };
  }
  return best?.id ?? null;
}

/**
 * The unit a 现任职务 text names: the longest unit name (or short form) found in it; ties go to the earlier match,
 * then to the unit listed first. The first listed post is searched first (“财政局副局长、国资中心主任” belongs to the
 * 财政局), then the whole text. null when no unit is named.
 */
export function suggestUnit(currentPost: string, units: readonly { id: number; name: string }[]): number | null {
  const posts = splitPosts(currentPost);
  if (posts.length === 0) return null;
  return bestIn(posts[0]!, units) ?? bestIn(posts.join('、'), units);
}
