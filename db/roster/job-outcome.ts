// Runs a job's work and records how it ended (done, cancelled, failed) for the progress poller.
import type { Jobs } from '../app/jobs';

export async function jobOutcome<T>(jobs: Jobs, jobId: string, work: () => Promise<T>): Promise<T> {
  jobs.begin(jobId);
  try {
    const result = await work();
    jobs.finish(jobId, 'done');
    return result;
  } catch (e) {
    jobs.finish(jobId, (e as { code?: string }).code === 'CANCELLED' ? 'cancelled' : 'failed');
    throw e;
  }
}
