// Native open/save dialogs, answered with tokens; each purpose may be picked only by the roles whose calls use it.
import { DOSSIER_EDITORS, DOSSIER_READERS } from '../../shared/ipc/contract-dossier';
import { ASSESSMENT_CLERKS, ASSESSMENT_READERS, BALLOT_READERS } from '../../shared/ipc/contract-assessment';
import { ADMIN, ROSTER_EDITORS } from '../../shared/ipc/call';
import { fail } from '../../shared/ipc/errors';
import type { OpenPurpose, SavePurpose } from '../../shared/ipc/save-purpose';
import type { Role } from '../../shared/roles';
import type { Handlers } from './context';

const OPEN_ROLES: Readonly<Record<OpenPurpose, readonly Role[]>> = {
  excel: ROSTER_EDITORS,
  lrmx: ROSTER_EDITORS,
  lrmxFolder: ROSTER_EDITORS,
  photo: ROSTER_EDITORS,
  attachment: ROSTER_EDITORS,
  backup: ADMIN,
  ballotExcel: ASSESSMENT_CLERKS,
  intakeFolder: DOSSIER_EDITORS,
  intakePackage: DOSSIER_EDITORS,
  // Returns are imported by those who export packages; a terminal opens its package before any login.
  terminalPackage: ADMIN,
  terminalReturn: ADMIN,
};

const SAVE_ROLES: Readonly<Record<SavePurpose, readonly Role[]>> = {
  template: ROSTER_EDITORS,
  rosterExcel: ROSTER_EDITORS,
  lrmx: ROSTER_EDITORS,
  quarterGaps: ROSTER_EDITORS,
  backup: ADMIN,
  ballotTemplate: ASSESSMENT_CLERKS,
  rankingsExcel: ASSESSMENT_READERS,
  ballotSummary: BALLOT_READERS,
  dossierDocx: DOSSIER_READERS,
  printPdf: DOSSIER_EDITORS,
  printRegister: DOSSIER_EDITORS,
  // The slips carry plain 评议码: only those who may generate codes save them.
  codeSlips: ADMIN,
  intakeReturned: DOSSIER_EDITORS,
  terminalPackage: ADMIN,
  terminalReturn: ADMIN,
  // The 交接单 carries the package password.
  terminalHandover: ADMIN,
};

const forbidden = () => fail('FORBIDDEN', '当前账户的角色无权进行此操作');

export const fileHandlers: Handlers<'files.pickOpen' | 'files.pickSave'> = {
  'files.pickOpen': ({ store, io }, input) =>
    OPEN_ROLES[input.purpose].includes(store.user.role) ? io.pickOpen(input.purpose) : forbidden(),
  'files.pickSave': ({ store, io }, input) =>
    SAVE_ROLES[input.purpose].includes(store.user.role) ? io.pickSave(input.purpose, input.suggestedName) : forbidden(),
};
