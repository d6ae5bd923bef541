// Excel roster import (preview, then commit in one transaction), the template, and the roster export.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { fail } from '../../shared/ipc/errors';
import type { ExcelPreviewRow } from '../../shared/roster/views';
import { maskIdNumber } from '../../shared/roster/idcard';
import type { Handlers } from '../app/context';
import { writeFileAtomic } from '../fs/atomic';
import { buildTemplate } from './excel/template';
import { MAX_FILE_BYTES, parseRosterWorkbook } from './excel/parse';
import { validateRosterRows } from './excel/validate';
import { matchExisting, type MatchedRow } from './excel/match';
import { exportRoster } from './excel/export';
import { ROSTER_COLUMNS } from './excel/columns';
import { existingView, loadStoredCadres } from './existing';
import { writeImport, type KeptField } from './import-write';
import { queryRoster } from './query';
import { readCadres } from './write';
import { jobOutcome } from './job-outcome';

interface ExcelJob {
  readonly fileName: string;
  readonly matched: readonly MatchedRow[];
  readonly errorRows: ReadonlySet<number>;
  /** Profile fields whose column the file does not have (the template lets users delete optional columns). */
  readonly missingFields: readonly KeptField[];
  /** Rows whose 状态 cell is empty: validation fills in 在职 for a new cadre, but an update keeps the stored status. */
  readonly blankStatusRows: ReadonlySet<number>;
}

type ExcelCalls = 'roster.previewExcel' | 'roster.commitExcel' | 'roster.saveTemplate' | 'roster.exportExcel';

export const excelHandlers: Handlers<ExcelCalls> = {
  async 'roster.previewExcel'({ db, io, jobs }, { token }) {
    const path = io.openedPath(token);
    if (statSync(path).size > MAX_FILE_BYTES) fail('VALIDATION', '文件过大（超过 50 MB），请拆分后导入', 'file');
    const parsed = await parseRosterWorkbook(readFileSync(path));
    if (!parsed.ok) fail('VALIDATION', parsed.error, 'file');
    const { rows, columns } = parsed as Extract<typeof parsed, { ok: true }>;
    const units = await db.selectFrom('units').select(['id', 'name']).execute();
    const validated = validateRosterRows(rows, { units, today: new Date() });
    const stored = await loadStoredCadres(db);
    const matched = matchExisting(validated.rows, [...stored.values()]);
    const matchOf = new Map(matched.map((m) => [m.rowNumber, m]));
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const raw = new Map(rows.map((r) => [r.rowNumber, r.cells]));
    const preview: ExcelPreviewRow[] = validated.rows.map((v) => {
      const m = matchOf.get(v.rowNumber);
      const cells = raw.get(v.rowNumber);
      const idNumber = m?.input.idNumber ?? cells?.idNumber ?? '';
      return {
        rowNumber: v.rowNumber,
        name: v.name,
        unitName: m ? (unitName.get(m.input.unitId) ?? '') : (cells?.unit ?? ''),
        idNumber: maskIdNumber(idNumber),
        status: !m ? 'error' : m.match.kind,
        issues: v.issues,
        existing: m && m.match.kind !== 'new' ? existingView(stored.get(m.match.cadreId)) : null,
      };
    });
    const fileName = basename(path);
    const jobId = jobs.create('excel', {
      fileName,
      matched,
      errorRows: new Set(validated.rows.filter((r) => r.issues.length > 0).map((r) => r.rowNumber)),
      missingFields: ROSTER_COLUMNS.filter((c) => !columns.includes(c.key)).map((c) => (c.key === 'unit' ? 'unitId' : c.key)),
      blankStatusRows: new Set(rows.filter((r) => !r.cells.status).map((r) => r.rowNumber)),
    } satisfies ExcelJob);
    return { jobId, fileName, rows: preview };
  },

  async 'roster.commitExcel'({ db, rec, jobs }, { jobId, excludedRows, confirmedRows }) {
    const job = jobs.payload<ExcelJob>(jobId, 'excel');
    const excluded = new Set(excludedRows);
    const confirmed = new Set(confirmedRows);
    const stillWrong = [...job.errorRows].filter((r) => !excluded.has(r));
    if (stillWrong.length > 0) {
      fail('VALIDATION', `第 ${stillWrong.slice(0, 10).join('、')} 行仍有错误，请修改文件后重新选择，或排除这些行`, 'excludedRows');
    }
    const included = job.matched.filter((m) => !excluded.has(m.rowNumber));
    const unconfirmed = included.filter((m) => m.match.kind === 'nameMatch' && !confirmed.has(m.rowNumber));
    if (unconfirmed.length > 0) {
      fail(
        'VALIDATION',
        `第 ${unconfirmed.slice(0, 10).map((m) => m.rowNumber).join('、')} 行与已有干部同名且出生年月相同，请确认是否为同一人（确认后更新），或排除这些行`,
        'confirmedRows',
      );
    }
    if (included.length === 0) fail('VALIDATION', '没有要导入的行', 'excludedRows');
    const summary = await jobOutcome(jobs, jobId, () =>
      writeImport(
        db,
        jobs,
        jobId,
        included.map((m) => ({
          cadreId: m.match.kind === 'new' ? null : m.match.cadreId,
          input: m.input,
          // Excel has no family members; a column the file lacks must not wipe what is stored.
          keep: ['family', ...job.missingFields, ...(job.blankStatusRows.has(m.rowNumber) ? (['status'] as const) : [])],
        })),
      ),
    );
    const skipped = job.matched.length + job.errorRows.size - included.length;
    rec.record(job.fileName, { file: job.fileName, created: summary.created, updated: summary.updated, skipped });
    return { ...summary, skipped };
  },

  async 'roster.saveTemplate'({ db, rec, io }, { token }) {
    const path = io.savePath(token);
    const units = await db.selectFrom('units').select('name').orderBy('category_code').orderBy('sort').orderBy('name').execute();
    writeFileAtomic(path, await buildTemplate(units));
    rec.record(basename(path));
    return { fileName: basename(path) };
  },

  async 'roster.exportExcel'({ db, rec, io }, { token, filter }) {
    const path = io.savePath(token);
    const rows = await queryRoster(db, filter, { showIdNumber: true });
    const profiles = await readCadres(db, rows.map((r) => r.id), { showIdNumber: true, withPhoto: false });
    const cadres = rows.map((r) => profiles.get(r.id)!);
    writeFileAtomic(path, await exportRoster(cadres, { title: '干部名册' }));
    rec.record(basename(path), { rows: rows.length, filter });
    return { fileName: basename(path), rows: rows.length };
  },
};
