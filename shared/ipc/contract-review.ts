// 政治素质审查意见 calls: a candidate's draft with the signed conclusions, signing a new 审查结论, and the .docx export.
import { z } from 'zod';
import { PORTRAIT_PERIOD_LABELS, PORTRAIT_PERIODS } from '../portrait/period';
import { MAX_PACKET_CADRES } from '../print/types';
import {
  REVIEW_CONCLUSION_LABELS,
  REVIEW_CONCLUSIONS,
  REVIEW_LIMITS,
  type ReviewRecord,
  type ReviewView,
} from '../review/types';
import { realDate } from './contract-appointment';
import { DOSSIER_EDITORS, DOSSIER_READERS } from './contract-dossier';
import { call } from './call';
import * as f from './fields';

/** The 统计期 and its last day: the portrait page's periods (default 近三年, ending today). */
export const reviewPeriodFields = {
  period: z
    .enum(PORTRAIT_PERIODS, { error: `统计期必须是${Object.values(PORTRAIT_PERIOD_LABELS).join('、')}之一` })
    .optional(),
  asOf: realDate('审查基准日期').optional(),
};

export const reviewCadreIds = z
  .array(f.id('干部'), { error: '请选择干部' })
  .min(1, '请至少选择 1 名干部')
  .max(MAX_PACKET_CADRES, `一次最多 ${MAX_PACKET_CADRES} 名干部的审查意见`)
  .refine((ids) => new Set(ids).size === ids.length, '同一名干部不能重复选择');

const signer = (label: string, min: number) => f.text(label, REVIEW_LIMITS.signer, min);

export const reviewConcludeSchema = z.strictObject(
  {
    cadreId: f.id('干部'),
    ...reviewPeriodFields,
    conclusion: z.enum(REVIEW_CONCLUSIONS, {
      error: `审查结论必须是${Object.values(REVIEW_CONCLUSION_LABELS).join('、')}之一`,
    }),
    reasons: f.text('理由', REVIEW_LIMITS.reasons),
    reviewer: signer('审查人', 1),
    rechecker: signer('复核人', 0),
    reviewDate: realDate('审查日期'),
  },
  { error: '审查结论格式不正确' },
);

export const reviewCalls = {
  'reviews.get': call<ReviewView>()({
    input: z.strictObject({ cadreId: f.id('干部'), ...reviewPeriodFields }),
    access: DOSSIER_READERS,
    mutates: false,
  }),
  'reviews.conclude': call<ReviewRecord>()({ input: reviewConcludeSchema, access: DOSSIER_EDITORS, mutates: true }),
  /** One .docx of the candidates' 审查意见 (each with the conclusion signed for its 统计期), for editing in Word or WPS. */
  'reviews.exportDocx': call<{ fileName: string; cadres: number }>()({
    input: z.strictObject({ cadreIds: reviewCadreIds, ...reviewPeriodFields, token: f.fileToken }),
    access: DOSSIER_READERS,
    mutates: true,
  }),
} as const;
