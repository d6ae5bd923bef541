// The one dispatcher: for every call, parse the input, check the session and role, run the service, audit, map errors.
// It imports no Electron so the test bridge runs the very same code; register.ts adds the sender check.
import { ZodError, type ZodType } from 'zod';
import { contract, type CallInput, type CallName } from '../../shared/ipc/contract';
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

/** Calls answered by the host; each receives the parsed input. */
const hostCall = (host: AppHost, name: HostCall, input: never): Promise<unknown> | unknown => {
  const i = input as Record<string, string>;
  switch (name) {
    case 'app.status':
      return host.status();
    case 'setup.pickDirectory':
      return host.pickDirectory();
    case 'setup.createStore':
      return host.createStore(i as never);
    case 'setup.useExistingStore':
      return host.useExistingStore(i as never);
    case 'session.login':
      return host.login(i as never);
    case 'session.recover':
      return host.recover(i as never);
    case 'session.lock':
      return host.lock('manual').then(() => null);
    case 'session.touch':
      return null;
    case 'terminal.pickPackage':
      return host.terminal.pickPackage(!host.hasSession);
    case 'terminal.open': {
      const { token, password } = input as CallInput<'terminal.open'>;
      return host.terminal.open(token, password, !host.hasSession);
    }
    case 'terminal.resume':
      return host.terminal.resume((input as CallInput<'terminal.resume'>).password);
    case 'terminal.form':
      return host.terminal.form((input as CallInput<'terminal.form'>).code);
    case 'terminal.submit': {
      const { code, ballot } = input as CallInput<'terminal.submit'>;
      return host.terminal.submit(code, ballot);
    }
    case 'terminal.finish':
      return host.terminal.finish((input as CallInput<'terminal.finish'>).password);
    case 'terminal.close':
      return host.terminal.close((input as CallInput<'terminal.close'>).password);
    case 'backup.restore':
      return host.restoreBackup(
        (input as { jobId: string }).jobId,
        (input as { confirmOtherStore?: boolean }).confirmOtherStore === true,
      );
  }
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
      return { ok: true, value: await hostCall(host, name as HostCall, input) };
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
