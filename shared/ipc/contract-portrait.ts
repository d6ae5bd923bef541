// The political-portrait model's calls: its configuration (read by every session, changed by administrators).
import { portraitConfigSchema } from '../portrait/config';
import type { PortraitConfig } from '../portrait/types';
import { ADMIN, call } from './call';
import * as f from './fields';

export const portraitCalls = {
  'portrait.getConfig': call<PortraitConfig>()({ input: f.none, access: 'session', mutates: false }),
  'portrait.saveConfig': call<PortraitConfig>()({ input: portraitConfigSchema, access: ADMIN, mutates: true }),
} as const;
