// The one dispatcher: for every call, parse the input, check the session and role, run the service, audit, map errors.
// It imports no Electron so the test bridge runs the very same code; register.ts adds the sender check.
import { ZodError, type ZodType } from 'zod';
import { contract, type CallName, type CallOutput, type CallParsedInput } from '../../shared/ipc/contract';
import { ApiError, type CallResult } from '../../shared/ipc/errors';
import { READ_ONLY_RECORDER, type Handler } from '../../db/app/context';
import { STORE_HANDLERS, type HostCall, type StoreCall } from '../../db/app/handlers';
import type { AppHost } from '../../db/app/host';
import { toErrorData } from './error-map';

export type Dispatch = (name: unknown, input: unknown) => Promise<CallResult<unknown>>;

/** What a session whose password must be changed may still do: change it, lock, and keep the idle timer informed. */
const FORCED_CHANGE_CALLS: ReadonlySet<CallName> = new Set<CallName>([
  'me.changePassword',
  'session.lock',
  'session.touch',
]);

const isCallName = (name: unknown): name is CallName => typeof name === 'string' && Object.hasOwn(contract, name);

/** Every call takes an object (or nothing); anything else would get zod's English type message. */
const isInputObject = (input: unknown): boolean =>
  input === undefined || input === null || (typeof input === 'object' && !Array.isArray(input));

/** Calls answered by the host, each with its parsed input; typed per call, so tsc wants exactly the host's calls. */
const HOST_ANSWERS: {
  readonly [N in HostCall]: (host: AppHost, input: CallParsedInput<N>) => Promise<CallOutput<N>> | CallOutput<N>;
} = {
  'app.status': (host) => host.status(),
  'setup.pickDirectory': (host) => host.pickDirectory(),
  'setup.createStore': (host, input) => host.createStore(input),
  'setup.useExistingStore': (host, input) => host.useExistingStore(input),
  'session.login': (host, input) => host.login(input),
  'session.recover': (host, input) => host.recover(input),
  'session.lock': (host) => host.lock('manual').then(() => null),
  'session.touch': () => null,
  // The 评议终端: only before anyone logs in on this PC (a terminal never shares a session with the store).
  'terminal.pickPackage': (host) => host.terminal.pickPackage(!host.hasSession),
  'terminal.open': (host, input) => host.terminal.open(input.token, input.password, !host.hasSession),
  'terminal.resume': (host, input) => host.terminal.resume(input.password),
  'terminal.form': (host, input) => host.terminal.form(input.code),
  'terminal.submit': (host, input) => host.terminal.submit(input.code, input.ballot),
  'terminal.finish': (host, input) => host.terminal.finish(input.password),
  'terminal.close': (host, input) => host.terminal.close(input.password),
  'backup.restore': (host, input) => host.restoreBackup(input.jobId, input.confirmOtherStore === true),
};

/**
 * Parses with the call's schema. A schema that throws something other than its own error was handed a value it cannot
 * even inspect (zod's readonly() freezing a typed array sent in place of a list): malformed input, not a crash.
 */
function parseInput(schema: ZodType, rawInput: unknown): unknown {
  try {
    return schema.parse(rawInput ?? {});
  } catch (e) {
    if (e instanceof ZodError) throw e;
    throw new ApiError({ code: 'VALIDATION', message: '请求参数格式不正确' });
  }
}

export function createDispatcher(host: AppHost, log: (e: unknown) => void = console.error): Dispatch {
  return async (name, rawInput) => {
    try {
      if (!isCallName(name)) throw new ApiError({ code: 'UNKNOWN_CALL', message: '未知的操作请求' });
      const spec = contract[name];
      // A 评议终端 laptop: its own calls and nothing else of the app, whatever the window asks for.
      if (host.terminal.active && spec.terminal === undefined)
        throw new ApiError({
          code: 'FORBIDDEN',
          message: '本机正作为评议终端使用，不能进行此操作；结束评议后才能使用其他功能',
        });
      // Session and role first: a caller who may not make the call learns nothing about its input rules.
      if (spec.access !== 'public') {
        const store = host.session();
        if (spec.access !== 'session' && !spec.access.includes(store.user.role)) {
          throw new ApiError({ code: 'FORBIDDEN', message: '当前账户的角色无权进行此操作' });
        }
        // A temporary or outdated password: until its owner replaces it, the session reaches only the change itself.
        if (store.user.mustChangePassword && !FORCED_CHANGE_CALLS.has(name)) {
          throw new ApiError({
            code: 'FORBIDDEN',
            message: '请先修改密码：当前密码是管理员设置的临时密码或不符合现行密码规则，修改后才能继续操作',
          });
        }
        // Kiosk mode: a panel member at the window reaches the kiosk calls and nothing else.
        const inKiosk = host.kiosk.status !== null;
        if (inKiosk && spec.kiosk === undefined)
          throw new ApiError({
            code: 'FORBIDDEN',
            message: '评议终端模式下不能进行此操作，请先由工作人员退出评议终端',
          });
        if (!inKiosk && spec.kiosk === 'only')
          throw new ApiError({ code: 'FORBIDDEN', message: '只有在评议终端模式下才能进行此操作' });
        if (!spec.passive) host.touch();
      }
      if (!isInputObject(rawInput))
        throw new ApiError({ code: 'VALIDATION', message: '请求参数格式不正确：应为一组字段' });
      const input = parseInput(spec.input, rawInput) as never;
      if (name in STORE_HANDLERS) {
        const store = host.session();
        const handler = STORE_HANDLERS[name as StoreCall] as Handler<StoreCall>;
        const session = { store, io: host.io, jobs: host.jobs, kiosk: host.kiosk, logins: host.logins };
        const value = spec.mutates
          ? await store.change(name, (db, rec) => handler({ ...session, db, rec }, input))
          : await handler({ ...session, db: store.db, rec: READ_ONLY_RECORDER }, input);
        if (name === 'settings.update') await host.refreshSettings();
        return { ok: true, value };
      }
      const answer = HOST_ANSWERS[name as HostCall] as (host: AppHost, input: never) => unknown;
      return { ok: true, value: await answer(host, input) };
    } catch (e) {
      const error = toErrorData(e);
      // A wrong password in a session (me.changePassword, kiosk.exit) rolled its change back: its audit entry is
      // written on its own.
      if (host.logins.unaudited) await host.recordFailedLogins().catch(log);
      if (error.code === 'INTERNAL') log(e);
      return { ok: false, error };
    }
  };
}
