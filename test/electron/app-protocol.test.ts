// The app:// handler serves the built renderer and nothing outside it, with the CSP header on every answer.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Protocol } from 'electron';

vi.mock('electron', () => import('./electron-mock'));

const { APP_START_URL, createAppProtocolHandler, registerAppScheme, resolveAppPath } =
  await import('../../electron/app-protocol');
const { CSP } = await import('../../electron/security');
const mock = await import('./electron-mock');

// <tmp>/secret.txt sits next to the served folder <tmp>/renderer: the handler must never reach it.
const base = mkdtempSync(join(tmpdir(), 'ganbu-protocol-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>干部档案</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(base, 'secret.txt'), 'secret');
writeFileSync(join(base, 'renderer-evil.txt'), 'sibling with a shared prefix');

const handler = createAppProtocolHandler(root);
const get = (url: string, method = 'GET'): Promise<Response> => handler(new Request(url, { method }));

describe('app:// scheme registration', () => {
  it('registers app as standard, secure and fetch-capable, nothing more', () => {
    registerAppScheme(mock.protocol as unknown as Protocol);
    expect(mock.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('app:// handler', () => {
  it('serves index.html with its type and the CSP header', async () => {
    expect(APP_START_URL).toBe('app://ganbu/index.html');
    const res = await get(APP_START_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('干部档案');
  });

  it('serves the root as index.html and assets with a JavaScript type', async () => {
    expect((await get('app://ganbu/')).status).toBe(200);
    const js = await get('app://ganbu/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://ganbu/../../etc/passwd',
    'app://ganbu/%2e%2e/%2e%2e/etc/passwd',
    'app://ganbu/%2E%2E/secret.txt',
    'app://ganbu/..%2fsecret.txt',
    'app://ganbu/%2e%2e%2fsecret.txt',
    'app://ganbu/assets/..%2f..%2fsecret.txt',
    'app://ganbu/..%5csecret.txt',
    'app://ganbu/%2e%2e%5c%2e%2e%5cetc%5cpasswd',
    'app://ganbu/..%2frenderer-evil.txt',
    'app://ganbu/%2fetc%2fpasswd',
  ])('never serves anything outside the renderer folder: %s', async (url) => {
    const res = await get(url);
    expect([403, 404]).toContain(res.status);
    const body = await res.text();
    expect(body).not.toContain('secret');
    expect(body).not.toContain('root:');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
  });

  it('refuses decoded traversal outright instead of normalising it', () => {
    expect(resolveAppPath(root, 'app://ganbu/..%2fsecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://ganbu/assets/..%2f..%2fsecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://ganbu/..%5csecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://ganbu/index.html%00.png')).toBeNull();
    expect(resolveAppPath(root, 'app://ganbu/%E0%A4%A')).toBeNull(); // malformed escape
    expect(resolveAppPath(root, 'app://ganbu/index.html')).toBe(join(root, 'index.html'));
  });

  it('answers only its own host and scheme', async () => {
    expect(resolveAppPath(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppPath(root, 'app://ganbu.evil/index.html')).toBeNull();
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect((await get('app://other/index.html')).status).toBe(403);
  });

  it('answers 404 for missing files and folders, 405 for other methods', async () => {
    expect((await get('app://ganbu/missing.js')).status).toBe(404);
    expect((await get('app://ganbu/assets')).status).toBe(404);
    expect((await get('app://ganbu/assets/')).status).toBe(404);
    expect((await get('app://ganbu/index.html', 'POST')).status).toBe(405);
    const head = await get('app://ganbu/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
