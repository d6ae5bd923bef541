// The dossier calls of the contract: reading a dossier, entries single and in bulk, verification, attachments, training.
import { randomUUID } from 'node:crypto';
import type { CallContext, Handlers } from '../app/context';
import { fail } from '../../shared/ipc/errors';
import { ENTRY_POLARITY_LABELS } from '../../shared/dossier/types';
import { readDossierCatalog } from './catalog';
import { readDossier, readDossierCadre, readEntries, readEntry } from './read';
import {
  assertEntryAllowed,
  birthMonths,
  createEntry,
  deleteEntry,
  insertEntries,
  updateEntry,
  verifyEntry,
} from './write';
import { attachmentRow, insertAttachment, readAttachment, readAttachmentFile } from './attachments';
import { previewAttachment } from './preview';
import { quarterCompleteness } from './completeness';
import { searchDossiers } from './search';
import { exportGaps } from './gaps-export';
import { exportDossierDocx } from './docx-export';
import { quarterLabel } from '../../shared/dossier/quarter';
import { commitYear, listBatches, previewYear, withdrawBatch } from './hours-check';
import { ATTENDANCE_SUB_ITEM, hoursNote } from '../../shared/dossier/hours-check';
import { listClasses, readClass, readRecords, saveClass, saveRecords } from './training';

type DossierCallName =
  | 'dossier.get'
  | 'entries.create'
  | 'entries.update'
  | 'entries.delete'
  | 'entries.verify'
  | 'entries.createBulk'
  | 'attachments.add'
  | 'attachments.remove'
  | 'attachments.read'
  | 'attachments.preview'
  | 'classes.list'
  | 'classes.save'
  | 'classes.records'
  | 'classes.saveRecords'
  | 'training.previewYear'
  | 'training.commitYear'
  | 'training.batches'
  | 'training.withdrawBatch'
  | 'dossier.completeness'
  | 'dossier.exportMissing'
  | 'dossier.exportDocx'
  | 'dossier.search';

/** How an entry is named in the audit log: the cadre and the title (content stays out of the log). */
async function target(db: Parameters<typeof readDossierCadre>[0], cadreId: number, title: string): Promise<string> {
  const c = await readDossierCadre(db, cadreId);
  return `${c.name}（${c.unitName}）：${title}`;
}

/** The files picked in the entry form, read and checked (each refusal names its file); none when none were picked. */
function pickedAttachments(io: CallContext['io'], tokens: readonly string[] | undefined) {
  return (tokens ?? []).map((token) => readAttachmentFile(io.openedPath(token), 'attachments'));
}

async function storeAttachments(
  db: CallContext['db'],
  entryId: number,
  files: ReturnType<typeof pickedAttachments>,
  userId: number,
) {
  const stored: { attachmentId: number; fileName: string; size: number }[] = [];
  for (const file of files)
    stored.push({
      attachmentId: await insertAttachment(db, entryId, file, userId),
      fileName: file.fileName,
      size: file.data.length,
    });
  return stored;
}

