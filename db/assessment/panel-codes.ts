// One-time 评议码 per seat: generated with node:crypto, stored only as an HMAC keyed from the store's key, revoked or
// replaced by staff, looked up (and used up) by the kiosk.
import { createHmac, hkdfSync, randomInt } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  PANEL_KIND_LABELS,
  PANEL_KINDS,
  normalizeCode,
  seatLabel,
  type PanelCodeSheet,
  type PanelKind,
  type PanelSeatView,
} from '../../shared/assessment/panel';
import type { AssessmentMember } from '../../shared/assessment/types';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import type { AssessmentPanelCodesTable, Database } from '../schema';
import type { Store } from '../store/store';
import type { AssessmentRow } from './access';
import { groupMembers, groupName, memberMap } from './ballots';
import { readMembers } from './members';

type CodeRow = Selectable<AssessmentPanelCodesTable>;

/** The keyed hash of a normalised code; the key never leaves this process and is not in the store. */
export function codeHasher(store: Store): (code: string) => string {
  const key = codeHashKey(store);
  return (code) => createHmac('sha256', key).update(code).digest('hex');
}

/** The codes' HMAC key (HKDF of the root key under its own label); a 评议终端包 carries it to hash typed codes. */
export const codeHashKey = (store: Store): Buffer =>
  store.withRootKey((k) => Buffer.from(hkdfSync('sha256', k, Buffer.alloc(0), 'ganbu panel codes v1', 32)));

function newCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

const seatOf = (r: CodeRow, members: ReadonlyMap<number, AssessmentMember>) =>
  seatLabel(r.kind, r.seat_no, r.rater_cadre_id === null ? undefined : members.get(r.rater_cadre_id)?.name);

interface NewSeat {
  seatNo: number;
  raterCadreId: number | null;
}

/** Inserts one code per seat (retrying the astronomically rare hash collision) and returns the plain codes. */
async function issue(
  db: Kysely<Database>,
  hash: (code: string) => string,
  row: AssessmentRow,
  kind: PanelKind,
  group: string,
  seats: readonly NewSeat[],
  user: SessionUser,
  now: string,
): Promise<{ seat: NewSeat; code: string }[]> {
  const out: { seat: NewSeat; code: string }[] = [];
  for (const seat of seats) {
    for (;;) {
      const code = newCode();
      const codeHash = hash(code);
      const clash = await db
        .selectFrom('assessment_panel_codes')
        .select('id')
        .where('code_hash', '=', codeHash)
        .executeTakeFirst();
      if (clash) continue;
      await db
        .insertInto('assessment_panel_codes')
        .values({
          assessment_id: row.id,
          kind,
          group_ref: group,
          seat_no: seat.seatNo,
          rater_cadre_id: seat.raterCadreId,
          code_hash: codeHash,
          state: 'unused',
          created_by: user.displayName,
          created_at: now,
        })
        .execute();
      out.push({ seat, code });
      break;
    }
  }
  return out;
}

function sheet(
  row: AssessmentRow,
  kind: PanelKind,
  group: string,
  name: string,
  now: string,
  slips: PanelCodeSheet['slips'],
): PanelCodeSheet {
  return {
    assessmentId: row.id,
    assessmentName: row.name,
    year: row.year,
    kind,
    kindLabel: PANEL_KIND_LABELS[kind],
    group,
    groupName: name,
    generatedAt: now,
    slips,
  };
}

/**
 * New codes for a group. 同级互评: one per cadre of the group; a seat whose code is unused gets a new one (the old
 * is revoked), a seat already used is skipped. 上级/职工: `count` new numbered seats after the existing ones.
 */
