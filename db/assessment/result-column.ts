// The stored ranking results read back through their schemas: assessments.summarized_result (汇总) and
// assessments.archived_result (归档, with the invalid ballots and confirmations of the day).
import { z } from 'zod';
import type { ArchivedResult } from '../../shared/assessment/types';
import type { RankingResult } from '../../shared/scoring/types';
import { parseJsonColumn } from '../store/json-column';

const component = z.enum(['superior', 'peer', 'staff', 'service']);
const grade = z.enum(['excellent', 'competent', 'basicallyCompetent', 'incompetent']);
const componentResult = z.object({ score: z.number(), ballots: z.number(), trimmed: z.boolean() });

const rankingResultSchema = z.object({
  groups: z.array(
    z.object({
      position: z.enum(['chief', 'deputy']),
      groupKey: z.string(),
      size: z.number(),
      excellentQuota: z.number(),
      rows: z.array(
        z.object({
          cadreId: z.string(),
          rank: z.number(),
          finalScore: z.number(),
          base: z.number(),
          components: z.partialRecord(component, componentResult),
          bonus: z.number(),
          penalty: z.number(),
          grade,
          flags: z.array(z.string()),
        }),
      ),
    }),
  ),
  unranked: z.array(z.object({ cadreId: z.string(), reason: z.literal('noData') })),
  invalidBallots: z.array(z.object({ kind: component, index: z.number(), reason: z.string() })),
}) satisfies z.ZodType<RankingResult>;

const archivedResultSchema = z.object({
  result: rankingResultSchema,
  invalidBallots: z.array(
    z.object({ kind: component, index: z.number(), reason: z.string(), reasonText: z.string(), ballot: z.string() }),
  ),
  confirmations: z.array(
    z.object({
      cadreId: z.number(),
      grade,
      reason: z.string(),
      confirmedBy: z.string(),
      confirmedAt: z.string(),
    }),
  ),
}) satisfies z.ZodType<ArchivedResult>;

/** The result frozen at 汇总; null when the assessment has none. */
export const summarizedResultOf = (text: string | null): RankingResult | null =>
  text === null ? null : parseJsonColumn(rankingResultSchema, text, 'assessments.summarized_result');

export const archivedResultOf = (text: string): ArchivedResult =>
  parseJsonColumn(archivedResultSchema, text, 'assessments.archived_result');
