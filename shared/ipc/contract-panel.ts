// Anonymous panels (评议码 and the 评议终端 kiosk) and paper double entry (二次录入): their calls.
import { z } from 'zod';
import { commentSchema } from '../assessment/comments';
import type { BallotChange } from '../assessment/types';
import type { KioskBallotForm, PanelCodeSheet, PanelSeatView } from '../assessment/panel';
import type { PaperEntryResult, PaperView } from '../assessment/paper';
import type { KioskStatus } from './types';
import { ADMIN, call } from './call';
import { ASSESSMENT_CLERKS, BALLOT_READERS, groupRefSchema } from './contract-assessment';
import * as f from './fields';

const assessmentId = f.id('考核');
const panelKind = z.enum(['superior', 'peer', 'staff'], { error: '评议类型不正确' });
const code = z
  .string({ error: '请输入评议码' })
  .trim()
  .min(1, '请输入评议码')
  .max(40, '评议码不正确，请核对后重新输入');
const score = z
  .number({ error: '分数必须是数字' })
  .refine(Number.isFinite, '分数必须是有效数字')
  .refine((x) => x >= 0 && x <= 100, '分数必须在 0–100 之间');
const peerBallots = z
  .array(
    z.strictObject(
      {
        targetId: f.id('被评价人'),
        scores: z.record(z.string({ error: '指标编码不正确' }).max(20, '指标编码不正确'), score, {
          error: '互评分数不正确',
        }),
      },
      { error: '互评票格式不正确' },
    ),
    { error: '互评票不正确' },
  )
  .min(1, '请至少填写一名被评价人的分数')
  .max(10_000, '互评票过多');
const order = z
  .array(f.id('排名中的干部'), { error: '排名顺序不正确' })
  .min(1, '请排出本组干部的名次')
  .max(10_000, '排名人数过多');
const paperNo = z
  .string({ error: '纸质票编号必须是文字' })
  .trim()
  .min(1, '请填写纸质票编号')
  .max(30, '纸质票编号不能超过 30 个字')
  .regex(/^[\p{L}\p{N}._\-/#]+$/u, '纸质票编号只能包含文字、数字和 . _ - / #，不能有空格');
const entryNo = z.union([z.literal(1), z.literal(2)], { error: '录入次序必须是 1 或 2' });

export const kioskBallotSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('superior'), order }),
    z.strictObject({ kind: z.literal('peer'), ballots: peerBallots }),
    z.strictObject({
      kind: z.literal('staff'),
      votes: z
        .array(
          z.strictObject(
            {
              targetId: f.id('被测评干部'),
              grade: z.enum(['excellent', 'good', 'fair', 'poor'], { error: '请为每名干部选择优秀、较好、一般或较差' }),
              comment: commentSchema,
            },
            { error: '测评票格式不正确' },
          ),
          { error: '测评票不正确' },
        )
        .min(1, '请为每名干部选择评价等次')
        .max(10_000, '干部过多'),
    }),
  ],
  { error: '评议票类型不正确' },
);

export const paperBallotSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('superior'), group: groupRefSchema, order }),
    z.strictObject({ kind: z.literal('peer'), raterId: f.id('评价人'), ballots: peerBallots }),
  ],
  { error: '纸质票类型不正确（只支持上级排名和同级互评）' },
);

export const panelCalls = {
  'codes.list': call<readonly PanelSeatView[]>()({
    input: z.strictObject({ assessmentId }),
    access: BALLOT_READERS,
    mutates: false,
  }),
  /** Fresh codes for a group: 同级互评 one per cadre of the group (replacing unused ones), the others `count` new seats. */
  'codes.generate': call<PanelCodeSheet>()({
    input: z.strictObject({
      assessmentId,
      kind: panelKind,
      group: groupRefSchema,
      count: z
        .number({ error: '评议码数量必须是数字' })
        .int('评议码数量必须是整数')
        .min(1, '评议码数量至少为 1')
        .max(500, '评议码数量一次不能超过 500')
        .optional(),
    }),
    access: ADMIN,
    mutates: true,
  }),
  /** A new code for one seat whose code was lost: the old one is revoked. */
  'codes.regenerate': call<PanelCodeSheet>()({
    input: z.strictObject({ assessmentId, id: f.id('评议席位') }),
    access: ADMIN,
    mutates: true,
  }),
  'codes.revoke': call<BallotChange>()({
    input: z.strictObject({ assessmentId, id: f.id('评议席位') }),
    access: ADMIN,
    mutates: true,
  }),
  /** Voids a whole panel (one kind, one group): its 评议终端 ballots are removed and its codes revoked; the only way a kiosk ballot goes. */
  'codes.voidPanel': call<BallotChange>()({
    input: z.strictObject({ assessmentId, kind: panelKind, group: groupRefSchema }),
    access: ADMIN,
    mutates: true,
  }),
  'kiosk.start': call<KioskStatus>()({
    input: z.strictObject({ assessmentId }),
    access: ASSESSMENT_CLERKS,
    mutates: true,
  }),
  /** The ballot form a code opens (nothing is used up yet). */
  'kiosk.open': call<KioskBallotForm>()({
    input: z.strictObject({ code }),
    access: ASSESSMENT_CLERKS,
    mutates: false,
    kiosk: 'only',
  }),
  /** Stores the ballot and uses the code up, in one transaction. */
  'kiosk.submit': call<BallotChange>()({
    input: z.strictObject({ code, ballot: kioskBallotSchema }),
    access: ASSESSMENT_CLERKS,
    mutates: true,
    kiosk: 'only',
  }),
  /** `close`: asked by the window's close button in kiosk mode; the app quits once the password is right. */
  'kiosk.exit': call<null>()({
    input: z.strictObject({
      password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(128, '密码不能超过 128 位'),
      close: z.boolean({ error: '关闭程序标志必须是是或否' }).optional(),
    }),
    access: ASSESSMENT_CLERKS,
    mutates: true,
    kiosk: 'only',
  }),
  'paper.list': call<readonly PaperView[]>()({
    input: z.strictObject({ assessmentId }),
    access: BALLOT_READERS,
    mutates: false,
  }),
  'paper.enter': call<PaperEntryResult>()({
    input: z.strictObject({ assessmentId, paperNo, ballot: paperBallotSchema }),
    access: ASSESSMENT_CLERKS,
    mutates: true,
  }),
  /** After checking the paper: the chosen entry of a mismatched paper becomes its ballot. */
  'paper.resolve': call<PaperEntryResult>()({
    input: z.strictObject({ assessmentId, paperNo, entryNo }),
    access: ASSESSMENT_CLERKS,
    mutates: true,
  }),
  /** Drops one entry of a mismatched paper so it can be entered again. */
  'paper.discard': call<BallotChange>()({
    input: z.strictObject({ assessmentId, paperNo, entryNo }),
    access: ASSESSMENT_CLERKS,
    mutates: true,
  }),
} as const;
