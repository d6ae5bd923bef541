// The print window: hardened like the main window, hidden, loads the app's print route, waits for the layout, prints
// A4 from the CSS page size with no margins, and is destroyed afterwards; its calls are trusted only while it is open.
import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';

vi.mock('electron', () => import('./electron-mock'));

const { pdfPrinter } = await import('../../electron/print-window');
const { createMainWindow } = await import('../../electron/window');
const { FORBIDDEN_SENDER, registerIpc } = await import('../../electron/ipc/register');
const { CALL_CHANNEL } = await import('../../shared/ipc/names');
const mock = await import('./electron-mock');
const { PRINT_STATE_SCRIPT, SHEETS_PER_PART, showPartScript } = await import('../../shared/print/progress');

type Printable = InstanceType<typeof mock.FakeWebContents> & {
  executeJavaScript: ReturnType<typeof vi.fn>;
  printToPDF: ReturnType<typeof vi.fn>;
};

/**
 * Gives the next window's contents a view that answers the state polls with these states ([printReady,
 * printProgress, printSheets, printShown]), records every other script it is given, and prints numbered PDFs.
 */
function scriptNextWindow(states: (string | string[])[], scripts: string[] = []) {
  const before = mock.windows.length;
  const proto = mock.FakeWebContents.prototype as unknown as Record<string, unknown>;
  proto['executeJavaScript'] = vi.fn(async (script: string) => {
    if (script !== PRINT_STATE_SCRIPT) return void scripts.push(script);
    const next = states.shift() ?? 'true';
    return typeof next === 'string' ? [next, ''] : next;
  });
  let printed = 0;
  proto['printToPDF'] = vi.fn(async () => Buffer.from(`%PDF-1.4 printed ${++printed}`));
  proto['destroy'] = undefined;
  (mock.FakeBrowserWindow.prototype as unknown as Record<string, unknown>)['destroy'] = vi.fn(function (this: {
    destroyed: boolean;
  }) {
    this.destroyed = true;
  });
  return () => mock.windows[before]!;
}

