// The ballot workbook's layout, shared by the template and the import: sheet names, section markers, codes, labels.
import { COMPONENT_LABELS, type AssessmentMember, type GroupRef } from '../../../shared/assessment/types';
import type { Component, Position, RankingConfig } from '../../../shared/scoring/types';

/** Raised when the layout changes, so a workbook of an older layout is refused rather than misread. */
export const BALLOT_TEMPLATE_VERSION = 1;

export const INFO_SHEET = '_考核信息';
export const LISTS_SHEET = '_名单';
export const GUIDE_SHEET = '填表说明';
export const CODE_LABEL = '识别码';

export const SECTION_MARKERS: Readonly<Record<Component, string>> = {
  superior: '【上级领导综合排名】',
  peer: '【同级互评】',
  staff: '【干部职工测评】',
  service: '【服务对象打分】',
};

/** Sections that are no ballot kind of scoring: staff forms one per row, and 意见建议 (added in layout 1, optional). */
export const FORM_MARKERS = {
  staffForms: '【干部职工测评票（逐票）】',
  comments: '【意见建议】',
} as const;
export type FormSection = keyof typeof FORM_MARKERS;
export const FORM_HEADER = '测评票';
export const COMMENT_HEADER = '意见建议';
/** Blank form rows and comment rows in the template (more can be inserted inside the section). */
export const STAFF_FORM_ROWS = 30;
export const COMMENT_ROWS = 20;

/** Blank leader rows in the template (more can be inserted inside the section). */
export const SUPERIOR_ROWS = 10;
/** Score columns per cadre in the 服务对象 section. */
export const SERVICE_COLUMNS = 20;

export const LEADER_HEADER = '上级领导（职务或姓名）';
export const RATER_HEADER = '评价人';
export const TARGET_HEADER = '被评价人';
export const STAFF_TARGET_HEADER = '被测评干部';
export const placeHeader = (i: number) => `第${i + 1}名`;
export const serviceHeader = (i: number) => `评分${i + 1}`;

/** The code in B2 of each group sheet: which assessment, layout and group the sheet was made for. */
export const sheetCode = (assessmentId: number, groupRef: GroupRef) =>
  `考核${assessmentId}·模板${BALLOT_TEMPLATE_VERSION}·${groupRef}`;
export function parseSheetCode(code: string): { assessmentId: number; version: number; groupRef: GroupRef } | null {
  const m = /^考核(\d+)·模板(\d+)·((?:chief|deputy):[A-Za-z0-9_-]+)$/u.exec(code.trim());
  return m ? { assessmentId: Number(m[1]), version: Number(m[2]), groupRef: m[3]! } : null;
}

const KINDS: readonly Component[] = ['superior', 'peer', 'staff', 'service'];

/** The ballot kinds a group's position needs: those with a weight (a group of one has no one to rate it as a peer). */
export function kindsOf(config: RankingConfig, position: Position, groupSize: number): Component[] {
  return KINDS.filter((k) => config.weights[position][k] > 0 && !(k === 'peer' && groupSize < 2));
}

export const kindLabel = (k: Component) => COMPONENT_LABELS[k];

/**
 * How each member of a group is written in the sheet: the name, or with the unit (and id) when names repeat, so
 * that a name picked from the drop-down always means one cadre.
 */
export function memberLabels(members: readonly AssessmentMember[]): Map<number, string> {
  const count = (key: (m: AssessmentMember) => string) => {
    const n = new Map<string, number>();
    for (const m of members) n.set(key(m), (n.get(key(m)) ?? 0) + 1);
    return n;
  };
  const byName = count((m) => m.name);
  const withUnit = (m: AssessmentMember) => `${m.name}（${m.unitName}）`;
  const byNameUnit = count(withUnit);
  return new Map(
    members.map((m) => [
      m.cadreId,
      byName.get(m.name) === 1
        ? m.name
        : byNameUnit.get(withUnit(m)) === 1
          ? withUnit(m)
          : `${m.name}（${m.unitName}，编号${m.cadreId}）`,
    ]),
  );
}
