// 填报表 intake's handlers: generation, preview and import of a returned file, 审核 (采纳 / 退回), 退回清单, counts.
import { basename } from 'node:path';
import { quarterLabel } from '../../shared/dossier/quarter';
import { fail } from '../../shared/ipc/errors';
import type { Handlers } from '../app/context';
import { writeFileAtomic } from '../fs/atomic';
import { previewOf } from '../dossier';
import { jobOutcome } from '../roster';
import { INTAKE_CHANNEL_SPECS } from '../../shared/intake/channels';
import type { IntakeOwner } from '../../shared/intake/types';
import { generateChannelPackage, generatePackages } from './generate';
import { INTAKE_JOB, commitIntake, previewIntake, type IntakeJob } from './import';
import { acceptIntake, intakeCounts, listIntake, returnIntake, returnedWorkbook } from './review';

type IntakeCalls =
  | 'intake.generate'
  | 'intake.generateChannel'
  | 'intake.preview'
  | 'intake.commit'
  | 'intake.list'
  | 'intake.counts'
  | 'intake.accept'
  | 'intake.return'
  | 'intake.exportReturned'
  | 'intake.previewAttachment';

const NAMES_IN_AUDIT = 20;

export const intakeHandlers: Handlers<IntakeCalls> = {
  async 'intake.generate'({ store, db, rec, io }, input) {
    const out = await generatePackages(db, {
      ...input,
      folder: io.openedPath(input.token),
      storeId: store.storeId,
      userId: store.user.id,
    });
    rec.record(`${quarterLabel(input.quarter)}填报表 ${out.files.length} 份`, {
      quarter: input.quarter,
      count: out.files.length,
      deadline: input.deadline,
      returnTo: input.returnTo,
      ...(out.units.length <= NAMES_IN_AUDIT ? { units: out.units } : {}),
    });
    return { folder: out.folder, files: out.files };
  },

  async 'intake.generateChannel'({ store, db, rec, io }, input) {
    const out = await generateChannelPackage(db, {
      ...input,
      folder: io.openedPath(input.token),
      storeId: store.storeId,
      userId: store.user.id,
    });
    rec.record(`${quarterLabel(input.quarter)}${INTAKE_CHANNEL_SPECS[input.channel].label}填报表`, {
      quarter: input.quarter,
      channel: input.channel,
      deadline: input.deadline,
      returnTo: input.returnTo,
    });
    return out;
  },

  'intake.preview': ({ store, db, io, jobs }, { quarter, unitId, token }) =>
    previewIntake(db, jobs, { path: io.openedPath(token), quarter, unitId, storeId: store.storeId }),

  async 'intake.commit'({ db, rec, jobs }, { jobId, leaveOut, picks = [] }) {
    const job = jobs.payload<IntakeJob>(jobId, INTAKE_JOB);
    const picked = new Map(picks.map((p) => [p.rowNo, p.cadreId]));
    const result = await jobOutcome(jobs, jobId, () => commitIntake(db, jobs, jobId, job, new Set(leaveOut), picked));
    if (result.added + result.replaced + result.removed === 0 && result.unchanged === 0) {
      const unpicked = job.rows.some((r) => r.cadreId === null && r.candidates.length > 0 && !picked.has(r.rowNo));
      fail(
        'VALIDATION',
        unpicked
          ? '没有可导入的材料：同名未选择干部的行和有错误的行都不导入，请在“干部”一栏中选择后再导入'
          : '没有可导入的材料：有错误的行已全部略过，请改正后重新导入',
        unpicked ? 'picks' : 'leaveOut',
      );
    }
    rec.record(`${job.unitName} ${job.quarter} ${job.fileName}`, {
      file: job.fileName,
      unit: job.unitName,
      quarter: job.quarter,
      serial: job.serial,
      ...(job.channel ? { channel: job.channel } : {}),
      // The cadres the user picked for rows the roster could not settle (row → cadre id).
      ...(picked.size > 0 ? { picks: [...picked].map(([rowNo, cadreId]) => `${rowNo}:${cadreId}`) } : {}),
      ...result,
    });
    return result;
  },

  'intake.list': ({ db }, input) => listIntake(db, input),

  'intake.counts': ({ db }, { quarter }) => intakeCounts(db, quarter),

  async 'intake.accept'({ store, db, rec }, { rows }) {
    const done = await acceptIntake(db, rows, store.user.id);
    const units = [...new Set(done.map((d) => `${d.unit} ${d.quarter}`))];
    rec.record(`采纳填报材料 ${done.length} 条（${units.join('、')}）`, {
      accepted: done.length,
      edited: done.filter((d) => d.edited).length,
      units,
      // Each new entry with the pending row it came from.
      intakeRows: done.map((d) => d.rowId),
      entryIds: done.flatMap((d) => (d.entryId === null ? [] : [d.entryId])),
      ...(done.some((d) => d.trainingRecordId !== null)
        ? { trainingRecords: done.flatMap((d) => (d.trainingRecordId === null ? [] : [d.trainingRecordId])) }
        : {}),
    });
    return { accepted: done.length };
  },

  async 'intake.return'({ store, db, rec }, { ids, reason }) {
    const rows = await returnIntake(db, ids, reason, store.user.id);
    const units = [...new Set(rows.map((r) => `${r.unit_name} ${r.quarter}`))];
    rec.record(`退回填报材料 ${rows.length} 条（${units.join('、')}）`, {
      returned: rows.length,
      reason,
      units,
      intakeRows: rows.map((r) => r.id),
    });
    return { returned: rows.length };
  },

  async 'intake.exportReturned'({ db, rec, io }, { quarter, unitId, channel, token }) {
    const path = io.savePath(token);
    // The contract lets exactly one of the two through.
    const owner: IntakeOwner =
      channel === undefined
        ? { unitId: unitId ?? fail('VALIDATION', '请选择单位', 'unitId'), channel: null }
        : { unitId: null, channel };
    const out = await returnedWorkbook(db, quarter, owner);
    writeFileAtomic(path, out.bytes);
    rec.record(basename(path), { quarter, unit: out.unitName, ...(channel ? { channel } : {}), rows: out.rows });
    return { fileName: basename(path), rows: out.rows };
  },

  async 'intake.previewAttachment'({ db }, { id }) {
    const row = await db
      .selectFrom('intake_attachments')
      .select(['file_name', 'mime', 'data'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return fail('NOT_FOUND', '找不到该附件，可能已随材料被采纳或重新导入替换', 'id');
    return previewOf(row.file_name, row.mime, Buffer.from(row.data));
  },
};
