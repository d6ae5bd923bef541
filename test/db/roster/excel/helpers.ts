// Shared pieces of the roster Excel tests: units, a fixed "today", valid 身份证号, and workbooks written with exceljs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS, type ColumnKey } from '../../../../db/roster/excel/columns';
import { buildTemplate } from '../../../../db/roster/excel/template';
import { checkDigit } from '../../../../shared/roster/idcard';

export const FIXTURES = join(import.meta.dirname, '../../../fixtures/excel');
export const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));

export const TODAY = new Date(2025, 5, 15); // 2025-06-15

export const UNITS = [
  { id: 1, name: '县委组织部' },
  { id: 2, name: '县委办公室' },
  { id: 3, name: '县发展和改革局' },
  { id: 4, name: '城关镇人民政府' },
  { id: 5, name: '县农业农村局（县乡村振兴局）' },
] as const;

/** A valid 身份证号: region + birth date (YYYYMMDD) + a 3-digit sequence whose last digit's parity is the gender. */
export function makeId(birth: string, gender: '男' | '女', seq = 12, region = '130102'): string {
  const s = String(seq).padStart(3, '0');
  const last = Number(s[2]);
  const fixed = gender === '男' ? (last % 2 === 1 ? last : (last + 1) % 10) : last % 2 === 0 ? last : (last + 1) % 10;
  const first17 = `${region}${birth}${s.slice(0, 2)}${fixed}`;
  return first17 + checkDigit(first17);
}

/** A 身份证号 whose check digit is X (searching sequences), for the upper-casing path. */
export function makeIdEndingX(birth: string, gender: '男' | '女'): string {
  for (let seq = 0; seq < 1000; seq += 1) {
    const id = makeId(birth, gender, seq);
    if (id.endsWith('X')) return id;
  }
  throw new Error('no X check digit found');
}

export type CellInput = string | number | Date | ExcelJS.CellValue;
export type SheetRow = Partial<Record<ColumnKey, CellInput>> & { numFmt?: Partial<Record<ColumnKey, string>> };

const colNumber = (key: ColumnKey) => ROSTER_COLUMNS.findIndex((c) => c.key === key) + 1;

/** Writes rows into the template (from row 3, below the example row; `null` leaves an empty row). */
export async function fillTemplate(
  rows: readonly (SheetRow | null)[],
  units: readonly { name: string }[] = UNITS,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildTemplate(units)) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('干部名册')!;
  rows.forEach((r, i) => {
    if (!r) return;
    const row = ws.getRow(3 + i);
    for (const [key, value] of Object.entries(r)) {
      if (key === 'numFmt' || value === undefined) continue;
      const cell = row.getCell(colNumber(key as ColumnKey));
      cell.value = value as ExcelJS.CellValue;
      const fmt = r.numFmt?.[key as ColumnKey];
      if (fmt) cell.numFmt = fmt;
    }
  });
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A workbook with one sheet of the given name and rows (row 1 = headers). */
export async function sheetWorkbook(
  sheets: readonly { name: string; rows: readonly (readonly CellInput[])[] }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r) => ws.addRow([...r]));
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A minimal ZIP (stored entries) — a valid archive that is not a workbook. */
export function makeZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** An OLE compound file header (D0 CF 11 E0 …) followed by junk and, optionally, a UTF-16LE directory entry name. */
export function makeOle(entryName?: string): Buffer {
  const sig = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const junk = Buffer.alloc(1024, 0x5a);
  return Buffer.concat([sig, junk, entryName ? Buffer.from(`${entryName}\u0000`, 'utf16le') : Buffer.alloc(0), junk]);
}

const xmlEscape = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/**
 * A minimal .xlsx written by hand: one sheet, every string an inline string (t="inlineStr"), no sharedStrings.xml
 * and no styles.xml — the shape streaming writers and many web exporters produce. Numbers stay numbers.
 */
export function inlineStringWorkbook(sheetName: string, rows: readonly (readonly (string | number)[])[]): Buffer {
  const sheetRows = rows
    .map((cells, r) => {
      const xml = cells
        .map((v, c) => {
          const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
          if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
          return v === '' ? '' : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(v)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  return makeZip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ' +
      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '</Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http:' +
      '//schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '</Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<sheets><sheet name="${xmlEscape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" ' +
      'Target="worksheets/sheet1.xml"/>' +
      '</Relationships>',
    'xl/worksheets/sheet1.xml':
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<sheetData>${sheetRows}</sheetData></worksheet>`,
  });
}
