// The assessment's cadre pickers: options found by name, unit or pinyin initials, by the roster's own rule (search-match.ts).
import type { AssessmentDetail, AssessmentMember } from '../../../shared/assessment/types';
import { matchesTerms, searchTerms } from '../../../shared/roster/search-match';

export interface MemberOption {
  value: number;
  label: string;
  /** Lower-cased name and unit; with `pinyin`, what a typed term is matched against. */
  search: string;
  pinyin: string;
}

export function memberOption(
  detail: Pick<AssessmentDetail, 'memberPinyin'>,
  m: AssessmentMember,
  label = `${m.name}（${m.unitName}）`,
): MemberOption {
  return {
    value: m.cadreId,
    label,
    search: `${m.name}\n${m.unitName}`.toLowerCase(),
    pinyin: detail.memberPinyin?.[String(m.cadreId)] ?? '',
  };
}

/** For antd Select's filterOption: a group header (no `search`) never matches itself, so its members are filtered. */
export function filterMember(input: string, option?: Partial<MemberOption>): boolean {
  if (option?.search === undefined) return false;
  return matchesTerms(searchTerms(input), option.search, option.pinyin ?? '');
}
