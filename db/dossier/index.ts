// What other features may use of the dossier: the entry file the lint's feature rule lets them import.
export { INTAKE_BATCH, readDossierCadre } from './read';
export { assertEntryAllowed, birthMonths, insertEntries, type NewEntry } from './write';
export { readDossierCatalog, type DossierCatalog } from './catalog';
export { quarterCompleteness } from './completeness';
export { attachmentTypeProblem, checkAttachmentBytes, type CheckedAttachment } from './attachments';
export { previewOf } from './preview';
export { requiredSections } from './completeness';
export { docxPackage, TEXT_WIDTH } from './docx/package';
export { para, run, table, textPara, type CellSpec } from './docx/wordml';
export { fileTrainingResults, resultEntryOf, type TrainingResultInput } from './training';
