// Excel roster import (preview, then commit in one transaction), the template, and the roster export.
import { readUserFile } from '../fs/user-file';
import { basename } from 'node:path';
import { fail } from '../../shared/ipc/errors';
import type { ExcelPreviewRow, ImportIssue } from '../../shared/roster/views';
import { maskIdNumber } from '../../shared/roster/idcard';
import type { Handlers } from '../app/context';
import { writeFileAtomic } from '../fs/atomic';
import { buildTemplate } from './excel/template';
import { loadRosterWorkbook, mappingColumns, rowsOfLayout, type ColumnMapping } from './excel/parse';
import { MAX_FILE_BYTES } from '../excel/open';
import { MAPPING_FIELDS, type FieldKey } from './excel/headers';
import type { ColumnKey } from './excel/columns';
import { normalizeRows, type NormalizedRows, type UnitPostSplit } from './excel/normalize';
import { mappingKey, rememberMapping, rememberedMapping, storedMapping } from './excel-mapping';
import type { PositionCode } from '../../shared/catalog/types';
import { validateRosterRows } from './excel/validate';
import { matchExisting, type MatchedRow } from './excel/match';
import { exportRoster } from './excel/export';
import { ROSTER_COLUMNS } from './excel/columns';
import { existingView, loadStoredCadres } from './existing';
import { writeImport } from './import-write';
import { ImportWrites, planUpdates, plannedWrite, type UpdatePlan } from './import-plan';
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
  /** New rows whose 正职/副职 was only suggested from 现任职务 (the file has no such column): the user must confirm each. */
  readonly suggestedRows: ReadonlySet<number>;
  /** A mapping the user chose, stored for the next file with the same headers once the import is written. */
  readonly remember?: { readonly key: string; readonly value: string };
}

/**
 * Fields a row does not carry at all keep their stored values: columns the file lacks (the template lets users
 * delete optional ones), 家庭成员 (not in the Excel format), an empty 状态 (validation fills in 在职 for a new cadre,
 * but an update keeps the stored status), and a 正职/副职 only suggested from the post (an update keeps the stored one).
 */
function absentFields(
  missing: readonly (keyof CadreInput)[],
  opts: { blankStatus: boolean; suggested: boolean },
): ReadonlySet<keyof CadreInput> {
  const absent = new Set<keyof CadreInput>(['family', ...missing]);
  if (opts.blankStatus) absent.add('status');
  if (opts.suggested) absent.add('position');
  if (absent.has('annualResults')) absent.add('annualResultsNote'); // both come from the one 年度考核结果 column
  return absent;
}

/** A split 单位及职务 whose start is no unit in the store: the issue names the combined column, not 单位. */
function splitIssues(
  issues: readonly ImportIssue[],
  split: UnitPostSplit | undefined,
  cells: Readonly<Record<string, string>> | undefined,
): readonly ImportIssue[] {
  if (!split || split.unit) return issues;
  return issues.map((i) =>
    i.column === '单位' && cells?.unit
      ? {
          column: '单位及职务',
          reason: `“${cells.unit}”的开头不是已有单位的名称，请先在单位管理中添加该单位，或在文件中写明单位全称`,
        }
      : i,
  );
}

/**
 * The template columns the file gives values for: its own, 单位 and 现任职务 from a 单位及职务 column, and 正职/副职
 * when it is suggested (the user's confirmed choice is written, also on an update).
 */
function givenColumns(
  columns: readonly ColumnKey[],
  fields: readonly FieldKey[],
  n: NormalizedRows,
): ReadonlySet<ColumnKey> {
  const given = new Set<ColumnKey>(columns);
  if (fields.includes('unitAndPost')) ['unit', 'currentPost'].forEach((k) => given.add(k as ColumnKey));
  if (n.suggestions.size > 0) given.add('position');
  return given;
}

/** The preview's view of a split cell and a suggested 正职/副职. */
function layoutExtras(
  rowNumber: number,
  n: NormalizedRows,
  suggestedRows: ReadonlySet<number>,
): Pick<ExcelPreviewRow, 'split' | 'suggestedPosition'> {
  const split = n.splits.get(rowNumber);
  const suggested = suggestedRows.has(rowNumber) ? n.suggestions.get(rowNumber) : undefined;
  return { ...(split ? { split } : {}), ...(suggested ? { suggestedPosition: suggested } : {}) };
}

