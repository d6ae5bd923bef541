// 填报表 intake's calls: packages out to units, a returned file previewed and imported as 待审核 rows, 审核 (采纳 /
// 退回), the 退回清单 and 季度采集's counts.
import { z } from 'zod';
import { entryCommonSchema } from '../dossier/schema';
import type { AttachmentPreview } from '../dossier/types';
import type {
  IntakeGenerated,
  IntakeImportResult,
  IntakePreview,
  IntakeRowView,
  IntakeUnitCounts,
} from '../intake/types';
import { INTAKE_STATUSES } from '../intake/types';
import { INTAKE_CHANNELS } from '../intake/channels';
import { call } from './call';
import { DOSSIER_EDITORS } from './contract-dossier';
import * as f from './fields';

const quarter = z.string({ error: '请选择季度' }).regex(/^\d{4}Q[1-4]$/, '季度格式应为 2025Q3');
const deadline = z
  .string({ error: '请填写报送截止日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '报送截止日期格式应为 2025-10-10');
const channel = z.enum(INTAKE_CHANNELS, { error: '请选择报送渠道' });
const ids = (label: string) =>
  z
    .array(f.id(label), { error: `${label}列表不正确` })
    .min(1, `请选择${label}`)
    .max(2000, `一次最多 2000 条`);

export const intakeCalls = {
  'intake.generate': call<IntakeGenerated>()({
    input: z.strictObject({
      quarter,
      unitIds: z.array(f.id('单位'), { error: '单位列表不正确' }).min(1, '请选择单位').max(5000, '单位过多'),
      deadline,
      returnTo: f.text('退回对象', 60),
      token: f.fileToken,
    }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  /** A 填报表 for a channel's list (纪检监察, 巡察/审计, 党校, 表彰) instead of a unit. */
  'intake.generateChannel': call<IntakeGenerated>()({
    input: z.strictObject({
      quarter,
      channel,
      deadline,
      returnTo: f.text('退回对象', 60),
      token: f.fileToken,
    }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'intake.preview': call<IntakePreview>()({
    input: z.strictObject({ quarter, unitId: f.id('单位').optional(), token: f.fileToken }),
    access: DOSSIER_EDITORS,
    mutates: false,
  }),
  'intake.commit': call<IntakeImportResult>()({
    input: z.strictObject({
      jobId: f.jobId,
      leaveOut: z
        .array(z.number({ error: '略过的行号无效' }).int('略过的行号无效').positive('略过的行号无效'), {
          error: '略过的行号列表不正确',
        })
        .max(100000, '略过的行号过多'),
      // The cadre the user picked for each row the roster could not settle (a channel's list).
      picks: z
        .array(
          z.strictObject(
            {
              rowNo: z.number({ error: '行号无效' }).int('行号无效').positive('行号无效'),
              cadreId: f.id('干部'),
            },
            { error: '所选干部格式不正确' },
          ),
          { error: '所选干部列表不正确' },
        )
        .max(5000, '所选干部过多')
        .refine((ps) => new Set(ps.map((p) => p.rowNo)).size === ps.length, '同一行选了多名干部')
        .optional(),
    }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'intake.list': call<readonly IntakeRowView[]>()({
    input: z.strictObject({
      quarter,
      unitId: f.id('单位').optional(),
      // A channel's lists (纪检监察 …), which have no unit.
      channel: channel.optional(),
      status: z.enum(INTAKE_STATUSES, { error: '状态不正确' }).optional(),
    }),
    access: DOSSIER_EDITORS,
    mutates: false,
  }),
  'intake.counts': call<readonly IntakeUnitCounts[]>()({
    input: z.strictObject({ quarter }),
    access: DOSSIER_EDITORS,
    mutates: false,
  }),
  'intake.accept': call<{ readonly accepted: number }>()({
    input: z.strictObject({
      rows: z
        .array(
          z.strictObject(
            { id: f.id('待审核材料'), entry: entryCommonSchema.optional() },
            { error: '待审核材料格式不正确' },
          ),
          {
            error: '待审核材料列表不正确',
          },
        )
        .min(1, '请选择待审核材料')
        .max(2000, '一次最多采纳 2000 条'),
    }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'intake.return': call<{ readonly returned: number }>()({
    input: z.strictObject({ ids: ids('待审核材料'), reason: f.text('退回原因', 200) }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'intake.exportReturned': call<{ readonly fileName: string; readonly rows: number }>()({
    // A unit's 退回清单, or a channel's (its lists have no unit): exactly one of the two.
    input: z
      .strictObject({ quarter, unitId: f.id('单位').optional(), channel: channel.optional(), token: f.fileToken })
      .refine((x) => (x.unitId === undefined) !== (x.channel === undefined), {
        error: '请选择一个单位或一个报送渠道',
        path: ['unitId'],
      }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'intake.previewAttachment': call<AttachmentPreview>()({
    input: z.strictObject({ id: f.id('附件') }),
    access: DOSSIER_EDITORS,
    mutates: false,
  }),
} as const;
