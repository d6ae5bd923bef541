// The periods of a 简历 text (“2019.05--2021.03  单位职务”, one per line), for the 任职时间 of the current post.
import { parseYearMonth } from '../../../shared/roster/dates';

export interface ResumePeriod {
  readonly from: string; // as written, e.g. '2019.05'
  readonly to: string; // as written, '' when the period is still open
  readonly text: string; // the 单位职务, continuation lines joined
}

const DATE = String.raw`(\d{4})\s*[.．\-/年]?\s*(\d{1,2})\s*月?`;
// A start date, a dash (or 至 / ~), an optional end date, the text. Dates as 2019.05, 201905, 2019-5, 2019年5月.
// “至今” (until now) is an open end like nothing at all.
const PERIOD = new RegExp(
  String.raw`^\s*${DATE}\s*(?:-{1,2}|—{1,2}|–{1,2}|－{1,2}|~|～|至今|至)\s*(?:${DATE}|至今)?\s*(.*)$`,
);

/** Lines that do not start with a period continue the previous period's text (long posts wrap). */
export function resumePeriods(resume: string): ResumePeriod[] {
  const periods: { from: string; to: string; text: string }[] = [];
  for (const line of resume.split(/\r\n|\r|\n/)) {
    const m = PERIOD.exec(line);
    if (m) {
      periods.push({ from: `${m[1]}.${m[2]}`, to: m[3] ? `${m[3]}.${m[4]}` : '', text: m[5]!.trim() });
    } else if (periods.length > 0 && line.trim()) {
      periods[periods.length - 1]!.text += line.trim();
    }
  }
  return periods;
}

const compact = (s: string) => s.replace(/\s+/g, '');

/**
 * 任职时间 ('YYYY-MM') of the current post: the start of the LAST period of the 简历 that is still open
 * (“2019.05--  …” with no end date), provided its text and the 现任职务 name the same post (one contains the
 * other, spaces ignored). '' otherwise.
 */
export function postSinceFromResume(resume: string, currentPost: string, max?: string): string {
  const post = compact(currentPost);
  if (!post) return '';
  const open = resumePeriods(resume).filter((p) => !p.to);
  const last = open[open.length - 1];
  if (!last) return '';
  const text = compact(last.text);
  if (text.length < 2 || !(text.includes(post) || post.includes(text))) return '';
  const since = parseYearMonth(last.from, '任职时间', max ? { max } : {});
  return since.ok ? since.value : '';
}
