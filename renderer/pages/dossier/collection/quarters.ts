// The quarters 季度采集 and 填报审核 offer: the current one and the eleven before it, newest first.
import { localToday, quarterOf } from '../../../../shared/dossier/quarter';

export function quarterOptions(): string[] {
  const now = quarterOf(localToday());
  const out: string[] = [];
  let [y, q] = [Number(now.slice(0, 4)), Number(now.slice(5))];
  for (let i = 0; i < 12; i++) {
    out.push(`${y}Q${q}`);
    q -= 1;
    if (q === 0) [y, q] = [y - 1, 4];
  }
  return out;
}
