// The hardening flags, the CSP, and what every web contents and session refuses.
import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';

vi.mock('electron', () => import('./electron-mock'));

const { CSP, hardenContents, hardenSession } = await import('../../electron/security');
const { createMainWindow, WINDOW_TITLE } = await import('../../electron/window');
const mock = await import('./electron-mock');

const directives = (csp: string): Map<string, string[]> =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );

describe('CSP', () => {
  const d = directives(CSP);
  it("defaults to 'self' and allows scripts only from 'self'", () => {
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
  });
  it('never allows eval, inline scripts, plugins, base or form targets, or framing', () => {
    expect(CSP).not.toContain("'unsafe-eval'");
    expect(CSP).not.toContain('wasm-unsafe-eval');
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
  });
  it('allows nothing remote: every source is self, none, data: or blob:', () => {
    for (const [, values] of d) {
      for (const v of values) expect(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:']).toContain(v);
    }
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]); // antd's CSS-in-JS
  });
});

// Vitest 5 clears mock calls before each test, so each test builds what it inspects.
const hardened = (): InstanceType<typeof mock.FakeWebContents> => {
  const contents = new mock.FakeWebContents();
  hardenContents(contents as unknown as WebContents);
  return contents;
};

describe('hardenContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    const contents = hardened();
    expect(contents.listenerCount(name)).toBe(1);
    const event = { preventDefault: vi.fn() };
    contents.emit(name, event, 'https://example.com/');
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('denies every new window', () => {
    const contents = hardened();
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://ganbu/index.html' })).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  it('denies every permission request, permission check and device permission', () => {
    const s = new mock.FakeSession();
    hardenSession(s as unknown as Session);
    const callback = vi.fn();
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      s.handlers['permissionRequest']!({} as never, permission as never, callback as never);
    }
    expect(callback).toHaveBeenCalledTimes(6);
    expect(callback.mock.calls.every(([granted]) => granted === false)).toBe(true);
    expect(s.handlers['permissionCheck']!({} as never, 'media' as never)).toBe(false);
    expect(s.handlers['devicePermission']!({ deviceType: 'usb' } as never)).toBe(false);
  });

  it('cancels every http(s)/ws request in production', () => {
    const s = new mock.FakeSession();
    hardenSession(s as unknown as Session);
    expect(s.webRequest.filter?.urls).toEqual(
      expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']),
    );
    for (const url of ['https://example.com/x.js', 'http://localhost:5173/', 'ws://localhost:5173/']) {
      const callback = vi.fn();
      s.handlers['beforeRequest']!({ url } as never, callback as never);
      expect(callback).toHaveBeenCalledWith({ cancel: true });
    }
  });

  it('lets through only the dev server (and its HMR socket) while developing', () => {
    const s = new mock.FakeSession();
    hardenSession(s as unknown as Session, { devServerOrigin: 'http://localhost:5173' });
    const cancelled = (url: string): unknown => {
      const callback = vi.fn();
      s.handlers['beforeRequest']!({ url } as never, callback as never);
      return (callback.mock.calls[0]?.[0] as { cancel: boolean }).cancel;
    };
    expect(cancelled('http://localhost:5173/main.tsx')).toBe(false);
    expect(cancelled('ws://localhost:5173/')).toBe(false);
    expect(cancelled('http://localhost:5174/')).toBe(true);
    expect(cancelled('https://example.com/')).toBe(true);
  });
});

describe('createMainWindow', () => {
  const make = () => {
    const win = createMainWindow({
      preload: '/app/out/preload/preload.cjs',
      devTools: false,
    }) as unknown as InstanceType<typeof mock.FakeBrowserWindow>;
    return { win, opts: win.options as Record<string, unknown> & { webPreferences: Record<string, unknown> } };
  };

  it('sets every renderer hardening flag', () => {
    const { opts } = make();
    expect(opts.webPreferences).toMatchObject({
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
      devTools: false,
      preload: '/app/out/preload/preload.cjs',
    });
    expect(opts.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(opts.webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('has a Chinese title, a sensible size, and stays hidden until ready', () => {
    const { win, opts } = make();
    expect(opts).toMatchObject({
      title: WINDOW_TITLE,
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 700,
      show: false,
    });
    expect(WINDOW_TITLE).toMatch(/干部政治素质档案/);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });
});
