// The roster's Excel import/export: template, parse → validate → match, and export (pure functions over Buffers).
export {
  ROSTER_COLUMNS,
  ROSTER_SHEET,
  UNITS_SHEET,
  GUIDE_SHEET,
  EXAMPLE_MARK,
  type ColumnKey,
  type RosterColumn,
} from './columns';
export { buildTemplate } from './template';
export { parseRosterWorkbook, type ParseResult, type RawRow } from './parse';
export {
  validateRosterRows,
  type RowIssue,
  type ValidatedRow,
  type ValidationResult,
  type ValidationContext,
} from './validate';
export { matchExisting, type ExistingCadre, type MatchedRow, type RowMatch } from './match';
export { exportRoster, type ExportCadre } from './export';
