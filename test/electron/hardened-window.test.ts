// The one hardened window: every renderer flag set in one place, and no other place in electron/ makes a window.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock'));

const { createHardenedWindow } = await import('../../electron/hardened-window');

const HARDENED = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
};

function optionsOf(win: unknown): Record<string, unknown> {
  return (win as InstanceType<typeof import('./electron-mock').FakeBrowserWindow>).options;
}

describe('createHardenedWindow', () => {
  it('sets every hardening flag, the preload and DevTools, and keeps the caller’s size and visibility', () => {
    const win = createHardenedWindow({ show: false, width: 800 }, { preload: '/p.cjs', devTools: true });
    expect(optionsOf(win)).toEqual({
      show: false,
      width: 800,
      webPreferences: { ...HARDENED, devTools: true, preload: '/p.cjs' },
    });
  });

  it('turns background throttling off only when asked (the never-shown print window)', () => {
    const win = createHardenedWindow({}, { preload: '/p.cjs', devTools: false, backgroundThrottling: false });
    expect(optionsOf(win)['webPreferences']).toEqual({
      ...HARDENED,
      devTools: false,
      preload: '/p.cjs',
      backgroundThrottling: false,
    });
  });

  it('is the only place in electron/ that makes a BrowserWindow', () => {
    const dir = join(import.meta.dirname, '../../electron');
    const makers = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .filter((f) => /new BrowserWindow\s*\(/.test(readFileSync(join(dir, f), 'utf8')));
    expect(makers).toEqual(['hardened-window.ts']);
  });
});
