// electron.vite.config.ts: the three outputs where package.json and main.ts expect them, in formats Electron loads.
// The build runs on a scratch copy with a stub renderer, so this checks our config, not the renderer's code.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../electron.vite.config';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; type: string };

type Rolldown = { input: Record<string, string>; external?: unknown[]; output: Record<string, unknown> };
const main = config.main as { build: { rolldownOptions: Rolldown; externalizeDeps: unknown; outDir: string } };
const preload = config.preload as { build: { rolldownOptions: Rolldown; externalizeDeps: unknown; outDir: string } };
const renderer = config.renderer as {
  root: string;
  plugins?: unknown[];
  build: { outDir: string; rolldownOptions: Rolldown };
};

describe('electron.vite.config.ts', () => {
  it('builds the main process as ESM at package.json main, keeping the native cipher module external', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.main).toBe('out/main/main.js');
    expect(main.build.rolldownOptions.input).toEqual({
      main: join(root, 'electron/main.ts'),
      engine: join(root, 'electron/engine/worker.ts'),
    });
    expect(main.build.outDir).toBe(join(root, 'out/main'));
    expect(main.build.rolldownOptions.output).toMatchObject({ format: 'es', entryFileNames: '[name].js' });
    expect(main.build.rolldownOptions.external).toContain('better-sqlite3-multiple-ciphers');
    expect(main.build.externalizeDeps).toEqual({ exclude: ['kysely', 'zod'] });
  });

  it('builds the preload as one CommonJS file (sandboxed preloads cannot be ESM)', () => {
    expect(preload.build.rolldownOptions.input).toEqual({ preload: join(root, 'electron/preload.ts') });
    expect(preload.build.outDir).toBe(join(root, 'out/preload'));
    expect(preload.build.rolldownOptions.output).toMatchObject({
      format: 'cjs',
      entryFileNames: '[name].cjs',
      codeSplitting: false,
    });
    expect(preload.build.externalizeDeps).toBe(false);
    expect(readFileSync(join(root, 'electron/main.ts'), 'utf8')).toContain("'../preload/preload.cjs'");
  });

  it('builds the renderer from renderer/index.html into out/renderer, without a React plugin (only the pdf.js assets one)', () => {
    expect(renderer.root).toBe(join(root, 'renderer'));
    expect(renderer.build.rolldownOptions.input).toEqual({ index: join(root, 'renderer/index.html') });
    expect(renderer.build.outDir).toBe(join(root, 'out/renderer'));
    expect((renderer.plugins ?? []).map((p) => (p as { name: string }).name)).toEqual(['ganbu-pdfjs-assets']);
    expect(readFileSync(join(root, 'electron/main.ts'), 'utf8')).toContain("'../renderer'");
  });
});

