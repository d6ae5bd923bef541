// The 双比双评 assessment's calls: lifecycle and configuration, ballots of the four kinds, adjustments, vetoes, rankings, grades.
import { z } from 'zod';
import type { Role } from '../roles';
import { BALLOT_PARTS, type BallotLists } from '../assessment/ballot-parts';
import { commentSchema } from '../assessment/comments';
import { FORM_VOID_REASONS } from '../assessment/form-void-reasons';
import { rankingConfigSchema, weightsSchema } from '../assessment/config-schema';
import type {
  AdjustmentProposal,
  AssessmentDetail,
  AssessmentSummary,
  BallotChange,
  BallotImportPreview,
  BallotImportSummary,
  IneligibleProposal,
  RankingsView,
  SuggestedConfirmResult,
  VetoProposal,
} from '../assessment/types';
import type { SavedFile } from '../roster/views';
import type { RankingResult } from '../scoring/types';
import { ADMIN, call } from './call';
import * as f from './fields';

/** Everyone may read assessments; the reviewer only archived ones (the service checks). */
export const ASSESSMENT_READERS: readonly Role[] = ['admin', 'assessmentClerk', 'dossierClerk', 'reviewer'];
/** Who sees the ballots themselves (who rated whom): not the reviewer. */
export const BALLOT_READERS: readonly Role[] = ['admin', 'assessmentClerk', 'dossierClerk'];
/** Who enters ballots and the bonus/penalty list. */
export const ASSESSMENT_CLERKS: readonly Role[] = ['admin', 'assessmentClerk'];

const assessmentId = f.id('考核');
const version = z.number({ error: '版本号无效' }).int('版本号无效').positive('版本号无效');
const cadreId = (label: string) => f.id(label);
const paperNo = f.optionalText('纸质票编号', 30);
const score = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .refine(Number.isFinite, `${label}必须是有效数字`)
    .refine((x) => x >= 0 && x <= 100, `${label}必须在 0–100 之间`);
const tally = (label: string) =>
  z
    .number({ error: `${label}票数必须是整数` })
    .int(`${label}票数必须是整数`)
    .min(0, `${label}票数不能为负`)
    .max(100_000, `${label}票数过大`);
const formCount = (label: string) =>
  z
    .number({ error: `${label}张数必须是整数` })
    .int(`${label}张数必须是整数`)
    .min(0, `${label}张数不能为负`)
    .max(100_000, `${label}张数过大`)
    .nullable();
/** Which lists of ballots.list to read (absent: all); a save reloads only what it changed. */
const ballotParts = z
  .array(z.enum(BALLOT_PARTS, { error: '读取的测评票列表名称不正确' }), { error: '读取的测评票列表必须是列表' })
  .min(1, '读取的测评票列表不能为空')
  .max(BALLOT_PARTS.length, '读取的测评票列表过多')
  .refine((parts) => new Set(parts).size === parts.length, '读取的测评票列表中有重复的名称');
const grade = z.enum(['excellent', 'competent', 'basicallyCompetent', 'incompetent'], { error: '等次不正确' });

export const groupRefSchema = z
  .string({ error: '排名分组必须是文字' })
  .regex(/^(chief:[A-Za-z0-9_-]{1,10}|deputy:[1-9][0-9]{0,15})$/, '排名分组不正确');

export const assessmentScopeSchema = z
  .strictObject(
    {
      categoryCodes: z.array(f.text('单位类别', 10), { error: '考核范围的单位类别不正确' }).max(100, '单位类别过多'),
      unitIds: z.array(f.id('单位'), { error: '考核范围的单位不正确' }).max(5000, '单位过多'),
    },
    { error: '考核范围格式不正确' },
  )
  .refine((s) => s.categoryCodes.length + s.unitIds.length > 0, {
    error: '请至少选择一个单位类别或单位作为考核范围',
    path: ['categoryCodes'],
  });

