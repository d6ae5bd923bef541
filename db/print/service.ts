// The printing calls: render a document's print view to PDF (held in the session until saved), save it with its
// 份号 written to the print register, and the register itself.
import { basename } from 'node:path';
import type { CallContext, Handlers } from '../app/context';
import type { Jobs } from '../app/jobs';
import { ApiError, fail } from '../../shared/ipc/errors';
import { formatSerial, type PacketComments, type PrintJobView, type RenderedPrint } from '../../shared/print/types';
import { assertState, commentViews, formsReceived, loadAssessment, readMembers } from '../assessment';
import { groupsOf } from '../../shared/assessment/groups';
import { PANEL_KIND_LABELS } from '../../shared/assessment/panel';
import { readDossierCadre } from '../dossier';
import { writeFileAtomic } from '../fs/atomic';
import { listRegister, markReturned, nextSerials, registerCopies } from './register';
import { checkFreshCodes } from './slips';
import { handoverView } from './handover';
import { registerWorkbook } from './register-export';
import { countPdfPages } from './pdf';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { chainHead } from '../audit/session-signing';
import { headDigest } from '../audit/verify';
import { renmianPersons } from '../renmian';
import { printableComments } from '../../shared/assessment/comments';
import { reviewTitle } from '../../shared/review/outline';

type PrintCallName =
  | 'print.job'
  | 'print.renderDossier'
  | 'print.renderPacket'
  | 'print.renderRankings'
  | 'print.renderPanel'
  | 'print.renderSlips'
  | 'print.renderRenmian'
  | 'print.renderReview'
  | 'print.saveSlips'
  | 'print.renderHandover'
  | 'print.saveHandover'
  | 'print.save'
  | 'prints.list'
  | 'prints.markReturned'
  | 'prints.export';

const JOB_KIND = 'print';

interface PrintJob {
  readonly view: PrintJobView;
  readonly docKey: string;
  readonly serials: readonly number[];
  pdf: Buffer | null;
  saved: boolean;
}

/** The route the print window loads for a job (renderer/pages/print reads it). */
export const printRoute = (jobId: string) => `print/${jobId}`;

const localDate = (d = new Date()) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function printJob(jobs: Jobs, jobId: string): PrintJob {
  try {
    return jobs.payload<PrintJob>(jobId, JOB_KIND);
  } catch (e) {
    if (e instanceof ApiError) fail('NOT_FOUND', '打印预览已失效，请重新生成', 'jobId');
    throw e;
  }
}

function checkRecipients(copies: number, recipients: readonly string[]): void {
  if (recipients.length > copies)
    fail('VALIDATION', `领取人有 ${recipients.length} 个，多于份数 ${copies}`, 'recipients');
}

const common = (title: string, serials: readonly number[], recipients: readonly string[], printedBy: string) => ({
  title,
  copies: serials.map((n, i) => ({ serial: formatSerial(n), recipient: recipients[i] ?? '' })),
  printedBy,
  date: localDate(),
});

/** The audit head as printed: 审计序号 (entries so far) and the first 12 hex digits of the newest entry's hash. */
async function printedHead(db: Kysely<Database>) {
  const head = await chainHead(db);
  return { count: head.count, digest: headDigest(head.hash) };
}

/**
 * Prints a job's view to PDF, held in the job until saved. With a `progressId` the window follows the print through
 * jobs.status and may stop it with jobs.cancel: a cancelled or failed print drops its job, and nothing was written
 * (the 份号 are only taken when the file is saved).
 */
