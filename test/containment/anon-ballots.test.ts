// Issue 16 rows 1–4, as the attacker: an account holder of the lowest role (查阅人) unwraps the store key from their own
// password and copies every file of the store folder right after a kiosk submit returns; they must not pair a seat,
// a code or a rater with a ballot. And no clerk path replaces or removes an anonymous ballot.
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { PanelCodeSheet } from '../../shared/assessment/panel';
import type { CallInput } from '../../shared/ipc/contract';
import { assessmentTables, createC1, seedRoster, startCollecting, type SmallRoster } from '../helpers/assessment';
import type { TestHost } from '../helpers/host';
import { keyFromPassword, withRaw } from '../helpers/raw-store';
import { newRosterHost, PASSWORDS } from '../helpers/roster';
import { ADMIN, tempDir } from '../helpers/tmp-store';
import { wholeBallots } from '../../shared/assessment/ballot-parts';

const same = (x: number) => ({ zz1: x, zz2: x, zz3: x });
const codeOf = (sheet: PanelCodeSheet, label: string) => sheet.slips.find((s) => s.seatLabel === label)!.code;

/** A store with the small roster, C1 in 测评中, and a 查阅人 account whose password is the attacker's. */
async function collecting(): Promise<{ h: TestHost; r: SmallRoster; id: number; key: () => Promise<Buffer> }> {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  await h.ok('users.create', {
    username: 'reviewer1',
    displayName: '查阅人甲',
    role: 'reviewer',
    password: PASSWORDS.reviewer,
  });
  return { h, r, id: a.id, key: () => keyFromPassword(h.dir, 'reviewer1', PASSWORDS.reviewer) };
}

/** The attacker's copy of every file in the store folder, taken now. */
function copyFolder(h: TestHost): string {
  const to = join(tempDir('attacker-'), 'store');
  cpSync(h.dir, to, { recursive: true });
  return to;
}

/** The -shm's page-number array (after its 136-byte header): which pages the WAL's frames hold. */
function shmPageNumbers(file: string): number[] {
  const shm = readFileSync(file);
  const out: number[] = [];
  for (let o = 136; o + 4 <= Math.min(shm.length, 136 + 4062 * 4); o += 4)
    if (shm.readUInt32LE(o) !== 0) out.push(shm.readUInt32LE(o));
  return out;
}

async function kioskSubmit(
  h: TestHost,
  id: number,
  code: string,
  ballot: CallInput<'kiosk.submit'>['ballot'],
): Promise<void> {
  await h.ok('kiosk.start', { assessmentId: id });
  await h.ok('kiosk.submit', { code, ballot });
  await h.ok('kiosk.exit', { password: ADMIN.password });
}

describe('row 1: the WAL and its index keep no kiosk transaction', () => {
  test(
    'right after each kiosk submit, the -wal and the -shm name no page of that transaction and there is no journal:' +
      ' nothing pairs the used code with its ballot',
    async () => {
      const { h, r, id, key } = await collecting();
      const attacker = await key();
      const sheet = await h.ok('codes.generate', { assessmentId: id, kind: 'peer', group: 'chief:C1' });
      await h.ok('kiosk.start', { assessmentId: id });
      const votes: [string, number, number[]][] = [
        ['互评人：阿古拉', r.a, [r.b, r.c]],
        ['互评人：巴特尔', r.b, [r.a, r.c]],
      ];
      for (const [seat, , targets] of votes) {
        await h.ok('kiosk.submit', {
          code: codeOf(sheet, seat),
          ballot: { kind: 'peer', ballots: targets.map((t, i) => ({ targetId: t, scores: same(60 + i) })) },
        });
        const copy = copyFolder(h);
        const files = readdirSync(copy);
        // At most one frame (its 32-byte file header, a 24-byte frame header and a 4096-byte page): page 1, as below.
        const wal = files.find((f) => f.endsWith('-wal'));
        if (wal) expect(statSync(join(copy, wal)).size).toBeLessThanOrEqual(32 + 24 + 4096);
        const shm = files.find((f) => f.endsWith('-shm'));
        const pages = shm ? shmPageNumbers(join(copy, shm)) : []; // read before the attacker's own connection touches it
        expect(files.filter((f) => f.endsWith('-journal'))).toEqual([]);
        // At most page 1, the file header (written to clear the index): never a page of the ballot or of the codes.
        expect(pages.filter((p) => p !== 1)).toEqual([]);
        // The attacker's key opens the copy, and the ballot is there: it is the pairing that is gone.
        expect(
          withRaw(
            copy,
            attacker,
            (db) => (db.prepare(`SELECT count(*) AS n FROM assessment_peer_ballots`).get() as { n: number }).n,
          ),
        ).toBeGreaterThan(0);
      }
      await h.ok('kiosk.exit', { password: ADMIN.password });
      // The app goes on writing in WAL mode afterwards (the measure is per kiosk ballot, not a different store).
      await h.ok('ballots.saveService', { assessmentId: id, targetId: r.a, scores: [90] });
      expect(existsSync(join(h.dir, readdirSync(h.dir).find((f) => f.endsWith('.db'))! + '-wal'))).toBe(true);
    },
  );
});

