// Starts crash writers, tells each when to begin, reads its lines, and SIGKILLs it on schedule; none outlives the test.
import { spawn, type ChildProcess } from 'node:child_process';
import { parseLine, type WriterBoot, type WriterGo, type WriterLine } from './protocol';

export interface KillSchedule {
  /** Count the delay from the writer's `ready` line (logged in, writing) instead of from the `go` line. */
  readonly afterReady: boolean;
  readonly delayMs: number;
}

export interface WriterRun {
  /** Every complete line the writer printed before it died, in order. */
  readonly lines: readonly WriterLine[];
  readonly stderr: string;
  /** Milliseconds from `go` to the `ready` line, if it came. */
  readonly readyAfterMs: number | null;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The writer died of our SIGKILL (not on its own, nor of the guard timeout). */
  readonly killedOnSchedule: boolean;
  /** What went wrong on the harness side (an unparsable line, a torn last line, the guard timeout, an early death). */
  readonly harnessError: string | null;
}

export interface StartedWriter {
  /** Lets the writer open the store and write; resolves once it has been killed and its pipes are drained. */
  go(params: WriterGo, schedule: KillSchedule, guardMs: number): Promise<WriterRun>;
  kill(): void;
}

const live = new Set<ChildProcess>();

/** Kills every writer still running (after a failed assertion, say). */
export function killAllWriters(): void {
  for (const c of live) c.kill('SIGKILL');
  live.clear();
}

export const liveWriters = (): number => live.size;

/** Spawns a writer, which loads its modules and then waits for `go` without touching the store. */
export function startWriter(writer: { entry: string; env: NodeJS.ProcessEnv }, boot: WriterBoot): StartedWriter {
  const child = spawn(process.execPath, [writer.entry, JSON.stringify(boot)], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: writer.env,
  });
  live.add(child);
  const lines: WriterLine[] = [];
  let pending = '';
  let stderr = '';
  let wentAt: number | null = null;
  let readyAfterMs: number | null = null;
  let killedOnSchedule = false;
  let harnessError: string | null = null;
  let schedule: KillSchedule | null = null;
  let killTimer: NodeJS.Timeout | undefined;
  let guard: NodeJS.Timeout | undefined;

  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const kill = (onSchedule: boolean) => {
    if (exited()) return;
    if (onSchedule && harnessError === null) killedOnSchedule = true;
    child.kill('SIGKILL');
  };

  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('error', (e) => {
      harnessError ??= `could not run the writer: ${e.message}`;
      resolve({ code: null, signal: null });
    });
    child.on('close', (code, signal) => {
      clearTimeout(killTimer);
      clearTimeout(guard);
      live.delete(child);
      resolve({ code, signal });
    });
  });

  // The writer stays alive only while its stdin is open; errors on a pipe to a killed process are expected.
  child.stdin.on('error', () => undefined);
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n')) {
      const text = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      let line: WriterLine;
      try {
        line = parseLine(text);
      } catch (e) {
        harnessError ??= (e as Error).message;
        kill(false);
        continue;
      }
      lines.push(line);
      if (line.t === 'ready' && readyAfterMs === null && wentAt !== null) {
        readyAfterMs = performance.now() - wentAt;
        if (schedule?.afterReady) killTimer = setTimeout(() => kill(true), schedule.delayMs);
      }
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });

  return {
    async go(params, sched, guardMs) {
      if (exited()) harnessError ??= 'the writer died before it was told to go';
      else {
        schedule = sched;
        wentAt = performance.now();
        if (!sched.afterReady) killTimer = setTimeout(() => kill(true), sched.delayMs);
        guard = setTimeout(() => {
          harnessError ??= `the writer was still running ${guardMs} ms after go (ready: ${readyAfterMs !== null})`;
          kill(false);
        }, guardMs);
        child.stdin.write(`${JSON.stringify(params)}\n`);
      }
      const { code, signal } = await closed;
      // Each line is one write of far less than PIPE_BUF bytes, so a kill cannot leave half a line in the pipe.
      if (pending !== '') harnessError ??= `torn last line from the writer: ${JSON.stringify(pending)}`;
      return { lines, stderr, readyAfterMs, code, signal, killedOnSchedule, harnessError };
    },
    kill: () => kill(false),
  };
}
