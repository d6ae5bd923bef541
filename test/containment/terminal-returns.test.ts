// Issue 18, as the attacker: the clerk's 评议终端包 password and the return file (or the laptop's store folder before
// 结束评议). Everything decrypts; still no code or seat pairs with a ballot. The only bridge from a used code's lookup
// to a ballot's tag is the seat secret, scrypt of the code's main-store hash: it needs the code itself (2^40 of them,
// each a scrypt), and the main PC's kiosk anonymity rules hold for what is merged.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, normalizeCode } from '../../shared/assessment/panel';
import { mainCodeHash, normalizePackagePassword, seatSecrets } from '../../db/terminal/codes';
import { packageContentSchema, returnContentSchema } from '../../db/terminal/formats';
import { readHeader, unseal } from '../../db/terminal/seal';
import { deriveKey } from '../../db/store/kdf';
import { ballotFor, exportTo, finish, importFile, laptop, mainPc } from '../db/terminal/fixture';

async function openAll(pkgFile: string, retFile: string, password: string) {
  const pkgBytes = readFileSync(pkgFile);
  const key = await deriveKey(normalizePackagePassword(password), readHeader(pkgBytes, 'package').header.kdf);
  return {
    pkg: unseal(pkgBytes, 'package', key, packageContentSchema).content,
    ret: unseal(readFileSync(retFile), 'return', key, returnContentSchema).content,
  };
}

describe('a return and its package, opened with the package password', () => {
  test('ballots carry no seat, code, time or order; lookups and tags share nothing; only the code itself pairs them', async () => {
    const m = await mainPc({ superiorChief: 24, staffChief: 0, superiorDeputy: 0, staffDeputy: 0 });
    const p = await exportTo(m, 1, [m.chief]);
    const l = await laptop(p);
    const cast = m.slips.filter((s) => s.kind === 'superior');
    for (const [i, s] of cast.entries()) await l.t.submit(s.code, ballotFor(m, s, i));
    const retFile = await finish(l, p.password);
    const { pkg, ret } = await openAll(p.file, retFile, p.password);

    // What a ballot says: its group and the ballot; no seat, lookup, code, id or time.
    for (const b of ret.ballots) expect(Object.keys(b).sort()).toEqual(['ballot', 'group', 'tag']);
    const text = JSON.stringify(ret);
    for (const s of cast) expect(text).not.toContain(s.code.replace('-', ''));
    expect(text).not.toMatch(/T\d{2}:\d{2}|seatNo|raterCadreId/);
    // Lookups are sorted apart from the ballots (no order to line them up); the ballots are in no voting order.
    expect(ret.usedLookups).toEqual([...ret.usedLookups].sort());
    const votedOrder = cast.map((s, i) => JSON.stringify(ballotFor(m, s, i)));
    expect(ret.ballots.map((b) => JSON.stringify(b.ballot))).not.toEqual(votedOrder);
    // Nothing in common between a lookup and a tag.
    const tags = new Set(ret.ballots.map((b) => b.tag));
    expect(ret.usedLookups.some((x) => tags.has(x))).toBe(false);
    // The package holds no code and no main-store code hash: the codeKey alone gives none without a code.
    expect(JSON.stringify(pkg)).not.toMatch(new RegExp(cast.map((s) => s.code).join('|')));
    // Pairing needs the code: with it, its lookup and its ballot's tag follow; every other guess is one of 32^8.
    const salt = Buffer.from(pkg.codeSalt, 'hex');
    const withCode = await seatSecrets(
      mainCodeHash(Buffer.from(pkg.codeKey, 'hex'), normalizeCode(cast[0]!.code) ?? ''),
      salt,
      pkg.codeCost,
    );
    expect(ret.usedLookups).toContain(withCode.lookup);
    expect(tags.has(withCode.tag)).toBe(true);
    expect(CODE_ALPHABET.length ** CODE_LENGTH).toBe(2 ** 40);
    // A guess costs a scrypt of the package's cost (N=2^12, r=8): 2^40 of them is centuries of CPU.
    expect(pkg.codeCost.N * pkg.codeCost.r).toBeGreaterThanOrEqual(2 ** 15);
  }, 60_000);

  test("after import the main store keeps no tag and nothing set aside: what is merged is as anonymous as the kiosk's", async () => {
    const m = await mainPc({ superiorChief: 6, staffChief: 4, superiorDeputy: 0, staffDeputy: 0 });
    const p = await exportTo(m, 1, [m.chief]);
    const l = await laptop(p);
    for (const [i, s] of m.slips.entries()) if (s.group === m.chief) await l.t.submit(s.code, ballotFor(m, s, i));
    const retFile = await finish(l, p.password);
    const { ret } = await openAll(p.file, retFile, p.password);
    await importFile(m, retFile);
    const db = m.h.host.session().db;
    expect(await db.selectFrom('terminal_set_aside').selectAll().execute()).toEqual([]);
    const all = JSON.stringify([
      await db.selectFrom('assessment_superior_ballots').selectAll().execute(),
      await db.selectFrom('assessment_peer_ballots').selectAll().execute(),
      await db.selectFrom('assessment_staff_counts').selectAll().execute(),
    ]);
    for (const b of ret.ballots) expect(all).not.toContain(b.tag);
    const superior = await db.selectFrom('assessment_superior_ballots').selectAll().execute();
    expect(superior.every((b) => b.anonymous === 1 && b.entered_at.length === 10 && b.id >= 2 ** 40)).toBe(true);
    const peer = await db.selectFrom('assessment_peer_ballots').selectAll().execute();
    expect(peer.every((b) => b.rater_cadre_id === null && b.anonymous === 1)).toBe(true);
  }, 60_000);
});
