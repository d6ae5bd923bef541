// The engine client's surface over an AppHost in this thread: stands in for the worker where no built worker script
// exists (the main-process unit tests run electron/main.ts from source against the electron stand-in).
import { AppHost } from '../../db/app/host';
import type { KioskEnd } from '../../db/app/kiosk';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatcher';
import type { EngineClientOptions } from '../../electron/engine/client';

export class InProcessEngine {
  private host: AppHost | null = null;
  private readonly lockListeners = new Set<(reason: string) => void>();
  private readonly crashListeners = new Set<(error: unknown) => void>();
  private readonly kioskListeners = new Set<(on: boolean, end: KioskEnd | null) => void>();
  /** The last instance made: the test reaches it to stage a crash. */
  static last: InProcessEngine | null = null;

  constructor(private readonly opts: EngineClientOptions) {
    InProcessEngine.last = this;
  }

  /** As when the worker stops unexpectedly: the session is gone and the crash listeners hear of it. */
  async crash(): Promise<void> {
    await this.host?.dispose();
    this.host = null;
    this.crashListeners.forEach((l) => l(new Error('engine worker exited with code 1')));
  }

  async start(how: { afterCrash?: boolean } = {}): Promise<void> {
    const { workerPath: _worker, log: _log, ...options } = this.opts;
    const host = new AppHost({ ...options, ...(how.afterCrash ? { lockedReason: 'crashed' as const } : {}) });
    host.onLock((reason) => this.lockListeners.forEach((l) => l(reason)));
    host.kiosk.onChange((status, end) => this.kioskListeners.forEach((l) => l(status !== null, end)));
    host.startIdleTimer();
    this.host = host;
  }

  readonly dispatch: Dispatch = (name, input) => createDispatcher(this.host!)(name, input);

  readonly dispatchJson = async (name: unknown, input: unknown): Promise<string> =>
    JSON.stringify(await this.dispatch(name, input));

  lock(): void {
    void this.host?.lock('manual');
  }

  onLock(listener: (reason: string) => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  get kioskOn(): boolean {
    return this.host?.kiosk.status != null;
  }

  onKiosk(listener: (on: boolean, end: KioskEnd | null) => void): () => void {
    this.kioskListeners.add(listener);
    return () => this.kioskListeners.delete(listener);
  }

  onCrash(listener: (error: unknown) => void): () => void {
    this.crashListeners.add(listener);
    return () => this.crashListeners.delete(listener);
  }

  async dispose(): Promise<void> {
    await this.host?.dispose();
  }
}
