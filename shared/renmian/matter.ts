// 任免事项: what a 干部任免审批表 is filled in for on one occasion (拟任/拟免职务, 任免理由, 呈报单位, 计算年龄时间),
// kept dated on the cadre beside the profile, which it never changes.

export interface AppointmentMatterInput {
  readonly cadreId: number;
  /** YYYY-MM-DD: the day the matter is put forward. */
  readonly matterDate: string;
  readonly proposedPost: string;
  readonly proposedRemoval: string;
  readonly reason: string;
  readonly reportingUnit: string;
  /** YYYY-MM: the 计算年龄时间 the form's ages are computed at. */
  readonly ageAt: string;
  readonly filledBy: string;
}

export interface AppointmentMatter extends AppointmentMatterInput {
  readonly id: number;
  readonly createdBy: string;
  readonly createdAt: string;
}

export const MATTER_LIMITS = {
  proposedPost: 200,
  proposedRemoval: 200,
  reason: 1000,
  reportingUnit: 60,
  filledBy: 20,
} as const;
