// A stand-in for the `electron` module (its binary cannot be downloaded here): records what the app asks of it.
// Used as `vi.mock('electron', () => import('./electron-mock'))`; tests read the same instance via `await import('electron')`.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

type Handler = (...args: never[]) => unknown;

export interface FakeFrame {
  url: string;
  frameTreeNodeId: number;
  parent: FakeFrame | null;
}

let nextFrameId = 1;

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame = { url: 'app://ganbu/index.html', frameTreeNodeId: nextFrameId++, parent: null };
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  destroyed = false;
  readonly send = vi.fn();
  readonly setWindowOpenHandler = vi.fn((h: (details: { url: string }) => unknown) => {
    this.windowOpenHandler = h;
  });
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeSession {
  readonly handlers: Record<string, Handler> = {};
  readonly setPermissionRequestHandler = vi.fn((h: Handler) => void (this.handlers['permissionRequest'] = h));
  readonly setPermissionCheckHandler = vi.fn((h: Handler) => void (this.handlers['permissionCheck'] = h));
  readonly setDevicePermissionHandler = vi.fn((h: Handler) => void (this.handlers['devicePermission'] = h));
  readonly webRequest = {
    filter: null as { urls: string[] } | null,
    onBeforeRequest: vi.fn((filter: { urls: string[] }, h: Handler) => {
      this.webRequest.filter = filter;
      this.handlers['beforeRequest'] = h;
    }),
  };
}

export const windows: FakeBrowserWindow[] = [];

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => void (this.minimized = false));
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  /** Window state the kiosk mode changes: what the user would see. */
  kiosk = false;
  alwaysOnTop: string | false = false;
  menuBarVisible = true;
  minimizable = true;
  readonly setKiosk = vi.fn((on: boolean) => void (this.kiosk = on));
  readonly setAlwaysOnTop = vi.fn((on: boolean, level = 'floating') => void (this.alwaysOnTop = on ? level : false));
  readonly setMenuBarVisibility = vi.fn((visible: boolean) => void (this.menuBarVisible = visible));
  readonly setMinimizable = vi.fn((on: boolean) => void (this.minimizable = on));
  /** As Electron: 'close' may be prevented by a listener; otherwise the window is destroyed and 'closed' follows. */
  readonly close = vi.fn(() => {
    if (this.destroyed) return;
    let prevented = false;
    this.emit('close', { preventDefault: () => void (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.emit('closed');
  });
  constructor(readonly options: Record<string, unknown>) {
    super();
    windows.push(this);
    // Electron emits web-contents-created while the window is being constructed.
    app.emit('web-contents-created', {}, this.webContents);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
}

const dataRoot = mkdtempSync(join(tmpdir(), 'ganbu-electron-mock-'));

class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly paths: Record<string, string> = {
    userData: join(dataRoot, 'userData'),
    documents: join(dataRoot, 'documents'),
  };
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly enableSandbox = vi.fn();
  readonly commandLine = { appendSwitch: vi.fn() };
  readonly setAppUserModelId = vi.fn();
  readonly whenReady = vi.fn(() => Promise.resolve());
  readonly getVersion = vi.fn(() => '0.1.0');
  readonly getPath = vi.fn((name: string) => {
    const p = this.paths[name];
    if (!p) throw new Error(`no path ${name}`);
    return p;
  });
}

export const app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;
export const session = { defaultSession: new FakeSession() };
export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};
export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle: vi.fn((channel: string, h: Handler) => void ipcMain.handlers.set(channel, h)),
  removeHandler: vi.fn((channel: string) => void ipcMain.handlers.delete(channel)),
};
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};
export const dialog = {
  showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/picked/folder'] })),
  showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/chosen/干部名册' })),
  showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
  showErrorBox: vi.fn(),
};
export const contextBridge = { exposeInMainWorld: vi.fn() };
export const ipcRenderer = {
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null })),
  on: vi.fn(),
  removeListener: vi.fn(),
};
// `shell` exists so that a stray import would be caught by the tests' assertions, not by a missing export.
export const shell = { openExternal: vi.fn() };

export default { app, BrowserWindow, session, protocol, ipcMain, Menu, dialog, contextBridge, ipcRenderer, shell };
