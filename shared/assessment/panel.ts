// Anonymous panels: the one-time 评议码 (alphabet, format, normalising what a panel member types) and the shapes of
// code sheets, seats and the kiosk's ballot form.
import type { Position } from '../scoring/types';
import type { GroupRef } from './types';

export type PanelKind = 'superior' | 'peer' | 'staff';
export const PANEL_KINDS: readonly PanelKind[] = ['superior', 'peer', 'staff'];
export const PANEL_KIND_LABELS: Readonly<Record<PanelKind, string>> = {
  superior: '上级领导综合排名',
  peer: '同级互评',
  staff: '干部职工测评',
};

/** No 0/O and no 1/I: codes are read off paper slips. 32 symbols, so 8 of them carry 40 random bits. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

/** 'ABCD-EFGH' from 'abcd efgh', 'ABCDEFGH' or 'abcd-efgh'; null when it cannot be a code. */
export function normalizeCode(raw: string): string | null {
  const s = raw.toUpperCase().replace(/[\s\-－—_]/g, '');
  if (s.length !== CODE_LENGTH || [...s].some((ch) => !CODE_ALPHABET.includes(ch))) return null;
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

export type SeatState = 'unused' | 'used' | 'revoked';
export const SEAT_STATE_LABELS: Readonly<Record<SeatState, string>> = {
  unused: '未使用',
  used: '已使用',
  revoked: '已作废',
};

/** The label printed on a slip: the cadre for a 同级互评 seat, a number for the others. */
export function seatLabel(kind: PanelKind, seatNo: number, raterName?: string): string {
  if (kind === 'peer') return `互评人：${raterName ?? `第 ${seatNo} 号`}`;
  return `${kind === 'superior' ? '上级领导' : '干部职工'} 第 ${seatNo} 号`;
}

/** One printed slip. */
export interface PanelCodeSlip {
  seatNo: number;
  seatLabel: string;
  /** The plain code, 'ABCD-EFGH': shown only in the answer to the call that generated it, never stored. */
  code: string;
}

/** What a print view needs for a batch of freshly generated codes. */
export interface PanelCodeSheet {
  assessmentId: number;
  assessmentName: string;
  year: number;
  kind: PanelKind;
  kindLabel: string;
  group: GroupRef;
  groupName: string;
  generatedAt: string;
  slips: PanelCodeSlip[];
}

/** A seat as listed to staff: never the code, never the ballot it produced. */
export interface PanelSeatView {
  id: number;
  kind: PanelKind;
  group: GroupRef;
  groupName: string;
  seatNo: number;
  seatLabel: string;
  state: SeatState;
  createdBy: string;
  createdAt: string;
}

/** The only ballot form a code opens on the kiosk. */
export interface KioskBallotForm {
  kind: PanelKind;
  kindLabel: string;
  groupName: string;
  seatLabel: string;
  position: Position;
  /** The cadres to rate or order (for 同级互评 without the rater). */
  targets: { cadreId: number; name: string; unitName: string }[];
  /** 同级互评 only: the position's indicators. */
  indicators: { id: string; name: string; weight: number }[];
  /** 干部职工测评 only: the configured 优秀 cap as a share (absent: no cap); see excellent-cap.ts for the count. */
  staffExcellentCap?: number;
}

export type KioskBallot =
  | { kind: 'superior'; order: number[] }
  | { kind: 'peer'; ballots: { targetId: number; scores: Record<string, number> }[] }
  | {
      kind: 'staff';
      votes: { targetId: number; grade: 'excellent' | 'good' | 'fair' | 'poor'; comment?: string | undefined }[];
    };
