// Shared pieces of the 评议终端包 tests: a main PC with the small roster's C1 in 测评中 and codes for every kind and
// group, deterministic ballots per seat, and a terminal on a laptop (its own temp folder) that votes and returns.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskBallot, PanelCodeSheet, PanelKind } from '../../../shared/assessment/panel';
import { TerminalStore } from '../../../db/terminal/terminal-store';
import { createC1, seedRoster, startCollecting, type SmallRoster } from '../../helpers/assessment';
import type { TestHost } from '../../helpers/host';
import { newRosterHost } from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';

export interface Slip {
  kind: PanelKind;
  group: string;
  code: string;
  /** The seat's cadre (同级互评), whose ballot leaves them out. */
  rater?: number;
}

export interface MainPc {
  h: TestHost;
  r: SmallRoster;
  id: number;
  chief: string;
  deputy: string;
  slips: Slip[];
}

/** Seats per kind and group: with the 5 peer seats, 300 in all. */
export const SEATS = { superiorChief: 92, staffChief: 92, superiorDeputy: 50, staffDeputy: 61 };

export async function mainPc(seats = SEATS): Promise<MainPc> {
  const h = await newRosterHost();
  const r = await seedRoster(h);
  const a = await startCollecting(h, await createC1(h));
  const chief = 'chief:C1';
  const deputy = `deputy:${r.units.wulan}`;
  const slips: Slip[] = [];
  const add = (sheet: PanelCodeSheet, raters?: number[]) =>
    sheet.slips.forEach((s, i) =>
      slips.push({ kind: sheet.kind, group: sheet.group, code: s.code, ...(raters ? { rater: raters[i]! } : {}) }),
    );
  const gen = (kind: PanelKind, group: string, count?: number) =>
    h.ok('codes.generate', { assessmentId: a.id, kind, group, ...(count ? { count } : {}) });
  if (seats.superiorChief > 0) add(await gen('superior', chief, seats.superiorChief));
  if (seats.staffChief > 0) add(await gen('staff', chief, seats.staffChief));
  if (seats.superiorDeputy > 0) add(await gen('superior', deputy, seats.superiorDeputy));
  if (seats.staffDeputy > 0) add(await gen('staff', deputy, seats.staffDeputy));
  add(await gen('peer', chief), [r.a, r.b, r.c]);
  add(await gen('peer', deputy), [r.d, r.e]);
  return { h, r, id: a.id, chief, deputy, slips };
}

const GRADES = ['excellent', 'good', 'fair', 'poor'] as const;

/** Seat i's ballot: varied, deterministic, valid for its group. */
export function ballotFor(m: MainPc, slip: Slip, i: number): KioskBallot {
  const group = slip.group === m.chief ? [m.r.a, m.r.b, m.r.c] : [m.r.d, m.r.e];
  if (slip.kind === 'superior') {
    const order = [...group];
    for (let k = 0; k < (i % 3) + 1; k++) order.push(order.shift()!);
    if (i % 4 === 0) order.reverse();
    return { kind: 'superior', order };
  }
  if (slip.kind === 'staff')
    return { kind: 'staff', votes: group.map((t, k) => ({ targetId: t, grade: GRADES[(i + k * 3 + (i >> 2)) % 4]! })) };
  return {
    kind: 'peer',
    ballots: group
      .filter((t) => t !== slip.rater)
      .map((t, k): { targetId: number; scores: Record<string, number> } => ({
        targetId: t,
        scores:
          slip.group === m.chief
            ? { zz1: 60 + ((i * 7 + k) % 40), zz2: 70 + (k % 30), zz3: 80 + (i % 20) }
            : { fz1: 65 + ((i * 5 + k) % 35), fz2: 75 + (k % 25) },
      })),
  };
}

export async function exportTo(m: MainPc, terminalNo: number, groups?: string[]) {
  const file = join(tempDir('gpkg-'), `终端${terminalNo}.gpkg`);
  const token = await m.h.pickSave('terminalPackage', file);
  const out = await m.h.ok('terminals.export', {
    assessmentId: m.id,
    terminalNo,
    ...(groups ? { groups } : {}),
    token,
  });
  return { ...out, file };
}

/** A laptop: its own folder, the package opened with its password. */
export async function laptop(pkg: { file: string; password: string }) {
  const dir = join(tempDir('laptop-'), 'terminal');
  const t = await TerminalStore.create(dir, readFileSync(pkg.file), pkg.password);
  return { dir, t };
}

/** 结束评议: the return written next to the laptop's folder. */
export async function finish(l: { dir: string; t: TerminalStore }, password: string): Promise<string> {
  const out = join(tempDir('gret-'), 'return.gret');
  await l.t.finish(password, out);
  return out;
}

export async function importFile(m: MainPc, file: string) {
  const [picked] = await m.h.pickOpen('terminalReturn', file);
  return m.h.ok('terminals.importReturn', { assessmentId: m.id, token: picked!.token });
}

export async function importError(m: MainPc, file: string) {
  const [picked] = await m.h.pickOpen('terminalReturn', file);
  return m.h.err('terminals.importReturn', { assessmentId: m.id, token: picked!.token });
}

/** A digest of the rankings (groups, scores, ranks, grades, invalid ballots): equal digests, equal rankings. */
export async function rankingsDigest(m: MainPc): Promise<string> {
  const view = await m.h.ok('rankings.get', { assessmentId: m.id });
  return createHash('sha256').update(JSON.stringify(view.result)).digest('hex');
}
