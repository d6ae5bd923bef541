// Mapping user rows to what the window sees, and the lookups the account services share.
import type { Kysely, Selectable } from 'kysely';
import type { UserRow } from '../../shared/ipc/types';
import { fail } from '../../shared/ipc/errors';
import type { Database, UsersTable } from '../schema';

export const toUserRow = (u: Selectable<UsersTable>): UserRow => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  disabled: u.disabled === 1,
  mustChangePassword: u.must_change_password === 1,
  createdAt: u.created_at,
  lastLoginAt: u.last_login_at,
});

export async function getUser(db: Kysely<Database>, id: number): Promise<Selectable<UsersTable>> {
  const u = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return u ?? fail('NOT_FOUND', '找不到该用户，可能已被其他管理员修改，请刷新后重试', 'userId');
}

export async function activeAdminCount(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
