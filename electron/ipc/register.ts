// Wires the one dispatcher to ipcMain, answering only our own page in our window's main frame.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_CHANNEL } from '../../shared/ipc/names';
import type { CallResult } from '../../shared/ipc/errors';
import type { Dispatch } from './dispatcher';

export const FORBIDDEN_SENDER: CallResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' },
};

export interface TrustedSender {
  /** The window's web contents, or null before it exists / after it is closed. */
  readonly contents: () => WebContents | null;
  /** Hidden print windows while they render a document (they read its data through the same calls). */
  readonly printContents?: () => ReadonlySet<WebContents>;
  /** URL prefixes of our page: `app://ganbu/`, plus the dev server's origin while developing. */
  readonly allowedUrlPrefixes: readonly string[];
}

/** True only for a call from the main frame of our window (or an open print window) loaded from our own origin. */
export function isTrustedSender(event: IpcMainInvokeEvent, trusted: TrustedSender): boolean {
  const main = trusted.contents();
  const contents = main && event.sender === main ? main : trusted.printContents?.().has(event.sender) ? event.sender : null;
  if (!contents || contents.isDestroyed() || event.sender !== contents) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (frame.frameTreeNodeId !== contents.mainFrame.frameTreeNodeId) return false;
  const url = frame.url;
  return trusted.allowedUrlPrefixes.some((prefix) => url.startsWith(prefix));
}

/** Registers the handler; returns a function that removes it (used by tests and on shutdown). */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, trusted: TrustedSender): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event, trusted)) return FORBIDDEN_SENDER;
    return dispatch(name, input);
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}
