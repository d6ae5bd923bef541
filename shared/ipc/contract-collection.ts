// 季度采集's own calls: marking a section checked to have no material (per cadre, or every gap of a unit), taking
// that back, and the administrator's choice of the sections a quarter requires.
import { z } from 'zod';
import { ADMIN, call } from './call';
import { DOSSIER_EDITORS } from './contract-dossier';
import * as f from './fields';

const quarter = z.string({ error: '请选择季度' }).regex(/^\d{4}Q[1-4]$/, '季度格式应为 2025Q3');
const sectionCode = f.text('板块', 20);

export const collectionCalls = {
  'collection.attestNone': call<{ readonly added: number; readonly skipped: number }>()({
    input: z.strictObject({
      quarter,
      sectionCode,
      cadreIds: z.array(f.id('干部'), { error: '干部列表不正确' }).min(1, '请选择干部').max(5000, '一次最多 5000 人'),
      note: f.text('核查说明', 200),
    }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'collection.withdrawAttestation': call<null>()({
    input: z.strictObject({ quarter, sectionCode, cadreId: f.id('干部') }),
    access: DOSSIER_EDITORS,
    mutates: true,
  }),
  'collection.setRequiredSections': call<null>()({
    input: z.strictObject({
      quarter,
      sectionCodes: z
        .array(sectionCode, { error: '板块列表不正确' })
        .min(1, '每季度至少要求一个板块')
        .max(20, '板块过多'),
    }),
    access: ADMIN,
    mutates: true,
  }),
} as const;
