// intake.preview / intake.commit: a returned 填报表 checked against its package record, previewed row by row, then
// its good rows stored as 待审核 (keyed by package serial and row: the same file twice adds nothing).
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { localToday, quarterLabel } from '../../shared/dossier/quarter';
import { fail } from '../../shared/ipc/errors';
import type { IntakeImportResult, IntakePreview, IntakePreviewRow, IntakeStoredCadre } from '../../shared/intake/types';
import type { Database } from '../schema';
import { readDossierCatalog } from '../dossier';
import { readUserFile } from '../fs/user-file';
import { yieldToEventLoop, type Jobs } from '../app/jobs';
import { openWorkbook } from '../excel/open';
import { INTAKE_CHANNELS, INTAKE_CHANNEL_SPECS, type IntakeChannel } from '../../shared/intake/channels';
import { pickedOutcome } from '../../shared/intake/outcome';
import { INTAKE_TEMPLATE_VERSION, cadreLookup } from './layout';
import { readIntakeRows, readIdentity, unitLayout, type IntakeFacts, type ParsedIntakeRow } from './parse';
import { readTrainingRow } from './parse-training';
import { readReturnedPackage } from './read-package';
import { channelLayout } from './channel-layout';
import { rosterCadres } from './match';

export const INTAKE_JOB = 'intakePackage';
export const MAX_PACKAGE_BYTES = 1024 * 1024 * 1024;

export interface IntakeJob {
  readonly packageId: number;
  readonly serial: string;
  readonly unitName: string;
  readonly quarter: string;
  readonly fileName: string;
  readonly channel: IntakeChannel | null;
  readonly rows: readonly ParsedIntakeRow[];
}

const isChannel = (s: string): s is IntakeChannel => (INTAKE_CHANNELS as readonly string[]).includes(s);

const hasError = (r: ParsedIntakeRow) => r.problems.some((p) => p.level === 'error');

interface Existing {
  readonly id: number;
  readonly row_no: number;
  readonly status: 'pending' | 'accepted' | 'returned';
  readonly fingerprint: string;
  readonly title: string;
  readonly cadre_id: number;
  readonly cadre_name: string;
  readonly unit_name: string | null;
}

const existingRows = (db: Kysely<Database>, packageId: number): Promise<Existing[]> =>
  db
    .selectFrom('intake_rows')
    .innerJoin('cadres', 'cadres.id', 'intake_rows.cadre_id')
    .leftJoin('units', 'units.id', 'cadres.unit_id')
    .select(['intake_rows.id', 'row_no', 'intake_rows.status', 'fingerprint', 'title', 'intake_rows.cadre_id'])
    .select(['cadres.name as cadre_name', 'units.name as unit_name'])
    .where('package_id', '=', packageId)
    .orderBy('row_no')
    .execute();

function outcomeOf(r: ParsedIntakeRow, before: Existing | undefined): IntakePreviewRow['outcome'] {
  if (!before) return 'new';
  if (before.fingerprint === r.fingerprint) return 'same';
  return before.status === 'accepted' ? 'decided' : 'replace';
}

const storedCadre = (e: Existing | undefined): IntakeStoredCadre | null =>
  e ? { cadreId: e.cadre_id, cadre: `${e.cadre_name}（${e.unit_name ?? ''}）`, status: e.status } : null;

