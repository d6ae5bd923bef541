// The dossier's calls: a cadre's dossier, entries (single and bulk), verification, attachments, training and its evidence.
import { z } from 'zod';
import type { Role } from '../roles';
import {
  bulkEntrySchema,
  dossierFilterSchema,
  entryInputSchema,
  trainingClassSchema,
  trainingRecordsSchema,
  version,
} from '../dossier/schema';
import type {
  AttachmentContent,
  AttachmentMeta,
  AttachmentPreview,
  BulkResult,
  Dossier,
  QuarterCompleteness,
  SearchResult,
  DossierEntry,
  TrainingClass,
  TrainingRecord,
} from '../dossier/types';
import type { HoursCheckBatch, HoursCheckPreview } from '../dossier/hours-check';
import { call } from './call';
import * as f from './fields';

/** Who may change dossiers; readers also see them; 考核录入员 sees no dossier at all. */
export const DOSSIER_EDITORS: readonly Role[] = ['admin', 'dossierClerk'];
export const DOSSIER_READERS: readonly Role[] = ['admin', 'dossierClerk', 'reviewer'];

const quarter = z.string({ error: '请选择季度' }).regex(/^\d{4}Q[1-4]$/, '季度格式应为 2025Q3');

const entryRef = z.strictObject({ id: f.id('材料'), version });
/** Kept in the audit entry; required for entries written by the yearly hours check. */
const reason = (label: string) => f.optionalText(label, 200);
/** Files picked in the entry form, stored with the entry in the same transaction. */
export const MAX_FORM_ATTACHMENTS = 20;
const attachments = z
  .array(f.fileToken, { error: '附件必须是所选文件的列表' })
  .max(MAX_FORM_ATTACHMENTS, `一次最多添加 ${MAX_FORM_ATTACHMENTS} 个附件`)
  .optional();
const year = z
  .number({ error: '年度必须是数字' })
  .int('年度必须是整数')
  .min(1990, '年度不能早于 1990')
  .max(2100, '年度不能晚于 2100');

export const dossierCalls = {
  'dossier.get': call<Dossier>()({ input: dossierFilterSchema, access: DOSSIER_READERS, mutates: false }),
  'entries.create': call<DossierEntry>()({
    input: z.strictObject({ input: entryInputSchema, attachments }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'entries.update': call<DossierEntry>()({
    input: z.strictObject({
      id: f.id('材料'),
      version,
      input: entryInputSchema,
      reason: reason('修改原因'),
      attachments,
    }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'entries.delete': call<null>()({
    input: z.strictObject({ id: f.id('材料'), version, reason: reason('撤回原因') }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'entries.verify': call<DossierEntry>()({ input: entryRef, access: DOSSIER_EDITORS, mutates: true }),
  'entries.createBulk': call<BulkResult>()({ input: bulkEntrySchema, access: DOSSIER_EDITORS, mutates: true }),
  'attachments.add': call<AttachmentMeta>()({
    input: z.strictObject({ entryId: f.id('材料'), token: f.fileToken }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'attachments.remove': call<null>()({
    input: z.strictObject({ id: f.id('附件') }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'attachments.read': call<AttachmentContent>()({
    input: z.strictObject({ id: f.id('附件') }),
    access: DOSSIER_READERS,
    mutates: false,
  }),
  'attachments.preview': call<AttachmentPreview>()({
    input: z.strictObject({ id: f.id('附件') }),
    access: DOSSIER_READERS,
    mutates: false,
  }),
  'classes.list': call<readonly TrainingClass[]>()({ input: f.none, access: DOSSIER_READERS, mutates: false }),
  'classes.save': call<TrainingClass>()({ input: trainingClassSchema, access: DOSSIER_EDITORS, mutates: true }),
  'classes.records': call<readonly TrainingRecord[]>()({
    input: z.strictObject({ classId: f.id('培训班') }),
    access: DOSSIER_READERS,
    mutates: false,
  }),
  'classes.saveRecords': call<readonly TrainingRecord[]>()({
    input: trainingRecordsSchema,
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  // 年度学时核查: preview first (a read), then a commit of exactly the previewed list (named by its token).
  'training.previewYear': call<HoursCheckPreview>()({
    input: z.strictObject({ year }),
    access: DOSSIER_EDITORS,
    mutates: false,
  }),
  'training.commitYear': call<{ batchId: string; count: number }>()({
    input: z.strictObject({ year, token: f.text('预览标识', 64) }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'training.batches': call<readonly HoursCheckBatch[]>()({ input: f.none, access: DOSSIER_READERS, mutates: false }),
  'training.withdrawBatch': call<{ removed: number }>()({
    input: z.strictObject({ batchId: f.text('批次', 64), reason: f.text('撤回原因', 200) }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'dossier.completeness': call<QuarterCompleteness>()({
    input: z.strictObject({ quarter }),
    access: DOSSIER_READERS,
    mutates: false,
  }),
  'dossier.exportMissing': call<{ fileName: string; rows: number }>()({
    input: z.strictObject({ quarter, unitId: f.id('单位').optional(), token: f.fileToken }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  // Reading a dossier includes taking it away as Word for 考察材料; audited like every export.
  'dossier.exportDocx': call<{ fileName: string; entries: number }>()({
    input: z.strictObject({ cadreId: f.id('干部'), token: f.fileToken }),
    access: DOSSIER_READERS,
    mutates: true,
  }),
  'dossier.search': call<SearchResult>()({
    input: z.strictObject({
      text: z
        .string({ error: '请输入要检索的文字' })
        .trim()
        .min(1, '请输入要检索的文字')
        .max(50, '检索文字不能超过 50 个字'),
    }),
    access: DOSSIER_READERS,
    mutates: false,
  }),
} as const;
