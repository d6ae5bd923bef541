// What a save dialog is for (its title, file type and default name follow from it).
export type SavePurpose = 'template' | 'rosterExcel' | 'lrmx' | 'backup' | 'quarterGaps' | 'printPdf' | 'printRegister';