describe('electron-vite build (scratch copy, stub renderer)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ganbu-build-'));
  const out = (p: string) => join(scratch, 'out', p);

  beforeAll(() => {
    for (const entry of [
      'package.json',
      'tsconfig.json',
      'tsconfig.base.json',
      'electron.vite.config.ts',
      'electron',
      'shared',
      'db',
      'scripts',
    ]) {
      cpSync(join(root, entry), join(scratch, entry), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'), 'junction');
    mkdirSync(join(scratch, 'renderer'));
    writeFileSync(
      join(scratch, 'renderer', 'index.html'),
      '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><title>测试</title></head>' +
        '<body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>',
    );
    writeFileSync(
      join(scratch, 'renderer', 'main.tsx'),
      "import { createRoot } from 'react-dom/client';\nconst App = () => <p>你好</p>;" +
        "\ncreateRoot(document.getElementById('root')!).render(<App />);\n",
    );
    execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: scratch,
      stdio: 'pipe',
      timeout: 120_000,
    });
  }, 180_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes out/main/main.js as ESM importing electron, and no store code: that is in the engine worker', () => {
    const js = readFileSync(out('main/main.js'), 'utf8');
    expect(js).toMatch(/^import .* from "electron";$/m);
    expect(js).not.toMatch(/better-sqlite3|CREATE TABLE|exceljs|pdf-lib/);
    expect(js).not.toMatch(/\brequire\(/);
  });

  it('writes out/main/engine.js as ESM importing the external cipher module and never electron', () => {
    const js = readFileSync(out('main/engine.js'), 'utf8');
    expect(js).toMatch(/^import \w+ from "better-sqlite3-multiple-ciphers";$/m);
    expect(js).not.toMatch(/from "electron"/);
    expect(js).not.toMatch(/\brequire\(/);
    expect(js).not.toMatch(/from "(zod|kysely)"/); // bundled
  });

  it('writes out/preload/preload.cjs requiring only electron, without zod or schemas', () => {
    const js = readFileSync(out('preload/preload.cjs'), 'utf8');
    expect([...js.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(js).not.toMatch(/^\s*(import|export)\s/m);
    expect(js).not.toMatch(/zod|safeParse|z\.object/);
    expect(js).toContain('exposeInMainWorld');
    expect(existsSync(out('preload/preload.mjs'))).toBe(false);
  });

  it('writes out/renderer/index.html loading its script relatively (so app://ganbu/ serves it)', () => {
    const html = readFileSync(out('renderer/index.html'), 'utf8');
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/[^"]+\.js"><\/script>/);
  });

  it('copies pdf.js CMaps, standard fonts and JS image decoders under out/renderer/pdfjs, but no .wasm (the CSP allows none)', () => {
    expect(existsSync(out('renderer/pdfjs/cmaps/UniGB-UCS2-H.bcmap'))).toBe(true);
    expect(existsSync(out('renderer/pdfjs/standard_fonts/FoxitSerif.pfb'))).toBe(true);
    expect(existsSync(out('renderer/pdfjs/wasm/openjpeg_nowasm_fallback.js'))).toBe(true);
    expect(existsSync(out('renderer/pdfjs/wasm/openjpeg.wasm'))).toBe(false);
  });

  it('runs the built out/main/main.js (under Node, electron stubbed): serves the page and answers app.status', () => {
    // Node cannot load the real `electron` module here, so a resolve hook hands the bundle a stub that drives it:
    // ready at once, then loadURL fetches the page and its script through the registered app:// handler and makes
    // one IPC call as the page would. This checks the ESM bundle, its paths and the external native module.
    writeFileSync(join(scratch, 'hooks.mjs'), STUB_HOOKS);
    writeFileSync(
      join(scratch, 'register.mjs'),
      "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n",
    );
    writeFileSync(join(scratch, 'electron-stub.mjs'), ELECTRON_STUB);
    const stdout = execFileSync(process.execPath, ['--import', './register.mjs', 'out/main/main.js'], {
      cwd: scratch,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, GANBU_STUB_DATA: join(scratch, 'data') },
    });
    const events = Object.fromEntries(
      stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { k: string; v: unknown })
        .map(({ k, v }) => [k, v]),
    ) as Record<string, unknown>;
    expect(events['error']).toBeUndefined();
    expect(events['schemes']).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(events['handle']).toBe('app');
    expect(events['ipc']).toBe('ganbu:call');
    expect(events['window']).toEqual({ preloadExists: true, sandbox: true, contextIsolation: true });
    expect(events['loaded']).toMatchObject({
      url: 'app://ganbu/index.html',
      status: 200,
      script: 200,
      scriptType: 'text/javascript; charset=utf-8',
      status2: { ok: true, value: { phase: 'setup' } },
    });
    expect((events['loaded'] as { csp: string }).csp).toContain("default-src 'self'");
  });
});

const STUB_HOOKS = `
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: new URL('./electron-stub.mjs', import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
`;

const ELECTRON_STUB =
  `
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
const log = (k, v) => process.stdout.write(JSON.stringify({ k, v }) + '\\n');
const data = process.env.GANBU_STUB_DATA;
let serve = null;
let call = null;
class App extends EventEmitter {
  isPackaged = true;
  getPath(name) { return join(data, name); }
  requestSingleInstanceLock() { return true; }
  enableSandbox() {}
  commandLine = { appendSwitch() {} };
  setAppUserModelId() {}
  whenReady() { return Promise.resolve(); }
  getVersion() { return '0.1.0'; }
  quit() { log('quit', true); }
  exit(code) { log('exit', code); process.exit(code); }
}
export const app = new App();
export const protocol = {
  registerSchemesAsPrivileged(schemes) { log('schemes', schemes); },
  handle(scheme, handler) { serve = handler; log('handle', scheme); },
};
const noop = () => {};
export const session = { defaultSession: { setPermissionRequestHandler: noop, setPermissionCheckHandler: noop, ` +
  `setDevicePermissionHandler: noop, webRequest: { onBeforeRequest: noop } } };
export const ipcMain = { handle(channel, handler) { call = handler; log('ipc', channel); }, removeHandler: noop };
export const Menu = { buildFromTemplate: (t) => t, setApplicationMenu: noop };
export const dialog = { showErrorBox(title, message) { log('error', message); }, showOpenDialog: noop, showMessageBox: noop };
export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    const p = options.webPreferences;
    log('window', { preloadExists: existsSync(p.preload), sandbox: p.sandbox, contextIsolation: p.contextIsolation });
    this.webContents = Object.assign(new EventEmitter(), {
      mainFrame: { url: 'app://ganbu/index.html', frameTreeNodeId: 1, parent: null },
      setWindowOpenHandler: noop, send: noop, isDestroyed: () => false,
    });
    app.emit('web-contents-created', {}, this.webContents);
  }
  isDestroyed() { return false; }
  async loadURL(url) {
    const page = await serve(new Request(url));
    const html = await page.text();
    const src = html.match(/src="\\.\\/(assets\\/[^"]+\\.js)"/)[1];
    const script = await serve(new Request(new URL(src, url).href));
    const status2 = JSON.parse(await call({ sender: this.webContents, senderFrame: this.webContents.mainFrame }, 'app.status', {}));
    log('loaded', { url, status: page.status, csp: page.headers.get('content-security-policy'), script: script.status,` +
  ` scriptType: script.headers.get('content-type'), status2 });
    process.exit(0);
  }
}
export const contextBridge = {};
export const ipcRenderer = {};
`;
