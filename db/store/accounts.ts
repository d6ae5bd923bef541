// The account lookups the store's login and unlock need (accounts hold key slots, so they belong to the store).
import type { Kysely, Selectable } from 'kysely';
import type { SessionUser } from '../../shared/ipc/types';
import type { Database, UsersTable } from '../schema';

export const toSessionUser = (u: Selectable<UsersTable>): SessionUser => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  mustChangePassword: u.must_change_password === 1,
});

export const findUserByName = (db: Kysely<Database>, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
