// Turns an audit entry's JSON detail into a short Chinese line (changes shown as 旧 → 新).
import { AUDIT_DETAIL_LABELS } from '../../../shared/audit/detail-labels';

/** Cadres named in full before “等 N 人”: an import of thousands stays one readable line. */
const SHOWN_CADRES = 20;

interface CadreChanges {
  readonly name: string;
  readonly changes: Readonly<Record<string, readonly [string, string]>>;
}

const isCadreChanges = (v: unknown): v is CadreChanges =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as CadreChanges).name === 'string' &&
  typeof (v as CadreChanges).changes === 'object';

/** An import's changed cadres: “巴特尔（入党时间 2001.06 → 2001.07、奖惩情况 摘要 … → （空））”. */
function describeCadreChanges(list: readonly CadreChanges[]): string {
  const shown = list.slice(0, SHOWN_CADRES).map((c) => {
    const fields = Object.entries(c.changes).map(
      ([label, [from, to]]) => `${label} ${from || '（空）'} → ${to || '（空）'}`,
    );
    return `${c.name}（${fields.join('、')}）`;
  });
  return list.length > SHOWN_CADRES ? `${shown.join('，')} 等 ${list.length} 人` : shown.join('，');
}

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
      const label = AUDIT_DETAIL_LABELS[k] ?? k;
      // Lists of names, never old → new pairs: a batch's files, a hand edit's changed fields.
      if ((k === 'files' || k === 'changed') && Array.isArray(v) && v.every((x) => typeof x === 'string'))
        return `${label}：${v.join('、')}`;
      if (Array.isArray(v) && v.length === 2)
        return v[0] === v[1] ? null : `${label}：${String(v[0])} → ${String(v[1])}`;
      if (v === true) return label;
      // A registered public key: its last 12 characters (before the base64 padding) tell keys apart on screen.
      if (k === 'signingKey' && v && typeof v === 'object' && 'publicKey' in v)
        return `${label}：…${String((v as { publicKey: unknown }).publicKey).slice(-13, -1)}`;
      if (Array.isArray(v) && v.length > 0 && v.every(isCadreChanges)) return `${label}：${describeCadreChanges(v)}`;
      return `${label}：${String(v)}`;
    })
    .filter((s): s is string => s !== null)
    .join('；');
}
