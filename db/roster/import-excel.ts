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
import { writeImport, type ImportItem } from './import-write';
import { planUpdates, plannedWrite, type UpdatePlan } from './import-plan';
import type { CadreInput } from '../../shared/roster/types';
import type { ChangeField } from '../../shared/roster/views';
import { queryRoster } from './query';
import { readCadres } from './write';
import { jobOutcome } from './job-outcome';

interface ExcelJob {
  readonly fileName: string;
  readonly matched: readonly MatchedRow[];
  readonly errorRows: ReadonlySet<number>;
  /** Per row that matched a stored cadre: what it would change, as the preview showed it. */
  readonly plans: ReadonlyMap<number, UpdatePlan>;
}

/**
 * Fields a row does not carry at all keep their stored values: columns the file lacks (the template lets users
 * delete optional ones), 家庭成员 (not in the Excel format), and an empty 状态 (validation fills in 在职 for a new
 * cadre, but an update keeps the stored status).
 */
function absentFields(missing: readonly (keyof CadreInput)[], blankStatus: boolean): ReadonlySet<keyof CadreInput> {
  const absent = new Set<keyof CadreInput>(['family', ...missing, ...(blankStatus ? (['status'] as const) : [])]);
  if (absent.has('annualResults')) absent.add('annualResultsNote'); // both come from the one 年度考核结果 column
  return absent;
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
    const missing = ROSTER_COLUMNS.filter((c) => !columns.includes(c.key)).map((c): keyof CadreInput => (c.key === 'unit' ? 'unitId' : c.key));
    const updates = matched.filter((m) => m.match.kind !== 'new');
    const planned = await planUpdates(
      db,
      updates.map((m) => ({
        cadreId: (m.match as { cadreId: number }).cadreId,
        incoming: m.input,
        absent: absentFields(missing, !raw.get(m.rowNumber)?.status),
      })),
      unitName,
    );
    const plans = new Map(updates.map((m, i) => [m.rowNumber, planned[i]!]));
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
        changes: plans.get(v.rowNumber)?.changes ?? [],
      };
    });
    const fileName = basename(path);
    const jobId = jobs.create('excel', {
      fileName,
      matched,
      errorRows: new Set(validated.rows.filter((r) => r.issues.length > 0).map((r) => r.rowNumber)),
      plans,
    } satisfies ExcelJob);
    return { jobId, fileName, rows: preview };
  },

  async 'roster.commitExcel'({ db, rec, jobs }, { jobId, excludedRows, confirmedRows, keepColumns, keepFields }) {
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
    const keptByRow = new Map(keepFields.map((k) => [k.rowNumber, k.fields]));
    const items: ImportItem[] = [];
    const changed: { cadreId: number; name: string; changes: Record<string, [string, string]> }[] = [];
    let unchanged = 0;
    for (const m of included) {
      const plan = job.plans.get(m.rowNumber);
      if (!plan) {
        items.push({ cadreId: null, input: m.input });
        continue;
      }
      const kept = new Set<ChangeField>([...keepColumns, ...(keptByRow.get(m.rowNumber) ?? [])]);
      const write = plannedWrite(plan, kept);
      if (write.changes.length === 0) {
        unchanged += 1; // nothing to write: the profile (and its version) stays as it is
        continue;
      }
      items.push({ cadreId: plan.cadreId, input: write.input, expectedVersion: plan.version, photo: write.photo });
      changed.push({ cadreId: plan.cadreId, name: plan.name, changes: write.audit });
    }
    const summary = await jobOutcome(jobs, jobId, () => writeImport(db, jobs, jobId, items));
    const skipped = job.matched.length + job.errorRows.size - included.length;
    rec.record(job.fileName, { file: job.fileName, created: summary.created, updated: summary.updated, unchanged, skipped, changed });
    return { ...summary, skipped, unchanged };
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
