// Closing the app from the 评议终端 (issue 16 row 11, the store side): only the starting clerk's password ends kiosk
// mode for closing, and the host then tells the window (KioskMode.onChange, end 'close') to close.
import { expect, test } from 'vitest';
import type { KioskEnd } from '../../db/app/kiosk';
import { createC1, seedRoster, startCollecting } from '../helpers/assessment';
import { newRosterHost } from '../helpers/roster';
import { ADMIN } from '../helpers/tmp-store';

test('kiosk.exit with close: a wrong password keeps the kiosk (and the window); the right one ends it as “close”, audited', async () => {
  const h = await newRosterHost();
  await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  const ends: (KioskEnd | null)[] = [];
  h.host.kiosk.onChange((status, end) => ends.push(status ? null : end));
  await h.ok('kiosk.start', { assessmentId: a.id });
  expect(ends).toEqual([null]);

  expect(await h.err('kiosk.exit', { password: 'wrong-password', close: true })).toMatchObject({
    code: 'VALIDATION',
    field: 'password',
  });
  expect(h.host.status().kiosk).not.toBeNull();
  expect(ends).toEqual([null]);
  expect(await h.err('kiosk.exit', { password: ADMIN.password, close: 'yes' })).toMatchObject({
    code: 'VALIDATION',
    field: 'close',
  });

  expect(await h.ok('kiosk.exit', { password: ADMIN.password, close: true })).toBeNull();
  expect(h.host.status().kiosk).toBeNull();
  expect(ends).toEqual([null, 'close']);
  const last = await h.host
    .session()
    .db.selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  expect(last).toMatchObject({ action: 'kiosk.exit' });
  expect(JSON.parse(last.detail)).toMatchObject({ closesApp: true });

  // The ordinary exit and the idle lock end it as such: the window stays open.
  await h.ok('kiosk.start', { assessmentId: a.id });
  await h.ok('kiosk.exit', { password: ADMIN.password });
  await h.ok('kiosk.start', { assessmentId: a.id });
  expect(await h.err('session.lock', {})).toMatchObject({ code: 'FORBIDDEN' }); // a panel member cannot lock
  await h.host.lock('idle'); // the idle timer can
  expect(ends).toEqual([null, 'close', null, 'exit', null, 'session']);
});

test('the exit password is the clerk’s login password: a wrong one is audited and counts against that account’s logins', async () => {
  const h = await newRosterHost();
  await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  await h.ok('kiosk.start', { assessmentId: a.id });
  for (let i = 0; i < 5; i++)
    expect(await h.err('kiosk.exit', { password: `guess-${i}` })).toMatchObject({
      code: 'VALIDATION',
      field: 'password',
    });
  expect(await h.err('kiosk.exit', { password: ADMIN.password })).toMatchObject({ code: 'THROTTLED' });
  const failed = await h.host
    .session()
    .db.selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'session.loginFailed')
    .execute();
  expect(failed.map((r) => [r.target, JSON.parse(r.detail).via, JSON.parse(r.detail).result])).toEqual(
    Array.from({ length: 5 }, () => ['admin', '退出评议终端', '当前密码错误']),
  );
  for (const r of failed) for (let i = 0; i < 5; i++) expect(r.detail).not.toContain(`guess-${i}`);
  // The same account's login waits too: a panel member cannot get fresh tries by making the clerk lock and log in.
  await h.host.lock('idle');
  expect(await h.err('session.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({
    code: 'THROTTLED',
  });
});
