// Free-text matching of cadres, one rule for the roster query and every cadre picker: each term is in the cadre's
// text, or, when it is Latin letters only, in the name's pinyin keys (initials or full pinyin, db/roster/derive.ts).
export const searchTerms = (text: string): string[] => text.toLowerCase().split(/\s+/).filter(Boolean);

export function matchesTerms(terms: readonly string[], haystack: string, pinyinKeys: string): boolean {
  return terms.every((t) => haystack.includes(t) || (/^[a-z]+$/.test(t) && pinyinKeys.includes(t)));
}
