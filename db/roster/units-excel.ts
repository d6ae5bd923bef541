// Units from an Excel sheet (单位名称, 单位类别, 排序号): a preview that names every row's problem and what each row
// will do (新增, 更新 its category or order, 不变), then a commit of exactly that, in one transaction.
import { readUserFile } from '../fs/user-file';
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import { fail } from '../../shared/ipc/errors';
import type { UnitImportRow } from '../../shared/roster/views';
import type { Handlers } from '../app/context';
import { cellText } from './excel/parse';
import { MAX_FILE_BYTES, openWorkbook } from '../excel/open';
import { normalizeHeader } from './excel/columns';
import { looseText } from '../excel/workbook';

type UnitField = 'name' | 'category' | 'sort';

const HEADERS: Readonly<Record<UnitField, readonly string[]>> = {
  name: ['单位名称', '单位', '单位全称', '名称'],
  category: ['单位类别', '类别', '单位分类', '分类'],
  sort: ['排序号', '排序', '序号', '顺序号'],
};
const HEADER_SEARCH_ROWS = 10;
const MAX_ROWS = 2000;

interface UnitJob {
  readonly fileName: string;
  readonly rows: readonly UnitImportRow[];
}

/** The first sheet whose first rows hold a 单位名称 and a 单位类别 header: its header row and columns. */
function findTable(
  wb: ExcelJS.Workbook,
): { ws: ExcelJS.Worksheet; row: number; cols: Partial<Record<UnitField, number>> } | null {
  for (const ws of wb.worksheets) {
    for (let r = 1; r <= Math.min(ws.rowCount, HEADER_SEARCH_ROWS); r += 1) {
      const cols: Partial<Record<UnitField, number>> = {};
      ws.getRow(r).eachCell({ includeEmpty: false }, (cell, n) => {
        const h = normalizeHeader(cellText(cell).text);
        for (const f of Object.keys(HEADERS) as UnitField[])
          if (cols[f] === undefined && HEADERS[f].includes(h)) cols[f] = n;
      });
      if (cols.name !== undefined && cols.category !== undefined) return { ws, row: r, cols };
    }
  }
  return null;
}

type UnitCalls = 'units.previewExcel' | 'units.commitExcel';