type ExcelCalls = 'roster.previewExcel' | 'roster.commitExcel' | 'roster.saveTemplate' | 'roster.exportExcel';

export const excelHandlers: Handlers<ExcelCalls> = {
  async 'roster.previewExcel'({ db, io, jobs }, { token, mapping }) {
    const path = io.openedPath(token);
    const bytes = readUserFile(path, {
      maxBytes: MAX_FILE_BYTES,
      tooLarge: () => '文件过大（超过 50 MB），请拆分后导入',
      field: 'file',
    });
    const loaded = await loadRosterWorkbook(bytes);
    if (!loaded.ok) fail('VALIDATION', loaded.error, 'file');
    const { roster } = loaded as Extract<typeof loaded, { ok: true }>;
    // The user's mapping, else one remembered for these headers, else the headers as recognised.
    const chosen: ColumnMapping | undefined = mapping ? new Map(mapping.map((m) => [m.column, m.field])) : undefined;
    const remembered = chosen ? undefined : await rememberedMapping(db, roster.layout);
    const parsed = rowsOfLayout(roster, chosen ?? remembered);
    if (!parsed.ok && parsed.needsMapping)
      return { jobId: '', fileName: basename(path), rows: [], needsMapping: parsed.needsMapping };
    if (!parsed.ok) fail('VALIDATION', parsed.error, 'file');
    const { columns, fields } = parsed as Extract<typeof parsed, { ok: true }>;
    const units = await db.selectFrom('units').select(['id', 'name']).execute();
    const normalized = normalizeRows((parsed as Extract<typeof parsed, { ok: true }>).rows, fields, units);
    const rows = normalized.rows;
    const validated = validateRosterRows(rows, { units, today: new Date() });
    const stored = await loadStoredCadres(db);
    const matched = matchExisting(validated.rows, [...stored.values()]);
    const matchOf = new Map(matched.map((m) => [m.rowNumber, m]));
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const raw = new Map(rows.map((r) => [r.rowNumber, r.cells]));
    const missing = ROSTER_COLUMNS.filter((c) => !givenColumns(columns, fields, normalized).has(c.key)).map(
      (c): keyof CadreInput => (c.key === 'unit' ? 'unitId' : c.key),
    );
    const updates = matched.filter((m) => m.match.kind !== 'new');
    const planned = await planUpdates(
      db,
      updates.map((m) => ({
        cadreId: (m.match as { cadreId: number }).cadreId,
        incoming: m.input,
        absent: absentFields(missing, {
          blankStatus: !raw.get(m.rowNumber)?.status,
          suggested: normalized.suggestions.has(m.rowNumber),
        }),
      })),
      unitName,
    );
    const plans = new Map(updates.map((m, i) => [m.rowNumber, planned[i]!]));
    // Only a new cadre needs its suggested 正职/副职 confirmed: an update keeps the stored one.
    const suggestedRows = new Set([...normalized.suggestions.keys()].filter((r) => !plans.has(r)));
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
        issues: splitIssues(v.issues, normalized.splits.get(v.rowNumber), cells),
        warnings: v.warnings,
        existing: m && m.match.kind !== 'new' ? existingView(stored.get(m.match.cadreId)) : null,
        changes: plans.get(v.rowNumber)?.changes ?? [],
        ...layoutExtras(v.rowNumber, normalized, suggestedRows),
      };
    });
    const fileName = basename(path);
    const jobId = jobs.create('excel', {
      fileName,
      matched,
      errorRows: new Set(validated.rows.filter((r) => r.issues.length > 0).map((r) => r.rowNumber)),
      plans,
      suggestedRows,
      ...(chosen ? { remember: { key: mappingKey(roster.layout), value: storedMapping(roster.layout, chosen) } } : {}),
    } satisfies ExcelJob);
    const { layout } = roster;
    return {
      jobId,
      fileName,
      rows: preview,
      mapping: {
        sheetName: layout.sheetName,
        headerRow: layout.headerRow,
        message: `工作表“${layout.sheetName}”第 ${layout.headerRow} 行为列标题。可以修改各列对应的项目后重新检查。`,
        missing: [],
        columns: mappingColumns(roster, chosen ?? remembered),
        fields: MAPPING_FIELDS,
      },
      mappingRemembered: !chosen && remembered !== undefined,
    };
  },

  async 'roster.commitExcel'(
    { db, rec, jobs },
    { jobId, excludedRows, confirmedRows, positions, keepColumns, keepFields },
  ) {
    const job = jobs.payload<ExcelJob>(jobId, 'excel');
    const excluded = new Set(excludedRows);
    const confirmed = new Set(confirmedRows);
    const stillWrong = [...job.errorRows].filter((r) => !excluded.has(r));
    if (stillWrong.length > 0) {
      fail(
        'VALIDATION',
        `第 ${stillWrong.slice(0, 10).join('、')} 行仍有错误，请修改文件后重新选择，或排除这些行`,
        'excludedRows',
      );
    }
    const included = job.matched.filter((m) => !excluded.has(m.rowNumber));
    const unconfirmed = included.filter((m) => m.match.kind === 'nameMatch' && !confirmed.has(m.rowNumber));
    if (unconfirmed.length > 0) {
      fail(
        'VALIDATION',
        `第 ${unconfirmed
          .slice(0, 10)
          .map((m) => m.rowNumber)
          .join('、')} 行与已有干部同名且出生年月相同，请确认是否为同一人（确认后更新），或排除这些行`,
        'confirmedRows',
      );
    }
    if (included.length === 0) fail('VALIDATION', '没有要导入的行', 'excludedRows');
    // A suggested 正职/副职 is never written unless the user confirmed or changed it.
    const chosenPosition = new Map<number, PositionCode>((positions ?? []).map((p) => [p.rowNumber, p.position]));
    const unsure = included.filter((m) => job.suggestedRows.has(m.rowNumber) && !chosenPosition.has(m.rowNumber));
    if (unsure.length > 0) {
      fail(
        'VALIDATION',
        `第 ${unsure
          .slice(0, 10)
          .map((m) => m.rowNumber)
          .join('、')} 行的正职/副职是按职务推断的，请逐行确认或修改后再导入，或排除这些行`,
        'positions',
      );
    }
    const keptByRow = new Map(keepFields.map((k) => [k.rowNumber, k.fields]));
    const writes = new ImportWrites();
    for (const m of included) {
      const plan = job.plans.get(m.rowNumber);
      if (!plan) {
        const position = job.suggestedRows.has(m.rowNumber) ? chosenPosition.get(m.rowNumber) : undefined;
        writes.create(position ? { ...m.input, position } : m.input);
        continue;
      }
      writes.update(
        plan,
        plannedWrite(plan, new Set<ChangeField>([...keepColumns, ...(keptByRow.get(m.rowNumber) ?? [])])),
      );
    }
    const summary = await jobOutcome(jobs, jobId, () => writeImport(db, jobs, jobId, writes.items));
    if (job.remember) await rememberMapping(db, job.remember.key, job.remember.value);
    const skipped = job.matched.length + job.errorRows.size - included.length;
    const { unchanged, changed } = writes;
    rec.record(job.fileName, {
      file: job.fileName,
      created: summary.created,
      updated: summary.updated,
      unchanged,
      skipped,
      changed,
    });
    return { ...summary, skipped, unchanged };
  },

  async 'roster.saveTemplate'({ db, rec, io }, { token }) {
    const path = io.savePath(token);
    const units = await db
      .selectFrom('units')
      .select('name')
      .orderBy('category_code')
      .orderBy('sort')
      .orderBy('name')
      .execute();
    writeFileAtomic(path, await buildTemplate(units));
    rec.record(basename(path));
    return { fileName: basename(path) };
  },

  async 'roster.exportExcel'({ db, rec, io }, { token, filter }) {
    const path = io.savePath(token);
    const rows = await queryRoster(db, filter, { showIdNumber: true });
    const profiles = await readCadres(
      db,
      rows.map((r) => r.id),
      { showIdNumber: true, withPhoto: false },
    );
    const cadres = rows.map((r) => profiles.get(r.id)!);
    writeFileAtomic(path, await exportRoster(cadres, { title: '干部名册' }));
    rec.record(basename(path), { rows: rows.length, filter });
    return { fileName: basename(path), rows: rows.length };
  },
};
