// The assessment's Excel calls: the ballot template, preview and all-or-nothing import of filled ballots, exports.
import { localParts } from '../../../shared/time/local-parts';
import { readUserFile } from '../../fs/user-file';
import { basename } from 'node:path';
import type { BallotImportPreview } from '../../../shared/assessment/types';
import { fail } from '../../../shared/ipc/errors';
import type { Handlers } from '../../app/context';
import { yieldToEventLoop, type Jobs } from '../../app/jobs';
import { writeFileAtomic } from '../../fs/atomic';
import { jobOutcome } from '../../roster';
import { assertCollecting, assertState, loadAssessment } from '../access';
import { readDetail } from '../lifecycle';
import { importSteps, type Step } from './commit';
import { buildImportPlan } from './plan';
import { loadRankingInput, rankingsView } from '../rankings';
import { parseBallotWorkbook, type ParsedBallotSheet } from './parse';
import { rankingsWorkbook } from './rankings-export';
import { commentViews, formsReceived, voidFormViews } from '../forms';
import { summaryWorkbook } from './summary-export';
import { buildBallotTemplate } from './template';

const JOB_KIND = 'ballotExcel';
export const MAX_BALLOT_FILE_BYTES = 50 * 1024 * 1024;
const PREVIEW_ISSUES = 500;

interface BallotJob {
  readonly assessmentId: number;
  readonly fileName: string;
  readonly sheets: readonly ParsedBallotSheet[];
  readonly issueCount: number;
}

type ExcelCalls =
  | 'ballots.saveTemplate'
  | 'ballots.previewExcel'
  | 'ballots.commitExcel'
  | 'rankings.exportExcel'
  | 'ballots.exportSummary';

const localStamp = (d = new Date()) => {
  const t = localParts(d);
  return `${t.year}-${t.month}-${t.day} ${t.hour}:${t.minute}`;
};

/** Runs the import's writes, reporting progress (a cancel throws and the call's transaction rolls back). */
async function runSteps(steps: readonly Step[], jobs: Jobs, jobId: string): Promise<void> {
  for (let i = 0; i < steps.length; i++) {
    await steps[i]!();
    if (i % 50 === 49) {
      jobs.progress(jobId, i + 1, steps.length);
      await yieldToEventLoop();
    }
  }
  jobs.progress(jobId, steps.length, steps.length);
}

export const assessmentExcelHandlers: Handlers<ExcelCalls> = {
  async 'ballots.saveTemplate'({ store, db, rec, io }, { assessmentId, token }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertState(row, ['preparing', 'collecting'], '下载测评票模板');
    const path = io.savePath(token);
    const detail = await readDetail(db, assessmentId, store.user);
    if (detail.members.length === 0)
      fail('VALIDATION', `考核“${row.name}”还没有成员，不能生成测评票模板`, 'assessmentId');
    writeFileAtomic(path, await buildBallotTemplate(detail));
    rec.record(basename(path), { assessmentId, assessment: row.name });
    return { fileName: basename(path) };
  },

  async 'ballots.previewExcel'({ store, db, io, jobs }, { assessmentId, token }): Promise<BallotImportPreview> {
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '导入测评票');
    const path = io.openedPath(token);
    const bytes = readUserFile(path, {
      maxBytes: MAX_BALLOT_FILE_BYTES,
      tooLarge: () => '文件过大（超过 50 MB），请拆分后导入',
      field: 'file',
    });
    const detail = await readDetail(db, assessmentId, store.user);
    const parsed = await parseBallotWorkbook(bytes, detail);
    if (!parsed.ok) return fail('VALIDATION', parsed.error, 'file');
    const fileName = basename(path);
    const plan = await buildImportPlan(db, row, parsed.sheets);
    const jobId = jobs.create(JOB_KIND, {
      assessmentId,
      fileName,
      sheets: parsed.sheets,
      issueCount: parsed.issues.length,
    } satisfies BallotJob);
    return {
      jobId,
      fileName,
      plan,
      sheets: parsed.sheets.map(({ ballots: _b, ref: _r, voided: _v, ...s }) => s),
      voided: parsed.voided.slice(0, PREVIEW_ISSUES),
      voidedCount: parsed.voided.length,
      issues: parsed.issues.slice(0, PREVIEW_ISSUES),
      issueCount: parsed.issues.length,
      ignoredSheets: parsed.ignored,
    };
  },

  async 'ballots.commitExcel'({ store, db, rec, jobs }, { assessmentId, jobId, planKey, modes, leftOut }) {
    const job = jobs.payload<BallotJob>(jobId, JOB_KIND);
    if (job.assessmentId !== assessmentId) fail('VALIDATION', '导入预览不属于当前考核，请重新选择文件', 'jobId');
    const row = await loadAssessment(db, assessmentId, store.user);
    assertCollecting(row, '导入测评票');
    if (job.issueCount > 0)
      fail('VALIDATION', `测评票中还有 ${job.issueCount} 处错误，请改正后重新选择文件；本次未导入任何测评票`, 'jobId');
    const total = job.sheets.reduce(
      (n, s) =>
        n +
        s.ballots.superior.length +
        s.ballots.peer.length +
        s.ballots.staff.length +
        s.ballots.service.length +
        s.ballots.staffVoided +
        s.ballots.comments.length,
      0,
    );
    if (total === 0) fail('VALIDATION', '文件中没有填写任何测评票', 'jobId');
    // Checked in full (fresh plan, modes, conflicts) before the first write; one transaction, one audit entry.
    const { summary, groups } = await jobOutcome(jobs, jobId, async () => {
      const planned = await importSteps(db, row, job.sheets, { planKey, modes, leftOut }, store.user);
      await runSteps(planned.steps, jobs, jobId);
      return planned;
    });
    rec.record(job.fileName, {
      assessmentId,
      assessment: row.name,
      file: job.fileName,
      source: 'Excel 导入',
      ...summary,
      groups,
    });
    return summary;
  },

  async 'rankings.exportExcel'({ store, db, rec, io }, { assessmentId, token }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    const path = io.savePath(token);
    const view = await rankingsView(db, row);
    writeFileAtomic(path, await rankingsWorkbook(row.name, view, localStamp()));
    rec.record(basename(path), {
      assessmentId,
      assessment: row.name,
      groups: view.result.groups.length,
      ...(view.digest ? { digest: view.digest } : {}),
    });
    return { fileName: basename(path), groups: view.result.groups.length };
  },

  async 'ballots.exportSummary'({ store, db, rec, io }, { assessmentId, token }) {
    const row = await loadAssessment(db, assessmentId, store.user);
    const path = io.savePath(token);
    const view = await rankingsView(db, row);
    const { input } = await loadRankingInput(db, assessmentId);
    const forms = {
      comments: await commentViews(db, assessmentId, await formsReceived(db, assessmentId)),
      voidForms: await voidFormViews(db, assessmentId),
    };
    writeFileAtomic(path, await summaryWorkbook(row.name, view, input, localStamp(), forms));
    rec.record(basename(path), { assessmentId, assessment: row.name, groups: view.result.groups.length });
    return { fileName: basename(path), groups: view.result.groups.length };
  },
};
