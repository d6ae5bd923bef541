// Work that spans several calls: an import's parsed preview, then its progress and cancellation while it commits.
import { randomUUID } from 'node:crypto';
import { ApiError, fail } from '../../shared/ipc/errors';
import type { JobStatus } from '../../shared/roster/views';

interface Job {
  readonly kind: string;
  readonly payload: unknown;
  status: JobStatus;
  cancelRequested: boolean;
}

export const cancelled = () => new ApiError({ code: 'CANCELLED', message: '已取消，档案库未作任何修改' });

export class Jobs {
  private readonly jobs = new Map<string, Job>();

  /** `id` may be chosen by the window beforehand, so it can follow a long call's progress while the call runs. */
  create(kind: string, payload: unknown, id: string = randomUUID()): string {
    if (this.jobs.has(id)) fail('VALIDATION', '该任务标识已被使用，请重新操作', 'jobId');
    this.jobs.set(id, { kind, payload, status: { state: 'running', done: 0, total: 0 }, cancelRequested: false });
    return id;
  }

  payload<T>(id: string, kind: string): T {
    const job = this.jobs.get(id);
    if (!job || job.kind !== kind) fail('NOT_FOUND', '导入预览已失效，请重新选择文件', 'jobId');
    return job!.payload as T;
  }

  status(id: string): JobStatus {
    return this.jobs.get(id)?.status ?? fail('NOT_FOUND', '找不到该任务', 'jobId');
  }

  /** Called between chunks of work: records progress, and throws CANCELLED once the user asked to stop. */
  progress(id: string, done: number, total: number): void {
    const job = this.jobs.get(id);
    if (!job) return;
    if (job.cancelRequested) throw cancelled();
    job.status = { state: 'running', done, total };
  }

  /**
   * A commit of the job starts. A committed job cannot be committed again (its matches are stale, and rows without
   * 身份证号 would be created twice); a cancelled or failed one may be retried, without the old cancel request.
   */
  begin(id: string): void {
    const job = this.jobs.get(id);
    if (!job) fail('NOT_FOUND', '找不到该任务', 'jobId');
    if (job!.status.state === 'done')
      fail('VALIDATION', '这批数据已经导入，不能重复导入；如需再次导入，请重新选择文件', 'jobId');
    if (job!.status.state !== 'running') {
      job!.cancelRequested = false;
      job!.status = { state: 'running', done: 0, total: 0 };
    }
  }

  finish(id: string, state: JobStatus['state']): void {
    const job = this.jobs.get(id);
    if (job) job.status = { ...job.status, state };
  }

  cancel(id: string): void {
    const job = this.jobs.get(id);
    if (!job) fail('NOT_FOUND', '找不到该任务', 'jobId');
    job!.cancelRequested = true;
  }

  forget(id: string): void {
    this.jobs.delete(id);
  }

  /** Drops every job; a job's payload may own files or keys, released through `release`. */
  clear(release?: (kind: string, payload: unknown) => void): void {
    if (release) for (const job of this.jobs.values()) release(job.kind, job.payload);
    this.jobs.clear();
  }
}

/** Lets queued IPC calls (progress, cancel) run between chunks of a long transaction. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
