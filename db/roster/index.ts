// What other features may use of the roster: the entry file the lint's feature rule lets them import.
export { readCadre, readCadres } from './write';
export { cadreToPerson } from './lrmx/map';
export { jobOutcome } from './job-outcome';
export { HEADER_FILL, THIN_BORDER, toBuffer, xmlSafe } from './excel/workbook';
export { cellText } from './excel/parse';
