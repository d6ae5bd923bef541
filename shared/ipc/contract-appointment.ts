// 任免事项 calls: a cadre's dated history of 任免事项 (newest first), and adding one.
import { z } from 'zod';
import type { Role } from '../roles';
import { MATTER_LIMITS, type AppointmentMatter } from '../renmian/matter';
import { call, ROSTER_EDITORS } from './call';
import { MAX_PACKET_CADRES } from '../print/types';
import type { LrmxPerson } from '../roster/lrmx-types';
import * as f from './fields';

const MATTER_READERS: readonly Role[] = ['admin', 'dossierClerk', 'reviewer'];

/** YYYY-MM with a real month: the 计算年龄时间. */
export const yearMonth = (label: string) =>
  z
    .string({ error: `${label}必须是年月` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${label}格式应为 2026-03`)
    .refine((v) => v >= '1950-01' && v <= '2100-12', `${label}不在合理范围内`);

export const realDate = (label: string) =>
  f.isoDate(label).refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, `${label}不是有效的日期`);

const optional = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`);

export const appointmentMatterSchema = z
  .strictObject(
    {
      cadreId: f.id('干部'),
      matterDate: realDate('任免日期'),
      proposedPost: optional('拟任职务', MATTER_LIMITS.proposedPost),
      proposedRemoval: optional('拟免职务', MATTER_LIMITS.proposedRemoval),
      reason: optional('任免理由', MATTER_LIMITS.reason),
      reportingUnit: optional('呈报单位', MATTER_LIMITS.reportingUnit),
      ageAt: yearMonth('计算年龄时间'),
      filledBy: optional('填表人', MATTER_LIMITS.filledBy),
    },
    { error: '任免事项格式不正确' },
  )
  .refine((m) => m.proposedPost !== '' || m.proposedRemoval !== '', {
    error: '请填写拟任职务或拟免职务',
    path: ['proposedPost'],
  });

export const appointmentCalls = {
  'appointments.list': call<readonly AppointmentMatter[]>()({
    input: z.strictObject({ cadreId: f.id('干部') }),
    access: MATTER_READERS,
    mutates: false,
  }),
  /**
   * The 干部任免审批表 of chosen cadres as the print lays them out (the .lrmx persons, with each latest 任免事项), in
   * the order asked: the 审议材料 packet's preview and print view read them.
   */
  'appointments.forms': call<readonly LrmxPerson[]>()({
    input: z.strictObject({
      cadreIds: z
        .array(f.id('干部'), { error: '请选择干部' })
        .min(1, '请至少选择 1 名干部')
        .max(MAX_PACKET_CADRES, `一次最多 ${MAX_PACKET_CADRES} 名干部的任免审批表`)
        .refine((ids) => new Set(ids).size === ids.length, '同一名干部不能重复选择'),
      ageAt: yearMonth('计算年龄时间').optional(),
    }),
    access: ROSTER_EDITORS,
    mutates: false,
  }),
  'appointments.create': call<AppointmentMatter>()({
    input: appointmentMatterSchema,
    access: ROSTER_EDITORS,
    mutates: true,
  }),
} as const;
