// The IPC handler answers only our page in our window's main frame; everything else gets FORBIDDEN.
import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';

vi.mock('electron', () => import('./electron-mock'));

const { FORBIDDEN_SENDER, registerIpc } = await import('../../electron/ipc/register');
const { CALL_CHANNEL } = await import('../../shared/ipc/names');
const mock = await import('./electron-mock');

type Invoke = (event: unknown, name: unknown, input: unknown) => Promise<unknown>;

function setup(allowedUrlPrefixes: string[] = ['app://ganbu/']) {
  const contents = new mock.FakeWebContents();
  const dispatch = vi.fn(async (name: unknown, input: unknown) =>
    JSON.stringify({ ok: true as const, value: { name, input } }),
  );
  let current: typeof contents | null = contents;
  const unregister = registerIpc(mock.ipcMain as unknown as IpcMain, dispatch, {
    contents: () => current as unknown as WebContents | null,
    allowedUrlPrefixes,
  });
  const handler = mock.ipcMain.handlers.get(CALL_CHANNEL) as Invoke;
  // Answers are the CallResult's JSON text, parsed here as the preload does.
  const invoke: Invoke = async (...args) => JSON.parse((await handler(...args)) as string) as unknown;
  const event = (over: Partial<{ sender: unknown; senderFrame: unknown }> = {}) =>
    ({ sender: contents, senderFrame: contents.mainFrame, ...over }) as unknown as IpcMainInvokeEvent;
  return { contents, dispatch, invoke, event, unregister, closeWindow: () => (current = null) };
}

describe('registerIpc', () => {
  it('registers one handler on the call channel and can remove it', () => {
    const { unregister } = setup();
    expect(mock.ipcMain.handle).toHaveBeenCalledWith(CALL_CHANNEL, expect.any(Function));
    unregister();
    expect(mock.ipcMain.removeHandler).toHaveBeenCalledWith(CALL_CHANNEL);
  });

  it('forwards a call from our main frame on app://ganbu to the dispatcher, unchanged', async () => {
    const { invoke, event, dispatch } = setup();
    const result = await invoke(event(), 'session.login', { username: 'admin', password: 'x' });
    expect(dispatch).toHaveBeenCalledWith('session.login', { username: 'admin', password: 'x' });
    expect(result).toEqual({ ok: true, value: { name: 'session.login', input: { username: 'admin', password: 'x' } } });
  });

  it('rejects a call from a sub-frame of our window', async () => {
    const { invoke, contents, dispatch } = setup();
    const child = { url: 'app://ganbu/index.html', frameTreeNodeId: 999, parent: contents.mainFrame };
    expect(await invoke({ sender: contents, senderFrame: child }, 'app.status', {})).toEqual(FORBIDDEN_SENDER);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('rejects a call from another top frame claiming our URL (another window or web contents)', async () => {
    const { invoke, event, dispatch } = setup();
    const other = new mock.FakeWebContents();
    expect(await invoke(event({ sender: other, senderFrame: other.mainFrame }), 'app.status', {})).toEqual(
      FORBIDDEN_SENDER,
    );
    const stranger = { url: 'app://ganbu/index.html', frameTreeNodeId: 12345, parent: null };
    expect(await invoke(event({ senderFrame: stranger }), 'app.status', {})).toEqual(FORBIDDEN_SENDER);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each([
    'https://evil.example/',
    'file:///tmp/x.html',
    'app://ganbu.evil/index.html',
    'app://other/index.html',
    'about:blank',
    'data:text/html,x',
  ])('rejects our main frame when its document came from %s', async (url) => {
    const { invoke, event, contents, dispatch } = setup();
    contents.mainFrame.url = url;
    const result = await invoke(event(), 'app.status', {});
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('rejects a call whose frame is gone, or after the window closed', async () => {
    const { invoke, event, dispatch, closeWindow } = setup();
    expect(await invoke(event({ senderFrame: null }), 'app.status', {})).toEqual(FORBIDDEN_SENDER);
    closeWindow();
    expect(await invoke(event(), 'app.status', {})).toEqual(FORBIDDEN_SENDER);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('accepts the dev server only when it is in the allowed prefixes', async () => {
    const prod = setup();
    prod.contents.mainFrame.url = 'http://localhost:5173/';
    expect(await prod.invoke(prod.event(), 'app.status', {})).toEqual(FORBIDDEN_SENDER);
    const dev = setup(['app://ganbu/', 'http://localhost:5173/']);
    dev.contents.mainFrame.url = 'http://localhost:5173/';
    expect(await dev.invoke(dev.event(), 'app.status', {})).toMatchObject({ ok: true });
  });
});