export async function previewIntake(
  db: Kysely<Database>,
  jobs: Jobs,
  input: { path: string; quarter: string; unitId?: number | undefined; storeId: string },
): Promise<IntakePreview> {
  const fileName = basename(input.path);
  const bytes = readUserFile(input.path, {
    maxBytes: MAX_PACKAGE_BYTES,
    tooLarge: () => '文件过大（超过 1 GB），请拆分后交回',
    field: 'file',
  });
  const pkg = await readReturnedPackage(bytes, fileName);
  const opened = await openWorkbook(pkg.workbook);
  if (!opened.ok) return fail('VALIDATION', opened.error, 'file');
  const id = readIdentity(opened.wb);
  if (!id)
    return fail('VALIDATION', `“${fileName}”不是本系统生成的填报表（缺少包信息），请使用下发的填报表填写`, 'file');
  if (id.storeId !== input.storeId)
    fail('VALIDATION', `“${fileName}”是其他档案库生成的填报表（${id.unitName}），不能导入本档案库`, 'file');
  if (id.version !== INTAKE_TEMPLATE_VERSION)
    fail('VALIDATION', `“${fileName}”的填报表版本与本系统不符，请重新生成填报表后填写`, 'file');
  const found = await db
    .selectFrom('intake_packages')
    .leftJoin('units', 'units.id', 'intake_packages.unit_id')
    .select(['intake_packages.id', 'intake_packages.unit_id', 'intake_packages.channel', 'intake_packages.quarter'])
    .select('units.name as unit_name')
    .where('serial', '=', id.serial)
    .executeTakeFirst();
  if (!found)
    return fail('VALIDATION', `找不到“${fileName}”的生成记录（序列号 ${id.serial}），可能是被改动过的文件`, 'file');
  const channel = found.channel;
  const record = { ...found, unit_name: channel ? INTAKE_CHANNEL_SPECS[channel].label : (found.unit_name ?? '') };
  const sameOwner = channel ? id.channel === channel : id.channel === '' && record.unit_id === id.unitId;
  if (!sameOwner || record.quarter !== id.quarter || (id.channel !== '' && !isChannel(id.channel)))
    fail('VALIDATION', `“${fileName}”的包信息与生成记录不符，文件可能被改动过，请重新生成填报表`, 'file');
  const which = `${record.unit_name}${quarterLabel(record.quarter)}`;
  if (record.quarter !== input.quarter)
    fail(
      'VALIDATION',
      `“${fileName}”是${which}的填报表，不是${quarterLabel(input.quarter)}的，请在季度采集中选择对应季度后导入`,
      'file',
    );
  if (input.unitId !== undefined && input.unitId !== record.unit_id) {
    if (channel) fail('VALIDATION', `“${fileName}”是${which}的名单，不是单位的填报表`, 'file');
    const unit = await db.selectFrom('units').select('name').where('id', '=', input.unitId).executeTakeFirst();
    fail('VALIDATION', `“${fileName}”是${which}的填报表，不是${unit?.name ?? '所选单位'}的`, 'file');
  }
  const catalog = await readDossierCatalog(db);
  const facts = async (): Promise<Pick<IntakeFacts, 'layout' | 'birthMonths'>> => {
    if (channel) {
      const roster = await rosterCadres(db);
      const sectionOf = (code: string) => catalog.subItems.get(code)?.sectionCode ?? undefined;
      return {
        layout: channelLayout(channel, roster, sectionOf),
        birthMonths: new Map(roster.map((c) => [c.id, c.birthMonth])),
      };
    }
    const cadres = await db
      .selectFrom('cadres')
      .select(['id', 'name', 'current_post', 'birth_month'])
      .where('unit_id', '=', record.unit_id)
      .where('status', '=', '在职')
      .execute();
    return {
      layout: unitLayout(cadreLookup(cadres.map((c) => ({ id: c.id, name: c.name, post: c.current_post })))),
      birthMonths: new Map(cadres.map((c) => [c.id, c.birth_month])),
    };
  };
  const parsed = readIntakeRows(
    opened.wb,
    { quarter: record.quarter, today: localToday(), catalog, files: pkg.files, ...(await facts()) },
    channel === 'training' ? readTrainingRow : undefined,
  );
  if (!parsed.ok) return fail('VALIDATION', parsed.error, 'file');
  if (parsed.rows.length === 0) fail('VALIDATION', `“${fileName}”的材料表中没有填写任何材料`, 'file');
  const before = new Map((await existingRows(db, record.id)).map((e) => [e.row_no, e]));
  const inFile = new Set(parsed.rows.map((r) => r.rowNo));
  const jobId = jobs.create(INTAKE_JOB, {
    packageId: record.id,
    serial: id.serial,
    unitName: record.unit_name,
    quarter: record.quarter,
    fileName,
    channel,
    rows: parsed.rows,
  } satisfies IntakeJob);
  const dropped = [...before.values()].filter((e) => e.status === 'pending' && !inFile.has(e.row_no));
  return {
    jobId,
    fileName,
    unitName: record.unit_name,
    channel,
    quarter: record.quarter,
    serial: id.serial,
    rows: parsed.rows.map((r) => ({
      rowNo: r.rowNo,
      cadre: r.cadreText,
      date: r.dateText,
      title: r.title,
      attachments: r.attachmentNames,
      problems: r.problems,
      outcome: outcomeOf(r, before.get(r.rowNo)),
      cadreId: r.cadreId,
      candidates: r.candidates,
      stored: storedCadre(before.get(r.rowNo)),
    })),
    dropped: dropped.length,
    droppedRows: dropped.map((e) => ({ rowNo: e.row_no, cadre: e.cadre_name, title: e.title })),
  };
}

