// The terminal's own store on the laptop: opened with the package password only, one use per code, nothing but the
// package and ballots at rest, a return with no time or order, and nothing left after 结束评议.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { returnContentSchema } from '../../../db/terminal/formats';
import { unseal } from '../../../db/terminal/seal';
import { TerminalStore } from '../../../db/terminal/terminal-store';
import { deriveKey } from '../../../db/store/kdf';
import { readHeader } from '../../../db/terminal/seal';
import { normalizePackagePassword } from '../../../db/terminal/codes';
import { tempDir } from '../../helpers/tmp-store';
import { ballotFor, exportTo, mainPc } from './fixture';

const SMALL = { superiorChief: 4, staffChief: 2, superiorDeputy: 0, staffDeputy: 0 };
const rejects = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('terminal store', () => {
  test('the package opens with its password only; a wrong one or a tampered package is refused, nothing created', async () => {
    const m = await mainPc(SMALL);
    const pkg = await exportTo(m, 1, [m.chief]);
    const dir = join(tempDir('laptop-'), 't');
    expect(await rejects(TerminalStore.create(dir, readFileSync(pkg.file), 'AAAA-BBBB-CCCC-DDDD'))).toContain(
      '评议终端包密码不正确',
    );
    const bad = readFileSync(pkg.file);
    bad[bad.length - 5]! ^= 1;
    expect(await rejects(TerminalStore.create(dir, bad, pkg.password))).toContain('已被篡改或损坏');
    expect(TerminalStore.exists(dir)).toBe(false);
    // Lower case and spaces are fine: the clerk types it off the 交接单.
    const t = await TerminalStore.create(dir, readFileSync(pkg.file), pkg.password.toLowerCase().replace(/-/g, ' '));
    expect(t.status()).toMatchObject({ terminalNo: 1, cast: 0, seats: 4 + 2 + 3 });
    expect(await rejects(TerminalStore.create(dir, readFileSync(pkg.file), pkg.password))).toContain(
      '未结束的评议终端',
    );
    t.close();
  }, 60_000);

  test('codes: wrong ones refused, each once, the form as on the main kiosk; reopening keeps the ballots', async () => {
    const m = await mainPc(SMALL);
    const pkg = await exportTo(m, 1, [m.chief]);
    const dir = join(tempDir('laptop-'), 't');
    let t = await TerminalStore.create(dir, readFileSync(pkg.file), pkg.password);
    expect(await rejects(t.form('2345-6789'))).toContain('评议码不正确');
    const peer = m.slips.find((s) => s.kind === 'peer')!;
    const form = await t.form(peer.code);
    expect(form).toMatchObject({
      kindLabel: '同级互评',
      seatLabel: '互评人：阿古拉',
      groupName: '正职·苏木镇（街道）',
    });
    expect(form.targets.map((x) => x.name)).toEqual(['巴特尔', '朝鲁']);
    expect(form.indicators.map((i) => i.name)).toEqual(['战略谋划', '团队引领', '攻坚克难']);
    // Self-rating and a missing cadre are refused as on the main PC.
    expect(
      await rejects(
        t.submit(peer.code, { kind: 'peer', ballots: [{ targetId: m.r.a, scores: { zz1: 1, zz2: 1, zz3: 1 } }] }),
      ),
    ).toContain('不能给本人打分');
    const sup = m.slips.find((s) => s.kind === 'superior')!;
    expect(await rejects(t.submit(sup.code, { kind: 'superior', order: [m.r.a, m.r.b] }))).toContain(
      '请为“朝鲁”排出名次',
    );
    expect(await rejects(t.submit(sup.code, ballotFor(m, peer, 1)))).toContain('不能提交其他类型');
    await t.submit(sup.code, ballotFor(m, sup, 1));
    expect(await rejects(t.submit(sup.code, ballotFor(m, sup, 2)))).toContain('该评议码已使用');
    t.close();
    expect(await rejects(TerminalStore.resume(dir, 'AAAA-BBBB-CCCC-DDDD'))).toContain('评议终端包密码不正确');
    t = await TerminalStore.resume(dir, pkg.password);
    expect(t.status().cast).toBe(1);
    expect(await rejects(t.submit(sup.code, ballotFor(m, sup, 2)))).toContain('该评议码已使用');
    t.close();
  }, 60_000);

  test("结束评议: the clerk's package password; a return with shuffled ballots, sorted codes, the day only; the store is gone", async () => {
    const m = await mainPc(SMALL);
    const pkg = await exportTo(m, 1, [m.chief]);
    const dir = join(tempDir('laptop-'), 't');
    const t = await TerminalStore.create(dir, readFileSync(pkg.file), pkg.password);
    const cast = m.slips.filter((s) => s.kind !== 'peer');
    for (const [i, s] of cast.entries()) await t.submit(s.code, ballotFor(m, s, i));
    const out = join(tempDir('gret-'), 'r.gret');
    expect(await rejects(t.finish('AAAA-BBBB-CCCC-DDDD', out))).toContain('评议终端包密码不正确');
    expect(t.status().cast).toBe(cast.length);
    expect(await t.finish(pkg.password, out, '2025-12-07')).toBe(cast.length);
    expect(readdirSync(dir)).toEqual([]);
    const bytes = readFileSync(out);
    const key = await deriveKey(normalizePackagePassword(pkg.password), readHeader(bytes, 'return').header.kdf);
    const { content } = unseal(bytes, 'return', key, returnContentSchema);
    expect(content.closedOn).toBe('2025-12-07');
    expect(content.usedLookups).toEqual([...content.usedLookups].sort());
    expect(content.ballots).toHaveLength(cast.length);
    expect(Object.keys(content.ballots[0]!).sort()).toEqual(['ballot', 'group', 'tag']);
    // No time anywhere in the return but the day.
    expect(JSON.stringify(content)).not.toMatch(/T\d{2}:\d{2}/);
  }, 60_000);
});
