// The portrait model's configuration in the settings table: defaults, a validated and audited change, role refusal.
import { describe, expect, test } from 'vitest';
import { DEFAULT_PORTRAIT_CONFIG } from '../../../shared/portrait/config';
import { lastAudit, loginAs, newRosterHost } from '../../helpers/roster';

const settingsRows = (h: Awaited<ReturnType<typeof newRosterHost>>) =>
  h.host.session().db.selectFrom('settings').selectAll().where('key', 'like', 'portrait.%').orderBy('key').execute();

describe('portrait configuration', () => {
  test('a new store answers the defaults of catalog.md', async () => {
    const h = await newRosterHost();
    expect(await h.ok('portrait.getConfig', {})).toEqual(DEFAULT_PORTRAIT_CONFIG);
  });

  test('an administrator changes it; it is stored, read back, and audited with before and after', async () => {
    const h = await newRosterHost();
    const saved = await h.ok('portrait.saveConfig', { ...DEFAULT_PORTRAIT_CONFIG, windowYears: 5, weakBelow: 75 });
    expect(saved).toEqual({ ...DEFAULT_PORTRAIT_CONFIG, windowYears: 5, weakBelow: 75 });
    expect(await h.ok('portrait.getConfig', {})).toEqual(saved);
    expect((await settingsRows(h)).map((r) => [r.key, r.value])).toEqual([
      ['portrait.weakBelow', '75'],
      ['portrait.windowYears', '5'],
    ]);
    expect(await lastAudit(h)).toMatchObject({
      action: 'portrait.saveConfig',
      target: '评价模型参数',
      detail: { windowYears: [3, 5], weakBelow: [80, 75] },
    });
  });

  test('bad values are refused in Chinese naming the field, and nothing is stored', async () => {
    const h = await newRosterHost();
    const e1 = await h.err('portrait.saveConfig', { ...DEFAULT_PORTRAIT_CONFIG, windowYears: 0 });
    expect(e1).toEqual({ code: 'VALIDATION', field: 'windowYears', message: '统计期（年）至少 1 年' });
    const e2 = await h.err('portrait.saveConfig', { ...DEFAULT_PORTRAIT_CONFIG, goodMin: 70 });
    expect(e2).toMatchObject({
      code: 'VALIDATION',
      field: 'goodMin',
      message: '“好”的最低指数必须高于“较好”的最低指数',
    });
    expect(await settingsRows(h)).toEqual([]);
  });

  test('only administrators change it; every session reads it', async () => {
    const h = await newRosterHost();
    await loginAs(h, 'dossierClerk');
    expect(await h.err('portrait.saveConfig', { ...DEFAULT_PORTRAIT_CONFIG, windowYears: 2 })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await h.ok('portrait.getConfig', {})).toEqual(DEFAULT_PORTRAIT_CONFIG);
  });

  test('a tampered setting falls back to the defaults instead of breaking the portrait', async () => {
    const h = await newRosterHost();
    await h.host.session().db.insertInto('settings').values({ key: 'portrait.goodMin', value: '10' }).execute();
    expect(await h.ok('portrait.getConfig', {})).toEqual(DEFAULT_PORTRAIT_CONFIG);
  });
});
