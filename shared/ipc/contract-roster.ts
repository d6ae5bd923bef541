// The roster's calls: units and categories, the roster query, profiles, Excel and 任免审批表 import/export, jobs.
import { z } from 'zod';
import type { Role } from '../roles';
import type { CatalogCategory } from '../catalog/types';
import type { Unit } from '../roster/types';
import { CADRE_STATUSES, EDUCATION_LEVELS } from '../roster/types';
import { CADRE_FIELD_LABELS, cadreInputSchema } from '../roster/schema';
import { EXCEL_FIELD_KEYS } from '../roster/excel-fields';
import type {
  CadreProfile,
  ChangeField,
  ExcelPreview,
  ImportSummary,
  JobStatus,
  LrmxPreview,
  PickedFile,
  RosterRow,
  SavedFile,
  UnitImportPreview,
} from '../roster/views';
import { call, ROSTER_EDITORS } from './call';
import { OPEN_PURPOSES, SAVE_PURPOSES } from './save-purpose';
import * as f from './fields';

const PROFILE_READERS: readonly Role[] = ['admin', 'dossierClerk', 'reviewer'];

const token = f.fileToken;
const jobId = f.jobId;
const rowNumber = (label: string) => z.number({ error: `${label}必须是整数` }).int(`${label}必须是整数`);
/** A field whose stored value an update keeps (the preview's “保留已有值”). */
const changeField = z.enum(
  ['photo', ...(Object.keys(CADRE_FIELD_LABELS) as ChangeField[])] as [ChangeField, ...ChangeField[]],
  { error: '要保留的项目不正确' },
);
const keptFields = z.array(changeField, { error: '要保留的项目不正确' }).max(64, '要保留的项目过多');
const age = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(16, `${label}不能小于 16`)
    .max(80, `${label}不能大于 80`);

export const rosterFilterSchema = z.strictObject(
  {
    unitId: f.id('单位').optional(),
    categoryCode: f.optionalText('单位类别', 10),
    position: z.enum(['chief', 'deputy'], { error: '正职/副职不正确' }).optional(),
    rank: f.optionalText('职级', 20),
    status: z.enum(CADRE_STATUSES, { error: '状态不正确' }).optional(),
    ageMin: age('最小年龄').optional(),
    ageMax: age('最大年龄').optional(),
    education: z.enum(EDUCATION_LEVELS, { error: '学历不正确' }).optional(),
    text: f.optionalText('搜索内容', 100),
  },
  { error: '筛选条件格式不正确' },
);

