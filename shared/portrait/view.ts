// What portrait.get returns: the model's output for a cadre, the entries behind it, the holistic evaluation and its
// history, and the latest confirmation of the grade; plus the inputs of the two writes.
import { z } from 'zod';
import type { UserRef } from '../dossier/types';
import type { EvidencePolarity, PortraitResult } from './types';
import type { HolisticText } from './holistic';
import { PORTRAIT_PERIOD_LABELS, PORTRAIT_PERIODS, type PortraitPeriod } from './period';

export const PORTRAIT_GRADES = ['好', '较好', '一般', '较差'] as const;
export type PortraitGrade = (typeof PORTRAIT_GRADES)[number];

export const EVALUATION_MAX = 2000;
export const REASON_MAX = 500;

/** An entry as the portrait shows it (title and date; the dossier view has the rest). */
export interface PortraitEntry {
  readonly id: number;
  readonly date: string;
  readonly title: string;
  readonly polarity: EvidencePolarity;
  readonly listItemCode: string | null;
}

export interface HolisticEvaluation {
  readonly id: number;
  readonly abilities: string;
  readonly weaknesses: string;
  readonly familiarFields: string;
  readonly writtenBy: UserRef;
  readonly writtenAt: string;
}

export interface PortraitConfirmation {
  readonly id: number;
  readonly computedGrade: PortraitGrade;
  readonly confirmedGrade: PortraitGrade;
  readonly reason: string;
  readonly confirmedBy: UserRef;
  readonly confirmedAt: string;
}

export interface PortraitView {
  readonly cadre: { readonly id: number; readonly name: string; readonly unitName: string };
  readonly result: PortraitResult;
  /** Every entry of the dossier (date order), so each number can show the entries behind it. */
  readonly entries: readonly PortraitEntry[];
  /** Names of the list items (retired ones included) by code. */
  readonly listItemNames: Readonly<Record<string, string>>;
  /** Newest first; the first is the current evaluation. */
  readonly evaluations: readonly HolisticEvaluation[];
  /** What portrait.saveEvaluation expects as baseVersion: the current evaluation's id, 0 when none. */
  readonly evaluationVersion: number;
  /** The 综合评价 texts to show and print (the saved evaluation, else a draft from S3.5 and the profile). */
  readonly holistic: HolisticText;
  /** The 统计期 asked for (null: the configured number of years), and why it differs from what was asked. */
  readonly period: { readonly key: PortraitPeriod | null; readonly label: string; readonly note: string | null };
  readonly confirmation: PortraitConfirmation | null;
}

const evaluationText = (label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(EVALUATION_MAX, `${label}不能超过 ${EVALUATION_MAX} 个字`);

const cadreId = z.number({ error: '干部必须是数字' }).int('干部必须是整数').positive('干部无效');

export const portraitGetSchema = z.strictObject({
  cadreId,
  asOf: z
    .string({ error: '评价基准日期必须是日期' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, '评价基准日期格式应为 2025-03-14')
    .optional(),
  period: z
    .enum(PORTRAIT_PERIODS, { error: `统计期必须是${Object.values(PORTRAIT_PERIOD_LABELS).join('、')}之一` })
    .optional(),
});

export const saveEvaluationSchema = z
  .strictObject({
    cadreId,
    abilities: evaluationText('能力特点'),
    weaknesses: evaluationText('性格不足'),
    familiarFields: evaluationText('熟悉领域'),
    baseVersion: z.number({ error: '综合评价版本必须是数字' }).int('综合评价版本必须是整数').min(0, '综合评价版本无效'),
  })
  .refine((v) => v.abilities !== '' || v.weaknesses !== '' || v.familiarFields !== '', {
    message: '能力特点、性格不足、熟悉领域至少填写一项',
    path: ['abilities'],
  });

export const confirmSchema = z.strictObject({
  cadreId,
  grade: z.enum(PORTRAIT_GRADES, { error: `确认等次必须是${PORTRAIT_GRADES.join('、')}之一` }),
  reason: z.string({ error: '理由必须是文字' }).trim().max(REASON_MAX, `理由不能超过 ${REASON_MAX} 个字`),
});
