// What other features may use of the roster: the entry file the lint's feature rule lets them import.
export { readCadre } from './write';
export { jobOutcome } from './job-outcome';
export { HEADER_FILL, THIN_BORDER, toBuffer, xmlSafe } from './excel/workbook';
export { OLE_SIGNATURE, ZIP_SIGNATURE, boundsError, cellText } from './excel/parse';