export const assessmentCalls = {
  'assessments.list': call<readonly AssessmentSummary[]>()({
    input: f.none,
    access: ASSESSMENT_READERS,
    mutates: false,
  }),
  'assessments.get': call<AssessmentDetail>()({
    input: z.strictObject({ id: assessmentId }),
    access: ASSESSMENT_READERS,
    mutates: false,
  }),
  'assessments.create': call<AssessmentDetail>()({
    input: z.strictObject({
      name: f.text('考核名称', 60),
      year: z
        .number({ error: '考核年度必须是数字' })
        .int('考核年度必须是整数')
        .min(2000, '考核年度不能早于 2000')
        .max(2100, '考核年度不能晚于 2100'),
      scope: assessmentScopeSchema,
    }),
    access: ADMIN,
    mutates: true,
  }),
  'assessments.updateConfig': call<AssessmentDetail>()({
    input: z.strictObject({ id: assessmentId, version, config: rankingConfigSchema }),
    access: ADMIN,
    mutates: true,
  }),
  'assessments.setState': call<AssessmentDetail>()({
    input: z.strictObject({
      id: assessmentId,
      version,
      state: z.enum(['preparing', 'collecting', 'summarized', 'archived'], { error: '考核状态不正确' }),
    }),
    access: ADMIN,
    mutates: true,
  }),
  'assessments.refreshMembers': call<AssessmentDetail>()({
    input: z.strictObject({ id: assessmentId, version }),
    access: ADMIN,
    mutates: true,
  }),
  'assessments.archive': call<AssessmentDetail>()({
    input: z.strictObject({ id: assessmentId, version }),
    access: ADMIN,
    mutates: true,
  }),
  'ballots.list': call<BallotLists>()({
    input: z.strictObject({ assessmentId, parts: ballotParts.optional() }),
    access: BALLOT_READERS,
    mutates: false,
  }),
  'ballots.saveSuperior': call<BallotChange>()({
    input: z.strictObject({
      assessmentId,
      raterLabel: f.text('上级领导', 30),
      group: groupRefSchema,
      order: z
        .array(cadreId('排名中的干部'), { error: '排名顺序不正确' })
        .min(1, '请排出本组干部的名次')
        .max(10_000, '排名人数过多'),
      paperNo,
    }),
    access: ASSESSMENT_CLERKS,
    mutates: true,
  }),
  'ballots.savePeer': call<BallotChange>()({
    input: z.strictObject({
      assessmentId,
      raterId: cadreId('评价人'),
      ballots: z
        .array(
          z.strictObject(
            {
              targetId: cadreId('被评价人'),
              scores: z.record(z.string({ error: '指标编码不正确' }).max(20, '指标编码不正确'), score('互评分数'), {
                error: '互评分数不正确',
              }),
            },
            { error: '互评票格式不正确' },
          ),
          { error: '互评票不正确' },
        )
        .min(1, '请至少填写一名被评价人的分数')
        .max(10_000, '互评票过多'),
      paperNo,
    }),
    access: ASSESSMENT_CLERKS,
    mutates: true,
  }),
  'ballots.saveStaff': call<BallotChange>()({
    input: z.strictObject({
      assessmentId,
      counts: z
        .array(
          z.strictObject(
            {
              targetId: cadreId('被测评干部'),
              excellent: tally('优秀'),
              good: tally('较好'),
              fair: tally('一般'),
              poor: tally('较差'),
            },
            { error: '职工测评票数格式不正确' },
          ),
          { error: '职工测评票数不正确' },
        )
        .min(1, '请至少填写一名干部的票数')
        .max(10_000, '干部过多'),
      /**
       * The clerk confirmed that totals typed for a cadre whose kiosk votes are concealed (fewer than 3) leave the
       * kiosk part out; without it such a save is refused.
       */
      kioskExcluded: z.literal(true, { error: '“不含评议终端票”的确认不正确' }).optional(),
    }),
    access: ASSESSMENT_CLERKS,
    mutates: true,
  }),
  'ballots.addStaffBallot': call<BallotChange>()({
    input: z.strictObject({
      assessmentId,
      group: groupRefSchema,
      votes: z
        .array(
          z.strictObject(
            {
              targetId: cadreId('被测评干部'),
              grade: z.enum(['excellent', 'good', 'fair', 'poor'], { error: '请为每名干部选择优秀、较好、一般或较差' }),
              comment: commentSchema,
            },
            { error: '测评票格式不正确' },
          ),
          { error: '测评票不正确' },
        )
        .min(1, '请为本组每名干部选择评价等次')
        .max(10_000, '干部过多'),
      /** The paper gives more 优秀 than the cap allows and the clerk confirms it: enter it as one 无效票. */
      voidOverCap: z.boolean({ error: '是否按无效票登记必须是“是”或“否”' }).optional(),
    }),
    access: ASSESSMENT_CLERKS,
    mutates: true,
  }),
  /** The clerk's count of a group's staff forms voided for a reason (beside the tally sheet's totals). */
  'ballots.setVoidForms': call<BallotChange>()({
    input: z.strictObject({
      assessmentId,
      group: groupRefSchema,
      reason: z.enum(FORM_VOID_REASONS, { error: '无效票原因不正确' }),
      count: z
        .number({ error: '无效票张数必须是整数' })
        .int('无效票张数必须是整数')
        .min(0, '无效票张数不能小于 0')
        .max(100_000, '无效票张数不能超过 100000'),
    }),
    access: ASSESSMENT_CLERKS,
    mutates: true,
  }),
  'ballots.saveService': call<BallotChange>()({
    input: z.strictObject({
      assessmentId,
      targetId: cadreId('被评价干部'),
      scores: z.array(score('服务对象评分'), { error: '服务对象评分不正确' }).max(10_000, '服务对象评分过多'),
      /** 意见建议 read off the service forms entered now: each adds to the cadre's comments (none is replaced). */
      comments: z.array(commentSchema, { error: '意见建议不正确' }).max(10_000, '意见建议过多').optional(),
    }),
    access: ASSESSMENT_CLERKS,
    mutates: true,
  }),
  'ballots.delete': call<BallotChange>()({
    input: z.strictObject({
      assessmentId,
      kind: z.enum(['superior', 'peer', 'staff', 'service'], { error: '测评类型不正确' }),
      /** The ballot's id; for staff counts, the cadre's id. */
      id: f.id('测评票'),
    }),
    access: ASSESSMENT_CLERKS,
    mutates: true,
  }),
  'adjustments.add': call<BallotChange>()({
    input: z.strictObject({
      assessmentId,
      targetId: cadreId('干部'),
      points: z
        .number({ error: '加减分必须是数字' })
        .refine(Number.isFinite, '加减分必须是有效数字')
        .refine((x) => x !== 0, '加减分不能为 0')
        .refine((x) => Math.abs(x) <= 100, '加减分必须在 -100 到 100 之间'),
      date: f.isoDate('日期'),
      reason: f.text('加减分事由', 200),
      dossierEntryId: f.id('档案条目').optional(),
    }),
    access: ASSESSMENT_CLERKS,
    mutates: true,
  }),
  'adjustments.delete': call<BallotChange>()({
    input: z.strictObject({ assessmentId, id: f.id('加减分项') }),
    access: ASSESSMENT_CLERKS,
    mutates: true,
  }),
  /** Dossier entries of the assessment's year matching a P/N list item with points; administrators only (dossier content). */
  'adjustments.proposals': call<readonly AdjustmentProposal[]>()({
    input: z.strictObject({ assessmentId }),
    access: ADMIN,
    mutates: false,
  }),
  /** 忽略 a proposal (dismissed: true) or 恢复 it (false); an adopted one cannot be dismissed. */
  'adjustments.dismissProposal': call<BallotChange>()({
    input: z.strictObject({
      assessmentId,
      dossierEntryId: f.id('档案材料'),
      dismissed: z.boolean({ error: '忽略标记必须是“是”或“否”' }),
    }),
    access: ADMIN,
    mutates: true,
  }),
  'vetoes.add': call<BallotChange>()({
    input: z.strictObject({
      assessmentId,
      targetId: cadreId('干部'),
      reason: f.text('否决理由', 200),
      dossierEntryId: f.id('档案材料').optional(),
    }),
    access: ADMIN,
    mutates: true,
  }),
  /** Dossier entries of the assessment's year that match a veto list item; administrators only (dossier content). */
  'vetoes.proposals': call<readonly VetoProposal[]>()({
    input: z.strictObject({ assessmentId }),
    access: ADMIN,
    mutates: false,
  }),
  'vetoes.delete': call<BallotChange>()({
    input: z.strictObject({ assessmentId, id: f.id('一票否决项') }),
    access: ADMIN,
    mutates: true,
  }),
  /** 不得评为优秀 (scoring's `ineligible`): one entry per member with its reason, in 准备 or 测评中; administrators only. */
  'ineligible.add': call<BallotChange>()({
    input: z.strictObject({
      assessmentId,
      targetId: cadreId('干部'),
      reason: f.text('不得评优理由', 200),
      /** Set when adopted from a dossier proposal (采纳). */
      dossierEntryId: f.id('档案材料').optional(),
    }),
    access: ADMIN,
    mutates: true,
  }),
  'ineligible.delete': call<BallotChange>()({
    input: z.strictObject({ assessmentId, id: f.id('不得评优项') }),
    access: ADMIN,
    mutates: true,
  }),
  /** 诫勉, 函询属实, 处分 in its 影响期 and 学时不达标 entries for the assessment's year; administrators only (dossier content). */
  'ineligible.proposals': call<readonly IneligibleProposal[]>()({
    input: z.strictObject({ assessmentId }),
    access: ADMIN,
    mutates: false,
  }),
  /** 忽略 a proposal (dismissed: true) or 恢复 it (false); an adopted one cannot be dismissed. */
  'ineligible.dismissProposal': call<BallotChange>()({
    input: z.strictObject({
      assessmentId,
      dossierEntryId: f.id('档案材料'),
      dismissed: z.boolean({ error: '忽略标记必须是“是”或“否”' }),
    }),
    access: ADMIN,
    mutates: true,
  }),
  /** The clerk's count of one group's paper forms of one kind (发出/收回/无效/弃权); all null clears it. 测评中 only. */
  'participation.saveSheet': call<BallotChange>()({
    input: z.strictObject({
      assessmentId,
      group: groupRefSchema,
      kind: z.enum(['superior', 'peer', 'staff', 'service'], { error: '测评类型不正确' }),
      expected: formCount('发出'),
      received: formCount('收回'),
      invalid: formCount('无效'),
      abstained: formCount('弃权'),
    }),
    access: ASSESSMENT_CLERKS,
    mutates: true,
  }),
  'rankings.get': call<RankingsView>()({
    input: z.strictObject({ assessmentId }),
    access: ASSESSMENT_READERS,
    mutates: false,
  }),
  /** The ranking as it would be with other component weights: computed, never saved. */
  'rankings.whatIf': call<RankingResult>()({
    input: z.strictObject({ assessmentId, weights: weightsSchema }),
    access: ASSESSMENT_READERS,
    mutates: false,
  }),
  /** The per-assessment Excel ballot template (a sheet per group). */
  'ballots.saveTemplate': call<SavedFile>()({
    input: z.strictObject({ assessmentId, token: f.fileToken }),
    access: ASSESSMENT_CLERKS,
    mutates: true,
  }),
  /** Reads a filled template: counts per sheet and every problem by sheet, row and column; nothing is saved. */
  'ballots.previewExcel': call<BallotImportPreview>()({
    input: z.strictObject({ assessmentId, token: f.fileToken }),
    access: ASSESSMENT_CLERKS,
    mutates: false,
  }),
  /**
   * Saves a previewed workbook's ballots, all or nothing: a mode per group of the plan (替换 removes only that group's
   * earlier Excel rows), each conflict resolved by leaving its rater out; refused when the store changed since the preview.
   */
  'ballots.commitExcel': call<BallotImportSummary>()({
    input: z.strictObject({
      assessmentId,
      jobId: f.jobId,
      planKey: z
        .string({ error: '导入预览已失效，请重新选择文件' })
        .regex(/^[0-9a-f]{64}$/, '导入预览已失效，请重新选择文件'),
      modes: z
        .array(
          z.strictObject(
            {
              group: groupRefSchema,
              mode: z.enum(['add', 'replace', 'replacePaper'], { error: '请选择“累加”或“替换”' }),
            },
            { error: '导入方式格式不正确' },
          ),
          { error: '导入方式不正确' },
        )
        .max(10_000, '分组过多'),
      leftOut: z
        .array(
          z.strictObject(
            {
              group: groupRefSchema,
              kind: z.enum(['superior', 'peer'], { error: '不导入的票类型不正确' }),
              rater: f.text('不导入的评价人', 30),
            },
            { error: '不导入的评价人格式不正确' },
          ),
          { error: '不导入的评价人不正确' },
        )
        .max(10_000, '不导入的评价人过多'),
    }),
    access: ASSESSMENT_CLERKS,
    mutates: true,
  }),
  /** Rankings to .xlsx, a sheet per group. */
  'rankings.exportExcel': call<SavedFile & { groups: number }>()({
    input: z.strictObject({ assessmentId, token: f.fileToken }),
    access: ASSESSMENT_READERS,
    mutates: true,
  }),
  /** Ballot counts, validity and averages per group and kind; never who rated whom. */
  'ballots.exportSummary': call<SavedFile & { groups: number }>()({
    input: z.strictObject({ assessmentId, token: f.fileToken }),
    access: BALLOT_READERS,
    mutates: true,
  }),
  'grades.confirm': call<RankingsView>()({
    input: z.strictObject({ assessmentId, cadreId: cadreId('干部'), grade, reason: f.optionalText('调整理由', 200) }),
    access: ADMIN,
    mutates: true,
  }),
  /**
   * 按建议等次批量确认: every unconfirmed cadre of a group (or of all) takes the suggested grade; `cadreIds` are those the
   * dialog named, refused when they no longer match. Confirmed-otherwise cadres and 优秀 ties are left alone and listed.
   */
  'grades.confirmSuggested': call<SuggestedConfirmResult>()({
    input: z.strictObject({
      assessmentId,
      group: groupRefSchema.optional(),
      cadreIds: z.array(cadreId('干部'), { error: '要确认的干部不正确' }).max(10_000, '要确认的干部过多'),
    }),
    access: ADMIN,
    mutates: true,
  }),
} as const;
