// The engine: the store, its key and every service, run in a worker thread so that SQLite, scoring, Excel, PDF and
// XML work never blocks Electron's main thread (a blocked main process freezes the window: "未响应"). The main
// process keeps the window, dialogs, menu and printing; it reaches this thread only through the dispatcher's
// messages (protocol.ts). The key never leaves this thread; lock and dispose zero-fill it here, as before.
// Electron (17+) reads this file from app.asar like the main script; it imports no Electron module.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { AppHost } from '../../db/app/host';
import type { FileDialogs, PdfPrinter, PrintControl } from '../../db/app/io';
import { ApiError, ERROR_CODES, type ErrorCode } from '../../shared/ipc/errors';
import { createDispatcher } from '../ipc/dispatcher';
import { type EngineOptions, type EngineRequest, type FromWorker, type ToWorker, type WireError } from './protocol';

const port: MessagePort =
  parentPort ??
  (() => {
    throw new Error('the engine runs only as a worker thread');
  })();
const options = workerData as EngineOptions;
const send = (m: FromWorker) => port.postMessage(m);

/** An error from the main side, rebuilt: an ApiError code stays an ApiError, so the dispatcher maps it as before. */
function fromWire(e: WireError): Error {
  if (e.code && (ERROR_CODES as readonly string[]).includes(e.code)) {
    return new ApiError({ code: e.code as ErrorCode, message: e.message, ...(e.field ? { field: e.field } : {}) });
  }
  return new Error(e.message);
}

let nextRequest = 1;
const pending = new Map<
  number,
  { resolve: (v: unknown) => void; reject: (e: Error) => void; control?: PrintControl; cancelled?: unknown }
>();

function ask<T>(request: EngineRequest, control?: PrintControl): Promise<T> {
  const id = nextRequest++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject, ...(control ? { control } : {}) });
    send({ t: 'request', id, request });
  });
}

const fileDialogs: FileDialogs = {
  pickOpen: (opts) => ask<string[]>({ kind: 'pickOpen', opts }),
  pickSave: (opts) => ask<string | null>({ kind: 'pickSave', opts }),
};

const printPdf: PdfPrinter = (route, control) =>
  ask<readonly Uint8Array[]>({ kind: 'print', route, followed: !!control }, control);

const host = new AppHost({
  configDir: options.configDir,
  defaultStoreDir: options.defaultStoreDir,
  ...(options.storeOptions ? { storeOptions: options.storeOptions } : {}),
  ...(options.autoBackup === undefined ? {} : { autoBackup: options.autoBackup }),
  ...(options.afterCrash ? { lockedReason: 'crashed' as const } : {}),
  ...(options.offers.directoryPicker ? { pickDirectory: () => ask<string | null>({ kind: 'pickDirectory' }) } : {}),
  ...(options.offers.fileDialogs ? { fileDialogs } : {}),
  ...(options.offers.printer ? { printPdf } : {}),
});
const dispatch = createDispatcher(host);
host.onLock((reason) => send({ t: 'locked', reason }));
host.kiosk.onChange((status, end) => send({ t: 'kiosk', on: status !== null, end }));
// A 评议终端 laptop is a kiosk window too; 结束评议 gives the window back ('exit'), its close button closes it.
host.terminal.onChange((on, end) => send({ t: 'kiosk', on, end: on ? null : end === 'close' ? 'close' : 'exit' }));
host.startIdleTimer();
// Started on a laptop whose terminal was left open: the window is the kiosk from the first screen.
if (host.terminal.active) send({ t: 'kiosk', on: true, end: null });

/** A print's progress, heard from the main side: the job's listener may refuse (CANCELLED) and so stop the print. */
function progress(id: number, done: number, total: number): void {
  const p = pending.get(id);
  if (!p?.control || p.cancelled !== undefined) return;
  try {
    p.control.onProgress(done, total);
  } catch (e) {
    p.cancelled = e;
    send({ t: 'cancel', id });
  }
}

port.on('message', (m: ToWorker) => {
  switch (m.t) {
    case 'call':
      void dispatch(m.name, m.input).then((result) => send({ t: 'result', id: m.id, json: JSON.stringify(result) }));
      return;
    case 'reply': {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      // A print stopped by its own progress listener fails with the listener's error (CANCELLED), as in one process.
      if (m.ok) p.resolve(m.value);
      else p.reject(p.cancelled instanceof Error ? p.cancelled : fromWire(m.error));
      return;
    }
    case 'progress':
      progress(m.id, m.done, m.total);
      return;
    case 'lock':
      void host.lock('manual').catch((e: unknown) => console.error(e));
      return;
    case 'dispose':
      void host
        .dispose()
        .catch((e: unknown) => console.error(e))
        .finally(() => send({ t: 'disposed', id: m.id }));
      return;
  }
});

send({ t: 'ready' });
