// 作废终端包: a 测评包 that will never come back (the laptop lost or broken) is cancelled with a reason. Its seats stop
// holding other terminals' ballots back (those held only for it are merged now), and a return of it is refused by
// name later (returns.ts). Its own ballots, if any were cast, are lost with it: the panel chair decides that here.
// Nothing of it can be undone, so the dialog first shows exactly what it will do (previewCancel, read only).
import type { Kysely } from 'kysely';
import { releasedText, type CancelPreview } from '../../shared/assessment/terminals';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import { type AssessmentRow, indicatorNames } from '../assessment';
import type { Database } from '../schema';
import { packageGroupNamesOf } from './columns';
import { releasableHeld, releaseHeld } from './returns';

type Released = CancelPreview['released'];

/** The package still out for `terminalNo`; refused by name when there is none, or it is back or already cancelled. */
async function packageToCancel(db: Kysely<Database>, row: AssessmentRow, terminalNo: number) {
  const pkg = await db
    .selectFrom('terminal_packages')
    .select(['id', 'groups', 'seats', 'exported_on', 'returned_on', 'cancelled_on'])
    .where('assessment_id', '=', row.id)
    .where('terminal_no', '=', terminalNo)
    .executeTakeFirst();
  if (!pkg) return fail('NOT_FOUND', `终端 ${terminalNo} 没有导出过评议终端包`, 'terminalNo');
  if (pkg.returned_on !== null)
    fail('VALIDATION', `终端 ${terminalNo} 的回收文件已于 ${pkg.returned_on} 导入，不能作废`, 'terminalNo');
  if (pkg.cancelled_on !== null)
    fail('VALIDATION', `终端 ${terminalNo} 的评议终端包已于 ${pkg.cancelled_on} 作废`, 'terminalNo');
  return pkg;
}

/** What cancelling would do now: the held ballots of other terminals merged at once, per terminal. Writes nothing. */
export async function previewCancel(
  db: Kysely<Database>,
  row: AssessmentRow,
  terminalNo: number,
): Promise<CancelPreview> {
  const pkg = await packageToCancel(db, row, terminalNo);
  return {
    terminalNo,
    groups: packageGroupNamesOf(pkg.groups),
    seats: pkg.seats,
    exportedOn: pkg.exported_on,
    released: await releasedPer(db, row, pkg.id),
  };
}

/** The held ballots of other terminals that cancelling package `packageId` merges, per terminal, in terminal order. */
async function releasedPer(db: Kysely<Database>, row: AssessmentRow, packageId: number): Promise<Released> {
  const held = await releasableHeld(db, row, packageId).execute();
  const per = new Map<number, number>();
  for (const h of held) per.set(h.terminal_no, (per.get(h.terminal_no) ?? 0) + 1);
  return [...per].sort(([a], [b]) => a - b).map(([from, ballots]) => ({ terminalNo: from, ballots }));
}

export async function cancelPackage(
  db: Kysely<Database>,
  row: AssessmentRow,
  input: { terminalNo: number; reason: string; shown: Released },
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<{ terminalNo: number; released: number }> {
  const pkg = await packageToCancel(db, row, input.terminalNo);
  // A return imported since the confirmation was shown changes what cancelling merges: nothing is done unseen.
  const released = await releasedPer(db, row, pkg.id);
  const key = (r: Released) => r.map((x) => `${x.terminalNo}:${x.ballots}`).join(',');
  if (key(released) !== key([...input.shown].sort((a, b) => a.terminalNo - b.terminalNo))) {
    const effect = (r: Released) => {
      const text = releasedText(r);
      return text ? `将合并${text}` : '不合并任何票';
    };
    fail(
      'VALIDATION',
      `作废对话框打开后情况已有变化：现在作废终端 ${input.terminalNo} ${effect(released)}，而对话框显示的是` +
        `${effect(input.shown)}。未作任何修改，请看清新的情况后再确认作废`,
      'shown',
    );
  }
  await db
    .updateTable('terminal_packages')
    .set({ cancelled_on: now.slice(0, 10), cancelled_by: user.displayName, cancel_reason: input.reason })
    .where('id', '=', pkg.id)
    .execute();
  return { terminalNo: input.terminalNo, released: await releaseHeld(db, row, user, await indicatorNames(db), now) };
}
