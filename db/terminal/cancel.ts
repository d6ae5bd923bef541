// 作废终端包: a 测评包 that will never come back (the laptop lost or broken) is cancelled with a reason. Its seats stop
// holding other terminals' ballots back (those held only for it are merged now), and a return of it is refused by
// name later (returns.ts). Its own ballots, if any were cast, are lost with it: the panel chair decides that here.
import type { Kysely } from 'kysely';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import { type AssessmentRow, indicatorNames } from '../assessment';
import type { Database } from '../schema';
import { releaseHeld } from './returns';

export async function cancelPackage(
  db: Kysely<Database>,
  row: AssessmentRow,
  input: { terminalNo: number; reason: string },
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<{ terminalNo: number; released: number }> {
  const pkg = await db
    .selectFrom('terminal_packages')
    .select(['id', 'returned_on', 'cancelled_on'])
    .where('assessment_id', '=', row.id)
    .where('terminal_no', '=', input.terminalNo)
    .executeTakeFirst();
  if (!pkg) return fail('NOT_FOUND', `终端 ${input.terminalNo} 没有导出过评议终端包`, 'terminalNo');
  if (pkg.returned_on !== null)
    fail('VALIDATION', `终端 ${input.terminalNo} 的回收文件已于 ${pkg.returned_on} 导入，不能作废`, 'terminalNo');
  if (pkg.cancelled_on !== null)
    fail('VALIDATION', `终端 ${input.terminalNo} 的评议终端包已于 ${pkg.cancelled_on} 作废`, 'terminalNo');
  await db
    .updateTable('terminal_packages')
    .set({ cancelled_on: now.slice(0, 10), cancelled_by: user.displayName, cancel_reason: input.reason })
    .where('id', '=', pkg.id)
    .execute();
  const released = await releaseHeld(db, row, user, await indicatorNames(db), now);
  return { terminalNo: input.terminalNo, released };
}
