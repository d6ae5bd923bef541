// A key-slot write runs after its change commits: if it fails, the change is still in the audit log (never the
// other way round: a new password the log does not show).
import { expect, test } from 'vitest';
import { newHostWithStore } from '../helpers/host';

test('a failed key-slot write after users.create leaves the logged change and says so in Chinese', async () => {
  const h = await newHostWithStore({ autoBackup: false });
  const store = h.host.session();
  const putSlot = store.putSlot.bind(store);
  // The disk refuses the write (full, or pulled) once the database has committed.
  store.putSlot = () => {
    throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
  };
  const e = await h.err('users.create', {
    username: 'clerk',
    displayName: '录入员',
    role: 'dossierClerk',
    password: 'Clerk@2025',
  });
  expect(e.code).toBe('INTERNAL');
  expect(e.message).toContain('修改已记入审计日志');
  store.putSlot = putSlot;
  const log = await h.ok('audit.list', { page: 1, pageSize: 5, action: 'users.create' });
  expect(log.rows[0]).toMatchObject({ target: 'clerk' });
  // The user cannot log in yet (no key slot); the administrator redoes the step by resetting the password.
  const clerk = (await h.ok('users.list', {})).find((u) => u.username === 'clerk')!;
  await h.ok('users.resetPassword', { userId: clerk.id, newPassword: 'Clerk@2026' });
  await h.ok('session.lock', {});
  await h.ok('session.login', { username: 'clerk', password: 'Clerk@2026' });
});
