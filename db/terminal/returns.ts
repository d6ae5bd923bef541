// 导入评议终端回收 on the main PC: open and check a ballot return, show what it would do, merge it once.
//
// Each used code of a return goes one of four ways:
// - revoked on the main PC after the package was made: its ballot is refused and listed (kind, group, seat);
// - used elsewhere too (another terminal's return, or the main PC's kiosk): its ballot is set aside in a 冲突;
// - also carried by a package still out: its ballot is held until that one is back (it might be a 冲突 then);
// - otherwise: merged now, as the main PC's kiosk stores a ballot.
// Only the first three need to know which ballot a code cast (its tag, codes.ts); the merged ones are never paired.
import type { Kysely, Selectable } from 'kysely';
import { PANEL_KIND_LABELS, seatLabel, type PanelKind } from '../../shared/assessment/panel';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import { type AssessmentRow, groupMembers, groupName, indicatorNames } from '../assessment';
import type { ImportOutcome, RefusedBallot, ReturnGroupCount, ReturnPreview } from '../../shared/assessment/terminals';
import type { Database, TerminalPackagesTable } from '../schema';
import { manySeatSecrets } from './codes';
import { returnContentSchema, type ReturnBallot, type ReturnContent } from './formats';
import { mergeBallot, mergeMany } from './merge';
import { fileDigest, readHeader, unseal } from './seal';
import { codeCostOf, storedBallotOf } from './columns';

type PackageRow = Selectable<TerminalPackagesTable>;
type Fate = 'merge' | 'held' | 'conflict' | 'refused';

const refuse = (why: string): never => fail('VALIDATION', `所选文件不能导入：${why}。未作任何修改`, 'file');

/** Checks header, package, key and MAC; a foreign, tampered or truncated file is refused by name, nothing written. */
export async function openReturn(
  db: Kysely<Database>,
  row: AssessmentRow,
  bytes: Buffer,
  storeId: string,
): Promise<{ pkg: PackageRow; content: ReturnContent; digest: string }> {
  const { header } = readHeader(bytes, 'return');
  if (header.storeId !== storeId) refuse('该回收文件的评议终端包不是本档案库导出的');
  const pkg = await db
    .selectFrom('terminal_packages')
    .selectAll()
    .where('package_id', '=', header.packageId)
    .executeTakeFirst();
  if (!pkg) refuse('找不到该回收文件对应的评议终端包（不是本档案库导出的包）');
  if (pkg!.assessment_id !== row.id || header.assessmentId !== row.id)
    refuse(`该回收文件属于另一次考核，不是“${row.name}”的`);
  const { content } = unseal(bytes, 'return', Buffer.from(pkg!.package_key, 'hex'), returnContentSchema);
  if (
    content.packageId !== pkg!.package_id ||
    content.terminalNo !== pkg!.terminal_no ||
    content.assessmentId !== row.id ||
    header.terminalNo !== pkg!.terminal_no
  )
    refuse('回收文件的终端编号或考核与评议终端包不符（可能被篡改）');
  if (pkg!.cancelled_on !== null)
    refuse(
      `终端 ${pkg!.terminal_no} 的评议终端包已于 ${pkg!.cancelled_on} 由${pkg!.cancelled_by ?? ''}作废` +
        `（原因：${pkg!.cancel_reason ?? ''}），其回收文件不再接受`,
    );
  return { pkg: pkg!, content, digest: fileDigest(bytes) };
}

interface CodeRow {
  id: number;
  kind: PanelKind;
  group_ref: string;
  seat_no: number;
  rater_cadre_id: number | null;
  code_hash: string;
  state: 'unused' | 'used' | 'revoked';
}

interface Plan {
  fates: Map<number, Fate>;
  codes: Map<number, CodeRow>;
  /** Ballots of the codes that needed pairing (held, conflict, refused), by code id. */
  paired: Map<number, ReturnBallot>;
  /** The rest: merged without ever being paired with a code. */
  unpaired: ReturnBallot[];
  /** For a 冲突: the open conflict it joins, or the package whose held ballot it meets (null: the main kiosk). */
  against: Map<number, { conflictId: number } | { packageId: number | null }>;
}

