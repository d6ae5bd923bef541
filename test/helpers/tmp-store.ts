// Temp folders and fast-KDF stores for integration tests (the real cipher, the real files).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createStore, type Store } from '../../db';

/** Cheap scrypt so a test suite can open stores hundreds of times; the format is the same. */
export const FAST_KDF = { N: 2 ** 10, r: 8, p: 1 } as const;
export const fast = { kdfCost: FAST_KDF };

export const ADMIN = { username: 'admin', displayName: '王管理员', password: 'Admin@2025' } as const;

const dirs: string[] = [];
const stores: Store[] = [];
const cleanups: (() => unknown)[] = [];

/** Runs after the test, before stores are closed and temp folders removed (e.g. disposing an AppHost). */
export function onCleanup(fn: () => unknown): void {
  cleanups.push(fn);
}

export function tempDir(prefix = 'ganbu-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** Registers an open store so it is closed after the test even when an assertion fails. */
export function track<S extends Store>(store: S): S {
  stores.push(store);
  return store;
}

export async function newStore(): Promise<{ dir: string; store: Store; recoveryCode: string }> {
  const dir = join(tempDir(), 'store');
  const { store, recoveryCode } = await createStore(dir, ADMIN, fast);
  return { dir, store: track(store), recoveryCode };
}

afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