export const unitExcelHandlers: Handlers<UnitCalls> = {
  async 'units.previewExcel'({ db, io, jobs }, { token }) {
    const path = io.openedPath(token);
    const opened = await openWorkbook(
      readUserFile(path, { maxBytes: MAX_FILE_BYTES, tooLarge: () => '文件过大（超过 50 MB）', field: 'file' }),
    );
    if (!opened.ok) fail('VALIDATION', opened.error, 'file');
    const table = findTable((opened as { wb: ExcelJS.Workbook }).wb);
    if (!table) fail('VALIDATION', '找不到单位列表：请在第一行写明列标题“单位名称”“单位类别”（“排序号”可选）', 'file');
    const { ws, row: headerRow, cols } = table!;
    const [categories, units] = await Promise.all([
      db.selectFrom('catalog_categories').select(['code', 'name']).where('retired', '=', 0).orderBy('sort').execute(),
      db.selectFrom('units').select(['id', 'name', 'category_code', 'sort']).execute(),
    ]);
    const categoryOf = new Map(
      categories.flatMap(
        (c) =>
          [
            [looseText(c.name), c],
            [looseText(c.code), c],
          ] as const,
      ),
    );
    const stored = new Map(units.map((u) => [u.name, u]));
    const seen = new Map<string, number>();
    const rows: UnitImportRow[] = [];
    for (let r = headerRow + 1; r <= ws.rowCount; r += 1) {
      const text = (f: UnitField) => (cols[f] === undefined ? '' : cellText(ws.getCell(r, cols[f]!)).text.trim());
      const name = text('name');
      const categoryText = text('category');
      const sortText = text('sort');
      if (!name && !categoryText && !sortText) continue;
      if (rows.length >= MAX_ROWS) fail('VALIDATION', `单位过多（超过 ${MAX_ROWS} 个），请分批导入`, 'file');
      const issues: string[] = [];
      if (!name) issues.push('单位名称：请填写单位名称');
      else if (name.length > 60) issues.push('单位名称：不能超过 60 个字');
      const category = categoryOf.get(looseText(categoryText));
      if (!categoryText) issues.push('单位类别：请填写单位类别');
      else if (!category)
        issues.push(`单位类别：“${categoryText}”不存在，应为${categories.map((c) => `“${c.name}”`).join('、')}之一`);
      let sort = rows.length * 10;
      if (sortText) {
        const n = Number(sortText);
        if (!Number.isInteger(n) || n < 0 || n > 99999) issues.push(`排序号：“${sortText}”应为 0–99999 的整数`);
        else sort = n;
      }
      const twin = name ? seen.get(name) : undefined;
      if (twin !== undefined) issues.push(`单位名称：与第 ${twin} 行重复`);
      if (name) seen.set(name, r);
      const before = stored.get(name);
      const changes: string[] = [];
      if (before && category && before.category_code !== category.code) {
        changes.push(
          `单位类别：${categories.find((c) => c.code === before.category_code)?.name ?? before.category_code} → ${category.name}`,
        );
      }
      if (before && sortText && before.sort !== sort) changes.push(`排序号：${before.sort} → ${sort}`);
      rows.push({
        rowNumber: r,
        name,
        categoryCode: category?.code ?? '',
        categoryName: category?.name ?? categoryText,
        // An existing unit keeps its 排序号 when the file has none.
        sort: before && !sortText ? before.sort : sort,
        status: issues.length > 0 ? 'error' : !before ? 'new' : changes.length > 0 ? 'update' : 'same',
        issues,
        changes,
        unitId: before?.id ?? null,
      });
    }
    if (rows.length === 0) fail('VALIDATION', '单位列表中没有数据行', 'file');
    const fileName = basename(path);
    return { jobId: jobs.create('units-excel', { fileName, rows } satisfies UnitJob), fileName, rows };
  },

  async 'units.commitExcel'({ db, rec, jobs }, { jobId, excludedRows }) {
    const job = jobs.payload<UnitJob>(jobId, 'units-excel');
    const excluded = new Set(excludedRows);
    const included = job.rows.filter((r) => !excluded.has(r.rowNumber));
    const wrong = included.filter((r) => r.status === 'error');
    if (wrong.length > 0)
      fail(
        'VALIDATION',
        `第 ${wrong
          .slice(0, 10)
          .map((r) => r.rowNumber)
          .join('、')} 行仍有错误，请修改文件后重新选择，或排除这些行`,
        'excludedRows',
      );
    const writes = included.filter((r) => r.status === 'new' || r.status === 'update');
    if (writes.length === 0) fail('VALIDATION', '没有要新增或更新的单位', 'excludedRows');
    const now = new Date().toISOString();
    const names = new Map((await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
    for (const r of writes) {
      // Checked again: the preview is only a promise while nobody else adds or renames a unit.
      const id = names.get(r.name);
      if (r.status === 'new' && id !== undefined)
        fail('CONFLICT', `单位“${r.name}”在检查之后已被添加，请重新选择文件检查一遍，本次导入未写入任何内容`);
      if (r.status === 'update' && id !== r.unitId)
        fail('CONFLICT', `单位“${r.name}”在检查之后已被修改或删除，请重新选择文件检查一遍，本次导入未写入任何内容`);
      if (r.status === 'new') {
        await db
          .insertInto('units')
          .values({ name: r.name, category_code: r.categoryCode, sort: r.sort, created_at: now, updated_at: now })
          .execute();
      } else {
        await db
          .updateTable('units')
          .set({ category_code: r.categoryCode, sort: r.sort, updated_at: now })
          .where('id', '=', r.unitId!)
          .execute();
      }
    }
    const created = writes.filter((r) => r.status === 'new');
    const updated = writes.filter((r) => r.status === 'update');
    rec.record(job.fileName, {
      file: job.fileName,
      created: created.length,
      updated: updated.length,
      added: created.map((r) => r.name).join('、'),
      ...(updated.length > 0 ? { changed: updated.map((r) => `${r.name}（${r.changes.join('，')}）`) } : {}),
    });
    return { created: created.length, updated: updated.length };
  },
};