async function renderPrint(
  { io, jobs }: Pick<CallContext, 'io' | 'jobs'>,
  docKey: string,
  serials: readonly number[],
  progressId: string | undefined,
  view: PrintJobView,
): Promise<RenderedPrint> {
  const job: PrintJob = { view, docKey, serials, pdf: null, saved: false };
  const jobId = jobs.create(JOB_KIND, job, progressId);
  let pdf: Buffer;
  try {
    pdf = await io.printPdf(printRoute(jobId), {
      onProgress: (done: number, total: number) => jobs.progress(jobId, done, total),
    });
    // A cancel that came while the PDF was being written still counts: the file is dropped, not offered for saving.
    const { total } = jobs.status(jobId);
    jobs.progress(jobId, total, total);
  } catch (e) {
    jobs.forget(jobId);
    throw e;
  }
  job.pdf = pdf;
  jobs.finish(jobId, 'done');
  return {
    jobId,
    title: view.title,
    serials:
      view.kind === 'slips' || view.kind === 'renmian' || view.kind === 'handover'
        ? []
        : view.copies.map((c) => c.serial),
    pages: await countPdfPages(pdf),
    bytes: pdf.length,
  };
}

/** The 意见建议 a 排名表 prints: the lists the 意见建议 tab shows, none below 3 forms. */
const printedComments = async (db: Kysely<Database>, assessmentId: number) =>
  printableComments(await commentViews(db, assessmentId, await formsReceived(db, assessmentId)));

async function packetComments(db: Kysely<Database>, assessmentIds: readonly number[]): Promise<PacketComments[]> {
  const out: PacketComments[] = [];
  for (const assessmentId of assessmentIds)
    out.push({ assessmentId, comments: await printedComments(db, assessmentId) });
  return out;
}