describe('row 2: no order in ids, no time finer than the day', () => {
  test(
    'eight leaders voting one after another: ids are random (not the order of voting), times and audit entries ' +
      'carry the day only',
    async () => {
      const { h, r, id, key } = await collecting();
      const sheet = await h.ok('codes.generate', { assessmentId: id, kind: 'superior', group: 'chief:C1', count: 8 });
      const orders = [
        [r.a, r.b, r.c],
        [r.a, r.c, r.b],
        [r.b, r.a, r.c],
        [r.b, r.c, r.a],
        [r.c, r.a, r.b],
        [r.c, r.b, r.a],
        [r.a, r.b, r.c],
        [r.c, r.b, r.a],
      ];
      const auditBefore = (await h.host.session().db.selectFrom('audit_log').select('id').execute()).length;
      await h.ok('kiosk.start', { assessmentId: id });
      for (const [i, order] of orders.entries())
        await h.ok('kiosk.submit', { code: sheet.slips[i]!.code, ballot: { kind: 'superior', order } });
      await h.ok('kiosk.exit', { password: ADMIN.password });
      const copy = copyFolder(h);
      const attacker = await key();
      withRaw(copy, attacker, (db) => {
        const rows = db
          .prepare(
            `SELECT id, sort_order, entered_at, rowid FROM assessment_superior_ballots WHERE anonymous = 1 ORDER BY rowid`,
          )
          .all() as { id: number; sort_order: string; entered_at: string }[];
        expect(rows).toHaveLength(8);
        // Storage order (rowid = id) is not the order of voting: the attacker cannot tell the 1st leader's ballot.
        expect(rows.map((b) => b.sort_order)).not.toEqual(orders.map((o) => JSON.stringify(o)));
        for (const b of rows) {
          expect(b.id).toBeGreaterThanOrEqual(2 ** 40);
          expect(b.entered_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
        const audit = db
          .prepare(`SELECT action, at FROM audit_log WHERE id > ? AND action = 'kiosk.submit'`)
          .all(auditBefore) as { at: string }[];
        expect(audit).toHaveLength(8);
        for (const e of audit) expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        // A used code keeps no time of use and no ballot id.
        const codeColumns = (
          db.prepare(`SELECT name FROM pragma_table_info('assessment_panel_codes')`).all() as { name: string }[]
        ).map((c) => c.name);
        expect(codeColumns.filter((c) => /used|ballot/.test(c))).toEqual([]);
      });
      // The ordinary screens: the list is in random-id order, never the order of voting, and shows the day only.
      const listed = wholeBallots(await h.ok('ballots.list', { assessmentId: id })).superior.filter((b) => b.anonymous);
      expect([...listed.map((b) => b.id)]).toEqual([...listed.map((b) => b.id)].sort((x, y) => x - y));
      expect(listed.every((b) => /^\d{4}-\d{2}-\d{2}$/.test(b.enteredAt))).toBe(true);
    },
  );

  test('a staff vote at the kiosk leaves its tally with the day only, in the store and in the list', async () => {
    const { h, r, id, key } = await collecting();
    const sheet = await h.ok('codes.generate', { assessmentId: id, kind: 'staff', group: 'chief:C1', count: 1 });
    await kioskSubmit(h, id, sheet.slips[0]!.code, {
      kind: 'staff',
      votes: [r.a, r.b, r.c].map((t) => ({ targetId: t, grade: 'good' })),
    });
    await h.ok('ballots.saveStaff', {
      assessmentId: id,
      counts: [{ targetId: r.a, excellent: 2, good: 1, fair: 0, poor: 0 }],
      kioskExcluded: true, // 1 kiosk vote, concealed: the totals typed leave it out
    });
    const views = wholeBallots(await h.ok('ballots.list', { assessmentId: id })).staff;
    expect(views.map((v) => v.enteredAt).every((t) => /^\d{4}-\d{2}-\d{2}$/.test(t))).toBe(true);
    withRaw(copyFolder(h), await key(), (db) => {
      const kiosk = db.prepare(`SELECT entered_at FROM assessment_staff_counts WHERE source = 'kiosk'`).all() as {
        entered_at: string;
      }[];
      expect(kiosk).toHaveLength(3);
      for (const t of kiosk) expect(t.entered_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });
});

describe('row 3: a kiosk peer ballot keeps no rater', () => {
  test(
    'the attacker finds no rater, pseudonym or shared value that groups one rater’s ballots; the rankings are what ' +
      'the same ballots on paper give',
    async () => {
      const { h, r, id, key } = await collecting();
      const sheet = await h.ok('codes.generate', { assessmentId: id, kind: 'peer', group: 'chief:C1' });
      // The scoring.md worked example's peer ballots, cast at the kiosk.
      const cast: [string, { targetId: number; scores: Record<string, number> }[]][] = [
        [
          '互评人：巴特尔',
          [
            { targetId: r.a, scores: same(90) },
            { targetId: r.c, scores: same(70) },
          ],
        ],
        [
          '互评人：朝鲁',
          [
            { targetId: r.a, scores: same(80) },
            { targetId: r.b, scores: same(95) },
          ],
        ],
        [
          '互评人：阿古拉',
          [
            { targetId: r.b, scores: same(85) },
            { targetId: r.c, scores: same(70) },
          ],
        ],
      ];
      await h.ok('kiosk.start', { assessmentId: id });
      for (const [seat, ballots] of cast)
        await h.ok('kiosk.submit', { code: codeOf(sheet, seat), ballot: { kind: 'peer', ballots } });
      await h.ok('kiosk.exit', { password: ADMIN.password });

      withRaw(copyFolder(h), await key(), (db) => {
        const rows = db.prepare(`SELECT * FROM assessment_peer_ballots`).all() as Record<string, unknown>[];
        expect(rows).toHaveLength(6);
        for (const b of rows) expect(b.rater_cadre_id).toBeNull();
        // Every other column is one value for all six rows (the id is random and unique): nothing ties two rows to one rater.
        for (const col of Object.keys(rows[0]!)) {
          if (['id', 'target_cadre_id', 'scores'].includes(col)) continue;
          expect(new Set(rows.map((b) => b[col])).size, col).toBe(1);
        }
        expect(new Set(rows.map((b) => b.id)).size).toBe(6);
      });

      // Scoring (rule 2) still counts every ballot: the same peer scores as when a clerk enters them by rater.
      const atKiosk = await h.ok('rankings.get', { assessmentId: id });
      const h2 = await collecting();
      for (const [seat, ballots] of cast) {
        const raterId = { '互评人：阿古拉': h2.r.a, '互评人：巴特尔': h2.r.b, '互评人：朝鲁': h2.r.c }[seat]!;
        const map = new Map([
          [r.a, h2.r.a],
          [r.b, h2.r.b],
          [r.c, h2.r.c],
        ]);
        await h2.h.ok('ballots.savePeer', {
          assessmentId: h2.id,
          raterId,
          ballots: ballots.map((b) => ({ ...b, targetId: map.get(b.targetId)! })),
        });
      }
      const onPaper = await h2.h.ok('rankings.get', { assessmentId: h2.id });
      const peerOf = (v: typeof atKiosk) =>
        v.result.groups.flatMap((g) => g.rows.map((row) => [row.components.peer?.score, row.components.peer?.ballots]));
      expect(peerOf(atKiosk)).toEqual(peerOf(onPaper));
      expect(
        peerOf(atKiosk)
          .slice(0, 3)
          .map((x) => x[1]),
      ).toEqual([2, 2, 2]);
      expect(atKiosk.invalidBallots).toEqual([]);
    },
  );

  test('a rater with a clerk-entered peer ballot cannot vote at the kiosk too (it would count twice); nothing is stored', async () => {
    const { h, r, id } = await collecting();
    const sheet = await h.ok('codes.generate', { assessmentId: id, kind: 'peer', group: 'chief:C1' });
    await h.ok('ballots.savePeer', {
      assessmentId: id,
      raterId: r.a,
      ballots: [
        { targetId: r.b, scores: same(70) },
        { targetId: r.c, scores: same(70) },
      ],
    });
    const before = await assessmentTables(h);
    await h.ok('kiosk.start', { assessmentId: id });
    expect(
      await h.err('kiosk.submit', {
        code: codeOf(sheet, '互评人：阿古拉'),
        ballot: {
          kind: 'peer',
          ballots: [
            { targetId: r.b, scores: same(99) },
            { targetId: r.c, scores: same(99) },
          ],
        },
      }),
    ).toEqual({
      code: 'VALIDATION',
      field: 'ballot',
      message: '已录入“阿古拉”的同级互评票（纸质或 Excel），不能再在评议终端评议，请联系工作人员',
    });
    await h.ok('kiosk.exit', { password: ADMIN.password });
    const after = await assessmentTables(h);
    expect(after.digest).toBe(before.digest);
  });
});

describe('row 4: no clerk path replaces or removes an anonymous ballot', () => {
  test(
    'the peer form for a kiosk rater, an 匿名评议 label, and deleting kiosk ballots are refused with a message; the ' +
      'store is as it was',
    async () => {
      const { h, r, id } = await collecting();
      const peer = await h.ok('codes.generate', { assessmentId: id, kind: 'peer', group: 'chief:C1' });
      const leaders = await h.ok('codes.generate', { assessmentId: id, kind: 'superior', group: 'chief:C1', count: 1 });
      await h.ok('kiosk.start', { assessmentId: id });
      await h.ok('kiosk.submit', {
        code: codeOf(peer, '互评人：巴特尔'),
        ballot: {
          kind: 'peer',
          ballots: [
            { targetId: r.a, scores: same(41) },
            { targetId: r.c, scores: same(42) },
          ],
        },
      });
      await h.ok('kiosk.submit', {
        code: leaders.slips[0]!.code,
        ballot: { kind: 'superior', order: [r.c, r.b, r.a] },
      });
      await h.ok('kiosk.exit', { password: ADMIN.password });
      // With one kiosk ballot in the group the list conceals it (fewer than 3, issue 21 §5): a clerk who learned its
      // label and id elsewhere is the case here, so they are read from the table.
      const kioskLeader = await h.host
        .session()
        .db.selectFrom('assessment_superior_ballots')
        .select(['id', 'rater_label as raterLabel'])
        .where('assessment_id', '=', id)
        .where('anonymous', '=', 1)
        .executeTakeFirstOrThrow();
      const before = await assessmentTables(h);

      expect(
        await h.err('ballots.savePeer', {
          assessmentId: id,
          raterId: r.b,
          ballots: [{ targetId: r.a, scores: same(60) }],
        }),
      ).toEqual({
        code: 'VALIDATION',
        field: 'raterId',
        message: '评价人“巴特尔”已在评议终端完成同级互评，不能再录入其互评票（评议终端的票不能被替换或删除）',
      });
      expect(
        await h.err('ballots.saveSuperior', {
          assessmentId: id,
          raterLabel: kioskLeader.raterLabel,
          group: 'chief:C1',
          order: [r.a, r.b, r.c],
        }),
      ).toMatchObject({
        code: 'VALIDATION',
        field: 'raterLabel',
        message: `“${kioskLeader.raterLabel}”是评议终端的匿名评议票，评议终端的票不能被替换或删除，请使用其他领导名称`,
      });
      expect(
        await h.err('ballots.saveSuperior', {
          assessmentId: id,
          raterLabel: '匿名评议-00000000',
          group: 'chief:C1',
          order: [r.a, r.b, r.c],
        }),
      ).toEqual({
        code: 'VALIDATION',
        field: 'raterLabel',
        message: '上级领导名称不能以“匿名评议”开头（该名称留给评议终端的匿名评议票），请填写领导的姓名或职务',
      });
      expect(await h.err('ballots.delete', { assessmentId: id, kind: 'superior', id: kioskLeader.id })).toEqual({
        code: 'VALIDATION',
        field: 'id',
        message: '评议终端的票不能被替换或删除',
      });
      expect(
        await h.err('paper.enter', {
          assessmentId: id,
          paperNo: 'P-1',
          ballot: {
            kind: 'peer',
            raterId: r.b,
            ballots: [
              { targetId: r.a, scores: same(60) },
              { targetId: r.c, scores: same(60) },
            ],
          },
        }),
      ).toMatchObject({
        code: 'VALIDATION',
        message: '评价人“巴特尔”已在评议终端完成同级互评，不能再录入其互评票（评议终端的票不能被替换或删除）',
      });
      expect(await assessmentTables(h)).toEqual(before);
      // The list never offers a kiosk ballot's rater or id for the peer form.
      expect(
        wholeBallots(await h.ok('ballots.list', { assessmentId: id }))
          .peer.filter((b) => b.anonymous)
          .map((b) => [b.id, b.raterId]),
      ).toEqual([
        [0, null],
        [0, null],
      ]);
    },
  );

  test(
    'only voiding the whole panel removes kiosk ballots: audited with counts, the clerk’s ballots stay, the codes ' +
      'are revoked; refused by name when nothing to void or for a clerk',
    async () => {
      const { h, r, id } = await collecting();
      const peer = await h.ok('codes.generate', { assessmentId: id, kind: 'peer', group: 'chief:C1' });
      const before = await assessmentTables(h);
      expect(await h.err('codes.voidPanel', { assessmentId: id, kind: 'peer', group: 'chief:C1' })).toEqual({
        code: 'VALIDATION',
        field: 'group',
        message: '“正职·苏木镇（街道）”的同级互评还没有在评议终端提交的票，无需作废',
      });
      expect(await assessmentTables(h)).toEqual(before);
      await h.ok('kiosk.start', { assessmentId: id });
      await h.ok('kiosk.submit', {
        code: codeOf(peer, '互评人：巴特尔'),
        ballot: {
          kind: 'peer',
          ballots: [
            { targetId: r.a, scores: same(41) },
            { targetId: r.c, scores: same(42) },
          ],
        },
      });
      await h.ok('kiosk.submit', {
        code: codeOf(peer, '互评人：朝鲁'),
        ballot: {
          kind: 'peer',
          ballots: [
            { targetId: r.a, scores: same(43) },
            { targetId: r.b, scores: same(44) },
          ],
        },
      });
      await h.ok('kiosk.exit', { password: ADMIN.password });
      await h.ok('ballots.savePeer', {
        assessmentId: id,
        raterId: r.a,
        ballots: [
          { targetId: r.b, scores: same(70) },
          { targetId: r.c, scores: same(71) },
        ],
      });

      await h.ok('users.create', {
        username: 'clerk1',
        displayName: '录入员甲',
        role: 'assessmentClerk',
        password: PASSWORDS.assessmentClerk,
      });
      await h.ok('session.login', { username: 'clerk1', password: PASSWORDS.assessmentClerk });
      expect(await h.err('codes.voidPanel', { assessmentId: id, kind: 'peer', group: 'chief:C1' })).toMatchObject({
        code: 'FORBIDDEN',
      });
      await h.ok('session.login', { username: ADMIN.username, password: ADMIN.password });

      expect(await h.ok('codes.voidPanel', { assessmentId: id, kind: 'peer', group: 'chief:C1' })).toEqual({
        changed: 4,
      });
      const list = wholeBallots(await h.ok('ballots.list', { assessmentId: id }));
      expect(list.peer.map((b) => [b.raterId, b.targetId, b.source])).toEqual([
        [r.a, r.b, 'manual'],
        [r.a, r.c, 'manual'],
      ]);
      expect((await h.ok('codes.list', { assessmentId: id })).map((s) => s.state)).toEqual([
        'revoked',
        'revoked',
        'revoked',
      ]);
      const audit = await h.host
        .session()
        .db.selectFrom('audit_log')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(audit.action).toBe('codes.voidPanel');
      expect(JSON.parse(audit.detail)).toEqual({
        assessmentId: id,
        kind: '同级互评',
        group: '正职·苏木镇（街道）',
        usedSeats: 2,
        removedBallots: 4,
        revokedCodes: 3,
      });
      // The panel can vote again with fresh codes (its raters are no longer taken for kiosk voters).
      const again = await h.ok('codes.generate', { assessmentId: id, kind: 'peer', group: 'chief:C1' });
      expect(again.slips.map((x) => x.seatLabel)).toEqual(['互评人：阿古拉', '互评人：巴特尔', '互评人：朝鲁']);
    },
  );
});
