// Helpers for 填报表 tests: generate packages through the calls, fill one as a unit would (exceljs), zip it with files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { TestHost } from './host';
import { samplePng } from './dossier';
import { tempDir } from './tmp-store';

/** One material as a unit types it, by column header of the 材料 sheet. */
export interface FilledRow {
  readonly 干部: string;
  readonly 日期?: string | Date;
  readonly 子项?: string;
  readonly 性质?: string;
  readonly 评价标准?: string;
  readonly 正负面清单项?: string;
  readonly 标题?: string;
  readonly 内容?: string;
  readonly '来源/渠道'?: string;
  readonly 附件文件名?: string;
}

const COLUMNS = [
  '干部',
  '日期',
  '子项',
  '性质',
  '评价标准',
  '正负面清单项',
  '标题',
  '内容',
  '来源/渠道',
  '附件文件名',
] as const;

/** A valid positive material of 巴特尔 in August 2025, with overrides. */
export const material = (over: Partial<FilledRow> = {}): FilledRow => ({
  干部: '巴特尔（阿尔巴斯苏木党委书记）',
  日期: new Date(Date.UTC(2025, 7, 14)),
  子项: 'S5.1 党内表彰',
  性质: '正面',
  评价标准: 'D2.1',
  正负面清单项: '',
  标题: '获评全旗优秀共产党员',
  内容: '2025年7月被旗委表彰为优秀共产党员。',
  '来源/渠道': 'CH04 考察考核',
  附件文件名: '',
  ...over,
});

/** Generates the packages of the units into a fresh folder as the user would; returns the folder. */
export async function generate(
  h: TestHost,
  unitIds: number[],
  quarter = '2025Q3',
): Promise<{ folder: string; files: readonly string[] }> {
  const folder = tempDir('ganbu-intake-');
  const [picked] = await h.pickOpen('intakeFolder', folder);
  const out = await h.ok('intake.generate', {
    quarter,
    unitIds,
    deadline: '2025-10-10',
    returnTo: '旗委组织部干部一科',
    token: picked!.token,
  });
  return { folder, files: out.files };
}

/** Opens a generated package, writes the rows from row 3 (as Excel would, dates as dates), saves it elsewhere. */
export async function fill(path: string, rows: readonly FilledRow[], name = '填好的.xlsx'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('材料')!;
  rows.forEach((r, i) => {
    COLUMNS.forEach((c, j) => {
      const v = r[c];
      if (v !== undefined && v !== '') ws.getCell(3 + i, j + 1).value = v;
    });
  });
  const out = join(tempDir('ganbu-filled-'), name);
  await wb.xlsx.writeFile(out);
  return out;
}

/** A .zip of the workbook and the named files, as a unit sends it. */
export async function zipWith(xlsx: string, files: Record<string, Buffer>, name = '交回.zip'): Promise<string> {
  const zip = new JSZip();
  zip.file('填报表.xlsx', readFileSync(xlsx));
  for (const [n, data] of Object.entries(files)) zip.file(`附件/${n}`, data);
  const out = join(tempDir('ganbu-zip-'), name);
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

/** Picks the returned file and previews it for the quarter. */
export async function preview(h: TestHost, path: string, quarter = '2025Q3', unitId?: number) {
  const [picked] = await h.pickOpen('intakePackage', path);
  return h.ok('intake.preview', { quarter, token: picked!.token, ...(unitId ? { unitId } : {}) });
}

export async function previewError(h: TestHost, path: string, quarter = '2025Q3', unitId?: number) {
  const [picked] = await h.pickOpen('intakePackage', path);
  return h.err('intake.preview', { quarter, token: picked!.token, ...(unitId ? { unitId } : {}) });
}

/** A unit's package filled with one material and its PDF, zipped, previewed (not committed): for the call tables. */
export async function previewedPackage(h: TestHost): Promise<{ unitId: number; jobId: string; zip: string }> {
  const units = await h.ok('units.list', {});
  const unit = units.find((u) => u.name === '阿尔巴斯苏木');
  if (!unit) throw new Error('previewedPackage needs the cadre 巴特尔 of 阿尔巴斯苏木 (dossierCadre)');
  const { folder, files } = await generate(h, [unit.id]);
  const filled = await fill(join(folder, files[0]!), [material({ 附件文件名: '表彰照片.png' })]);
  const zip = await zipWith(filled, { '表彰照片.png': samplePng() });
  const p = await preview(h, zip);
  return { unitId: unit.id, jobId: p.jobId, zip };
}

/** As previewedPackage, then imported: one 待审核 row with one attachment. */
export async function pendingMaterial(h: TestHost): Promise<{ unitId: number; rowId: number; attachmentId: number }> {
  const { unitId, jobId } = await previewedPackage(h);
  await h.ok('intake.commit', { jobId, leaveOut: [] });
  const [row] = await h.ok('intake.list', { quarter: '2025Q3', status: 'pending' });
  return { unitId, rowId: row!.id, attachmentId: row!.attachments[0]!.id };
}

/** Generates a channel's 填报表 (纪检监察, 巡察/审计, 党校, 表彰) into a fresh folder; its path. */
export async function generateChannel(
  h: TestHost,
  channel: 'discipline' | 'inspection' | 'training' | 'honor',
  quarter = '2025Q3',
): Promise<string> {
  const folder = tempDir('ganbu-channel-');
  const [picked] = await h.pickOpen('intakeFolder', folder);
  const out = await h.ok('intake.generateChannel', {
    quarter,
    channel,
    deadline: '2025-10-10',
    returnTo: '旗委组织部干部一科',
    token: picked!.token,
  });
  return join(folder, out.files[0]!);
}

/** Fills a channel's 材料 sheet as the office would in Excel: each row by column header (row 2), from row 3. */
export async function fillByHeader(
  path: string,
  rows: readonly Readonly<Record<string, string | number | Date>>[],
  name = '名单.xlsx',
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('材料')!;
  const headers = (ws.getRow(2).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  rows.forEach((r, i) => {
    for (const [k, v] of Object.entries(r)) {
      const col = headers.indexOf(k);
      if (col < 1) throw new Error(`no column ${k}`);
      if (v !== '') ws.getCell(3 + i, col).value = v;
    }
  });
  const out = join(tempDir('ganbu-filled-'), name);
  await wb.xlsx.writeFile(out);
  return out;
}
