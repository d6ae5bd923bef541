// The fields a column of an imported roster workbook can be mapped to (the mapping step's choices).

/** Every roster column of the template, plus the combined columns real rosters use (split or folded on import). */
export const EXCEL_FIELD_KEYS = [
  'name',
  'gender',
  'ethnicity',
  'birthMonth',
  'nativePlace',
  'birthPlace',
  'partyJoin',
  'workStart',
  'health',
  'techTitle',
  'expertise',
  'fulltimeEducation',
  'fulltimeDegree',
  'fulltimeSchool',
  'parttimeEducation',
  'parttimeDegree',
  'parttimeSchool',
  'currentPost',
  'postSince',
  'rank',
  'unit',
  'position',
  'idNumber',
  'familiarFields',
  'traits',
  'shortcomings',
  'status',
  'annualResults',
  'resume',
  'rewards',
  // 所在单位及职务: split into 单位 and 现任职务 by the units in the store.
  'unitAndPost',
  // 政治面貌: a 民主党派's name goes into 入党时间's free text.
  'politicalStatus',
] as const;

export type ExcelFieldKey = (typeof EXCEL_FIELD_KEYS)[number];
