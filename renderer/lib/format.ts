// Date and time formatting as the users write it (2025-03-14 09:30).
import { localParts } from '../../shared/time/local-parts';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  // A day-only value (a 评议终端 entry keeps no time) is shown as the day, not as 08:00 of it.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const t = localParts(d);
  return `${t.year}-${t.month}-${t.day} ${t.hour}:${t.minute}:${t.second}`;
}