async function inChunks<T>(ids: readonly number[], q: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await q(ids.slice(i, i + 500))));
  return out;
}

async function plan(db: Kysely<Database>, row: AssessmentRow, pkg: PackageRow, content: ReturnContent): Promise<Plan> {
  const seats = await db
    .selectFrom('terminal_package_seats')
    .select(['code_id', 'lookup'])
    .where('package_id', '=', pkg.id)
    .execute();
  const byLookup = new Map(seats.map((s) => [s.lookup, s.code_id]));
  if (new Set(content.usedLookups).size !== content.usedLookups.length)
    refuse('回收文件中有重复的评议码（可能被篡改）');
  const used = content.usedLookups.map((l) => byLookup.get(l) ?? refuse('回收文件中有不属于该评议终端包的评议码'));
  if (used.length !== content.ballots.length) refuse('回收文件中的评议票与已用评议码数目不符（可能被篡改）');
  const codes = new Map(
    (
      await inChunks(used, (c) =>
        db
          .selectFrom('assessment_panel_codes')
          .select(['id', 'kind', 'group_ref', 'seat_no', 'rater_cadre_id', 'code_hash', 'state'])
          .where('id', 'in', c)
          .execute(),
      )
    ).map((c) => [c.id, c]),
  );
  const elsewhere = await inChunks(used, (c) =>
    db
      .selectFrom('terminal_package_seats as s')
      .innerJoin('terminal_packages as p', 'p.id', 's.package_id')
      .select(['s.code_id', 's.package_id', 's.used', 'p.returned_on', 'p.cancelled_on'])
      .where('s.code_id', 'in', c)
      .where('s.package_id', '!=', pkg.id)
      .execute(),
  );
  const conflicts = await inChunks(used, (c) =>
    db.selectFrom('terminal_conflicts').select(['id', 'code_id']).where('code_id', 'in', c).execute(),
  );
  const openConflict = new Map(conflicts.map((c) => [c.code_id, c.id]));
  const fates = new Map<number, Fate>();
  const against: Plan['against'] = new Map();
  for (const id of used) {
    const code = codes.get(id)!;
    const others = elsewhere.filter((e) => e.code_id === id);
    const usedBy = others.find((e) => e.used === 1);
    const conflictId = openConflict.get(id);
    if (code.state === 'revoked') fates.set(id, 'refused');
    else if (conflictId !== undefined) {
      fates.set(id, 'conflict');
      against.set(id, { conflictId });
    } else if (code.state === 'used') {
      fates.set(id, 'conflict');
      against.set(id, { packageId: usedBy?.package_id ?? null });
    } else if (others.some((e) => e.returned_on === null && e.cancelled_on === null)) fates.set(id, 'held');
    else fates.set(id, 'merge');
  }
  const toPair = used.filter((id) => fates.get(id) !== 'merge');
  const salt = Buffer.from(pkg.code_salt, 'hex');
  const cost = codeCostOf(pkg.code_cost);
  const secrets = await manySeatSecrets(
    toPair.map((id) => codes.get(id)!.code_hash),
    salt,
    cost,
  );
  const byTag = new Map(content.ballots.map((b) => [b.tag, b]));
  if (byTag.size !== content.ballots.length) refuse('回收文件中有重复的评议票（可能被篡改）');
  const paired = new Map<number, ReturnBallot>();
  toPair.forEach((id, i) => {
    const b = byTag.get(secrets[i]!.tag) ?? refuse('回收文件中的评议票与已用评议码不符（可能被篡改）');
    if (b.group !== codes.get(id)!.group_ref || b.ballot.kind !== codes.get(id)!.kind)
      refuse('回收文件中的评议票与评议码的分组不符（可能被篡改）');
    paired.set(id, b);
    byTag.delete(b.tag);
  });
  return { fates, codes, paired, unpaired: [...byTag.values()], against };
}

async function namesOfGroups(db: Kysely<Database>, row: AssessmentRow, refs: Iterable<string>) {
  const out = new Map<string, string>();
  for (const ref of new Set(refs)) out.set(ref, groupName(await groupMembers(db, row.id, ref), ref));
  return out;
}

