// What other features may use of the 政治素质审查意见: the entry file the lint's feature rule lets them import.
export { readReviewDraft } from './draft';
export { reviewHistories } from './records';
