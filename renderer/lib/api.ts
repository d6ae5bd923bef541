// The window's typed client of the IPC contract: unwraps each call's result or throws an ApiError.
import type { CallInput, CallName, CallOutput } from '../../shared/ipc/contract';
import { ApiError } from '../../shared/ipc/errors';
import { BRIDGE_GLOBAL, type WindowBridge } from '../../shared/ipc/window-api';

const bridge = (): WindowBridge => {
  const b = (window as unknown as Record<string, WindowBridge | undefined>)[BRIDGE_GLOBAL];
  if (!b) throw new ApiError({ code: 'INTERNAL', message: '程序未正确启动：找不到与数据服务的连接' });
  return b;
};

/** Listeners told when any call finds the session gone (auto-lock while the page was idle). */
const sessionLostListeners = new Set<() => void>();
export const onSessionLost = (l: () => void) => {
  sessionLostListeners.add(l);
  return () => void sessionLostListeners.delete(l);
};

export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const fn = bridge().calls[name] as (
    i: CallInput<N>,
  ) => Promise<import('../../shared/ipc/errors').CallResult<CallOutput<N>>>;
  const result = await fn(input);
  if (result.ok) return result.value;
  if (result.error.code === 'NOT_LOGGED_IN') for (const l of sessionLostListeners) l();
  throw new ApiError(result.error);
}

export const onLocked = (listener: (reason: 'manual' | 'idle' | 'crashed') => void): (() => void) =>
  bridge().onLocked(listener);

/** The window's close button in 评议终端 mode (main refused the close and asks for the clerk's password). */
export const onCloseRequested = (listener: () => void): (() => void) => bridge().onCloseRequested(listener);

export const errorMessage = (e: unknown): string =>
  e instanceof ApiError ? e.message : '操作未完成：发生了意外错误，请重试';