export const rosterCalls = {
  'units.list': call<readonly Unit[]>()({ input: f.none, access: 'session', mutates: false }),
  'units.save': call<Unit>()({
    input: z.strictObject({
      id: f.id('单位').optional(),
      name: f.text('单位名称', 60),
      categoryCode: f.text('单位类别', 10),
      sort: z
        .number({ error: '排序号必须是数字' })
        .int('排序号必须是整数')
        .min(0, '排序号不能为负')
        .max(99999, '排序号过大'),
    }),
    access: ROSTER_EDITORS,
    mutates: true,
  }),
  'units.previewExcel': call<UnitImportPreview>()({
    input: z.strictObject({ token }),
    access: ROSTER_EDITORS,
    mutates: false,
  }),
  'units.commitExcel': call<{ readonly created: number; readonly updated: number }>()({
    input: z.strictObject({
      jobId,
      excludedRows: z.array(rowNumber('排除的行号'), { error: '排除的行号不正确' }).max(10_000, '排除的行号过多'),
    }),
    access: ROSTER_EDITORS,
    mutates: true,
  }),
  'units.delete': call<null>()({ input: z.strictObject({ id: f.id('单位') }), access: ROSTER_EDITORS, mutates: true }),
  'categories.save': call<CatalogCategory>()({
    input: z.strictObject({ code: f.text('类别编码', 10).optional(), name: f.text('类别名称', 30) }),
    access: ROSTER_EDITORS,
    mutates: true,
  }),
  'roster.query': call<readonly RosterRow[]>()({ input: rosterFilterSchema, access: 'session', mutates: false }),
  'cadres.get': call<CadreProfile>()({
    input: z.strictObject({ id: f.id('干部') }),
    access: PROFILE_READERS,
    mutates: false,
  }),
  'cadres.create': call<CadreProfile>()({
    input: z.strictObject({ input: cadreInputSchema }),
    access: ROSTER_EDITORS,
    mutates: true,
  }),
  'cadres.update': call<CadreProfile>()({
    input: z.strictObject({
      id: f.id('干部'),
      version: z.number({ error: '版本号无效' }).int('版本号无效').positive('版本号无效'),
      input: cadreInputSchema,
    }),
    access: ROSTER_EDITORS,
    mutates: true,
  }),
  'cadres.setPhoto': call<CadreProfile>()({
    input: z.strictObject({ id: f.id('干部'), token }),
    access: ROSTER_EDITORS,
    mutates: true,
  }),
  'cadres.removePhoto': call<CadreProfile>()({
    input: z.strictObject({ id: f.id('干部') }),
    access: ROSTER_EDITORS,
    mutates: true,
  }),
  'cadres.exportLrmx': call<SavedFile>()({
    input: z.strictObject({ id: f.id('干部'), token }),
    access: ROSTER_EDITORS,
    mutates: true,
  }),
  'files.pickOpen': call<readonly PickedFile[]>()({
    input: z.strictObject({ purpose: z.enum(OPEN_PURPOSES, { error: '文件用途不正确' }) }),
    // Each purpose has its own roles (backups: administrators; ballots: assessment clerks …): the handler checks them.
    access: 'session',
    mutates: false,
  }),
  'files.pickSave': call<{ token: string; name: string } | null>()({
    input: z.strictObject({
      purpose: z.enum(SAVE_PURPOSES, { error: '文件用途不正确' }),
      suggestedName: f.text('文件名', 100),
    }),
    access: 'session',
    mutates: false,
  }),
  'roster.saveTemplate': call<SavedFile>()({ input: z.strictObject({ token }), access: ROSTER_EDITORS, mutates: true }),
  'roster.exportExcel': call<SavedFile & { rows: number }>()({
    input: z.strictObject({ token, filter: rosterFilterSchema }),
    access: ROSTER_EDITORS,
    mutates: true,
  }),
  'roster.previewExcel': call<ExcelPreview>()({
    input: z.strictObject({
      token,
      // The column-mapping step's choice: each file column (1-based) → a field, or null for 不导入.
      mapping: z
        .array(
          z.strictObject(
            {
              column: z.number({ error: '列号不正确' }).int('列号不正确').min(1, '列号不正确').max(16384, '列号不正确'),
              field: z.enum(EXCEL_FIELD_KEYS, { error: '对应的项目不正确' }).nullable(),
            },
            { error: '列对应关系不正确' },
          ),
          { error: '列对应关系不正确' },
        )
        .max(500, '列数过多')
        .optional(),
    }),
    access: ROSTER_EDITORS,
    mutates: false,
  }),
  'roster.commitExcel': call<ImportSummary>()({
    input: z.strictObject({
      jobId,
      excludedRows: z.array(rowNumber('排除的行号'), { error: '排除的行号不正确' }).max(100_000, '排除的行号过多'),
      confirmedRows: z.array(rowNumber('确认的行号'), { error: '确认的行号不正确' }).max(100_000, '确认的行号过多'),
      /** Fields kept as stored for every row (a whole column). */
      keepColumns: keptFields.default([]),
      /** Fields kept as stored for one row. */
      keepFields: z
        .array(
          z.strictObject(
            { rowNumber: rowNumber('保留已有值的行号'), fields: keptFields },
            { error: '保留已有值的设置不正确' },
          ),
          {
            error: '保留已有值的设置不正确',
          },
        )
        .max(100_000, '保留已有值的行过多')
        .default([]),
      // The user's 正职/副职 for rows where it was only suggested from 现任职务.
      positions: z
        .array(
          z.strictObject(
            { rowNumber: rowNumber('行号'), position: z.enum(['chief', 'deputy'], { error: '请选择正职或副职' }) },
            { error: '正职/副职的确认不正确' },
          ),
          { error: '正职/副职的确认不正确' },
        )
        .max(100_000, '行数过多')
        .optional(),
    }),
    access: ROSTER_EDITORS,
    mutates: true,
  }),
  'roster.previewLrmx': call<LrmxPreview>()({
    input: z.strictObject({
      tokens: z.array(token, { error: '文件列表不正确' }).min(1, '请选择文件').max(5000, '一次最多导入 5000 个文件'),
    }),
    access: ROSTER_EDITORS,
    mutates: false,
  }),
  'roster.commitLrmx': call<ImportSummary>()({
    input: z.strictObject({
      jobId,
      files: z
        .array(
          z.strictObject(
            {
              index: z.number({ error: '文件序号不正确' }).int('文件序号不正确').min(0, '文件序号不正确'),
              unitId: f.id('单位'),
              position: z.enum(['chief', 'deputy'], { error: '请选择正职或副职' }),
              confirmMatch: z.boolean({ error: '是否确认为同一人必须是“是”或“否”' }),
              /** Fields of this file kept as stored (per field, per column or the whole file in the preview). */
              keep: keptFields.default([]),
            },
            { error: '文件列表不正确' },
          ),
          { error: '文件列表不正确' },
        )
        .max(5000, '一次最多导入 5000 个文件'),
    }),
    access: ROSTER_EDITORS,
    mutates: true,
  }),
  'jobs.status': call<JobStatus>()({
    input: z.strictObject({ jobId }),
    access: 'session',
    mutates: false,
    passive: true,
  }),
  'jobs.cancel': call<null>()({ input: z.strictObject({ jobId }), access: 'session', mutates: false }),
} as const;
