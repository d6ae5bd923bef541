// Why a whole staff or service form (测评票) is 无效 and not counted: stable codes with Chinese labels, one place for
// the entry paths that void forms and for the participation accounts that count them by reason.

export const FORM_VOID_REASONS = ['excellentCapExceeded'] as const;
export type FormVoidReason = (typeof FORM_VOID_REASONS)[number];

export const FORM_VOID_REASON_LABELS: Readonly<Record<FormVoidReason, string>> = {
  excellentCapExceeded: '优秀票数超过规定比例',
};
