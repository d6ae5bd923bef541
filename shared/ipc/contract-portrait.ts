// The political-portrait calls: the model's configuration (read by every session, changed by administrators) and a
// cadre's portrait with its holistic evaluation and confirmed grade (dossier readers read, dossier editors write).
import { portraitConfigSchema } from '../portrait/config';
import type { PortraitConfig } from '../portrait/types';
import { confirmSchema, portraitGetSchema, saveEvaluationSchema, type PortraitView } from '../portrait/view';
import { DOSSIER_EDITORS, DOSSIER_READERS } from './contract-dossier';
import { ADMIN, call } from './call';
import * as f from './fields';

export const portraitCalls = {
  'portrait.getConfig': call<PortraitConfig>()({ input: f.none, access: 'session', mutates: false }),
  'portrait.saveConfig': call<PortraitConfig>()({ input: portraitConfigSchema, access: ADMIN, mutates: true }),
  'portrait.get': call<PortraitView>()({ input: portraitGetSchema, access: DOSSIER_READERS, mutates: false }),
  'portrait.saveEvaluation': call<PortraitView>()({
    input: saveEvaluationSchema,
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'portrait.confirm': call<PortraitView>()({ input: confirmSchema, access: DOSSIER_EDITORS, mutates: true }),
} as const;
