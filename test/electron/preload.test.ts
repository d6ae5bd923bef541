// The preload exposes exactly one object: a function per contract call over one channel, and the lock event.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { WindowBridge } from '../../shared/ipc/window-api';

vi.mock('electron', () => import('./electron-mock'));

const mock = await import('./electron-mock');
await import('../../electron/preload');
const { CALL_CHANNEL, CALL_NAME_LIST, KIOSK_CLOSE_CHANNEL, LOCKED_CHANNEL } = await import('../../shared/ipc/names');

// Captured now: Vitest clears mock calls before every test.
const exposed = [...mock.contextBridge.exposeInMainWorld.mock.calls] as unknown as [string, WindowBridge][];
const bridge = exposed[0]![1];

describe('preload', () => {
  it('exposes exactly one key, ganbu, holding only calls, onLocked and onCloseRequested', () => {
    expect(exposed).toHaveLength(1);
    expect(exposed[0]![0]).toBe('ganbu');
    expect(Object.keys(bridge).sort()).toEqual(['calls', 'onCloseRequested', 'onLocked']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.calls)).toBe(true);
  });

  it('has one function per contract call name, and nothing else', () => {
    expect(Object.keys(bridge.calls).sort()).toEqual([...CALL_NAME_LIST].sort());
    for (const name of CALL_NAME_LIST) expect(typeof bridge.calls[name]).toBe('function');
  });

  it.each(CALL_NAME_LIST)('%s invokes the call channel with (name, input)', async (name) => {
    mock.ipcRenderer.invoke.mockResolvedValueOnce(JSON.stringify({ ok: true, value: 42 }) as never);
    const input = { probe: name };
    const call = bridge.calls[name] as (input: unknown) => Promise<unknown>;
    await expect(call(input)).resolves.toEqual({ ok: true, value: 42 });
    expect(mock.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(mock.ipcRenderer.invoke).toHaveBeenCalledWith(CALL_CHANNEL, name, input);
  });

  it('onLocked passes only the reason (never the IPC event) and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onLocked(listener);
    expect(mock.ipcRenderer.on).toHaveBeenCalledWith(LOCKED_CHANNEL, expect.any(Function));
    const handler = mock.ipcRenderer.on.mock.calls[0]![1] as (event: unknown, reason: unknown) => void;
    handler({ sender: 'ipcRenderer' }, 'idle');
    handler({ sender: 'ipcRenderer' }, 'manual');
    handler({ sender: 'ipcRenderer' }, 'something-else');
    expect(listener.mock.calls).toEqual([['idle'], ['manual']]);
    unsubscribe();
    expect(mock.ipcRenderer.removeListener).toHaveBeenCalledWith(LOCKED_CHANNEL, handler);
  });

  it('onCloseRequested (the close button in kiosk mode) calls the listener with nothing from the event, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onCloseRequested(listener);
    expect(mock.ipcRenderer.on).toHaveBeenCalledWith(KIOSK_CLOSE_CHANNEL, expect.any(Function));
    const handler = mock.ipcRenderer.on.mock.calls[0]![1] as (event: unknown, ...rest: unknown[]) => void;
    handler({ sender: 'ipcRenderer' }, 'extra');
    expect(listener.mock.calls).toEqual([[]]);
    unsubscribe();
    expect(mock.ipcRenderer.removeListener).toHaveBeenCalledWith(KIOSK_CLOSE_CHANNEL, handler);
  });

  it('imports nothing but electron, the call names and window-api (whose own imports are type-only, so no zod)', () => {
    const source = readFileSync(resolve(import.meta.dirname, '../../electron/preload.ts'), 'utf8');
    const specifiers = [...source.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
    expect(specifiers.sort()).toEqual(['../shared/ipc/names', '../shared/ipc/window-api', 'electron']);
    // names.ts imports the contract's types only, for tsc's check that its list equals the contract.
    for (const file of ['window-api.ts', 'names.ts']) {
      const text = readFileSync(resolve(import.meta.dirname, '../../shared/ipc', file), 'utf8');
      for (const line of text.split('\n').filter((l) => /^\s*import\s/.test(l))) expect(line).toMatch(/^import type /);
    }
  });
});
