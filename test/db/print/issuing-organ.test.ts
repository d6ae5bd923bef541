// 发文机关 in 系统设置 on a real encrypted store: an administrator sets it (audited), every role reads it for its
// prints, a clerk cannot change it, and names a 版头 cannot print are refused with a Chinese message, nothing written.
import { expect, test } from 'vitest';
import { newHostWithStore } from '../../helpers/host';
import { loginAs } from '../../helpers/roster';

test('set by the administrator, audited, read by every role; refused for a clerk and for bad names', async () => {
  const h = await newHostWithStore();
  expect((await h.ok('settings.get', {})).issuingOrgan).toBe('');
  const saved = await h.ok('settings.update', { issuingOrgan: '  中共鄂托克旗委组织部 ' });
  expect(saved).toMatchObject({ issuingOrgan: '中共鄂托克旗委组织部', idleLockMinutes: expect.any(Number) });
  const audit = await h.ok('audit.list', { page: 1, pageSize: 10, action: 'settings.update' });
  expect(audit.rows[0]).toMatchObject({ target: '发文机关' });
  expect(audit.rows[0]!.detail).toContain('中共鄂托克旗委组织部');
  // Other settings keep their values when only the organ changes, and the organ when they change.
  await h.ok('settings.update', { idleLockMinutes: 20 });
  expect(await h.ok('settings.get', {})).toMatchObject({ idleLockMinutes: 20, issuingOrgan: '中共鄂托克旗委组织部' });

  for (const [bad, message] of [
    ['', /请填写发文机关/],
    ['中共 组织部', /不能有空格/],
    ['中共"组织部"', /只能包含/],
    ['ABCD', /中文名称/],
    ['中'.repeat(41), /不能超过 40 个字/],
  ] as const) {
    const e = await h.err('settings.update', { issuingOrgan: bad });
    expect(e.message, bad).toMatch(message);
  }
  expect((await h.ok('settings.get', {})).issuingOrgan).toBe('中共鄂托克旗委组织部');

  await loginAs(h, 'assessmentClerk');
  expect((await h.ok('settings.get', {})).issuingOrgan).toBe('中共鄂托克旗委组织部');
  expect((await h.err('settings.update', { issuingOrgan: '中共某某组织部' })).code).toBe('FORBIDDEN');
});
