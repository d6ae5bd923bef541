// The printing calls: a print view's job, rendering a document to PDF (held until saved), saving it with its 份号 in
// the print register, and the register itself (list, mark returned, export).
import { z } from 'zod';
import {
  MAX_COPIES,
  MAX_PACKET_CADRES,
  MAX_PACKET_RANKINGS,
  MAX_PANEL_COPIES,
  MAX_SLIPS,
  type PrintJobView,
  type PrintRegisterRow,
  type RenderedPrint,
} from '../print/types';
import { normalizeCode } from '../assessment/panel';
import { MAX_SELECTION_NAME, type PacketSelections } from '../print/selections';
import { DOSSIER_EDITORS, DOSSIER_READERS } from './contract-dossier';
import { ASSESSMENT_READERS, groupRefSchema } from './contract-assessment';
import { yearMonth } from './contract-appointment';
import { reviewCadreIds, reviewPeriodFields } from './contract-review';
import { ADMIN, call, ROSTER_EDITORS } from './call';
import * as f from './fields';

const copies = z
  .number({ error: '份数必须是数字' })
  .int('份数必须是整数')
  .min(1, '份数至少 1 份')
  .max(MAX_COPIES, `份数不能超过 ${MAX_COPIES} 份`);

const recipient = z.string({ error: '领取人必须是文字' }).trim().max(40, '领取人不能超过 40 个字');
const recipients = z
  .array(recipient, { error: '领取人必须是一组文字' })
  .max(MAX_COPIES, `领取人不能超过 ${MAX_COPIES} 个`);

/** Chosen by the window before a render, so it can follow progress (jobs.status) and cancel (jobs.cancel) meanwhile. */
const progressId = f.jobId.optional();

const slip = z.strictObject(
  {
    seatLabel: f.text('席位', 40),
    code: z
      .string({ error: '评议码必须是文字' })
      .max(20, '评议码格式不正确')
      .refine((c) => normalizeCode(c) !== null, '评议码格式不正确'),
  },
  { error: '评议码条格式不正确' },
);

/** Who may print ranking tables: whoever may both read rankings and save prints into the register. */
export const RANKINGS_PRINTERS = ASSESSMENT_READERS.filter((r) => DOSSIER_EDITORS.includes(r));

const selectionIds = (label: string, max: number) =>
  z
    .array(f.id(label), { error: `${label}的选择不正确` })
    .max(max, `最多 ${max} 项${label}`)
    .refine((ids) => new Set(ids).size === ids.length, `同一${label}不能重复选择`);

