// What other features may use of the assessment: the entry file the lint's feature rule lets them import.
export { codeHashKey, codeHasher } from './panel-codes';
export { readMembers } from './members';
export { assertCollecting, assertState, loadAssessment, type AssessmentRow } from './access';
export {
  addStaffVotes,
  ANONYMOUS_LABEL_PREFIX,
  groupMembers,
  groupName,
  KIOSK_ENTERED_BY,
  nextIds,
  savePeer,
  saveSuperior,
} from './ballots';
export { indicatorNames } from './lifecycle';
export { addComments, commentViews, formsReceived } from './forms';
export { configOf, type StoredConfig } from './config-column';
