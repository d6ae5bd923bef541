// The main side of the engine (worker.ts): starts the worker, forwards every call to it, answers its requests for
// dialogs and printing, and reports a crash. Electron-free, so the end-to-end bridge runs the very same worker.
import { Worker } from 'node:worker_threads';
import type { FileDialogs, PdfPrinter } from '../../db/app/io';
import type { KioskEnd } from '../../db/app/kiosk';
import type { StoreOptions } from '../../db/store/lifecycle';
import { ApiError, type CallResult } from '../../shared/ipc/errors';
import type { Dispatch } from '../ipc/dispatcher';
import { toWireError, type EngineOptions, type EngineRequest, type FromWorker, type ToWorker } from './protocol';

export interface EngineClientOptions {
  /** The built worker script (out/main/engine.js). */
  readonly workerPath: string;
  readonly configDir: string;
  readonly defaultStoreDir: string;
  readonly storeOptions?: StoreOptions;
  readonly autoBackup?: boolean;
  readonly pickDirectory?: () => Promise<string | null>;
  readonly fileDialogs?: FileDialogs;
  readonly printPdf?: PdfPrinter;
  readonly log?: (e: unknown) => void;
}

/** What every waiting call gets when the worker stops unexpectedly; its open transaction was rolled back. */
export const ENGINE_STOPPED: CallResult<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: '数据服务意外停止，本次操作未完成，数据未被修改。请重新登录后重试。' },
};
const ENGINE_STOPPED_JSON = JSON.stringify(ENGINE_STOPPED);

/** A call answered as the CallResult's JSON text (what the window's bridge receives and parses). */
export type DispatchJson = (name: unknown, input: unknown) => Promise<string>;

