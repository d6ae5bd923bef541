// The main process wiring, run against the electron stand-in: lock, scheme, session, window, menu, IPC, quit.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

type Mock = typeof import('./electron-mock');
type Invoke = (event: unknown, name: unknown, input: unknown) => Promise<unknown>;

/** The IPC handler's answer parsed, as the preload does (the main process passes JSON text on). */
const parsed =
  (handler: Invoke): Invoke =>
  async (...args) =>
    JSON.parse((await handler(...args)) as string) as unknown;

interface Booted {
  readonly mock: Mock;
  readonly spies: {
    readonly lock: ReturnType<typeof vi.fn>;
    readonly onLock: ReturnType<typeof vi.fn>;
    readonly startIdleTimer: ReturnType<typeof vi.fn>;
    readonly dispose: ReturnType<typeof vi.fn>;
  };
}

/** A new module registry with a new electron stand-in, which main.ts and the test then share. */
async function freshElectron(): Promise<Mock> {
  vi.resetModules();
  vi.doMock('electron', () => import('./electron-mock'));
  return (await import('electron')) as unknown as Mock;
}

/** Loads electron/main.ts afresh and waits for the window to load. */
async function boot(opts: { singleInstance?: boolean; packaged?: boolean; devUrl?: string } = {}): Promise<Booted> {
  if (opts.devUrl) process.env['ELECTRON_RENDERER_URL'] = opts.devUrl;
  else delete process.env['ELECTRON_RENDERER_URL'];
  const mock = await freshElectron();
  // No built worker script here: the engine runs in this thread, on the same AppHost the spies watch.
  vi.doMock('../../electron/engine/client', async () => ({
    EngineClient: (await import('../helpers/in-process-engine')).InProcessEngine,
  }));
  mock.app.isPackaged = opts.packaged ?? false;
  mock.app.requestSingleInstanceLock.mockReturnValue(opts.singleInstance ?? true);
  const { AppHost } = await import('../../db/app/host');
  const spies = {
    lock: vi.spyOn(AppHost.prototype, 'lock'),
    onLock: vi.spyOn(AppHost.prototype, 'onLock'),
    startIdleTimer: vi.spyOn(AppHost.prototype, 'startIdleTimer'),
    dispose: vi.spyOn(AppHost.prototype, 'dispose'),
  } as unknown as Booted['spies'];
  await import('../../electron/main');
  if (opts.singleInstance !== false) await vi.waitFor(() => expect(mock.windows[0]?.loadURL).toHaveBeenCalled());
  return { mock, spies };
}

const template = (mock: Mock): MenuItemConstructorOptions[] =>
  mock.Menu.buildFromTemplate.mock.calls[0]![0] as MenuItemConstructorOptions[];
const submenu = (mock: Mock, label: string): MenuItemConstructorOptions[] =>
  template(mock).find((m) => m.label === label)!.submenu as MenuItemConstructorOptions[];

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env['ELECTRON_RENDERER_URL'];
});

