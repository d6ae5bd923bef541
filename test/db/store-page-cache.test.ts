// The page cache of a session's connection: sized from the store's files within the memory cap, and gone at lock.
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { describe, expect, test } from 'vitest';
import { openStore } from '../../db';
import type { RawDb } from '../../db/store/connection';
import { dbPath } from '../../db/store/files';
import {
  PAGE_CACHE_MAX_BYTES,
  PAGE_CACHE_MIN_BYTES,
  pageCacheBytes,
  pageCacheCap,
  storeBytesOnDisk,
} from '../../db/store/page-cache';
import { newHost } from '../helpers/host';
import { ADMIN, fast, newStore, track } from '../helpers/tmp-store';

const MB = 1024 * 1024;
const GB = 1024 * MB;

/** The connection's cache in bytes, as SQLite reports it (negative cache_size: KiB). */
const cacheOf = (raw: RawDb) => -Number(raw.pragma('cache_size', { simple: true })) * 1024;

describe('sizing rule', () => {
  test('the cap is a quarter of the RAM, never more than 512 MB', () => {
    expect(pageCacheCap(1 * GB)).toBe(256 * MB);
    expect(pageCacheCap(2 * GB)).toBe(512 * MB);
    expect(pageCacheCap(4 * GB)).toBe(PAGE_CACHE_MAX_BYTES);
    expect(pageCacheCap(64 * GB)).toBe(512 * MB);
  });

  test('the cache holds the store, half as much again and 32 MB for what a session adds', () => {
    expect(pageCacheBytes(0, 16 * GB)).toBe(32 * MB);
    expect(pageCacheBytes(100 * MB, 16 * GB)).toBe(182 * MB);
    // The bench's store of 300,000 dossier entries: about 233 MB on disk.
    expect(pageCacheBytes(233 * MB, 8 * GB)).toBe(381.5 * MB);
  });

  test('a big store on a small machine gets the cap, not its size', () => {
    expect(pageCacheBytes(400 * MB, 16 * GB)).toBe(512 * MB);
    expect(pageCacheBytes(400 * MB, 1 * GB)).toBe(256 * MB);
    expect(pageCacheBytes(10 * GB, 64 * GB)).toBe(512 * MB);
  });

  test('never less than SQLite’s default, and never more as the store shrinks', () => {
    expect(pageCacheBytes(0, 32 * MB)).toBe(PAGE_CACHE_MIN_BYTES);
    let previous = 0;
    for (let size = 0; size <= 2 * GB; size += 37 * MB) {
      const bytes = pageCacheBytes(size, 8 * GB);
      expect(bytes).toBeGreaterThanOrEqual(previous);
      expect(bytes).toBeLessThanOrEqual(pageCacheCap(8 * GB));
      previous = bytes;
    }
  });
});

describe('the session’s connection', () => {
  test('a store opened again gets a cache sized from its files, larger as the store grows', async () => {
    const { dir, store } = await newStore();
    const small = cacheOf(store.raw);
    // Made empty: room for what the session adds.
    expect(small).toBe(pageCacheBytes(0, totalmem()));
    // 40 MB of incompressible settings rows: the store's file grows by that much.
    const add = store.raw.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    store.raw.transaction(() => {
      for (let i = 0; i < 40; i++) add.run(`bench.${i}`, randomBytes(512 * 1024).toString('hex'));
    })();
    await store.close();
    expect(statSync(dbPath(dir)).size).toBeGreaterThan(40 * MB);

    const again = track(await openStore(dir, { username: ADMIN.username, password: ADMIN.password }, fast));
    const expected = pageCacheBytes(storeBytesOnDisk(dbPath(dir)), totalmem());
    // Sized at open from the file (the login itself adds only a few pages afterwards).
    expect(Math.abs(cacheOf(again.raw) - expected)).toBeLessThan(64 * 1024);
    expect(cacheOf(again.raw)).toBeGreaterThan(small + 60 * MB);
  });

  test('lock closes the connection, and its cache with it', async () => {
    const h = newHost();
    await h.ok('setup.createStore', { dir: h.dir, ...ADMIN });
    const raw = h.host.session().raw;
    expect(raw.open).toBe(true);
    await h.ok('session.lock', {});
    expect(raw.open).toBe(false);
    expect(await h.err('roster.query', {})).toMatchObject({ code: 'NOT_LOGGED_IN' });
  });
});
