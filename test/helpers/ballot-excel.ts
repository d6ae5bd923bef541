// Filling the assessment's ballot template the way a clerk does in Excel (exceljs edits a real downloaded file).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SECTION_MARKERS } from '../../db/assessment/excel/layout';
import type { BallotImportMode, LeftOutRater } from '../../shared/assessment/ballot-import';
import type { BallotImportPreview } from '../../shared/assessment/types';
import type { Component } from '../../shared/scoring/types';
import type { TestHost } from './host';
import { tempDir } from './tmp-store';

/** Downloads the template of an assessment through the calls and returns its path. */
export async function downloadTemplate(h: TestHost, assessmentId: number, name = '测评票模板.xlsx'): Promise<string> {
  const path = join(tempDir(), name);
  const token = await h.pickSave('ballotTemplate', path, '测评票模板');
  await h.ok('ballots.saveTemplate', { assessmentId, token });
  return path;
}

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
  return wb;
}

export async function saveWorkbook(wb: ExcelJS.Workbook, path: string): Promise<string> {
  writeFileSync(path, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return path;
}

/** The first data row of a section (the row after its header). */
export function sectionStart(ws: ExcelJS.Worksheet, kind: Component): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === SECTION_MARKERS[kind]) return r + 2;
  throw new Error(`no ${kind} section in ${ws.name}`);
}

/** The row of the peer section for rater → target (prefilled by the template). */
export function peerRow(ws: ExcelJS.Worksheet, rater: string, target: string): number {
  for (let r = sectionStart(ws, 'peer'); r <= ws.rowCount; r++) {
    if (ws.getCell(r, 1).value === rater && ws.getCell(r, 2).value === target) return r;
  }
  throw new Error(`no peer row ${rater} → ${target}`);
}

/** The row of a cadre in the staff or service section. */
export function targetRow(ws: ExcelJS.Worksheet, kind: 'staff' | 'service', name: string): number {
  for (let r = sectionStart(ws, kind); r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === name) return r;
  throw new Error(`no ${kind} row for ${name}`);
}

export function setRow(
  ws: ExcelJS.Worksheet,
  row: number,
  fromCol: number,
  values: readonly (string | number | null)[],
): void {
  values.forEach((v, i) => (ws.getCell(row, fromCol + i).value = v));
}

/** The worked example of docs/scoring.md (without its adjustment) written into the 正职 sheet. */
export function fillWorkedExample(wb: ExcelJS.Workbook): void {
  const ws = wb.getWorksheet('正职·苏木镇（街道）')!;
  const s = sectionStart(ws, 'superior');
  setRow(ws, s, 1, ['L1', '阿古拉', '巴特尔', '朝鲁']);
  setRow(ws, s + 1, 1, ['L2', '巴特尔', '阿古拉', '朝鲁']);
  const peer: [string, string, number][] = [
    ['巴特尔', '阿古拉', 90],
    ['巴特尔', '朝鲁', 70],
    ['朝鲁', '阿古拉', 80],
    ['朝鲁', '巴特尔', 95],
    ['阿古拉', '巴特尔', 85],
    ['阿古拉', '朝鲁', 70],
  ];
  for (const [rater, target, x] of peer) setRow(ws, peerRow(ws, rater, target), 3, [x, x, x]);
  setRow(ws, targetRow(ws, 'staff', '阿古拉'), 2, [1, 1, 0, 0]);
  setRow(ws, targetRow(ws, 'staff', '巴特尔'), 2, [0, 2, 0, 0]);
  setRow(ws, targetRow(ws, 'staff', '朝鲁'), 2, [0, 0, 1, 0]);
  setRow(ws, targetRow(ws, 'service', '阿古拉'), 2, [90]);
  setRow(ws, targetRow(ws, 'service', '巴特尔'), 2, [88]);
}

/** The commit input for a preview: every group of its plan in one mode (or per group), raters left out as given. */
export function commitInput(
  assessmentId: number,
  p: BallotImportPreview,
  mode: BallotImportMode | Readonly<Record<string, BallotImportMode>> = 'add',
  leftOut: LeftOutRater[] = [],
) {
  const modeOf = (group: string): BallotImportMode => (typeof mode === 'string' ? mode : (mode[group] ?? 'add'));
  return {
    assessmentId,
    jobId: p.jobId,
    planKey: p.plan.planKey,
    modes: p.plan.groups.map((g) => ({ group: g.group, mode: modeOf(g.group) })),
    leftOut,
  };
}
