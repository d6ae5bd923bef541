// Turns an audit entry's JSON detail into a short Chinese line (changes shown as 旧 → 新).
const FIELD_LABELS: Readonly<Record<string, string>> = {
  displayName: '姓名',
  role: '角色',
  reenabled: '重新启用',
  via: '方式',
  from: '原值',
  to: '新值',
  trainingRequiredHours: '年度应修学时',
  entryId: '材料编号',
  subItem: '子项',
  polarity: '性质',
  batchId: '批次',
  cadreIds: '干部',
  attachmentId: '附件编号',
  fileName: '文件名',
  size: '大小（字节）',
  classId: '培训班编号',
  trainees: '学员人数',
  added: '新增',
  removed: '删除',
  changed: '变更',
  year: '年度',
  requiredHours: '应修学时',
  below: '未达标人数',
  updated: '更新',
};

export function describeDetail(json: string): string {
  let detail: unknown;
  try {
    detail = JSON.parse(json);
  } catch {
    return json;
  }
  if (!detail || typeof detail !== 'object') return '';
  return Object.entries(detail as Record<string, unknown>)
    .map(([k, v]) => {
      const label = FIELD_LABELS[k] ?? k;
      if (Array.isArray(v) && v.length === 2) return v[0] === v[1] ? null : `${label}：${String(v[0])} → ${String(v[1])}`;
      if (v === true) return label;
      return `${label}：${String(v)}`;
    })
    .filter((s): s is string => s !== null)
    .join('；');
}
