// Columns derived from a profile on every save: highest education, the search text, pinyin search keys.
import { pinyin } from 'pinyin-pro';
import { EDUCATION_LEVELS } from '../../shared/roster/types';
import type { CadreInput } from '../../shared/roster/types';

/** The higher of the full-time and in-service 学历, by the order of EDUCATION_LEVELS ('' when neither is listed). */
export function highestEducation(c: Pick<CadreInput, 'fulltimeEducation' | 'parttimeEducation'>): string {
  const rank = (e: string) => {
    const i = EDUCATION_LEVELS.findIndex((level) => e.includes(level.slice(0, 2)));
    return i === -1 ? Number.POSITIVE_INFINITY : i;
  };
  const best = Math.min(rank(c.fulltimeEducation), rank(c.parttimeEducation));
  return Number.isFinite(best) ? EDUCATION_LEVELS[best]! : '';
}

/**
 * Initials and full pinyin of the name, with surname readings (单 → shan) and the plain readings as an
 * alternative, so `zsf`, `zhangsanfeng` and a polyphonic guess all find 张三丰.
 */
export function pinyinKeys(name: string): string {
  const keys = new Set<string>();
  for (const surname of ['head', 'off'] as const) {
    keys.add(pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname }).join('').toLowerCase());
    keys.add(pinyin(name, { toneType: 'none', type: 'array', surname, v: true }).join('').toLowerCase());
  }
  return [...keys].filter(Boolean).join(' ');
}

/** Every text a user may search for, lower-cased, one field per line. */
export function searchText(c: CadreInput, unitName: string): string {
  return [
    c.name,
    c.idNumber,
    unitName,
    c.currentPost,
    c.ethnicity,
    c.nativePlace,
    c.birthPlace,
    c.partyJoin,
    c.techTitle,
    c.expertise,
    c.fulltimeEducation,
    c.fulltimeDegree,
    c.fulltimeSchool,
    c.parttimeEducation,
    c.parttimeDegree,
    c.parttimeSchool,
    c.rank,
    c.resume,
    c.rewards,
    c.familiarFields,
    c.traits,
    c.shortcomings,
    ...c.family.map((f) => `${f.relation} ${f.name} ${f.workUnitPost}`),
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}
