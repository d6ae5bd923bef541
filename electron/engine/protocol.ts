// The messages between the Electron main process and the engine worker (electron/engine/worker.ts), which holds the
// store, its key and every service. Plain data only: each message is copied by structured clone over the port.
import type { FileFilter } from '../../db/app/io';
import type { KioskEnd } from '../../db/app/kiosk';
import type { StoreOptions } from '../../db/store/lifecycle';

/** What the worker is started with (workerData). */
export interface EngineOptions {
  readonly configDir: string;
  readonly defaultStoreDir: string;
  readonly storeOptions?: StoreOptions;
  readonly autoBackup?: boolean;
  /** Started again after the previous worker stopped unexpectedly: the login page says so. */
  readonly afterCrash?: boolean;
  /** Which platform services the main side offers; the others answer UNSUPPORTED, as the host does without them. */
  readonly offers: { readonly directoryPicker: boolean; readonly fileDialogs: boolean; readonly printer: boolean };
}

/** A platform service the worker asks the main side for: dialogs and printing need Electron's main process. */
export type EngineRequest =
  | { readonly kind: 'pickDirectory' }
  | {
      readonly kind: 'pickOpen';
      readonly opts: { title: string; filters: readonly FileFilter[]; multiple: boolean; folder: boolean };
    }
  | { readonly kind: 'pickSave'; readonly opts: { title: string; defaultName: string; filters: readonly FileFilter[] } }
  | { readonly kind: 'print'; readonly route: string; readonly followed: boolean };

/** An error carried across the port: an ApiError keeps its code, message and field. */
export interface WireError {
  readonly message: string;
  readonly code?: string;
  readonly field?: string;
}

export type ToWorker =
  | { readonly t: 'call'; readonly id: number; readonly name: unknown; readonly input: unknown }
  | { readonly t: 'lock' }
  | { readonly t: 'dispose'; readonly id: number }
  | { readonly t: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly t: 'reply'; readonly id: number; readonly ok: false; readonly error: WireError }
  | { readonly t: 'progress'; readonly id: number; readonly done: number; readonly total: number };

export type FromWorker =
  | { readonly t: 'ready' }
  /**
   * A call's CallResult as JSON text: the main thread passes the text on to the window without parsing it, so a
   * 10,000-row answer costs it a copy of a string instead of rebuilding and re-serialising an object graph.
   */
  | { readonly t: 'result'; readonly id: number; readonly json: string }
  | { readonly t: 'request'; readonly id: number; readonly request: EngineRequest }
  /** The print's progress listener refused to go on (the user cancelled): the main side stops that print. */
  | { readonly t: 'cancel'; readonly id: number }
  | { readonly t: 'locked'; readonly reason: string }
  /** 评议终端 mode started or ended (and why it ended): the main process turns the window into a kiosk and back. */
  | { readonly t: 'kiosk'; readonly on: boolean; readonly end: KioskEnd | null }
  | { readonly t: 'disposed'; readonly id: number };

export function toWireError(e: unknown): WireError {
  if (e && typeof e === 'object') {
    const { message, code, field } = e as { message?: unknown; code?: unknown; field?: unknown };
    return {
      message: typeof message === 'string' ? message : String(e),
      ...(typeof code === 'string' ? { code } : {}),
      ...(typeof field === 'string' ? { field } : {}),
    };
  }
  return { message: String(e) };
}
