// The roster's import dialogs: Excel workbooks and 干部任免审批表 (.lrmx).
export { ExcelImportModal } from './ExcelImportModal';
export { LrmxImportModal } from './LrmxImportModal';
export type { ImportModalProps } from './shared';
