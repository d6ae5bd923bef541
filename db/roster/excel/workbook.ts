// The roster workbook's helpers: the generic ones live in db/excel, plus the roster's column numbers.
import { ROSTER_COLUMNS } from './columns';

export { HEADER_FILL, THIN_BORDER, addValidation, columnLetter, toBuffer, xmlSafe } from '../../excel/workbook';

/** The 1-based column number of a roster column in the template/export layout. */
export const columnNumber = (key: (typeof ROSTER_COLUMNS)[number]['key']): number =>
  ROSTER_COLUMNS.findIndex((c) => c.key === key) + 1;
