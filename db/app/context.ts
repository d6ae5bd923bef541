// What a service handler gets for one call: the open store, the connection (a transaction for changes), the recorder.
import type { Kysely } from 'kysely';
import type { CallName, CallOutput, CallParsedInput } from '../../shared/ipc/contract';
import type { Database } from '../schema';
import type { ChangeRecorder, Store } from '../store/store';
import type { HostIO } from './io';
import type { Jobs } from './jobs';
import type { KioskMode } from './kiosk';
import type { LoginFailures } from './login-failures';

export interface CallContext {
  readonly store: Store;
  readonly db: Kysely<Database>;
  readonly rec: ChangeRecorder;
  /** Files the user picked in the host's dialogs, by token. */
  readonly io: HostIO;
  /** Previews and long-running imports of this session. */
  readonly jobs: Jobs;
  /** The session's 评议终端 mode. */
  readonly kiosk: KioskMode;
  /** Wrong passwords per account (me.changePassword is throttled like login). */
  readonly logins: LoginFailures;
}

export type Handler<N extends CallName> = (ctx: CallContext, input: CallParsedInput<N>) => Promise<CallOutput<N>>;
export type Handlers<K extends CallName> = { readonly [N in K]: Handler<N> };

/** Queries get a recorder that refuses to record: a read must never write the audit log. */
export const READ_ONLY_RECORDER: ChangeRecorder = {
  record() {
    throw new Error('a query tried to record an audit entry');
  },
  dayOnly() {
    throw new Error('a query tried to record an audit entry');
  },
  afterCommit() {
    throw new Error('a query tried to schedule a write');
  },
};