describe('pdfPrinter', () => {
  it('opens a hidden window hardened like the main one, prints A4 from the CSS page size, then destroys it', async () => {
    const open = new Set<WebContents>();
    const win = scriptNextWindow(['', '', 'true']);
    const print = pdfPrinter({ preload: '/app/preload.cjs', pageUrl: 'app://ganbu/index.html', open });
    const parts = await print('print/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed');
    expect(parts.map((p) => Buffer.from(p).toString())).toEqual(['%PDF-1.4 printed 1']);
    const w = win();
    const main = createMainWindow({ preload: '/app/preload.cjs', devTools: false });
    expect(w.options['show']).toBe(false);
    // The main window's hardening, and a hidden page that is not throttled while it lays out.
    const mainPrefs = (main as unknown as { options: Record<string, unknown> }).options['webPreferences'] as Record<
      string,
      unknown
    >;
    expect(w.options['webPreferences']).toEqual({ ...mainPrefs, backgroundThrottling: false });
    expect(w.loadURL).toHaveBeenCalledWith('app://ganbu/index.html#/print/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed');
    const contents = w.webContents as Printable;
    expect(contents.executeJavaScript).toHaveBeenCalledTimes(3);
    expect(contents.printToPDF).toHaveBeenCalledWith({
      preferCSSPageSize: true,
      printBackground: true,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
    expect(w.isDestroyed()).toBe(true);
    expect(open.size).toBe(0);
  });

  it('a print view that reports an error fails the print and still closes the window', async () => {
    const open = new Set<WebContents>();
    const win = scriptNextWindow(['error']);
    const print = pdfPrinter({ preload: '/p.cjs', pageUrl: 'app://ganbu/index.html', open });
    await expect(print('print/x')).rejects.toThrow(/error/);
    expect(win().isDestroyed()).toBe(true);
    expect((win().webContents as Printable).printToPDF).not.toHaveBeenCalled();
  });
});

describe('pdfPrinter progress', () => {
  it('forwards the view’s progress; a cancel thrown from it stops the print and still closes the window', async () => {
    const seen: string[] = [];
    const win = scriptNextWindow([
      ['', '1/4'],
      ['', '3/4'],
      ['true', '3/4'],
    ]);
    const print = pdfPrinter({ preload: '/p.cjs', pageUrl: 'app://ganbu/index.html', open: new Set() });
    await print('print/a', { onProgress: (d, t) => void seen.push(`${d}/${t}`) });
    expect(seen).toEqual(['1/4', '3/4', '3/4']);
    expect(win().isDestroyed()).toBe(true);

    const next = scriptNextWindow([
      ['', '1/4'],
      ['', '2/4'],
    ]);
    const stopped = print('print/b', {
      onProgress: (d) => {
        if (d === 2) throw new Error('CANCELLED');
      },
    });
    await expect(stopped).rejects.toThrow('CANCELLED');
    expect(next().isDestroyed()).toBe(true);
    expect((next().webContents as Printable).printToPDF).not.toHaveBeenCalled();
  });
});

describe('pdfPrinter parts', () => {
  it('prints a long view a part at a time: asks for each next part, waits until it is shown, prints it', async () => {
    const sheets = String(2 * SHEETS_PER_PART + 5);
    const scripts: string[] = [];
    const laid = (shown: number) => ['true', '5100/5200', sheets, String(shown)];
    const win = scriptNextWindow(
      [['', '4900/5200'], laid(0), laid(0), laid(SHEETS_PER_PART), laid(2 * SHEETS_PER_PART)],
      scripts,
    );
    const print = pdfPrinter({ preload: '/p.cjs', pageUrl: 'app://ganbu/index.html', open: new Set() });
    const seen: string[] = [];
    const parts = await print('print/long', { onProgress: (d, t) => void seen.push(`${d}/${t}`) });
    expect(parts.map((p) => Buffer.from(p).toString())).toEqual([
      '%PDF-1.4 printed 1',
      '%PDF-1.4 printed 2',
      '%PDF-1.4 printed 3',
    ]);
    expect(scripts).toEqual([showPartScript(SHEETS_PER_PART), showPartScript(2 * SHEETS_PER_PART)]);
    // The view's own progress while it lays out, then the PDF step (the last 100 units) a third further per part.
    expect(seen).toEqual(['4900/5200', '5100/5200', '5133/5200', '5133/5200', '5133/5200', '5166/5200', '5166/5200']);
    expect(win().isDestroyed()).toBe(true);
  });

  it('a cancel between parts stops before the next part is printed', async () => {
    const sheets = String(SHEETS_PER_PART + 1);
    const win = scriptNextWindow([
      ['true', '3/4', sheets, '0'],
      ['true', '3/4', sheets, '0'],
    ]);
    let polls = 0;
    const print = pdfPrinter({ preload: '/p.cjs', pageUrl: 'app://ganbu/index.html', open: new Set() });
    const stopped = print('print/c', {
      onProgress: () => {
        if (++polls === 2) throw new Error('CANCELLED');
      },
    });
    await expect(stopped).rejects.toThrow('CANCELLED');
    expect((win().webContents as Printable).printToPDF).toHaveBeenCalledTimes(1);
    expect(win().isDestroyed()).toBe(true);
  });
});

describe('registerIpc with print windows', () => {
  it('answers an open print window’s main frame on app://ganbu, and nothing once it is closed', async () => {
    const main = new mock.FakeWebContents();
    const printing = new mock.FakeWebContents();
    const open = new Set<WebContents>([printing as unknown as WebContents]);
    const dispatch = vi.fn(async () => JSON.stringify({ ok: true as const, value: null }));
    registerIpc(mock.ipcMain as unknown as IpcMain, dispatch, {
      contents: () => main as unknown as WebContents,
      printContents: () => open,
      allowedUrlPrefixes: ['app://ganbu/'],
    });
    const handler = mock.ipcMain.handlers.get(CALL_CHANNEL) as (e: unknown, n: unknown, i: unknown) => Promise<string>;
    const invoke = async (e: unknown, n: unknown, i: unknown) => JSON.parse(await handler(e, n, i)) as unknown;
    const event = { sender: printing, senderFrame: printing.mainFrame } as unknown as IpcMainInvokeEvent;
    expect(await invoke(event, 'print.job', {})).toEqual({ ok: true, value: null });
    const stranger = new mock.FakeWebContents();
    expect(await invoke({ sender: stranger, senderFrame: stranger.mainFrame }, 'print.job', {})).toEqual(
      FORBIDDEN_SENDER,
    );
    open.clear();
    expect(await invoke(event, 'print.job', {})).toEqual(FORBIDDEN_SENDER);
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});
