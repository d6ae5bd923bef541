// 评议终端包 out to extra laptops and their ballot returns back in (issue 18): the main PC's calls.
import { z } from 'zod';
import type {
  CancelPreview,
  ExportedTerminalPackage,
  ImportOutcome,
  ReturnPreview,
  TerminalConflictView,
  TerminalsView,
} from '../assessment/terminals';
import { ADMIN, call } from './call';
import { BALLOT_READERS, groupRefSchema } from './contract-assessment';
import * as f from './fields';

const assessmentId = f.id('考核');
const terminalNo = z
  .number({ error: '终端编号必须是数字' })
  .int('终端编号必须是整数')
  .min(1, '终端编号至少为 1')
  .max(999, '终端编号不能超过 999');

export const terminalCalls = {
  /** Per terminal: exported, returned, merged, held; and the 冲突 list. */
  'terminals.list': call<TerminalsView>()({
    input: z.strictObject({ assessmentId }),
    access: BALLOT_READERS,
    mutates: false,
  }),
  /** Writes one 测评包 for a terminal (all groups, or the chosen ones); its password is in the answer, once. */
  'terminals.export': call<ExportedTerminalPackage>()({
    input: z.strictObject({
      assessmentId,
      terminalNo,
      groups: z.array(groupRefSchema, { error: '所选分组格式不正确' }).max(2000, '所选分组过多').optional(),
      token: f.fileToken,
    }),
    access: ADMIN,
    mutates: true,
  }),
  /** Opens and checks a return; counts per group and kind of what importing it would do. Nothing is written. */
  'terminals.previewReturn': call<ReturnPreview>()({
    input: z.strictObject({ assessmentId, token: f.fileToken }),
    access: ADMIN,
    mutates: false,
  }),
  'terminals.importReturn': call<ImportOutcome>()({
    input: z.strictObject({ assessmentId, token: f.fileToken }),
    access: ADMIN,
    mutates: true,
  }),
  /** The panel chair's choice in a 冲突: adopt one terminal's ballot (or the main kiosk's), or void them all. */
  'terminals.resolveConflict': call<TerminalConflictView>()({
    input: z.strictObject({
      assessmentId,
      id: f.id('冲突'),
      choice: z.union([z.literal('void'), z.literal('main'), terminalNo], { error: '请选择采用哪一方，或全部作废' }),
    }),
    access: ADMIN,
    mutates: true,
  }),
  /** What 作废终端包 would do now: the held ballots of other terminals it merges, per terminal. Nothing is written. */
  'terminals.previewCancel': call<CancelPreview>()({
    input: z.strictObject({ assessmentId, terminalNo }),
    access: ADMIN,
    mutates: false,
  }),
  /** 作废终端包: a package that will never come back stops holding ballots back; a return of it is refused later. */
  'terminals.cancel': call<{ terminalNo: number; released: number }>()({
    input: z.strictObject({
      assessmentId,
      terminalNo,
      reason: z
        .string({ error: '请填写作废原因' })
        .trim()
        .min(2, '请填写作废原因（至少 2 个字），如“终端笔记本损坏，票未能导出”')
        .max(200, '作废原因不能超过 200 个字'),
      /** What the confirmation showed (terminals.previewCancel's `released`): refused if it is no longer so. */
      shown: z
        .array(
          z.strictObject(
            {
              terminalNo,
              ballots: z.number({ error: '票数必须是数字' }).int('票数必须是整数').min(1, '票数至少为 1').max(100_000),
            },
            { error: '作废确认时显示的暂存票情况格式不正确，请重新打开作废对话框' },
          ),
          { error: '缺少作废确认时显示的暂存票情况，请重新打开作废对话框' },
        )
        .max(999),
    }),
    access: ADMIN,
    mutates: true,
  }),
} as const;
