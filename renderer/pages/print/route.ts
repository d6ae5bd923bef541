// The hash route of the print window: #/print/<jobId> (kept apart so the entry can check it without loading the view).
export const PRINT_ROUTE_PREFIX = '#/print/';