export async function generateCodes(
  db: Kysely<Database>,
  hash: (code: string) => string,
  row: AssessmentRow,
  input: { kind: PanelKind; group: string; count?: number | undefined },
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<PanelCodeSheet> {
  const members = await groupMembers(db, row.id, input.group);
  if (members.length === 0) fail('VALIDATION', '评议分组不是本次考核的分组', 'group');
  const name = groupName(members, input.group);
  const existing = await db
    .selectFrom('assessment_panel_codes')
    .selectAll()
    .where('assessment_id', '=', row.id)
    .where('kind', '=', input.kind)
    .where('group_ref', '=', input.group)
    .execute();
  let seats: NewSeat[];
  if (input.kind === 'peer') {
    if (input.count !== undefined) fail('VALIDATION', '同级互评的评议码按本组干部每人一个生成，不能指定数量', 'count');
    if (members.length < 2) fail('VALIDATION', `“${name}”只有 1 人，没有可互评的同事`, 'group');
    const used = new Set(existing.filter((r) => r.state === 'used').map((r) => r.rater_cadre_id));
    const seatNos = new Map(existing.map((r) => [r.rater_cadre_id, r.seat_no]));
    seats = members.flatMap((m, i) =>
      used.has(m.cadreId) ? [] : [{ seatNo: seatNos.get(m.cadreId) ?? i + 1, raterCadreId: m.cadreId }],
    );
    if (seats.length === 0) fail('VALIDATION', `“${name}”的同级互评已全部提交，无需再生成评议码`, 'group');
    const replaced = existing.filter((r) => r.state === 'unused').map((r) => r.id);
    if (replaced.length > 0)
      await db.updateTable('assessment_panel_codes').set({ state: 'revoked' }).where('id', 'in', replaced).execute();
  } else {
    if (input.count === undefined) fail('VALIDATION', '请填写要生成的评议码数量', 'count');
    const last = Math.max(0, ...existing.map((r) => r.seat_no));
    seats = Array.from({ length: input.count! }, (_, i) => ({ seatNo: last + i + 1, raterCadreId: null }));
  }
  const byId = new Map(members.map((m) => [m.cadreId, m]));
  const issued = await issue(db, hash, row, input.kind, input.group, seats, user, now);
  return sheet(
    row,
    input.kind,
    input.group,
    name,
    now,
    issued.map(({ seat, code }) => ({
      seatNo: seat.seatNo,
      seatLabel: seatLabel(
        input.kind,
        seat.seatNo,
        seat.raterCadreId === null ? undefined : byId.get(seat.raterCadreId)?.name,
      ),
      code,
    })),
  );
}

async function seatRow(db: Kysely<Database>, row: AssessmentRow, id: number): Promise<CodeRow> {
  const r = await db
    .selectFrom('assessment_panel_codes')
    .selectAll()
    .where('assessment_id', '=', row.id)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ?? fail('NOT_FOUND', '找不到该评议码，可能已被作废或重新生成', 'id');
}

/** Revokes one unused code; a used one is refused (its ballot is in and cannot be traced back). */
export async function revokeCode(db: Kysely<Database>, row: AssessmentRow, id: number): Promise<CodeRow> {
  const r = await seatRow(db, row, id);
  if (r.state === 'used') fail('VALIDATION', '该评议码已使用，评议票已计入，不能作废', 'id');
  if (r.state === 'revoked') fail('VALIDATION', '该评议码已作废', 'id');
  await db.updateTable('assessment_panel_codes').set({ state: 'revoked' }).where('id', '=', id).execute();
  return r;
}

/**
 * Voids one panel (a kind and a group) as a whole: every 评议终端 ballot it produced is removed (superior rows of the
 * group; peer rows and staff tallies of its cadres, which only this panel's seats can have written) and every code of
 * it is revoked, so fresh codes can be generated. Kiosk ballots keep no seat, so a panel is the smallest unit that can
 * be removed without knowing who cast what; no clerk path removes one ballot.
 */
export async function voidPanel(
  db: Kysely<Database>,
  row: AssessmentRow,
  kind: PanelKind,
  group: string,
): Promise<{ groupName: string; usedSeats: number; removed: number; revoked: number }> {
  const members = await groupMembers(db, row.id, group);
  if (members.length === 0) fail('VALIDATION', '评议分组不是本次考核的分组', 'group');
  const name = groupName(members, group);
  const seats = await db
    .selectFrom('assessment_panel_codes')
    .select(['id', 'state'])
    .where('assessment_id', '=', row.id)
    .where('kind', '=', kind)
    .where('group_ref', '=', group)
    .execute();
  const usedSeats = seats.filter((s) => s.state === 'used').length;
  if (usedSeats === 0)
    fail('VALIDATION', `“${name}”的${PANEL_KIND_LABELS[kind]}还没有在评议终端提交的票，无需作废`, 'group');
  const ids = members.map((m) => m.cadreId);
  const r =
    kind === 'superior'
      ? await db
          .deleteFrom('assessment_superior_ballots')
          .where('assessment_id', '=', row.id)
          .where('group_ref', '=', group)
          .where('source', '=', 'kiosk')
          .executeTakeFirst()
      : kind === 'peer'
        ? await db
            .deleteFrom('assessment_peer_ballots')
            .where('assessment_id', '=', row.id)
            .where('target_cadre_id', 'in', ids)
            .where('source', '=', 'kiosk')
            .executeTakeFirst()
        : await db
            .deleteFrom('assessment_staff_counts')
            .where('assessment_id', '=', row.id)
            .where('target_cadre_id', 'in', ids)
            .where('source', '=', 'kiosk')
            .executeTakeFirst();
  const live = seats.filter((s) => s.state !== 'revoked').map((s) => s.id);
  if (live.length > 0)
    await db.updateTable('assessment_panel_codes').set({ state: 'revoked' }).where('id', 'in', live).execute();
  return { groupName: name, usedSeats, removed: Number(r.numDeletedRows), revoked: live.length };
}

/** A new code for the same seat (a lost slip): the old code stops working. */
export async function regenerateCode(
  db: Kysely<Database>,
  hash: (code: string) => string,
  row: AssessmentRow,
  id: number,
  user: SessionUser,
  now = new Date().toISOString(),
): Promise<PanelCodeSheet> {
  const r = await seatRow(db, row, id);
  if (r.state === 'used') fail('VALIDATION', '该评议码已使用，评议票已计入，不能补发', 'id');
  if (r.state === 'revoked') {
    const newer = await db
      .selectFrom('assessment_panel_codes')
      .select('id')
      .where('assessment_id', '=', row.id)
      .where('kind', '=', r.kind)
      .where('group_ref', '=', r.group_ref)
      .where('seat_no', '=', r.seat_no)
      .where('state', '!=', 'revoked')
      .executeTakeFirst();
    if (newer) fail('VALIDATION', '该席位已有新的评议码，请对新的评议码操作', 'id');
  }
  await db.updateTable('assessment_panel_codes').set({ state: 'revoked' }).where('id', '=', id).execute();
  const members = await memberMap(db, row.id, r.rater_cadre_id === null ? [] : [r.rater_cadre_id]);
  const group = await groupMembers(db, row.id, r.group_ref);
  const [issued] = await issue(
    db,
    hash,
    row,
    r.kind,
    r.group_ref,
    [{ seatNo: r.seat_no, raterCadreId: r.rater_cadre_id }],
    user,
    now,
  );
  return sheet(row, r.kind, r.group_ref, groupName(group, r.group_ref), now, [
    { seatNo: r.seat_no, seatLabel: seatOf(r, members), code: issued!.code },
  ]);
}

/** Every seat's latest code, by kind, group and seat: state only, never a code or a ballot. */
export async function listSeats(db: Kysely<Database>, assessmentId: number): Promise<PanelSeatView[]> {
  const rows = await db
    .selectFrom('assessment_panel_codes')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('id')
    .execute();
  const members = new Map((await readMembers(db, assessmentId)).map((m) => [m.cadreId, m]));
  // A regenerated seat shows its current code only.
  const latest = new Map<string, CodeRow>();
  for (const r of rows) latest.set(`${r.kind}|${r.group_ref}|${r.seat_no}`, r);
  return [...latest.values()]
    .sort(
      (a, b) =>
        PANEL_KINDS.indexOf(a.kind) - PANEL_KINDS.indexOf(b.kind) ||
        (a.group_ref < b.group_ref ? -1 : a.group_ref > b.group_ref ? 1 : a.seat_no - b.seat_no),
    )
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      group: r.group_ref,
      groupName: groupName(members.values(), r.group_ref),
      seatNo: r.seat_no,
      seatLabel: seatOf(r, members),
      state: r.state,
      createdBy: r.created_by,
      createdAt: r.created_at,
    }));
}

/** The unused seat a typed code opens in this assessment, or a Chinese refusal saying why (wrong, used, revoked). */
export async function seatForCode(
  db: Kysely<Database>,
  hash: (code: string) => string,
  assessmentId: number,
  typed: string,
): Promise<{ seat: CodeRow | null; refusal: string | null; wrong: boolean }> {
  const code = normalizeCode(typed);
  if (code === null)
    return {
      seat: null,
      refusal: '评议码不正确，请核对后重新输入（8 位，由数字 2–9 和字母组成，不含 0、O、1、I）',
      wrong: true,
    };
  const r = await db
    .selectFrom('assessment_panel_codes')
    .selectAll()
    .where('code_hash', '=', hash(code))
    .executeTakeFirst();
  if (!r || r.assessment_id !== assessmentId)
    return { seat: null, refusal: '评议码不正确，请核对后重新输入', wrong: true };
  if (r.state === 'used') return { seat: null, refusal: '该评议码已使用，每个评议码只能评议一次', wrong: false };
  if (r.state === 'revoked') return { seat: null, refusal: '该评议码已作废，请向工作人员领取新的评议码', wrong: false };
  return { seat: r, refusal: null, wrong: false };
}
