// The IPC contract stays consistent: the preload's name list, valid access rules, a Chinese label per audited action.
import { describe, expect, test } from 'vitest';
import type { Handler } from '../../db/app/context';
import { HOST_CALLS, STORE_HANDLERS, type StoreCall } from '../../db/app/handlers';
import { ACTION_LABELS, HOST_AUDIT_EVENTS, actionLabel, type HostAuditEvent } from '../../shared/ipc/actions';
import { CALL_NAMES, contract, type CallName, type MutatingCall } from '../../shared/ipc/contract';
import type { NoneOf } from '../../shared/ipc/name-checks';
import { CALL_NAME_LIST } from '../../shared/ipc/names';
import { ROLES } from '../../shared/roles';

const entries = Object.entries(contract) as [CallName, (typeof contract)[CallName]][];

describe('the IPC contract', () => {
  test('CALL_NAME_LIST (used by the preload) equals the contract’s calls, in order', () => {
    expect([...CALL_NAME_LIST]).toEqual(Object.keys(contract));
    expect(CALL_NAMES).toEqual(Object.keys(contract));
    expect(new Set(CALL_NAME_LIST).size).toBe(CALL_NAME_LIST.length);
  });

  test('call names are area.verb', () => {
    for (const name of CALL_NAME_LIST) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  test.each(entries)('%s has a valid access rule', (_name, spec) => {
    if (typeof spec.access === 'string') {
      expect(['public', 'session']).toContain(spec.access);
    } else {
      expect(spec.access.length).toBeGreaterThan(0);
      expect(new Set(spec.access).size).toBe(spec.access.length);
      for (const role of spec.access) expect(ROLES).toContain(role);
    }
    expect(typeof spec.mutates).toBe('boolean');
  });

  test("only setup, login, recovery and the 评议终端 laptop's calls are public", () => {
    const publicCalls = entries.filter(([, s]) => s.access === 'public').map(([n]) => n);
    expect(publicCalls.sort()).toEqual(
      [
        'app.status',
        'setup.createStore',
        'setup.pickDirectory',
        'setup.useExistingStore',
        'session.login',
        'session.recover',
        'terminal.pickPackage',
        'terminal.open',
        'terminal.resume',
        'terminal.form',
        'terminal.submit',
        'terminal.finish',
        'terminal.close',
      ].sort(),
    );
  });

  test('a 评议终端 laptop reaches app.status and its own calls only; they never write the main store', () => {
    const reachable = entries.filter(([, s]) => s.terminal !== undefined).map(([n]) => n);
    expect(reachable.filter((n) => !n.startsWith('terminal.'))).toEqual(['app.status']);
    for (const [name, spec] of entries.filter(([n]) => n.startsWith('terminal.')))
      expect(spec, name).toMatchObject({ terminal: 'only', access: 'public', mutates: false });
  });

  test('administration calls are for administrators only', () => {
    for (const [name, spec] of entries) {
      if (
        /^(users|audit)\./.test(name) ||
        name === 'settings.update' ||
        name === 'portrait.saveConfig' ||
        /^catalog\.(?!get$)/.test(name)
      )
        expect(spec.access, name).toEqual(['admin']);
    }
  });

  test('a portrait is read like a dossier and written by its editors; 考核录入员 sees none', () => {
    expect(contract['portrait.get']).toMatchObject({ access: ['admin', 'dossierClerk', 'reviewer'], mutates: false });
    expect(contract['portrait.saveEvaluation']).toMatchObject({ access: ['admin', 'dossierClerk'], mutates: true });
    expect(contract['portrait.confirm']).toMatchObject({ access: ['admin', 'dossierClerk'], mutates: true });
  });

  test('every mutating call has a Chinese label for the audit viewer', () => {
    for (const [name, spec] of entries) {
      if (!spec.mutates) continue;
      const label = ACTION_LABELS[name as MutatingCall];
      expect(label, `ACTION_LABELS is missing ${name}`).toBeDefined();
      expect(label).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(actionLabel(name)).toBe(label);
    }
    // The host's own events (the idle lock, the daily automatic backup) have one too.
    expect(ACTION_LABELS['session.autoLock']).toBe('自动锁定');
    expect(ACTION_LABELS['backup.auto']).toBe('自动备份');
    expect(ACTION_LABELS['session.loginFailed']).toBe('登录失败');
    expect(ACTION_LABELS['session.loginRecordUnverified']).toBe('登录失败记录无法验证');
  });

  test('every label belongs to a real action', () => {
    for (const action of Object.keys(ACTION_LABELS)) {
      const hostEvent = (HOST_AUDIT_EVENTS as readonly string[]).includes(action);
      expect(hostEvent || (Object.hasOwn(contract, action) && contract[action as CallName].mutates), action).toBe(true);
    }
  });

  test('every call is answered: by the host or by exactly one store handler', () => {
    for (const name of CALL_NAME_LIST) {
      const byHost = (HOST_CALLS as readonly string[]).includes(name);
      const byStore = Object.hasOwn(STORE_HANDLERS, name);
      expect(byHost !== byStore, name).toBe(true);
    }
    expect(Object.keys(STORE_HANDLERS).length + HOST_CALLS.length).toBe(CALL_NAME_LIST.length);
  });

  test('the four places that name calls agree with the contract, each name once', () => {
    const names = Object.keys(contract).sort();
    const mutating = names.filter((n) => contract[n as CallName].mutates);
    const difference = (a: readonly string[], b: readonly string[]) => a.filter((x) => !b.includes(x));
    const places: [string, readonly string[]][] = [
      ['names.ts (preload)', CALL_NAME_LIST],
      ['handlers.ts + HOST_CALLS', [...Object.keys(STORE_HANDLERS), ...HOST_CALLS]],
    ];
    for (const [place, listed] of places) {
      expect(difference(names, listed), `calls missing from ${place}`).toEqual([]);
      expect(difference(listed, names), `names in ${place} the contract does not have`).toEqual([]);
      expect(listed.length, `a name appears twice in ${place}`).toBe(names.length);
    }
    const labelled = Object.keys(ACTION_LABELS).filter((a) => !(HOST_AUDIT_EVENTS as readonly string[]).includes(a));
    expect(difference(mutating, labelled), 'mutating calls without an audit label').toEqual([]);
    expect(difference(labelled, mutating), 'labels of calls that are not mutating calls').toEqual([]);
  });

  test('the same agreement is checked by tsc: a map or list that misses or adds a call does not compile', () => {
    // Each @ts-expect-error below must stay an error; if the checks stopped biting, `npm run typecheck` would fail.
    const withoutOne: Omit<typeof STORE_HANDLERS, 'cadres.get'> = STORE_HANDLERS;
    // @ts-expect-error a store call without a handler
    const missingHandler: { readonly [N in StoreCall]: Handler<N> } = withoutOne;
    // @ts-expect-error a name the contract does not have, in a list checked like CALL_NAME_LIST
    const strayName = ['cadres.get', 'cadres.fly'] as const satisfies readonly CallName[];
    // @ts-expect-error a call missing from a list checked like CALL_NAME_LIST
    type Unlisted = NoneOf<Exclude<CallName, 'cadres.get'>>;
    type Labels = Readonly<Record<MutatingCall | HostAuditEvent, string>>;
    const labels: Omit<typeof ACTION_LABELS, 'users.create'> = ACTION_LABELS;
    // @ts-expect-error a mutating call without an audit label
    const missingLabel: Labels = labels;
    const strayLabel: Labels = {
      ...ACTION_LABELS,
      // @ts-expect-error a label for a call that does not change the store
      'cadres.get': '读',
    };
    const unlisted: Unlisted | undefined = undefined;
    expect([missingHandler, strayName, missingLabel, strayLabel, unlisted].length).toBe(5);
  });
});