export const printCalls = {
  'packets.selections': call<PacketSelections>()({ input: f.none, access: DOSSIER_EDITORS, mutates: false }),
  /** Without a name: the user's last selection (kept for the next visit); with one: saved to print again. */
  'packets.saveSelection': call<PacketSelections>()({
    input: z.strictObject({
      name: f.text('材料名称', MAX_SELECTION_NAME).optional(),
      title: f.text('审议材料标题', 60),
      cadreIds: selectionIds('干部', MAX_PACKET_CADRES),
      assessmentIds: selectionIds('考核', MAX_PACKET_RANKINGS),
    }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'packets.deleteSelection': call<PacketSelections>()({
    input: z.strictObject({ name: f.text('材料名称', MAX_SELECTION_NAME) }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'print.job': call<PrintJobView>()({
    input: z.strictObject({ jobId: f.jobId }),
    access: DOSSIER_READERS,
    mutates: false,
  }),
  'print.renderDossier': call<RenderedPrint>()({
    input: z.strictObject({
      cadreId: f.id('干部'),
      copies,
      recipients,
      progressId,
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
      /** Assessments whose 排名表 open the packet (before the dossiers: a meeting reads the ranking first). */
      assessmentIds: z
        .array(f.id('考核'), { error: '排名表的考核选择不正确' })
        .max(MAX_PACKET_RANKINGS, `一份审议材料最多附 ${MAX_PACKET_RANKINGS} 份排名表`)
        .refine((ids) => new Set(ids).size === ids.length, '同一次考核的排名表不能重复选择')
        .optional(),
      /** 附政治素质审查意见: per candidate, before the dossier. */
      reviews: z.boolean({ error: '附政治素质审查意见必须是开或关' }).optional(),
      /** 附干部任免审批表: per candidate, first. */
      renmian: z.boolean({ error: '附干部任免审批表必须是开或关' }).optional(),
      copies,
      recipients,
      progressId,
      /** 打印意见建议 under the packet's 排名表: off unless the user turns it on. */
      comments: z.boolean({ error: '打印意见建议必须是开或关' }).optional(),
    }),
    access: DOSSIER_EDITORS,
    mutates: false,
  }),
  'print.renderRankings': call<RenderedPrint>()({
    input: z.strictObject({
      assessmentId: f.id('考核'),
      copies,
      recipients,
      progressId,
      /** 打印意见建议: off unless the user turns it on. */
      comments: z.boolean({ error: '打印意见建议必须是开或关' }).optional(),
    }),
    access: RANKINGS_PRINTERS,
    mutates: false,
  }),
  /** Blank paper ballots of one group; anonymous unless recipients are named, so 领取人 may stay empty. */
  'print.renderPanel': call<RenderedPrint>()({
    input: z.strictObject({
      assessmentId: f.id('考核'),
      ballot: z.enum(['superior', 'peer', 'staff'], { error: '评议类型不正确' }),
      group: groupRefSchema,
      copies: z
        .number({ error: '份数必须是数字' })
        .int('份数必须是整数')
        .min(1, '份数至少 1 份')
        .max(MAX_PANEL_COPIES, `份数不能超过 ${MAX_PANEL_COPIES} 份`),
      recipients: z
        .array(recipient, { error: '领取人必须是一组文字' })
        .max(MAX_PANEL_COPIES, `领取人不能超过 ${MAX_PANEL_COPIES} 个`),
      progressId,
    }),
    access: ADMIN,
    mutates: false,
  }),
  /** 评议码 slips of a freshly generated sheet (only codes of unused seats of that group are printed). */
  'print.renderSlips': call<RenderedPrint>()({
    input: z.strictObject({
      assessmentId: f.id('考核'),
      kind: z.enum(['superior', 'peer', 'staff'], { error: '评议类型不正确' }),
      group: groupRefSchema,
      groupName: f.text('分组名称', 60),
      slips: z
        .array(slip, { error: '请提供评议码' })
        .min(1, '没有可打印的评议码')
        .max(MAX_SLIPS, `一次最多打印 ${MAX_SLIPS} 张评议码`)
        .refine((list) => new Set(list.map((s) => normalizeCode(s.code))).size === list.length, '评议码不能重复'),
    }),
    access: ADMIN,
    mutates: false,
  }),
  /**
   * 干部任免审批表 of a chosen set of cadres, in the national form's layout, with each cadre's latest 任免事项. Ages are
   * computed at `ageAt` when given, else at each matter's 计算年龄时间 (this month without a matter).
   */
  'print.renderRenmian': call<RenderedPrint>()({
    input: z.strictObject({
      cadreIds: z
        .array(f.id('干部'), { error: '请选择干部' })
        .min(1, '请至少选择 1 名干部')
        .max(MAX_PACKET_CADRES, `一次最多打印 ${MAX_PACKET_CADRES} 名干部的任免审批表`)
        .refine((ids) => new Set(ids).size === ids.length, '同一名干部不能重复选择'),
      ageAt: yearMonth('计算年龄时间').optional(),
      progressId,
    }),
    access: ROSTER_EDITORS,
    mutates: false,
  }),
  /** 政治素质审查意见 of one or more candidates, printed in GB/T 9704 with 份号 (registered when saved). */
  'print.renderReview': call<RenderedPrint>()({
    input: z.strictObject({ cadreIds: reviewCadreIds, ...reviewPeriodFields, copies, recipients, progressId }),
    access: DOSSIER_EDITORS,
    mutates: false,
  }),
  /** Writes the slips' PDF; the job (and its plain codes) is dropped, nothing goes to the print register. */
  'print.saveSlips': call<{ fileName: string; slips: number }>()({
    input: z.strictObject({ jobId: f.jobId, token: f.fileToken }),
    access: ADMIN,
    mutates: true,
  }),
  /** The 评议终端包 交接单 of an exported package, with the password the export showed once (typed back by the window). */
  'print.renderHandover': call<RenderedPrint>()({
    input: z.strictObject({
      assessmentId: f.id('考核'),
      terminalNo: z
        .number({ error: '终端编号必须是数字' })
        .int('终端编号必须是整数')
        .min(1, '终端编号至少为 1')
        .max(999, '终端编号不能超过 999'),
      password: z
        .string({ error: '请提供评议终端包密码' })
        .regex(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/, '评议终端包密码格式不正确（应为 XXXX-XXXX-XXXX-XXXX）'),
    }),
    access: ADMIN,
    mutates: false,
  }),
  /** Writes the 交接单's PDF; the job (and the password in it) is dropped. */
  'print.saveHandover': call<{ fileName: string }>()({
    input: z.strictObject({ jobId: f.jobId, token: f.fileToken }),
    access: ADMIN,
    mutates: true,
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