async function seatName(db: Kysely<Database>, row: AssessmentRow, code: CodeRow): Promise<string> {
  const members = await groupMembers(db, row.id, code.group_ref);
  return seatLabel(code.kind, code.seat_no, members.find((m) => m.cadreId === code.rater_cadre_id)?.name);
}

async function summarize(db: Kysely<Database>, row: AssessmentRow, p: Plan) {
  const counts = new Map<string, ReturnGroupCount>();
  const refs = [...p.unpaired.map((b) => b.group), ...[...p.codes.values()].map((c) => c.group_ref)];
  const names = await namesOfGroups(db, row, refs);
  const bump = (kind: PanelKind, group: string, fate: Fate) => {
    const k = `${kind}|${group}`;
    let c = counts.get(k);
    if (!c) {
      c = {
        kind,
        kindLabel: PANEL_KIND_LABELS[kind],
        group,
        groupName: names.get(group) ?? group,
        merge: 0,
        held: 0,
        conflict: 0,
        refused: 0,
      };
      counts.set(k, c);
    }
    c[fate]++;
  };
  for (const b of p.unpaired) bump(b.ballot.kind, b.group, 'merge');
  for (const [id, b] of p.paired) bump(b.ballot.kind, b.group, p.fates.get(id)!);
  const refused: RefusedBallot[] = [];
  for (const [id, fate] of p.fates)
    if (fate === 'refused') {
      const c = p.codes.get(id)!;
      refused.push({
        kindLabel: PANEL_KIND_LABELS[c.kind],
        groupName: names.get(c.group_ref) ?? c.group_ref,
        seatLabel: await seatName(db, row, c),
        why: '评议码在导出评议终端包后已作废',
      });
    }
  const groups = [...counts.values()].sort((a, b) =>
    a.group < b.group ? -1 : a.group > b.group ? 1 : a.kind < b.kind ? -1 : 1,
  );
  return { groups, refused };
}

/** What importing this return would do (nothing is written). */
export async function previewReturn(
  db: Kysely<Database>,
  row: AssessmentRow,
  bytes: Buffer,
  storeId: string,
): Promise<ReturnPreview> {
  const { pkg, content, digest } = await openReturn(db, row, bytes, storeId);
  const base = { terminalNo: pkg.terminal_no, closedOn: content.closedOn, digest, ballots: content.ballots.length };
  if (pkg.returned_on !== null) return { ...base, ...alreadyImported(pkg, digest) };
  return { ...base, alreadyImported: false, ...(await summarize(db, row, await plan(db, row, pkg, content))) };
}

function alreadyImported(pkg: PackageRow, digest: string) {
  if (pkg.return_digest !== digest)
    refuse(`终端 ${pkg.terminal_no} 的回收文件已导入过另一份（每个评议终端包只能回收一次）`);
  return { alreadyImported: true, groups: [], refused: [] };
}

