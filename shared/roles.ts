// The four account roles and what each may see; the single source of role names and labels.

export const ROLES = ['admin', 'dossierClerk', 'assessmentClerk', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: '系统管理员',
  dossierClerk: '档案管理员',
  assessmentClerk: '考核录入员',
  reviewer: '查阅人',
};
