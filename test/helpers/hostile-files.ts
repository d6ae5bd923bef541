// Hostile files made in the test (issue 16 row 7): a .docx that inflates to 2 GB while declaring 4 KB, an .xlsx
// flooded with rows, built without ever holding the inflated content in memory.
import { crc32, deflateRawSync, constants } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

interface RawEntry {
  readonly name: string;
  /** Raw deflate data. */
  readonly data: Buffer;
  /** What the headers claim once inflated (a bomb lies here). */
  readonly declaredSize: number;
  readonly crc: number;
}

/** A zip from already-deflated entries, with whatever sizes and CRCs the caller declares. */
export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const loc = Buffer.alloc(30);
    loc.writeUInt32LE(0x04034b50, 0);
    loc.writeUInt16LE(20, 4);
    loc.writeUInt16LE(0x0800, 6); // UTF-8 names
    loc.writeUInt16LE(8, 8);
    loc.writeUInt32LE(e.crc >>> 0, 14);
    loc.writeUInt32LE(e.data.length, 18);
    loc.writeUInt32LE(e.declaredSize, 22);
    loc.writeUInt16LE(name.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x0800, 8);
    cen.writeUInt16LE(8, 10);
    cen.writeUInt32LE(e.crc >>> 0, 16);
    cen.writeUInt32LE(e.data.length, 20);
    cen.writeUInt32LE(e.declaredSize, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(offset, 42);
    locals.push(loc, name, e.data);
    centrals.push(cen, name);
    offset += loc.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const flushed = (text: string) =>
  deflateRawSync(Buffer.from(text, 'utf8'), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
/** An empty final fixed-Huffman block: ends a deflate stream. */
const FINAL = Buffer.from([0x03, 0x00]);

/**
 * A deflate stream of `head`, then `unit` repeated to about `bytes`, then `tail`. Each repeated block is deflated
 * from a fresh state (no back-reference leaves it), so one small compressed block repeats: 2 GB in ~2 MB.
 */
export function repeatedDeflate(head: string, unit: string, bytes: number, tail = ''): { data: Buffer; size: number } {
  const perBlock = Math.max(1, Math.floor((1024 * 1024) / Buffer.byteLength(unit)));
  const blockText = unit.repeat(perBlock);
  const block = flushed(blockText);
  const blocks = Math.max(1, Math.round(bytes / Buffer.byteLength(blockText)));
  const data = Buffer.concat([
    flushed(head),
    ...Array<Buffer>(blocks).fill(block),
    ...(tail ? [flushed(tail)] : []),
    FINAL,
  ]);
  return { data, size: Buffer.byteLength(head) + blocks * Buffer.byteLength(blockText) + Buffer.byteLength(tail) };
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx of about 2 MB whose word/document.xml inflates to `inflated` bytes (2 GB) while declaring 4 KB. */
export function docxBomb(inflated = 2 * 1024 ** 3): Buffer {
  const { data } = repeatedDeflate(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>`,
    '<w:p><w:r><w:t>干部档案材料干部档案材料</w:t></w:r></w:p>',
    inflated,
    '</w:body></w:document>',
  );
  const types = deflateRawSync(
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  return rawZip([
    { name: '[Content_Types].xml', data: types, declaredSize: 100, crc: 0 },
    { name: 'word/document.xml', data, declaredSize: 4096, crc: 0 },
  ]);
}

/**
 * A real roster-like .xlsx (written by exceljs) whose first sheet is replaced by `rows` rows of filled cells:
 * 14 MB of zip that would keep exceljs busy for many seconds.
 */
export async function xlsxRowFlood(rows: number, sheetName = '干部名册'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(sheetName).addRow(['姓名', '性别', '出生年月', '身份证号', '现任职务']);
  const template = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const entries: RawEntry[] = [];
  for (const f of Object.values(template.files)) {
    if (f.dir) continue;
    const body = await f.async('nodebuffer');
    if (f.name === 'xl/worksheets/sheet1.xml') {
      const head =
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http:' +
        '//schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
      const header =
        '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>性别</t></is></c></row>';
      const unit =
        '<row><c t="inlineStr"><is><t>张三</t></is></c><c t="inlineStr"><is><t>男</t></is></c><c><v>1975.1</v></c><c ' +
        't="inlineStr"><is><t>某某镇党委书记</t></is></c></row>';
      const { data, size } = repeatedDeflate(
        head + header,
        unit,
        rows * Buffer.byteLength(unit),
        '</sheetData></worksheet>',
      );
      entries.push({ name: f.name, data, declaredSize: size, crc: 0 });
    } else entries.push({ name: f.name, data: deflateRawSync(body), declaredSize: body.length, crc: crc32(body) });
  }
  return rawZip(entries);
}