describe('main process start-up', () => {
  it('takes the single-instance lock, privileges app:// and sandboxes everything before ready', async () => {
    const { mock } = await boot();
    expect(mock.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(mock.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(mock.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const order = (fn: { mock: { invocationCallOrder: number[] } }) => fn.mock.invocationCallOrder[0]!;
    expect(order(mock.protocol.registerSchemesAsPrivileged)).toBeLessThan(order(mock.app.whenReady));
    expect(order(mock.app.enableSandbox)).toBeLessThan(order(mock.app.whenReady));
    // The renderers get gc() (the print view collects between parts) and no other switch.
    expect(mock.app.commandLine.appendSwitch.mock.calls).toEqual([['js-flags', '--expose-gc']]);
    expect(order(mock.app.commandLine.appendSwitch)).toBeLessThan(order(mock.app.whenReady));
    expect(mock.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('quits at once, creating nothing, when another instance holds the lock', async () => {
    const { mock } = await boot({ singleInstance: false });
    expect(mock.app.quit).toHaveBeenCalledTimes(1);
    expect(mock.app.whenReady).not.toHaveBeenCalled();
    expect(mock.windows).toHaveLength(0);
    expect(mock.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('focuses (and restores) the existing window when a second instance starts', async () => {
    const { mock } = await boot();
    const win = mock.windows[0]!;
    win.minimized = true;
    mock.app.emit('second-instance', {}, [], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('serves the renderer over app:// and loads app://ganbu/index.html in a hardened window', async () => {
    const { mock } = await boot();
    expect(mock.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const serve = mock.protocol.handle.mock.calls[0]![1] as (r: Request) => Promise<Response>;
    expect((await serve(new Request('app://ganbu/..%2fpackage.json'))).status).toBe(403);

    expect(mock.windows).toHaveLength(1);
    const win = mock.windows[0]!;
    expect(win.loadURL).toHaveBeenCalledWith('app://ganbu/index.html');
    const prefs = win.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
    });
    expect(String(prefs['preload']).replaceAll('\\', '/')).toMatch(/\/preload\/preload\.cjs$/);
    // web-contents-created hardens every web contents, this window's included.
    expect(win.webContents.listenerCount('will-navigate')).toBe(1);
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('hardens the default session: permissions denied, remote requests cancelled', async () => {
    const { mock } = await boot();
    const s = mock.session.defaultSession;
    expect(s.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(s.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(s.setDevicePermissionHandler).toHaveBeenCalledTimes(1);
    const callback = vi.fn();
    s.handlers['beforeRequest']!({ url: 'https://example.com/' } as never, callback as never);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', async () => {
    const { mock } = await boot({ packaged: true, devUrl: 'http://evil.example:5173' });
    expect(mock.windows[0]!.loadURL).toHaveBeenCalledWith('app://ganbu/index.html');
    expect(submenu(mock, '视图').map((i) => i.label)).not.toContain('重新加载');
  });

  it('loads the dev server while developing, with reload and DevTools', async () => {
    const { mock } = await boot({ devUrl: 'http://localhost:5173' });
    const win = mock.windows[0]!;
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173');
    expect((win.options['webPreferences'] as Record<string, unknown>)['devTools']).toBe(true);
    expect(submenu(mock, '视图').map((i) => i.label)).toContain('重新加载');
  });
});

describe('the store host', () => {
  it('answers the page through the dispatcher, suggesting a store folder under Documents', async () => {
    const { mock, spies } = await boot();
    expect(spies.startIdleTimer).toHaveBeenCalledTimes(1);
    const invoke = parsed(mock.ipcMain.handlers.get('ganbu:call') as Invoke);
    const win = mock.windows[0]!;
    const ours = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const status = (await invoke(ours, 'app.status', {})) as {
      ok: true;
      value: { phase: string; defaultStoreDir: string };
    };
    expect(status.ok).toBe(true);
    expect(status.value.phase).toBe('setup');
    expect(status.value.defaultStoreDir).toBe(join(mock.app.paths['documents']!, '干部档案库'));
    expect(mock.app.getPath).toHaveBeenCalledWith('userData');

    const foreign = {
      sender: win.webContents,
      senderFrame: { url: 'https://evil.example/', frameTreeNodeId: -1, parent: null },
    };
    expect(await invoke(foreign, 'app.status', {})).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' },
    });
  });

  it('falls back to userData when the OS has no Documents folder', async () => {
    const mock = await freshElectron();
    // No built worker script here: the engine runs in this thread, on the same AppHost the spies watch.
    vi.doMock('../../electron/engine/client', async () => ({
      EngineClient: (await import('../helpers/in-process-engine')).InProcessEngine,
    }));
    delete mock.app.paths['documents'];
    await import('../../electron/main');
    await vi.waitFor(() => expect(mock.windows[0]?.loadURL).toHaveBeenCalled());
    const win = mock.windows[0]!;
    const invoke = parsed(mock.ipcMain.handlers.get('ganbu:call') as Invoke);
    const status = (await invoke(
      { sender: win.webContents, senderFrame: win.webContents.mainFrame },
      'app.status',
      {},
    )) as {
      value: { defaultStoreDir: string };
    };
    expect(status.value.defaultStoreDir).toBe(join(mock.app.paths['userData']!, '干部档案库'));
  });

  it('picks a folder with a native dialog, in Chinese, able to create folders', async () => {
    const { mock, spies } = await boot();
    const host = spies.onLock.mock.contexts[0] as { pickDirectory(): Promise<string | null> };
    await expect(host.pickDirectory()).resolves.toBe('/picked/folder');
    const [parent, options] = mock.dialog.showOpenDialog.mock.calls[0] as unknown as [unknown, Record<string, unknown>];
    expect(parent).toBe(mock.windows[0]);
    expect(options['properties']).toEqual(['openDirectory', 'createDirectory', 'promptToCreate']);
    expect(String(options['title'])).toMatch(/[\u4e00-\u9fff]/);
    mock.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(host.pickDirectory()).resolves.toBeNull();
  });

  it('answers imports and exports with native dialogs: several files, a folder, a save path', async () => {
    const { mock, spies } = await boot();
    type Dialogs = {
      pickOpen(o: {
        title: string;
        filters: { name: string; extensions: string[] }[];
        multiple: boolean;
        folder: boolean;
      }): Promise<string[]>;
      pickSave(o: {
        title: string;
        defaultName: string;
        filters: { name: string; extensions: string[] }[];
      }): Promise<string | null>;
    };
    const dialogs = (spies.onLock.mock.contexts[0] as { opts: { fileDialogs: Dialogs } }).opts.fileDialogs;
    const filters = [{ name: '任免审批表', extensions: ['lrmx'] }];
    await expect(
      dialogs.pickOpen({ title: '选择任免审批表文件', filters, multiple: true, folder: false }),
    ).resolves.toEqual(['/picked/folder']);
    const [parent, options] = mock.dialog.showOpenDialog.mock.calls.at(-1) as unknown as [
      unknown,
      Record<string, unknown>,
    ];
    expect(parent).toBe(mock.windows[0]);
    expect(options).toMatchObject({
      title: '选择任免审批表文件',
      properties: ['openFile', 'multiSelections'],
      filters,
    });
    await dialogs.pickOpen({ title: '选择文件夹', filters: [], multiple: false, folder: true });
    const [, folderOptions] = mock.dialog.showOpenDialog.mock.calls.at(-1) as unknown as [
      unknown,
      Record<string, unknown>,
    ];
    expect(folderOptions['properties']).toEqual(['openDirectory']);
    mock.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(dialogs.pickOpen({ title: 't', filters, multiple: false, folder: false })).resolves.toEqual([]);
    await expect(dialogs.pickSave({ title: '导出干部名册', defaultName: '干部名册.xlsx', filters })).resolves.toBe(
      '/chosen/干部名册',
    );
    const [, save] = mock.dialog.showSaveDialog.mock.calls.at(-1) as unknown as [unknown, Record<string, unknown>];
    expect(String(save['defaultPath'])).toMatch(/干部名册\.xlsx$/);
    mock.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(dialogs.pickSave({ title: 't', defaultName: 'x.xlsx', filters })).resolves.toBeNull();
  });

  it('tells the page when the host locks', async () => {
    const { mock, spies } = await boot();
    const listener = spies.onLock.mock.calls[0]![0] as (reason: 'idle' | 'manual') => void;
    listener('idle');
    expect(mock.windows[0]!.webContents.send).toHaveBeenCalledWith('ganbu:locked', 'idle');
  });
});

describe('engine crash', () => {
  it('says so in Chinese and, on 重新打开档案库, starts the engine again: the page is told and the login says why', async () => {
    const { mock } = await boot();
    const { InProcessEngine } = await import('../helpers/in-process-engine');
    const win = mock.windows[0]!;
    mock.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    await InProcessEngine.last!.crash();
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalledWith('ganbu:locked', 'crashed'));
    const [, box] = mock.dialog.showMessageBox.mock.calls.at(-1) as unknown as [unknown, Record<string, unknown>];
    expect(box).toMatchObject({ type: 'error', title: '数据服务意外停止', buttons: ['重新打开档案库', '退出程序'] });
    const invoke = parsed(mock.ipcMain.handlers.get('ganbu:call') as Invoke);
    const status = (await invoke(
      { sender: win.webContents, senderFrame: win.webContents.mainFrame },
      'app.status',
      {},
    )) as {
      value: { lockedReason: string | null };
    };
    expect(status.value.lockedReason).toBe('crashed');
    expect(mock.app.quit).not.toHaveBeenCalled();
  });

  it('quits on 退出程序', async () => {
    const { mock } = await boot();
    const { InProcessEngine } = await import('../helpers/in-process-engine');
    mock.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await InProcessEngine.last!.crash();
    await vi.waitFor(() => expect(mock.app.quit).toHaveBeenCalled());
  });
});

describe('menu', () => {
  it('is in Chinese, with 锁定 on CmdOrCtrl+L calling host.lock("manual")', async () => {
    const { mock, spies } = await boot();
    expect(mock.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(template(mock).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const lock = submenu(mock, '文件').find((i) => i.label === '锁定')!;
    expect(lock.accelerator).toBe('CmdOrCtrl+L');
    spies.lock.mockClear();
    (lock.click as () => void)();
    expect(spies.lock).toHaveBeenCalledWith('manual');
    expect(submenu(mock, '文件').find((i) => i.label === '退出')?.role).toBe('quit');
  });

  it('has the standard edit roles and zoom, and no reload in production', async () => {
    const { mock } = await boot();
    const edit = submenu(mock, '编辑').filter((i) => i.role);
    expect(edit.map((i) => [i.label, i.role])).toEqual([
      ['撤销', 'undo'],
      ['重做', 'redo'],
      ['剪切', 'cut'],
      ['复制', 'copy'],
      ['粘贴', 'paste'],
      ['全选', 'selectAll'],
    ]);
    const view = submenu(mock, '视图');
    expect(view.map((i) => [i.label, i.role])).toEqual([
      ['实际大小', 'resetZoom'],
      ['放大', 'zoomIn'],
      ['缩小', 'zoomOut'],
    ]);
  });

  it('shows an about box with the version', async () => {
    const { mock } = await boot();
    const about = submenu(mock, '帮助').find((i) => i.label === '关于')!;
    (about.click as () => void)();
    const [, box] = mock.dialog.showMessageBox.mock.calls[0] as unknown as [unknown, Record<string, unknown>];
    expect(String(box['detail'])).toContain('0.1.0');
    expect(String(box['message'])).toMatch(/干部政治素质档案/);
  });
});

describe('quitting', () => {
  it('quits when the window closes', async () => {
    const { mock } = await boot();
    mock.app.emit('window-all-closed');
    expect(mock.app.quit).toHaveBeenCalledTimes(1);
  });

  it('closes the store before the process exits, then quits for real', async () => {
    const { mock, spies } = await boot();
    const first = { preventDefault: vi.fn() };
    mock.app.emit('before-quit', first);
    expect(first.preventDefault).toHaveBeenCalledTimes(1);
    expect(spies.dispose).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(mock.app.quit).toHaveBeenCalledTimes(1));
    const second = { preventDefault: vi.fn() };
    mock.app.emit('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(spies.dispose).toHaveBeenCalledTimes(1);
  });
});

describe('the kiosk window (评议终端, issue 16 row 11)', () => {
  const KIOSK = { assessmentId: 1, assessmentName: '2025年度双比双评', year: 2025, startedBy: '考核录入员甲' };

  /** The AppHost main.ts made (startIdleTimer was called on it). */
  async function bootWithHost() {
    const booted = await boot();
    const host = booted.spies.startIdleTimer.mock.contexts[0] as import('../../db/app/host').AppHost;
    return { ...booted, host, win: booted.mock.windows[0]! };
  }

  it('starting kiosk mode makes the window a full-screen kiosk on top, with no menu and so no 锁定/退出 shortcuts', async () => {
    const { mock, host, win } = await bootWithHost();
    const normalMenu = mock.Menu.setApplicationMenu.mock.calls[0]![0];
    expect(win.kiosk).toBe(false);
    host.kiosk.start(KIOSK);
    expect(win.kiosk).toBe(true);
    expect(win.alwaysOnTop).toBe('screen-saver');
    expect(win.menuBarVisible).toBe(false);
    expect(win.minimizable).toBe(false);
    // No application menu at all: neither the 锁定 (CmdOrCtrl+L) nor the 退出 item, nor any accelerator, exists.
    expect(mock.Menu.setApplicationMenu).toHaveBeenLastCalledWith(null);

    host.kiosk.stop('exit');
    expect(win.kiosk).toBe(false);
    expect(win.alwaysOnTop).toBe(false);
    expect(win.menuBarVisible).toBe(true);
    expect(win.minimizable).toBe(true);
    expect(mock.Menu.setApplicationMenu).toHaveBeenLastCalledWith(normalMenu);
    expect(win.destroyed).toBe(false);
  });

  it('closing the window in kiosk mode is refused and asks the page for the clerk’s password', async () => {
    const { host, win } = await bootWithHost();
    host.kiosk.start(KIOSK);
    win.close(); // the close button, or Alt+F4
    expect(win.destroyed).toBe(false);
    expect(win.webContents.send).toHaveBeenCalledWith('ganbu:kiosk-close');
    expect(win.kiosk).toBe(true);
    // Leaving kiosk mode the ordinary way keeps the window open …
    host.kiosk.stop('exit');
    expect(win.destroyed).toBe(false);
    // … and outside kiosk mode the close button closes it as before.
    win.close();
    expect(win.destroyed).toBe(true);
  });

  it('once the clerk’s password ends kiosk mode for closing, the window closes', async () => {
    const { host, win } = await bootWithHost();
    host.kiosk.start(KIOSK);
    win.close();
    expect(win.destroyed).toBe(false);
    host.kiosk.stop('close'); // kiosk.exit with close: true, after the right password
    expect(win.kiosk).toBe(false);
    expect(win.destroyed).toBe(true);
  });

  it('a lock during kiosk mode gives the window back its normal state (the lock screen), without closing it', async () => {
    const { host, win } = await bootWithHost();
    host.kiosk.start(KIOSK);
    host.kiosk.stop(); // the session ended: idle lock, restore
    expect(win.kiosk).toBe(false);
    expect(win.destroyed).toBe(false);
  });
});