export const dossierHandlers: Handlers<DossierCallName> = {
  'dossier.get': ({ db }, filter) => readDossier(db, filter),

  async 'entries.create'({ db, rec, io, store }, { input, attachments }) {
    const { cadreId, ...entry } = input;
    // Every file is read and checked before the entry is written; the call is one transaction, so a refusal saves nothing.
    const files = pickedAttachments(io, attachments);
    const { id, catalog } = await createEntry(db, cadreId, entry, store.user.id);
    const stored = await storeAttachments(db, id, files, store.user.id);
    rec.record(await target(db, cadreId, entry.title), {
      entryId: id,
      subItem: entry.subItemCode,
      polarity: ENTRY_POLARITY_LABELS[entry.polarity],
      ...(stored.length > 0 ? { attachments: stored } : {}),
    });
    const [created] = await readEntries(db, { ids: [id] }, catalog);
    return created!;
  },

  async 'entries.update'({ db, rec, io, store }, { id, version, input, reason, attachments }) {
    const { cadreId, ...entry } = input;
    const files = pickedAttachments(io, attachments);
    const before = await updateEntry(db, id, version, cadreId, entry, reason);
    const stored = await storeAttachments(db, id, files, store.user.id);
    rec.record(await target(db, before.cadre_id, entry.title), {
      entryId: id,
      version: version + 1,
      ...(reason ? { reason } : {}),
      ...(stored.length > 0 ? { attachments: stored } : {}),
    });
    return readEntry(db, id);
  },

  async 'entries.delete'({ db, rec }, { id, version, reason }) {
    const before = await deleteEntry(db, id, version, reason);
    rec.record(await target(db, before.cadre_id, before.title), { entryId: id, ...(reason ? { reason } : {}) });
    return null;
  },

  async 'entries.verify'({ db, rec, store }, { id, version }) {
    const before = await verifyEntry(db, id, version, store.user.id);
    rec.record(await target(db, before.cadre_id, before.title), { entryId: id });
    return readEntry(db, id);
  },

  async 'entries.createBulk'({ db, rec, store }, { common, rows }) {
    // Training is recorded one way: a course's trainees and 学时 live in its 培训班, so it is counted once.
    if (common.subItemCode === ATTENDANCE_SUB_ITEM) {
      fail(
        'VALIDATION',
        '参训记录（班次、学时）请在“教育培训 › 培训班”中录入学员名单和学时，以免同一班次在档案中出现两次',
        'subItemCode',
      );
    }
    const ids = rows.map((r) => r.cadreId);
    const [catalog, cadres] = await Promise.all([readDossierCatalog(db), birthMonths(db, ids)]);
    for (const id of ids) assertEntryAllowed(common, catalog, cadres.get(id)!, undefined, true);
    const batchId = randomUUID();
    const entries = rows.map((r) => {
      const extra = [r.hours === null ? '' : hoursNote(r.hours), r.note].filter((s) => s !== '').join('；');
      const content = [common.content, extra].filter((s) => s !== '').join('\n');
      if (content.length > 5000)
        fail('VALIDATION', `${cadres.get(r.cadreId)!.name}：内容加上个人情况后超过 5000 个字`, 'content');
      return { cadreId: r.cadreId, entry: { ...common, content }, batchId };
    });
    await insertEntries(db, entries, catalog, store.user.id);
    rec.record(`${common.title}（${rows.length} 名干部）`, { batchId, subItem: common.subItemCode, cadreIds: ids });
    return { batchId, count: rows.length };
  },

  async 'attachments.add'({ db, rec, io, store }, { entryId, token }) {
    const entry = await readEntry(db, entryId);
    const file = readAttachmentFile(io.openedPath(token));
    const id = await insertAttachment(db, entryId, file, store.user.id);
    rec.record(await target(db, entry.cadreId, entry.title), {
      entryId,
      attachmentId: id,
      fileName: file.fileName,
      size: file.data.length,
    });
    const after = await readEntry(db, entryId);
    return after.attachments.find((a) => a.id === id)!;
  },

  async 'attachments.remove'({ db, rec }, { id }) {
    const row = await attachmentRow(db, id);
    await db.deleteFrom('dossier_attachments').where('id', '=', id).execute();
    rec.record(await target(db, row.cadre_id, row.title), {
      entryId: row.entry_id,
      attachmentId: id,
      fileName: row.file_name,
    });
    return null;
  },

  'attachments.read': ({ db }, { id }) => readAttachment(db, id),

  'attachments.preview': ({ db }, { id }) => previewAttachment(db, id),

  'classes.list': ({ db }) => listClasses(db),

  async 'classes.save'({ db, rec, store }, input) {
    const { id } = await saveClass(db, input, store.user.id);
    rec.record(input.name, { classId: id, startDate: input.startDate, endDate: input.endDate, hours: input.hours });
    return readClass(db, id);
  },

  'classes.records': ({ db }, { classId }) => readRecords(db, classId),

  async 'classes.saveRecords'({ db, rec, store }, input) {
    const { cls, added, removed, changed } = await saveRecords(db, input, store.user.id);
    rec.record(cls.name, { classId: cls.id, trainees: input.rows.length, added, removed, changed });
    return readRecords(db, input.classId);
  },

  'training.previewYear': ({ db }, { year }) => previewYear(db, year),

  async 'training.commitYear'({ db, rec, store }, { year, token }) {
    const r = await commitYear(db, year, token, store.user.id);
    rec.record(`${year}年度学时核查（${r.count} 人）`, { ...r });
    return { batchId: r.batchId, count: r.count };
  },

  'training.batches': ({ db }) => listBatches(db),

  async 'training.withdrawBatch'({ db, rec }, { batchId, reason }) {
    const r = await withdrawBatch(db, batchId);
    rec.record(`${r.year}年度学时核查（撤回 ${r.removed} 条）`, {
      batchId,
      removed: r.removed,
      reason,
      cadreIds: r.cadreIds,
    });
    return { removed: r.removed };
  },

  'dossier.completeness': ({ db }, { quarter }) => quarterCompleteness(db, quarter),

  async 'dossier.exportMissing'({ db, rec, io }, { quarter, unitId, token }) {
    const r = await exportGaps(db, io.savePath(token), quarter, unitId);
    rec.record(r.fileName, { quarter: quarterLabel(quarter), unit: r.unitName ?? '全部单位', rows: r.rows });
    return { fileName: r.fileName, rows: r.rows };
  },

  async 'dossier.exportDocx'({ db, rec, io }, { cadreId, token }) {
    const r = await exportDossierDocx(db, io.savePath(token), cadreId);
    rec.record(`${r.name}（${r.unitName}）：${r.fileName}`, { cadreId, entries: r.entries });
    return { fileName: r.fileName, entries: r.entries };
  },

  'dossier.search': ({ db }, { text }) => searchDossiers(db, text),
};