async function insertFiles(db: Kysely<Database>, rowId: number, r: ParsedIntakeRow): Promise<void> {
  if (r.files.length === 0) return;
  await db
    .insertInto('intake_attachments')
    .values(
      r.files.map((f) => ({
        row_id: rowId,
        file_name: f.fileName,
        mime: f.mime,
        size: f.data.length,
        sha256: f.sha256,
        data: f.data,
      })),
    )
    .execute();
}

const rowValues = (r: ParsedIntakeRow, e: NonNullable<ParsedIntakeRow['entry']>, cadreId: number) => {
  return {
    cadre_id: cadreId,
    training: r.training ? JSON.stringify(r.training) : null,
    date: e.date,
    sub_item_code: e.subItemCode,
    channel_code: e.channelCode,
    polarity: e.polarity,
    standard_codes: JSON.stringify(e.standardCodes),
    list_item_code: e.listItemCode,
    title: e.title,
    content: e.content,
    fingerprint: r.fingerprint,
  };
};

/** Stores the previewed rows; the job's progress is reported and a cancel rolls the call's transaction back. */
export async function commitIntake(
  db: Kysely<Database>,
  jobs: Jobs,
  jobId: string,
  job: IntakeJob,
  leaveOut: ReadonlySet<number>,
  picks: ReadonlyMap<number, number> = new Map(),
): Promise<IntakeImportResult> {
  const byRow = new Map(job.rows.map((r) => [r.rowNo, r]));
  // A pick must be one of the row's candidates: checked before the first write.
  for (const [rowNo, cadreId] of picks) {
    const r = byRow.get(rowNo);
    if (!r) fail('VALIDATION', `所选干部对应的第 ${rowNo} 行不在该文件中`, 'picks');
    else if (r.cadreId === null && !r.candidates.some((c) => c.id === cadreId))
      fail('VALIDATION', `第 ${rowNo} 行“${r.cadreText}”所选的干部不在同名候选人中，请重新选择`, 'picks');
  }
  const before = new Map((await existingRows(db, job.packageId)).map((e) => [e.row_no, e]));
  const now = new Date().toISOString();
  const result = { added: 0, replaced: 0, removed: 0, unchanged: 0, leftOut: 0 };
  const inFile = new Set(job.rows.map((r) => r.rowNo));
  // The unit dropped these rows from its corrected file: still pending, so they go.
  const dropped = [...before.values()].filter((e) => e.status === 'pending' && !inFile.has(e.row_no));
  for (let i = 0; i < dropped.length; i += 500)
    await db
      .deleteFrom('intake_rows')
      .where(
        'id',
        'in',
        dropped.slice(i, i + 500).map((e) => e.id),
      )
      .execute();
  result.removed = dropped.length;
  for (let i = 0; i < job.rows.length; i++) {
    const r = job.rows[i]!;
    const prev = before.get(r.rowNo);
    // A row that does not name its cadre for sure comes in only with the user's pick; unpicked, it is left out.
    const cadreId = r.cadreId ?? picks.get(r.rowNo) ?? null;
    // The preview's rule (shared/intake/outcome.ts): accepted material stays where it was accepted; the same row for
    // the same cadre is unchanged; a row picked for another cadre than before is a change (it moves to the new one).
    const outcome = pickedOutcome({ outcome: outcomeOf(r, prev), stored: storedCadre(prev) }, cadreId ?? undefined);
    if (hasError(r) || !r.entry || leaveOut.has(r.rowNo) || cadreId === null) result.leftOut += 1;
    else if (outcome === 'same' || outcome === 'decided') result.unchanged += 1;
    else if (prev) {
      // A corrected row (pending, or returned and sent again) replaces what was there and waits for 审核 again.
      await db
        .updateTable('intake_rows')
        .set({
          ...rowValues(r, r.entry, cadreId),
          status: 'pending',
          return_reason: null,
          imported_at: now,
          decided_by: null,
          decided_at: null,
        })
        .where('id', '=', prev.id)
        .execute();
      await db.deleteFrom('intake_attachments').where('row_id', '=', prev.id).execute();
      await insertFiles(db, prev.id, r);
      result.replaced += 1;
    } else {
      const { id } = await db
        .insertInto('intake_rows')
        .values({
          ...rowValues(r, r.entry, cadreId),
          package_id: job.packageId,
          row_no: r.rowNo,
          status: 'pending',
          imported_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertFiles(db, id, r);
      result.added += 1;
    }
    if (i % 100 === 99) {
      jobs.progress(jobId, i + 1, job.rows.length);
      await yieldToEventLoop();
    }
  }
  jobs.progress(jobId, job.rows.length, job.rows.length);
  return result;
}