export const printHandlers: Handlers<PrintCallName> = {
  'print.job': async ({ jobs }, { jobId }) => printJob(jobs, jobId).view,

  async 'print.renderDossier'({ db, store, ...ctx }, { cadreId, copies, recipients, progressId }) {
    checkRecipients(copies, recipients);
    const cadre = await readDossierCadre(db, cadreId);
    const docKey = `dossier:${cadreId}`;
    const serials = await nextSerials(db, docKey, copies);
    return renderPrint(ctx, docKey, serials, progressId, {
      kind: 'dossier',
      cadreId,
      ...common(`${cadre.name}同志政治素质档案`, serials, recipients, store.user.displayName),
    });
  },

  async 'print.renderPacket'(
    { db, store, ...ctx },
    { title, cadreIds, assessmentIds = [], reviews, renmian, copies, recipients, progressId, comments },
  ) {
    checkRecipients(copies, recipients);
    const found = await db.selectFrom('cadres').select('id').where('id', 'in', cadreIds).execute();
    if (found.length !== cadreIds.length) fail('NOT_FOUND', '所选干部中有人已被删除，请刷新后重新选择', 'cadreIds');
    // The same visibility as print.renderRankings, checked before any 份号 is reserved.
    for (const id of assessmentIds) {
      try {
        await loadAssessment(db, id, store.user);
      } catch (e) {
        if (e instanceof ApiError) fail(e.code, `排名表：${e.message}`, 'assessmentIds');
        throw e;
      }
    }
    // The same title is the same document: its copies are numbered on from the last print.
    const docKey = `packet:${title}`;
    const serials = await nextSerials(db, docKey, copies);
    return renderPrint(ctx, docKey, serials, progressId, {
      kind: 'packet',
      cadreIds,
      assessmentIds,
      // As for the 排名表 alone: only when asked, none for a cadre with fewer than 3 forms.
      ...(comments ? { comments: await packetComments(db, assessmentIds) } : {}),
      ...(reviews ? { reviews } : {}),
      ...(renmian ? { renmian } : {}),
      ...common(title, serials, recipients, store.user.displayName),
      auditHead: await printedHead(db),
    });
  },

  async 'print.renderRankings'({ db, store, ...ctx }, { assessmentId, copies, recipients, progressId, comments }) {
    checkRecipients(copies, recipients);
    // The same rule as rankings.get: a reviewer sees archived assessments only.
    const assessment = await loadAssessment(db, assessmentId, store.user);
    const docKey = `rankings:${assessmentId}`;
    const serials = await nextSerials(db, docKey, copies);
    return renderPrint(ctx, docKey, serials, progressId, {
      kind: 'rankings',
      assessmentId,
      // Only when asked; the same lists the 意见建议 tab shows, none for a cadre with fewer than 3 forms.
      ...(comments ? { comments: await printedComments(db, assessmentId) } : {}),
      ...common(`${assessment.name}排名表`, serials, recipients, store.user.displayName),
      auditHead: await printedHead(db),
    });
  },

  async 'print.renderPanel'({ db, store, ...ctx }, { assessmentId, ballot, group, copies, recipients, progressId }) {
    checkRecipients(copies, recipients);
    const assessment = await loadAssessment(db, assessmentId, store.user);
    // Forms are handed out before or while ballots are taken; afterwards a blank form has no use.
    assertState(assessment, ['preparing', 'collecting'], '打印测评用表');
    const found = groupsOf(await readMembers(db, assessmentId)).find((g) => g.ref === group);
    if (!found) return fail('NOT_FOUND', '该考核没有这个测评分组，请刷新后重新选择', 'group');
    const docKey = `panel:${assessmentId}:${ballot}:${group}`;
    const serials = await nextSerials(db, docKey, copies);
    return renderPrint(ctx, docKey, serials, progressId, {
      kind: 'panel',
      assessmentId,
      ballot,
      group,
      ...common(
        `${assessment.name}${PANEL_KIND_LABELS[ballot]}表（${found.name}）`,
        serials,
        recipients,
        store.user.displayName,
      ),
    });
  },

  async 'print.renderSlips'({ db, io, jobs, store }, input) {
    const { assessmentName, kindLabel } = await checkFreshCodes(db, store, input);
    const view: PrintJobView = {
      kind: 'slips',
      title: `${assessmentName}评议码（${kindLabel}·${input.groupName}）`,
      kindLabel,
      groupName: input.groupName,
      slips: input.slips.map((s) => ({
        code: s.code,
        seatLabel: s.seatLabel,
        groupName: input.groupName,
        assessmentName,
      })),
    };
    // No 份号 and no register: the job only holds the PDF until print.saveSlips writes it.
    return renderPrint({ io, jobs }, '', [], undefined, view);
  },

  async 'print.renderRenmian'({ db, io, jobs }, { cadreIds, ageAt, progressId }) {
    const persons = await renmianPersons(db, cadreIds, ageAt ?? null, new Date());
    const title =
      persons.length === 1 ? `${persons[0]!.xingMing}干部任免审批表` : `干部任免审批表（${persons.length} 人）`;
    return renderPrint({ io, jobs }, '', [], progressId, { kind: 'renmian', title, persons });
  },

  async 'print.renderReview'({ db, store, ...ctx }, { cadreIds, period, asOf, copies, recipients, progressId }) {
    checkRecipients(copies, recipients);
    const found = await db.selectFrom('cadres').select(['id', 'name']).where('id', 'in', cadreIds).execute();
    if (found.length !== cadreIds.length) fail('NOT_FOUND', '所选干部中有人已被删除，请刷新后重新选择', 'cadreIds');
    const first = found.find((c) => c.id === cadreIds[0]);
    const title =
      cadreIds.length === 1 && first ? reviewTitle(first.name) : `政治素质审查意见（${cadreIds.length} 人）`;
    // One candidate's 审查意见 is one document; a list is numbered as its own document.
    const docKey = `review:${[...cadreIds].sort((a, b) => a - b).join(',')}`;
    const serials = await nextSerials(db, docKey, copies);
    return renderPrint(ctx, docKey, serials, progressId, {
      kind: 'review',
      cadreIds,
      period: period ?? 'threeYears',
      asOf: asOf ?? localDate(),
      ...common(title, serials, recipients, store.user.displayName),
    });
  },

  // The plain codes go only into the chosen file: the audit entry names the group, the kind and how many slips.
  async 'print.saveSlips'({ rec, io, jobs }, { jobId, token }) {
    const job = printJob(jobs, jobId);
    if (job.view.kind !== 'slips') return fail('VALIDATION', '这不是评议码条的打印任务', 'jobId');
    if (!job.pdf) return fail('VALIDATION', '打印文件尚未生成完毕，请稍候', 'jobId');
    const path = io.savePath(token);
    writeFileAtomic(path, job.pdf);
    jobs.forget(jobId);
    const { slips, title, kindLabel, groupName } = job.view;
    rec.record(title, { kind: kindLabel, group: groupName, slips: slips.length, fileName: basename(path) });
    return { fileName: basename(path), slips: slips.length };
  },

  // No 份号 and no register: the job holds the password only until print.saveHandover writes the file.
  async 'print.renderHandover'({ db, io, jobs }, input) {
    return renderPrint({ io, jobs }, '', [], undefined, await handoverView(db, input));
  },

  // The audit entry names the terminal and the package's digest, never the password.
  async 'print.saveHandover'({ rec, io, jobs }, { jobId, token }) {
    const job = printJob(jobs, jobId);
    if (job.view.kind !== 'handover') return fail('VALIDATION', '这不是评议终端包交接单的打印任务', 'jobId');
    if (!job.pdf) return fail('VALIDATION', '打印文件尚未生成完毕，请稍候', 'jobId');
    const path = io.savePath(token);
    writeFileAtomic(path, job.pdf);
    jobs.forget(jobId);
    const { title, terminalNo, digest } = job.view;
    rec.record(title, { terminalNo, digest: digest.slice(0, 16), fileName: basename(path) });
    return { fileName: basename(path) };
  },

  // The register rows and the file go together: the file is written inside the register's transaction, so a failed
  // write leaves no rows, and a refused register (份号 taken) leaves no file.
  async 'print.save'({ db, rec, io, jobs, store }, { jobId, token }) {
    const job = printJob(jobs, jobId);
    if (!job.pdf) return fail('VALIDATION', '打印文件尚未生成完毕，请稍候', 'jobId');
    if (job.view.kind === 'slips') return fail('VALIDATION', '评议码条不记入打印登记，请在评议码窗口中保存', 'jobId');
    if (job.view.kind === 'handover')
      return fail('VALIDATION', '评议终端包交接单不记入打印登记，请在交接单窗口中保存', 'jobId');
    if (job.saved) fail('VALIDATION', '这批份号已经保存过，如需再次打印，请重新生成预览', 'jobId');
    const path = io.savePath(token);
    const fileName = basename(path);
    if (job.view.kind === 'renmian') {
      // The national form carries no 份号: the file is written and the save audited, nothing goes to the register.
      writeFileAtomic(path, job.pdf);
      job.saved = true;
      rec.record(job.view.title, { fileName, forms: job.view.persons.length });
      return { fileName, serials: [] };
    }
    await registerCopies(db, {
      kind: job.view.kind,
      docKey: job.docKey,
      title: job.view.title,
      serials: job.serials,
      recipients: job.view.copies.map((c) => c.recipient),
      fileName,
      user: store.user,
      at: new Date().toISOString(),
    });
    writeFileAtomic(path, job.pdf);
    job.saved = true;
    const serials = job.view.copies.map((c) => c.serial);
    rec.record(job.view.title, { fileName, copies: serials.length, serials: `${serials[0]}–${serials.at(-1)}` });
    return { fileName, serials };
  },

  'prints.list': ({ db }) => listRegister(db),

  async 'prints.markReturned'({ db, rec, store }, { id }) {
    const row = await markReturned(db, id, store.user.displayName, new Date().toISOString());
    rec.record(`${row.title} 份号${row.serial}`, { recipient: row.recipient });
    return row;
  },

  async 'prints.export'({ db, rec, io }, { token }) {
    const path = io.savePath(token);
    const rows = await listRegister(db);
    writeFileAtomic(path, await registerWorkbook(rows));
    rec.record(basename(path), { rows: rows.length });
    return { fileName: basename(path), rows: rows.length };
  },
};
