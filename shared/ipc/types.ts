// Shapes the services return to the window (plain JSON).
import type { Role } from '../roles';

export interface SessionUser {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly mustChangePassword: boolean;
  /** Set at login when the audit log is behind the head this user last saw, or their signing record was tampered with. */
  readonly auditAlarm?: string;
}

/** `terminal`: the laptop holds a 评议终端 store; nothing but the terminal's screens is reachable. */
export type AppPhase = 'setup' | 'login' | 'ready' | 'terminal';

export interface AppStatus {
  readonly phase: AppPhase;
  readonly storeDir: string | null;
  readonly defaultStoreDir: string;
  readonly user: SessionUser | null;
  readonly lastUsername: string | null;
  /** Why the last session ended, so the login screen can say "已自动锁定". */
  readonly lockedReason: 'manual' | 'idle' | 'restored' | 'crashed' | null;
  readonly idleLockMinutes: number;
  readonly appVersion: string;
  /** Set while the session is in 评议终端 (kiosk) mode: the window shows only the code-entry screen. */
  readonly kiosk: KioskStatus | null;
  /** Set in the `terminal` phase: the open terminal, or `open: null` until its package password reopens it. */
  readonly terminal: TerminalModeStatus | null;
}

export interface TerminalModeView {
  readonly assessmentName: string;
  readonly year: number;
  readonly terminalNo: number;
  readonly groups: readonly string[];
  /** Ballots cast on this terminal so far (shown to the clerk at 结束评议). */
  readonly cast: number;
}

export interface TerminalModeStatus {
  readonly open: TerminalModeView | null;
}

/** 结束评议 done: where the ballot return was written and how many ballots it holds. */
export interface TerminalFinished {
  readonly path: string;
  readonly fileName: string;
  readonly ballots: number;
}

export interface KioskStatus {
  readonly assessmentId: number;
  readonly assessmentName: string;
  readonly year: number;
  /** The staff member whose password ends kiosk mode. */
  readonly startedBy: string;
}

/** After a re-keying: when, and how large the rewritten database is. */
export interface RekeyResult {
  readonly rekeyedAt: string;
}

/** A new recovery code, shown once; the old one no longer opens the store. */
export interface NewRecoveryCode {
  readonly recoveryCode: string;
}

export interface CreatedStore {
  readonly recoveryCode: string;
  readonly user: SessionUser;
}

export interface UserRow {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly mustChangePassword: boolean;
  readonly createdAt: string;
  readonly lastLoginAt: string | null;
}

export interface AuditRow {
  readonly id: number;
  readonly at: string;
  readonly username: string;
  readonly action: string;
  readonly target: string;
  readonly detail: string;
}

export interface AuditPage {
  readonly rows: readonly AuditRow[];
  readonly total: number;
}

export interface AuditVerification {
  readonly intact: boolean;
  readonly checked: number;
  /** The first entry affected: rewritten, forged, missing (a cut), or not signed by the user it names. */
  readonly firstBrokenId: number | null;
  /** What was found, in words for the audit page; null when intact. */
  readonly reason: string | null;
  /** Entries with no signature: no user (before login) or written before the user had a signing key. */
  readonly unsigned: number;
  /** The chain head: number of entries and the first 12 hex digits of the last hash (printed on paper as an anchor). */
  readonly head: { readonly count: number; readonly digest: string };
}

export interface AppSettings {
  readonly idleLockMinutes: number;
  /** Daily automatic backups kept in the store folder; 0 turns them off. */
  readonly autoBackupKeep: number;
  /** Training hours each cadre needs in a year; the year-end check gives N3 below it. */
  readonly trainingRequiredHours: number;
  /** 发文机关 printed on covers, the 审议材料 and the 排名表 (e.g. 中共鄂托克旗委组织部); '' until an administrator sets it. */
  readonly issuingOrgan: string;
  /** 职务排序: the ordered 职务 keywords that place cadres within a unit in the roster (shared/roster/post-order.ts). */
  readonly postOrder: readonly string[];
}
