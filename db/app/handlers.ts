// Every store-backed call of the contract, by name; the dispatcher looks handlers up here.
import type { CallName } from '../../shared/ipc/contract';
import type { NoneOf } from '../../shared/ipc/name-checks';
import { auditHandlers } from '../audit/service';
import { catalogHandlers } from '../catalog/service';
import { settingsHandlers } from '../settings/service';
import { userHandlers } from '../users/service';
import { rekeyHandlers } from '../users/rekey-service';
import { unitHandlers } from '../roster/units';
import { cadreHandlers } from '../roster/service';
import { excelHandlers } from '../roster/import-excel';
import { lrmxHandlers } from '../roster/import-lrmx';
import { backupHandlers } from '../backup/service';
import { portraitConfigHandlers } from '../portrait/config';
import { portraitHandlers } from '../portrait/service';
import { catalogAdminHandlers } from '../catalog/admin';
import { dossierHandlers } from '../dossier/service';
import { assessmentHandlers } from '../assessment/service';
import { panelHandlers } from '../assessment/panel-service';
import { assessmentExcelHandlers } from '../assessment/excel/service';
import { printHandlers } from '../print/service';
import { collectionHandlers } from '../dossier/collection';
import { intakeHandlers } from '../intake/service';
import { unitExcelHandlers } from '../roster/units-excel';
import { selectionHandlers } from '../print/selections';
import { matterHandlers } from '../renmian/service';
import { terminalHandlers } from '../terminal/service';
import { reviewHandlers } from '../review/service';
import { fileHandlers } from './files';
import type { Handler } from './context';

/** Calls the host itself answers (no store yet, or the session's own lifecycle). */
export const HOST_CALLS = [
  'app.status',
  'setup.pickDirectory',
  'setup.createStore',
  'setup.useExistingStore',
  'session.login',
  'session.recover',
  'session.lock',
  'session.touch',
  'backup.restore',
  // The 评议终端 laptop's calls: answered by the host's TerminalMode, never by a main store.
  'terminal.pickPackage',
  'terminal.open',
  'terminal.resume',
  'terminal.form',
  'terminal.submit',
  'terminal.finish',
  'terminal.close',
] as const satisfies readonly CallName[];
export type HostCall = (typeof HOST_CALLS)[number];
export type StoreCall = Exclude<CallName, HostCall>;

const handlers = {
  ...userHandlers,
  ...rekeyHandlers,
  ...auditHandlers,
  ...catalogHandlers,
  ...settingsHandlers,
  ...unitHandlers,
  ...cadreHandlers,
  ...excelHandlers,
  ...lrmxHandlers,
  ...fileHandlers,
  ...backupHandlers,
  ...portraitConfigHandlers,
  ...portraitHandlers,
  ...catalogAdminHandlers,
  ...dossierHandlers,
  ...assessmentHandlers,
  ...panelHandlers,
  ...assessmentExcelHandlers,
  ...printHandlers,
  ...collectionHandlers,
  ...intakeHandlers,
  ...unitExcelHandlers,
  ...selectionHandlers,
  ...matterHandlers,
  ...terminalHandlers,
  ...reviewHandlers,
};

/**
 * Checked by tsc both ways: a store call without a handler fails this annotation, and a handler for a name that is not a
 * store call (unknown, or answered by the host) fails `StrayHandlers`.
 */
export const STORE_HANDLERS: { readonly [N in StoreCall]: Handler<N> } = handlers;
export type StrayHandlers = NoneOf<Exclude<keyof typeof handlers, StoreCall>>;
