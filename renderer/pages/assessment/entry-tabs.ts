// The assessment's ballot-entry tabs, grouped under one 测评录入 tab so the page's top row fits at 1366 px.

/** The outer tab that holds the ballot-entry tabs. */
export const ENTRY_TAB = { key: 'entry', label: '测评录入' } as const;

/** The inner tabs, in order (keys are the ones the page is opened with, e.g. 'codes' after the kiosk). */
export const ENTRY_TABS = [
  { key: 'superior', label: '上级排名' },
  { key: 'peer', label: '同级互评' },
  { key: 'staff', label: '职工测评' },
  { key: 'service', label: '服务对象' },
  { key: 'paper', label: '纸质票录入' },
  { key: 'codes', label: '评议码' },
  { key: 'terminals', label: '评议终端包' },
] as const;

export type EntryTabKey = (typeof ENTRY_TABS)[number]['key'];

export const isEntryTab = (key: string): key is EntryTabKey => ENTRY_TABS.some((t) => t.key === key);
