// assessments.config read back through its storage schema: the configuration's shape without the form's rules, so a
// row saved under older rules (or before a setting existed) still reads, and a corrupt one is a clear error.
import { z } from 'zod';
import type { RankingConfig } from '../../shared/scoring/types';
import { parseJsonColumn } from '../store/json-column';

const num = z.number();
const perComponent = <T extends z.ZodType>(t: T) => z.object({ superior: t, peer: t, staff: t, service: t });
const perPosition = <T extends z.ZodType>(t: T) => z.object({ chief: t, deputy: t });

/** What the configuration form writes (shared/assessment/config-schema.ts), minus its ranges and cross-field checks. */
export const storedConfigSchema = z.object({
  weights: perPosition(perComponent(num)),
  indicators: perPosition(z.array(z.object({ id: z.string(), weight: num }))),
  superiorFloor: num,
  staffPoints: z.object({ excellent: num, good: num, fair: num, poor: num }),
  minBallots: perComponent(num),
  trim: perComponent(z.boolean()),
  trimMinBallots: num,
  bonusCap: num,
  penaltyCap: num.nullable(),
  excellentRatio: num,
  excellentMinScore: num,
  competentMinScore: num,
  basicMinScore: num,
  vetoGrade: z.enum(['excellent', 'competent', 'basicallyCompetent', 'incompetent']),
  excellentQuotaScope: z.enum(['group', 'position']).optional(),
  participationMinShare: num.optional(),
  staffExcellentCap: num.optional(),
}) satisfies z.ZodType<RankingConfig & { participationMinShare?: number }>;

export type StoredConfig = z.output<typeof storedConfigSchema>;

/** The stored configuration of an assessment (the text of `assessments.config`). */
export const configOf = (text: string): StoredConfig => parseJsonColumn(storedConfigSchema, text, 'assessments.config');