/** Merges the return (inside the caller's transaction); the same return again changes nothing. */
export async function importReturn(
  db: Kysely<Database>,
  row: AssessmentRow,
  bytes: Buffer,
  storeId: string,
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<ImportOutcome> {
  const { pkg, content, digest } = await openReturn(db, row, bytes, storeId);
  const base = { terminalNo: pkg.terminal_no, closedOn: content.closedOn, digest, ballots: content.ballots.length };
  if (pkg.returned_on !== null) return { ...base, ...alreadyImported(pkg, digest), merged: 0, released: 0 };
  const p = await plan(db, row, pkg, content);
  const summary = await summarize(db, row, p);
  const names = await indicatorNames(db);
  await mergeMany(db, row, p.unpaired, user, names, now);
  const merged = p.unpaired.length;
  const day = now.slice(0, 10);
  for (const [id, fate] of p.fates) {
    const b = p.paired.get(id);
    if (fate === 'merge' || fate === 'refused' || !b) continue;
    await db
      .insertInto('terminal_set_aside')
      .values({ package_id: pkg.id, code_id: id, group_ref: b.group, ballot: JSON.stringify(b.ballot) })
      .execute();
    if (fate === 'conflict') await joinConflict(db, row, pkg, p.codes.get(id)!, p.against.get(id)!);
  }
  const live = [...p.fates].filter(([, f]) => f === 'merge' || f === 'held').map(([id]) => id);
  for (let i = 0; i < live.length; i += 500)
    await db
      .updateTable('assessment_panel_codes')
      .set({ state: 'used' })
      .where('id', 'in', live.slice(i, i + 500))
      .where('state', '=', 'unused')
      .execute();
  const usedIds = [...p.fates.keys()];
  for (let i = 0; i < usedIds.length; i += 500)
    await db
      .updateTable('terminal_package_seats')
      .set({ used: 1 })
      .where('package_id', '=', pkg.id)
      .where('code_id', 'in', usedIds.slice(i, i + 500))
      .execute();
  await db
    .updateTable('terminal_packages')
    .set({
      returned_on: day,
      return_digest: digest,
      ballots_returned: content.ballots.length,
      merged,
      refused: JSON.stringify(summary.refused),
    })
    .where('id', '=', pkg.id)
    .execute();
  const released = await releaseHeld(db, row, user, names, now);
  return { ...base, alreadyImported: false, ...summary, merged, released };
}

async function joinConflict(
  db: Kysely<Database>,
  row: AssessmentRow,
  pkg: PackageRow,
  code: CodeRow,
  against: { conflictId: number } | { packageId: number | null },
): Promise<void> {
  let conflictId: number;
  if ('conflictId' in against) conflictId = against.conflictId;
  else {
    const c = await db
      .insertInto('terminal_conflicts')
      .values({
        assessment_id: row.id,
        code_id: code.id,
        kind: code.kind,
        group_ref: code.group_ref,
        main_kiosk: against.packageId === null ? 1 : 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    conflictId = c.id;
    if (against.packageId !== null)
      await db
        .insertInto('terminal_conflict_sides')
        .values({ conflict_id: conflictId, package_id: against.packageId })
        .execute();
  }
  await db.insertInto('terminal_conflict_sides').values({ conflict_id: conflictId, package_id: pkg.id }).execute();
}

/**
 * Held ballots whose code no package still out carries (leaving out `alsoGone`, a package about to be cancelled) and
 * that are in no conflict: those a merge takes now.
 */
export function releasableHeld(db: Kysely<Database>, row: AssessmentRow, alsoGone: number | null = null) {
  return db
    .selectFrom('terminal_set_aside as a')
    .innerJoin('terminal_packages as p', 'p.id', 'a.package_id')
    .select(['a.id', 'a.package_id', 'p.terminal_no', 'a.code_id', 'a.group_ref', 'a.ballot'])
    .where('p.assessment_id', '=', row.id)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('terminal_conflicts as c').select('c.id').whereRef('c.code_id', '=', 'a.code_id'))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('terminal_package_seats as s')
            .innerJoin('terminal_packages as q', 'q.id', 's.package_id')
            .select('s.code_id')
            .whereRef('s.code_id', '=', 'a.code_id')
            .where('q.returned_on', 'is', null)
            .where('q.cancelled_on', 'is', null)
            .$if(alsoGone !== null, (qb) => qb.where('q.id', '!=', alsoGone ?? 0)),
        ),
      ),
    );
}

/** Merges held ballots whose code no package still out carries and that are in no conflict. */
export async function releaseHeld(
  db: Kysely<Database>,
  row: AssessmentRow,
  user: SessionUser,
  names: Record<string, string>,
  now: string,
): Promise<number> {
  const held = await releasableHeld(db, row).execute();
  for (const h of held) {
    await mergeBallot(db, row, h.group_ref, storedBallotOf(h.ballot, 'terminal_set_aside.ballot'), user, names, now);
    await db.deleteFrom('terminal_set_aside').where('id', '=', h.id).execute();
    await db
      .updateTable('terminal_packages')
      .set((eb) => ({ merged: eb('merged', '+', 1) }))
      .where('id', '=', h.package_id)
      .execute();
  }
  return held.length;
}
