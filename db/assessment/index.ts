// What other features may use of the assessment: the entry file the lint's feature rule lets them import.
export { codeHasher } from './panel-codes';
export { readMembers } from './members';
export { assertState, loadAssessment } from './access';
