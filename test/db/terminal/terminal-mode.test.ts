// The app started as a 评议终端 (issue 18): a laptop with no store opens a 测评包 from the login/setup screen, votes
// with codes through the same dispatcher as the window, and 结束评议 writes the return and wipes the terminal. While
// the terminal exists every other call is refused by the dispatcher, not only hidden by the screens.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { TerminalMode } from '../../../db/app/terminal-mode';
import { newHost, type TestHost } from '../../helpers/host';
import { ADMIN, tempDir } from '../../helpers/tmp-store';
import { ballotFor, exportTo, importFile, mainPc, type MainPc } from './fixture';

const SMALL = { superiorChief: 4, staffChief: 2, superiorDeputy: 0, staffDeputy: 0 };

async function openOn(l: TestHost, pkg: { file: string; password: string }) {
  l.dialogs.answerOpen(pkg.file);
  const [picked] = await l.ok('terminal.pickPackage', {});
  if (!picked) return expect.fail('no package picked');
  return l.ok('terminal.open', { token: picked.token, password: pkg.password });
}

const terminalDir = (l: TestHost) => TerminalMode.folderIn(join(l.dir, '..', 'config'));

async function voteAll(l: TestHost, m: MainPc, n: number) {
  const slips = m.slips.filter((s) => s.group === m.chief && s.kind === 'superior').slice(0, n);
  for (const [i, s] of slips.entries()) {
    const form = await l.ok('terminal.form', { code: s.code });
    expect(form.kindLabel).toBe('上级领导综合排名');
    await l.ok('terminal.submit', { code: s.code, ballot: ballotFor(m, s, i) });
  }
  return slips;
}

describe('the app as a 评议终端', () => {
  test('open with the password, vote, nothing else answered, 结束评议 writes the return and wipes the terminal', async () => {
    const m = await mainPc(SMALL);
    const pkg = await exportTo(m, 1, [m.chief]);
    const l = newHost();
    expect(await l.ok('app.status', {})).toMatchObject({ phase: 'setup', terminal: null });

    // A wrong password: refused by name, no terminal folder made, the app as before.
    l.dialogs.answerOpen(pkg.file);
    const [picked] = await l.ok('terminal.pickPackage', {});
    const wrong = await l.err('terminal.open', { token: picked!.token, password: 'AAAA-BBBB-CCCC-DDDD' });
    expect(wrong).toMatchObject({ code: 'VALIDATION', field: 'password' });
    expect(wrong.message).toContain('评议终端包密码不正确');
    expect(existsSync(terminalDir(l))).toBe(false);
    expect(await l.ok('app.status', {})).toMatchObject({ phase: 'setup', terminal: null });

    const view = await l.ok('terminal.open', { token: picked!.token, password: pkg.password });
    expect(view).toMatchObject({ terminalNo: 1, groups: ['正职·苏木镇（街道）'], cast: 0 });
    expect(await l.ok('app.status', {})).toMatchObject({ phase: 'terminal', terminal: { open: { terminalNo: 1 } } });

    // Nothing else of the app: setup, login, the roster, file dialogs, the main kiosk, another package.
    const refused = [
      ['setup.createStore', { dir: join(tempDir('x-'), 's'), ...ADMIN }],
      ['setup.useExistingStore', { dir: m.h.dir }],
      ['session.login', { username: 'admin', password: ADMIN.password }],
      ['roster.query', {}],
      ['files.pickOpen', { purpose: 'terminalReturn' }],
      ['kiosk.open', { code: m.slips[0]!.code }],
      ['terminals.list', { assessmentId: m.id }],
    ] as const;
    for (const [name, input] of refused) {
      const e = await l.err(name, input);
      expect(e, name).toMatchObject({ code: 'FORBIDDEN' });
      expect(e.message, name).toContain('评议终端');
    }
    expect(await l.err('terminal.pickPackage', {})).toMatchObject({
      message: expect.stringContaining('未结束的评议终端'),
    });

    const used = await voteAll(l, m, 3);
    expect((await l.err('terminal.form', { code: used[0]!.code })).message).toContain('已使用');
    expect(
      (
        await l.err('terminal.form', {
          code: m.slips.find((s) => s.kind === 'peer' && s.group !== m.chief)?.code ?? 'ZZZZ-ZZZZ',
        })
      ).message,
    ).toContain('评议码不正确');

    // 结束评议: a wrong password or a cancelled save changes nothing.
    expect(await l.err('terminal.finish', { password: 'AAAA-BBBB-CCCC-DDDD' })).toMatchObject({ field: 'password' });
    l.dialogs.answerSave(null);
    expect(await l.ok('terminal.finish', { password: pkg.password })).toBeNull();
    expect(await l.ok('app.status', {})).toMatchObject({ phase: 'terminal', terminal: { open: { cast: 3 } } });

    const target = join(tempDir('laptop-out-'), '回收.gret');
    l.dialogs.answerSave(target);
    const done = await l.ok('terminal.finish', { password: pkg.password });
    expect(done).toMatchObject({ path: target, fileName: '回收.gret', ballots: 3 });
    expect(existsSync(target)).toBe(true);
    expect(readdirSync(terminalDir(l))).toEqual([]);
    // The ordinary first screen again; the terminal's calls now find no terminal.
    expect(await l.ok('app.status', {})).toMatchObject({ phase: 'setup', terminal: null });
    expect(await l.err('terminal.form', { code: used[1]!.code })).toMatchObject({ code: 'NOT_LOGGED_IN' });

    const out = await importFile(m, target);
    expect(out).toMatchObject({ terminalNo: 1, ballots: 3, merged: 3 });
  }, 120_000);

  test('closed mid-session: the next start is the terminal, reopened with the package password only', async () => {
    const m = await mainPc(SMALL);
    const pkg = await exportTo(m, 2, [m.chief]);
    const root = tempDir('laptop-');
    const l = newHost({ configDir: join(root, 'config') });
    await openOn(l, pkg);
    await voteAll(l, m, 2);
    expect(await l.err('terminal.close', { password: 'AAAA-BBBB-CCCC-DDDD' })).toMatchObject({ field: 'password' });
    expect(await l.ok('terminal.close', { password: pkg.password })).toBeNull();
    await l.host.dispose();

    const again = newHost({ configDir: join(root, 'config') });
    expect(await again.ok('app.status', {})).toMatchObject({ phase: 'terminal', terminal: { open: null } });
    expect(await again.err('terminal.form', { code: m.slips[3]!.code })).toMatchObject({ code: 'NOT_LOGGED_IN' });
    expect((await again.err('session.login', { username: 'admin', password: ADMIN.password })).code).toBe('FORBIDDEN');
    expect((await again.err('terminal.resume', { password: 'AAAA-BBBB-CCCC-DDDD' })).field).toBe('password');
    expect(await again.ok('terminal.resume', { password: pkg.password })).toMatchObject({ terminalNo: 2, cast: 2 });
  }, 120_000);

  test('a main PC with a session open cannot become a terminal', async () => {
    const m = await mainPc(SMALL);
    const pkg = await exportTo(m, 3, [m.chief]);
    m.h.dialogs.answerOpen(pkg.file);
    expect((await m.h.err('terminal.pickPackage', {})).message).toContain('已登录档案库');
    expect(m.h.dialogs.pending).toBe(1);
    expect(await m.h.ok('app.status', {})).toMatchObject({ phase: 'ready', terminal: null });
  }, 120_000);
});