export class EngineClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly calls = new Map<number, (json: string) => void>();
  private readonly disposals = new Map<number, () => void>();
  /** Prints the worker asked for whose progress listener said stop. */
  private readonly cancelledPrints = new Set<number>();
  private readonly lockListeners = new Set<(reason: string) => void>();
  private readonly crashListeners = new Set<(error: unknown) => void>();
  private readonly kioskListeners = new Set<(on: boolean, end: KioskEnd | null) => void>();
  private kiosk = false;
  private started: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(private readonly opts: EngineClientOptions) {}

  /** Starts the worker (again, after a crash); resolves once it is ready for calls. */
  start(how: { afterCrash?: boolean } = {}): Promise<void> {
    this.stopping = false;
    const data: EngineOptions = {
      ...(how.afterCrash ? { afterCrash: true } : {}),
      configDir: this.opts.configDir,
      defaultStoreDir: this.opts.defaultStoreDir,
      ...(this.opts.storeOptions ? { storeOptions: this.opts.storeOptions } : {}),
      ...(this.opts.autoBackup === undefined ? {} : { autoBackup: this.opts.autoBackup }),
      offers: {
        directoryPicker: !!this.opts.pickDirectory,
        fileDialogs: !!this.opts.fileDialogs,
        printer: !!this.opts.printPdf,
      },
    };
    const worker = new Worker(this.opts.workerPath, { workerData: data });
    this.worker = worker;
    this.started = new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.on('message', (m: FromWorker) => {
        if (m.t === 'ready') {
          worker.off('error', reject);
          resolve();
        } else this.heard(m);
      });
    });
    worker.on('error', (e) => this.stopped(worker, e));
    worker.on('exit', (code) => this.stopped(worker, new Error(`engine worker exited with code ${code}`)));
    return this.started;
  }

  /** A call answered by the worker, as JSON text: the main thread never parses what it only passes on. */
  readonly dispatchJson: DispatchJson = async (name, input) => {
    await this.started.catch(() => undefined);
    if (!this.worker) return ENGINE_STOPPED_JSON;
    const id = this.nextId++;
    return new Promise<string>((resolve) => {
      this.calls.set(id, resolve);
      this.post({ t: 'call', id, name, input });
    });
  };

  /** The same call with its result parsed: the dispatcher's shape, for callers that read the value. */
  readonly dispatch: Dispatch = async (name, input) =>
    JSON.parse(await this.dispatchJson(name, input)) as CallResult<unknown>;

  /** The menu's 锁定: the worker records it, wipes the key and reports the lock like any other. */
  lock(): void {
    this.post({ t: 'lock' });
  }

  onLock(listener: (reason: string) => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /** Whether the engine's session is in 评议终端 mode (the window is then a kiosk). */
  get kioskOn(): boolean {
    return this.kiosk;
  }

  /** 评议终端 mode started or ended; a crash ends it too (the new engine has no session). */
  onKiosk(listener: (on: boolean, end: KioskEnd | null) => void): () => void {
    this.kioskListeners.add(listener);
    return () => this.kioskListeners.delete(listener);
  }

  /** Called once per unexpected stop of the worker (not for dispose). */
  onCrash(listener: (error: unknown) => void): () => void {
    this.crashListeners.add(listener);
    return () => this.crashListeners.delete(listener);
  }

  /** Closes the store in the worker (wiping its key), then ends the thread. */
  async dispose(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    await this.started.catch(() => undefined);
    const id = this.nextId++;
    await new Promise<void>((resolve) => {
      this.disposals.set(id, resolve);
      this.post({ t: 'dispose', id });
      // A worker that cannot answer any more is ended below all the same.
      worker.once('exit', () => resolve());
    });
    this.stopping = true;
    this.worker = null;
    await worker.terminate();
  }

  private setKiosk(on: boolean, end: KioskEnd | null): void {
    if (!on && !this.kiosk) return; // an end heard when no kiosk was on (a crash outside it) says nothing
    this.kiosk = on;
    for (const l of this.kioskListeners) l(on, end);
  }

  private post(m: ToWorker): void {
    this.worker?.postMessage(m);
  }

  private heard(m: FromWorker): void {
    switch (m.t) {
      case 'result': {
        const resolve = this.calls.get(m.id);
        this.calls.delete(m.id);
        resolve?.(m.json);
        return;
      }
      case 'request':
        void this.answer(m.id, m.request);
        return;
      case 'cancel':
        this.cancelledPrints.add(m.id);
        return;
      case 'locked':
        for (const l of this.lockListeners) l(m.reason);
        return;
      case 'kiosk':
        this.setKiosk(m.on, m.end);
        return;
      case 'disposed': {
        const done = this.disposals.get(m.id);
        this.disposals.delete(m.id);
        done?.();
        return;
      }
      case 'ready':
        return;
    }
  }

  /** Runs a dialog or a print for the worker and sends back its outcome. */
  private async answer(id: number, request: EngineRequest): Promise<void> {
    try {
      const value = await this.serve(id, request);
      this.post({ t: 'reply', id, ok: true, value });
    } catch (e) {
      this.post({ t: 'reply', id, ok: false, error: toWireError(e) });
    } finally {
      this.cancelledPrints.delete(id);
    }
  }

  private serve(id: number, request: EngineRequest): Promise<unknown> {
    const unsupported = () => Promise.reject(new ApiError({ code: 'UNSUPPORTED', message: '此环境不支持该操作' }));
    switch (request.kind) {
      case 'pickDirectory':
        return this.opts.pickDirectory?.() ?? unsupported();
      case 'pickOpen':
        return this.opts.fileDialogs?.pickOpen(request.opts) ?? unsupported();
      case 'pickSave':
        return this.opts.fileDialogs?.pickSave(request.opts) ?? unsupported();
      case 'print': {
        const print = this.opts.printPdf;
        if (!print) return unsupported();
        // Progress goes to the worker's listener; once it refused, the next step here stops the print.
        const control = request.followed
          ? {
              onProgress: (done: number, total: number) => {
                if (this.cancelledPrints.has(id)) throw new ApiError({ code: 'CANCELLED', message: '已取消' });
                this.post({ t: 'progress', id, done, total });
              },
            }
          : undefined;
        return print(request.route, control);
      }
    }
  }

  private stopped(worker: Worker, error: unknown): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const resolve of this.calls.values()) resolve(ENGINE_STOPPED_JSON);
    this.calls.clear();
    for (const done of this.disposals.values()) done();
    this.disposals.clear();
    if (this.stopping) return;
    this.setKiosk(false, 'session');
    this.opts.log?.(error);
    for (const l of this.crashListeners) l(error);
  }
}
