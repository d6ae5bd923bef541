// The assessment's shared pieces: types, the configuration schema and defaults, labels, canonical JSON.
export * from './types';
export * from './config-schema';
export * from './labels';
export { canonicalJson } from './canonical';
export { rosterDrift, type RosterNow } from './drift';
export { groupsOf, type MemberGroup } from './groups';
export { displayRows, groupOrder, orderedGroups, VETO_NOTE, type DisplayRow } from './ranking-display';
export { suggestedPlan, type SuggestedPlan } from './suggested-grades';
export {
  poolLine,
  poolRanked,
  QUOTA_SCOPE_HELP,
  QUOTA_SCOPE_LABELS,
  quotaBasisOf,
  quotaSummary,
  smallGroupNote,
  type QuotaBasis,
} from './quota-note';
export {
  eligibilityBasisOf,
  eligibilityOf,
  ELIGIBLE_TEXT,
  ELIGIBILITY_FLAGS,
  type Eligibility,
  type EligibilityBasis,
} from './eligibility';
export * from './participation';
export * from './anonymity';
