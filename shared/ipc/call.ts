// How one call of the contract is declared: input schema, output type, roles, whether it changes the store.
import type { z } from 'zod';
import type { Role } from '../roles';

/** `public`: callable without a session (setup, login); `session`: any logged-in user; else the listed roles. */
export type Access = 'public' | 'session' | readonly Role[];

export interface CallSpec<I extends z.ZodType, O, M extends boolean = boolean> {
  readonly input: I;
  readonly access: Access;
  /**
   * Mutating calls write exactly one audit entry in the transaction of their change. Kept as the literal true/false
   * so the maps keyed by the mutating calls (the audit labels) are checked against the contract by tsc.
   */
  readonly mutates: M;
  /**
   * 评议终端 (kiosk) mode: 'only' calls are refused outside it; 'also' calls work in it too; every other call of a
   * session is refused while the session is in kiosk mode, so a panel member reaches nothing but their own ballot.
   */
  readonly kiosk?: 'only' | 'also';
  /**
   * A 评议终端 laptop (a terminal store on disk): 'only' calls are the terminal's own; 'also' calls work there too;
   * every other call is refused while the terminal exists, so the window reaches nothing else of the app.
   */
  readonly terminal?: 'only' | 'also';
  /** Calls that do not count as user activity for the idle lock (background polling). */
  readonly passive?: boolean;
  /** Phantom field carrying the output type; never set at run time. */
  readonly output?: O;
}

export const call =
  <O>() =>
  <I extends z.ZodType, M extends boolean>(spec: Omit<CallSpec<I, O, M>, 'output'>): CallSpec<I, O, M> =>
    spec;

export const ADMIN: readonly Role[] = ['admin'];
export const ROSTER_EDITORS: readonly Role[] = ['admin', 'dossierClerk'];
