// Turns an audit entry's JSON detail into a short Chinese line (changes shown as 旧 → 新).
const FIELD_LABELS: Readonly<Record<string, string>> = {
  displayName: '姓名',
  role: '角色',
  reenabled: '重新启用',
  via: '方式',
  from: '原值',
  to: '新值',
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
