// The printing calls: a print view's job, rendering a document to PDF (held until saved), saving it with its 份号 in
// the print register, and the register itself (list, mark returned, export).
import { z } from 'zod';
import { MAX_COPIES, MAX_PACKET_CADRES, type PrintJobView, type PrintRegisterRow, type RenderedPrint } from '../print/types';
import { DOSSIER_EDITORS, DOSSIER_READERS } from './contract-dossier';
import { call } from './call';
import * as f from './fields';

const copies = z
  .number({ error: '份数必须是数字' })
  .int('份数必须是整数')
  .min(1, '份数至少 1 份')
  .max(MAX_COPIES, `份数不能超过 ${MAX_COPIES} 份`);

const recipient = z.string({ error: '领取人必须是文字' }).trim().max(40, '领取人不能超过 40 个字');
const recipients = z.array(recipient, { error: '领取人必须是一组文字' }).max(MAX_COPIES, `领取人不能超过 ${MAX_COPIES} 个`);

export const printCalls = {
  'print.job': call<PrintJobView>()({ input: z.strictObject({ jobId: f.jobId }), access: DOSSIER_READERS, mutates: false }),
  'print.renderDossier': call<RenderedPrint>()({
    input: z.strictObject({
      cadreId: f.id('干部'),
      copies,
      recipients,
    }),
    access: DOSSIER_EDITORS,
    mutates: false,
  }),
  'print.renderPacket': call<RenderedPrint>()({
    input: z.strictObject({
      title: f.text('审议材料标题', 60),
      cadreIds: z
        .array(f.id('干部'), { error: '请选择干部' })
        .min(1, '请至少选择 1 名干部')
        .max(MAX_PACKET_CADRES, `一份审议材料最多 ${MAX_PACKET_CADRES} 名干部`)
        .refine((ids) => new Set(ids).size === ids.length, '同一名干部不能重复选择'),
      copies,
      recipients,
    }),
    access: DOSSIER_EDITORS,
    mutates: false,
  }),
  'print.save': call<{ fileName: string; serials: readonly string[] }>()({
    input: z.strictObject({ jobId: f.jobId, token: f.fileToken }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'prints.list': call<readonly PrintRegisterRow[]>()({ input: f.none, access: DOSSIER_EDITORS, mutates: false }),
  'prints.markReturned': call<PrintRegisterRow>()({
    input: z.strictObject({ id: f.id('登记') }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'prints.export': call<{ fileName: string; rows: number }>()({
    input: z.strictObject({ token: f.fileToken }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
} as const;
