// What a save dialog is for (its title, file type and default name follow from it).
export const SAVE_PURPOSES = [
  'template',
  'rosterExcel',
  'lrmx',
  'backup',
  'quarterGaps',
  'ballotTemplate',
  'rankingsExcel',
  'ballotSummary',
  'dossierDocx',
  'printPdf',
  'printRegister',
  'codeSlips',
  'intakeReturned',
  'terminalPackage',
  'terminalReturn',
  'terminalHandover',
] as const;
export type SavePurpose = (typeof SAVE_PURPOSES)[number];
export const OPEN_PURPOSES = [
  'excel',
  'lrmx',
  'lrmxFolder',
  'photo',
  'backup',
  'attachment',
  'ballotExcel',
  'intakeFolder',
  'intakePackage',
  'terminalPackage',
  'terminalReturn',
] as const;
export type OpenPurpose = (typeof OPEN_PURPOSES)[number];
