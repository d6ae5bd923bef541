// Which field a header cell of a real roster names: the template's headers and aliases, plus what departments'
// own 干部名单 write (出生时间, 所在单位及职务, 是否正职, 政治面貌 …), and the fields the mapping step offers.
import type { ExcelFieldKey } from '../../../shared/roster/excel-fields';
import type { ExcelMappingField } from '../../../shared/roster/views';
import { ROSTER_COLUMNS, columnOfHeader, normalizeHeader, type ColumnKey } from './columns';

/** Fields that are not template columns: they are split or folded into template columns on import. */
export type ExtraKey = Exclude<ExcelFieldKey, ColumnKey>;
export type FieldKey = ColumnKey | ExtraKey;

// ColumnKey and the shared list must agree (the contract's zod enum is built from the shared list).
const everyColumnIsAField: readonly ExcelFieldKey[] = [] as ColumnKey[];
void everyColumnIsAField;

const EXTRA_LABELS: Readonly<Record<ExtraKey, string>> = { unitAndPost: '单位及职务', politicalStatus: '政治面貌' };

/** Headers seen in departments' own rosters, beyond the template's aliases (compared after normalizeHeader). */
const REAL_ALIASES: Readonly<Record<string, FieldKey>> = {
  干部姓名: 'name',
  出生时间: 'birthMonth',
  出生年月: 'birthMonth',
  '出生年月(岁)': 'birthMonth',
  '出生年月(年龄)': 'birthMonth',
  '出生时间(岁)': 'birthMonth',
  '出生日期(岁)': 'birthMonth',
  所在单位及职务: 'unitAndPost',
  工作单位及职务: 'unitAndPost',
  单位及职务: 'unitAndPost',
  现工作单位及职务: 'unitAndPost',
  现任单位及职务: 'unitAndPost',
  工作单位及现任职务: 'unitAndPost',
  单位职务: 'unitAndPost',
  现职务: 'currentPost',
  职务: 'currentPost',
  现任职务: 'currentPost',
  职务名称: 'currentPost',
  任现职时间: 'postSince',
  任现职务时间: 'postSince',
  现职务始任时间: 'postSince',
  任现职务始任时间: 'postSince',
  任职时间: 'postSince',
  全日制学历: 'fulltimeEducation',
  最高学历学位: 'fulltimeEducation',
  最高学历: 'fulltimeEducation',
  学历: 'fulltimeEducation',
  全日制教育学历: 'fulltimeEducation',
  全日制学位: 'fulltimeDegree',
  学位: 'fulltimeDegree',
  在职学历: 'parttimeEducation',
  在职教育学历: 'parttimeEducation',
  在职学位: 'parttimeDegree',
  是否正职: 'position',
  '正职/副职': 'position',
  政治面貌: 'politicalStatus',
  党派: 'politicalStatus',
  '入党(派)时间': 'partyJoin',
  入党时间: 'partyJoin',
  参加工作时间: 'workStart',
  工作时间: 'workStart',
  职级: 'rank',
  现职级: 'rank',
  身份证号码: 'idNumber',
};

const REAL_INDEX: ReadonlyMap<string, FieldKey> = new Map(
  Object.entries(REAL_ALIASES).map(([h, k]) => [normalizeHeader(h), k]),
);

/** The field a header names, or undefined (序号, 年龄, 备注 and unknown headers are not imported). */
export function fieldOfHeader(raw: string): FieldKey | undefined {
  const h = normalizeHeader(raw);
  if (!h) return undefined;
  return columnOfHeader(h) ?? REAL_INDEX.get(h);
}

export const fieldLabel = (key: FieldKey): string =>
  key === 'unitAndPost' || key === 'politicalStatus'
    ? EXTRA_LABELS[key]
    : ROSTER_COLUMNS.find((c) => c.key === key)!.label;

/** The mapping step's choices: the template's columns in order, the two combined ones after 单位. */
export const MAPPING_FIELDS: readonly ExcelMappingField[] = ROSTER_COLUMNS.flatMap((c) => {
  const own: ExcelMappingField = { key: c.key, label: c.label, required: c.required && c.key !== 'position' };
  if (c.key === 'unit') return [own, { key: 'unitAndPost', label: EXTRA_LABELS.unitAndPost, required: false }];
  if (c.key === 'partyJoin')
    return [{ key: 'politicalStatus', label: EXTRA_LABELS.politicalStatus, required: false }, own];
  return [own];
});

/**
 * The required fields no column gives. 单位 and 现任职务 may both come from one 单位及职务 column; 正职/副职 may be
 * left out (it is then suggested from 现任职务 and confirmed by the user).
 */
export function missingFields(fields: ReadonlySet<FieldKey>): string[] {
  const has = (k: FieldKey) => fields.has(k) || ((k === 'unit' || k === 'currentPost') && fields.has('unitAndPost'));
  return ROSTER_COLUMNS.filter((c) => c.required && c.key !== 'position' && !has(c.key)).map((c) => c.label);
}
