// The 季度缺项名单 workbook handed to the units that are behind: one row per cadre lacking material, naming the sections.
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { fail } from '../../shared/ipc/errors';
import { quarterLabel } from '../../shared/dossier/quarter';
import type { QuarterCompleteness } from '../../shared/dossier/types';
import type { Database } from '../schema';
import { writeFileAtomic } from '../fs/atomic';
import { newWorkbook, toBuffer } from '../excel/workbook';
import { addTableSheet } from '../excel/table-sheet';
import { quarterCompleteness } from './completeness';

export const GAP_HEADERS = ['序号', '单位', '姓名', '职务', '缺少材料的板块'] as const;
const WIDTHS = [7, 26, 12, 30, 60];

export interface GapRow {
  readonly unitName: string;
  readonly name: string;
  readonly post: string;
  readonly missing: string;
}

export const gapTitle = (quarter: string, unitName: string | null) =>
  `${quarterLabel(quarter)}政治素质档案缺项名单${unitName ? `（${unitName}）` : ''}`;

/** The gaps of a quarter (of one unit, or all) as sheet rows: section names, the cadre's current post. */
export async function gapRows(
  db: Kysely<Database>,
  data: QuarterCompleteness,
  unitId: number | undefined,
): Promise<GapRow[]> {
  const gaps = data.gaps.filter((g) => unitId === undefined || g.unitId === unitId);
  const ids = gaps.map((g) => g.cadreId);
  const posts = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = await db
      .selectFrom('cadres')
      .select(['id', 'current_post'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const p of part) posts.set(p.id, p.current_post);
  }
  const names = new Map(data.sections.map((s) => [s.code, s.name]));
  return gaps.map((g) => ({
    unitName: g.unitName,
    name: g.name,
    post: posts.get(g.cadreId) ?? '',
    missing: g.missing.map((c) => names.get(c) ?? c).join('、'),
  }));
}

export async function gapWorkbook(title: string, rows: readonly GapRow[]): Promise<Buffer> {
  const wb = newWorkbook();
  addTableSheet(wb, {
    name: '缺项名单',
    title,
    columns: GAP_HEADERS.map((header, i) => ({
      header,
      width: WIDTHS[i]!,
      ...(i === 0 ? { align: 'center' as const } : {}),
      ...(i === 4 ? { wrap: true } : {}),
    })),
    rows: rows.map((r, i) => [i + 1, r.unitName, r.name, r.post, r.missing]),
  });
  return toBuffer(wb);
}

/** Writes the list to the picked path (atomically); refuses an unknown unit before anything is written. */
export async function exportGaps(db: Kysely<Database>, path: string, quarter: string, unitId: number | undefined) {
  let unitName: string | null = null;
  if (unitId !== undefined) {
    const unit = await db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst();
    unitName = unit?.name ?? fail('NOT_FOUND', '找不到所选单位，可能已被删除，请刷新后重试', 'unitId');
  }
  const rows = await gapRows(db, await quarterCompleteness(db, quarter), unitId);
  writeFileAtomic(path, await gapWorkbook(gapTitle(quarter, unitName), rows));
  return { fileName: basename(path), rows: rows.length, unitName };
}
