// The Electron main process: one hardened window on app://ganbu, its dialogs, menu and printing. The store and every
// service run in the engine worker (electron/engine/worker.ts), reached through the one IPC dispatcher's messages.
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { KIOSK_CLOSE_CHANNEL, LOCKED_CHANNEL } from '../shared/ipc/names';
import { APP_ORIGIN, APP_SCHEME, APP_START_URL, createAppProtocolHandler, registerAppScheme } from './app-protocol';
import { EngineClient } from './engine/client';
import { registerIpc } from './ipc/register';
import { buildMenuTemplate, KIOSK_MENU } from './menu';
import { hardenContents, hardenSession } from './security';
import { createMainWindow, guardKioskClose, setKioskWindow, WINDOW_TITLE } from './window';
import { pdfPrinter } from './print-window';

/** The store folder suggested on first start (the user confirms or changes it in the setup page). */
export const DEFAULT_STORE_FOLDER = '干部档案库';
/** Equal to appId in electron-builder.yml: Windows groups the taskbar button with the installer's shortcuts by it. */
const APP_USER_MODEL_ID = 'cn.gov.zzb.ganbudangan';

// The dev server URL is honoured only in an unpackaged app, so a packaged app can never be pointed at a remote page.
const devServerUrl = !app.isPackaged ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null;
const devServerOrigin = devServerUrl ? new URL(devServerUrl).origin : null;

// Built layout: out/main/main.js, out/preload/preload.cjs, out/renderer/index.html.
const preloadPath = join(import.meta.dirname, '../preload/preload.cjs');
const enginePath = join(import.meta.dirname, 'engine.js');
const rendererRoot = join(import.meta.dirname, '../renderer');

/** Documents is where users look for and back up their files; userData only if the OS has no Documents folder. */
function defaultStoreDir(): string {
  try {
    return join(app.getPath('documents'), DEFAULT_STORE_FOLDER);
  } catch {
    return join(app.getPath('userData'), DEFAULT_STORE_FOLDER);
  }
}

// Before ready: the scheme must be privileged, and every renderer sandboxed.
registerAppScheme(protocol);
app.enableSandbox();
// The print view collects garbage between the parts of a long print (renderer/pages/print/memory.ts): without it
// a 400-page packet's window keeps every part's layout until V8 gets round to it.
app.commandLine.appendSwitch('js-flags', '--expose-gc');
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

/**
 * The engine stopped unexpectedly (its open transaction was rolled back, nothing half-written): say so in Chinese and
 * offer to start it again; the user then signs in afresh.
 */
async function offerRestart(win: BrowserWindow, engine: EngineClient): Promise<void> {
  if (win.isDestroyed()) return;
  const { response } = await dialog.showMessageBox(win, {
    type: 'error',
    title: '数据服务意外停止',
    message: '档案库的数据服务意外停止，正在进行的操作未完成，已保存的数据不受影响。',
    detail: '选择“重新打开档案库”后请重新登录；如反复出现，请联系技术支持。',
    buttons: ['重新打开档案库', '退出程序'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (response !== 0) {
    app.quit();
    return;
  }
  await engine.start({ afterCrash: true });
  if (!win.isDestroyed()) win.webContents.send(LOCKED_CHANNEL, 'crashed');
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same store from two processes; the first one is focused instead.
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let engine: EngineClient | null = null;
  let disposed = false;
  const printWindows = new Set<Electron.WebContents>();

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  app.on('window-all-closed', () => app.quit());

  // Close the store (and wipe its key) before the process exits; quit again once that is done.
  app.on('before-quit', (event) => {
    if (disposed || !engine) return;
    event.preventDefault();
    disposed = true;
    void engine
      .dispose()
      .catch((e: unknown) => console.error(e))
      .finally(() => app.quit());
  });

  void app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession, { devServerOrigin });
      protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));

      const appEngine = new EngineClient({
        workerPath: enginePath,
        log: (e) => console.error(e),
        configDir: app.getPath('userData'),
        defaultStoreDir: defaultStoreDir(),
        pickDirectory: async () => {
          const options: OpenDialogOptions = {
            title: '选择档案库所在的文件夹',
            buttonLabel: '选择此文件夹',
            properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
          };
          const result = mainWindow
            ? await dialog.showOpenDialog(mainWindow, options)
            : await dialog.showOpenDialog(options);
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
        printPdf: pdfPrinter({ preload: preloadPath, pageUrl: devServerUrl ?? APP_START_URL, open: printWindows }),
        fileDialogs: {
          pickOpen: async ({ title, filters, multiple, folder }) => {
            const options: OpenDialogOptions = {
              title,
              filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
              properties: folder ? ['openDirectory'] : multiple ? ['openFile', 'multiSelections'] : ['openFile'],
            };
            const r = mainWindow
              ? await dialog.showOpenDialog(mainWindow, options)
              : await dialog.showOpenDialog(options);
            return r.canceled ? [] : r.filePaths;
          },
          pickSave: async ({ title, defaultName, filters }) => {
            const options: SaveDialogOptions = {
              title,
              defaultPath: join(app.getPath('documents'), defaultName),
              filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
            };
            const r = mainWindow
              ? await dialog.showSaveDialog(mainWindow, options)
              : await dialog.showSaveDialog(options);
            return r.canceled || !r.filePath ? null : r.filePath;
          },
        },
      });
      engine = appEngine;
      await appEngine.start();

      registerIpc(ipcMain, appEngine.dispatchJson, {
        contents: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null),
        printContents: () => printWindows,
        allowedUrlPrefixes: [`${APP_ORIGIN}/`, ...(devServerOrigin ? [`${devServerOrigin}/`] : [])],
      });

      const win = createMainWindow({ preload: preloadPath, devTools: devServerUrl !== null });
      mainWindow = win;
      win.on('closed', () => {
        mainWindow = null;
      });

      appEngine.onLock((reason) => {
        if (!win.isDestroyed()) win.webContents.send(LOCKED_CHANNEL, reason);
      });
      appEngine.onCrash(() => void offerRestart(win, appEngine));

      const menu = Menu.buildFromTemplate(
        buildMenuTemplate({
          isDev: devServerUrl !== null,
          lock: () => appEngine.lock(),
          about: () =>
            void dialog.showMessageBox(win, {
              type: 'info',
              title: '关于',
              message: WINDOW_TITLE,
              detail: `版本 ${app.getVersion()}`,
              buttons: ['确定'],
            }),
        }),
      );
      Menu.setApplicationMenu(menu);

      // 评议终端: the window becomes a kiosk with no menu while the session serves panel members; closing it asks the
      // clerk's password (the kiosk screen's dialog calls kiosk.exit with close) and closes once that succeeded.
      guardKioskClose(
        win,
        () => appEngine.kioskOn,
        () => {
          if (!win.isDestroyed()) win.webContents.send(KIOSK_CLOSE_CHANNEL);
        },
      );
      appEngine.onKiosk((on, end) => {
        if (win.isDestroyed()) return;
        Menu.setApplicationMenu(on ? KIOSK_MENU : menu);
        setKioskWindow(win, on);
        if (end === 'close') win.close();
      });
      // A laptop whose 评议终端 was left open starts as that kiosk (the engine said so before the window existed).
      if (appEngine.kioskOn) {
        Menu.setApplicationMenu(KIOSK_MENU);
        setKioskWindow(win, true);
      }

      await win.loadURL(devServerUrl ?? APP_START_URL);
    })
    .catch((e: unknown) => {
      console.error(e);
      dialog.showErrorBox('启动失败', `程序无法启动：${e instanceof Error ? e.message : String(e)}`);
      app.exit(1);
    });
}
