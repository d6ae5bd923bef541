// Source-level rules for electron/: no openExternal, no remote content, no weakening switches, one IPC channel.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const electronDir = join(root, 'electron');

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

const sources = listSources(electronDir).map((path) => ({
  file: relative(root, path).replaceAll('\\', '/'),
  text: readFileSync(path, 'utf8'),
}));

describe('electron/ sources', () => {
  it('are found', () => {
    expect(sources.map((s) => s.file)).toEqual(
      expect.arrayContaining([
        'electron/main.ts',
        'electron/preload.ts',
        'electron/window.ts',
        'electron/ipc/register.ts',
      ]),
    );
  });

  it('never call shell.openExternal (nor import shell at all)', () => {
    for (const { file, text } of sources) {
      expect(text, file).not.toMatch(/openExternal/);
      expect(text, file).not.toMatch(/\bshell\b\s*[,}]|\bshell\s*\./);
    }
  });

  it('never weaken the renderer or load remote code', () => {
    const forbidden = [
      /nodeIntegration\s*:\s*true/,
      /contextIsolation\s*:\s*false/,
      /sandbox\s*:\s*false/,
      /webSecurity\s*:\s*false/,
      /allowRunningInsecureContent\s*:\s*true/,
      /webviewTag\s*:\s*true/,
      /enableBlinkFeatures/,
      /enableRemoteModule/,
      /ELECTRON_DISABLE_SECURITY_WARNINGS/,
      // One switch only, which weakens nothing: gc() for the print view (electron/main.ts).
      /appendSwitch\s*\((?!'js-flags', '--expose-gc'\))/,
      /setCertificateVerifyProc|certificate-error/,
      /loadURL\s*\(\s*['"`]https?:/,
      /\beval\s*\(|new Function\s*\(/,
    ];
    for (const { file, text } of sources)
      for (const pattern of forbidden) expect(text, `${file} ${pattern}`).not.toMatch(pattern);
  });

  it('register ipcMain handlers only in ipc/register.ts, and only on the contract channel', () => {
    for (const { file, text } of sources) {
      if (file === 'electron/ipc/register.ts') continue;
      expect(text, file).not.toMatch(/ipcMain\.(handle|on|once)\s*\(/);
    }
    const register = sources.find((s) => s.file === 'electron/ipc/register.ts')!.text;
    expect(register.match(/ipcMain\.handle\s*\(/g)).toHaveLength(1);
    expect(register).toMatch(/ipcMain\.handle\(CALL_CHANNEL,/);
  });

  it('read the dev server URL only when the app is not packaged', () => {
    const main = sources.find((s) => s.file === 'electron/main.ts')!.text;
    expect(main).toMatch(/!app\.isPackaged \? \(process\.env\['ELECTRON_RENDERER_URL'\]/);
    expect(main.match(/ELECTRON_RENDERER_URL/g)).toHaveLength(1);
  });
});
