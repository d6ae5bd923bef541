// Zod schemas of dossier and training input: every message Chinese and naming its field.
import { z } from 'zod';
import { ENTRY_POLARITIES, TRAINING_RESULTS } from './types';
import { isCalendarDate } from './quarter';

const id = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .positive(`${label}无效`);
const code = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .trim()
    .min(1, `请选择${label}`)
    .max(20, `${label}编码不正确`);

export const dossierDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2025-03-14`)
    .refine(isCalendarDate, `${label}不是有效的日期`);

export const ENTRY_FIELD_LABELS = {
  cadreId: '干部',
  date: '日期',
  subItemCode: '材料类别（子项）',
  channelCode: '材料来源',
  title: '标题',
  content: '内容',
  polarity: '性质',
  standardCodes: '评价标准',
  listItemCode: '正负面清单事项',
} as const;

export const MAX_TITLE = 100;
export const MAX_CONTENT = 5000;
export const MAX_STANDARDS = 18;

/** The fields an entry shares with every cadre of a bulk entry. */
export const entryCommonSchema = z.strictObject(
  {
    date: dossierDate('日期'),
    subItemCode: code('材料类别（子项）'),
    channelCode: code('材料来源'),
    title: z
      .string({ error: '请填写标题' })
      .trim()
      .min(1, '请填写标题')
      .max(MAX_TITLE, `标题不能超过 ${MAX_TITLE} 个字`),
    content: z.string({ error: '内容必须是文字' }).trim().max(MAX_CONTENT, `内容不能超过 ${MAX_CONTENT} 个字`),
    polarity: z.enum(ENTRY_POLARITIES, { error: '请选择性质（正面、负面或中性）' }),
    standardCodes: z
      .array(code('评价标准'), { error: '评价标准格式不正确' })
      .max(MAX_STANDARDS, `评价标准最多选 ${MAX_STANDARDS} 项`)
      .refine((xs) => new Set(xs).size === xs.length, '评价标准有重复'),
    listItemCode: code('正负面清单事项').nullable(),
  },
  { error: '材料格式不正确' },
);
export type EntryCommonInput = z.output<typeof entryCommonSchema>;

export const entryInputSchema = z.strictObject(
  { cadreId: id('干部'), ...entryCommonSchema.shape },
  { error: '材料格式不正确' },
);
export type EntryInput = z.output<typeof entryInputSchema>;

export const version = z.number({ error: '版本号无效' }).int('版本号无效').positive('版本号无效');

/** One cadre's line in a bulk entry: hours and a result or remark that differ per cadre. */
export const bulkRowSchema = z.strictObject(
  {
    cadreId: id('干部'),
    hours: z.number({ error: '学时必须是数字' }).min(0, '学时不能为负').max(10000, '学时过大').nullable(),
    note: z.string({ error: '个人情况必须是文字' }).trim().max(200, '个人情况不能超过 200 个字'),
  },
  { error: '名单格式不正确' },
);
export const bulkEntrySchema = z.strictObject({
  common: entryCommonSchema,
  rows: z
    .array(bulkRowSchema, { error: '名单格式不正确' })
    .min(1, '请至少选择一名干部')
    .max(2000, '一次最多为 2000 名干部录入')
    .refine((rows) => new Set(rows.map((r) => r.cadreId)).size === rows.length, '名单中有重复的干部'),
});
export type BulkEntryInput = z.output<typeof bulkEntrySchema>;

export const dossierFilterSchema = z.strictObject(
  {
    cadreId: id('干部'),
    sectionCode: code('板块').optional(),
    quarter: z
      .string({ error: '季度格式不正确' })
      .regex(/^\d{4}Q[1-4]$/, '季度格式应为 2025Q3')
      .optional(),
    polarity: z.enum(ENTRY_POLARITIES, { error: '性质不正确' }).optional(),
    standardCode: code('评价标准').optional(),
  },
  { error: '筛选条件格式不正确' },
);
export type DossierFilter = z.output<typeof dossierFilterSchema>;

export const trainingClassSchema = z
  .strictObject(
    {
      id: id('培训班').optional(),
      name: z.string({ error: '请填写班次名称' }).trim().min(1, '请填写班次名称').max(100, '班次名称不能超过 100 个字'),
      startDate: dossierDate('开班日期'),
      endDate: dossierDate('结业日期'),
      hours: z.number({ error: '学时必须是数字' }).positive('学时必须大于 0').max(2000, '学时过大'),
      organizer: z
        .string({ error: '请填写主办单位' })
        .trim()
        .min(1, '请填写主办单位')
        .max(60, '主办单位不能超过 60 个字'),
    },
    { error: '培训班格式不正确' },
  )
  .refine((c) => c.endDate >= c.startDate, { error: '结业日期不能早于开班日期', path: ['endDate'] });
export type TrainingClassInput = z.output<typeof trainingClassSchema>;

export const trainingRecordRowSchema = z.strictObject(
  {
    cadreId: id('干部'),
    hours: z.number({ error: '学时必须是数字' }).min(0, '学时不能为负').max(2000, '学时过大'),
    result: z.enum(TRAINING_RESULTS, { error: '结业评价必须是优秀学员、合格学员或重修学员' }),
  },
  { error: '学员名单格式不正确' },
);
export const trainingRecordsSchema = z.strictObject({
  classId: id('培训班'),
  rows: z
    .array(trainingRecordRowSchema, { error: '学员名单格式不正确' })
    .max(2000, '一个班最多 2000 名学员')
    .refine((rows) => new Set(rows.map((r) => r.cadreId)).size === rows.length, '学员名单中有重复的干部'),
});
export type TrainingRecordsInput = z.output<typeof trainingRecordsSchema>;
