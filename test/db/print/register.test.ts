// The print register behind print.renderDossier / print.save: 份号 numbered on per document, rows and file written
// together and audited, a copy marked returned once, the register exported and re-read with exceljs; refusals
// change nothing. The PDF itself comes from the print view (e2e); here the host's printer is a stand-in that
// records the route it was asked to print, because Electron cannot run in a test process.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { newHostWithStore } from '../../helpers/host';
import { printRegisterState, recordingPrinter } from '../../helpers/print';
import { dossierCadre, newestAudit } from '../../helpers/dossier';
import { loginAs } from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';
import { REGISTER_HEADERS } from '../../../db/print/register-export';
import { countPdfPages } from '../../../db/print/pdf';

/** A two-page PDF (a catalog, its page tree and two pages). */
const FAKE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n' +
    '2 0 obj\n<</Type /Pages /Kids [3 0 R 4 0 R] /Count 2>>\nendobj\n' +
    '3 0 obj\n<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>\nendobj\n' +
    '4 0 obj\n<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>\nendobj\n' +
    'trailer\n<</Root 1 0 R>>\n%%EOF\n',
);

async function printingHost() {
  const { routes, printPdf } = recordingPrinter(FAKE_PDF);
  const h = await newHostWithStore({ printPdf });
  const cadreId = await dossierCadre(h, '巴特尔');
  return { h, routes, cadreId };
}

test('the PDF page count reads the page tree (pdf-lib), not the text: a page named in a string is no page', async () => {
  expect(await countPdfPages(FAKE_PDF)).toBe(2);
  // A text search for page objects also counted a string that reads like one (a title, a line of a document).
  const named = Buffer.from(String(FAKE_PDF).replace('trailer', '5 0 obj\n(/Type /Page)\nendobj\ntrailer'));
  expect(String(named).match(/\/Type\s*\/Page(?![s\w])/g)).toHaveLength(3);
  expect(await countPdfPages(named)).toBe(2);
  await expect(countPdfPages(Buffer.from('%PDF-1.4\nnot a pdf'))).rejects.toThrow();
});

test('render then save: 份号 001–003 with recipients in the register, the file written, one audit entry', async () => {
  const { h, routes, cadreId } = await printingHost();
  await loginAs(h, 'dossierClerk');
  const r = await h.ok('print.renderDossier', { cadreId, copies: 3, recipients: ['县委办', '纪委监委'] });
  expect(r).toMatchObject({
    title: '巴特尔同志政治素质档案',
    serials: ['001', '002', '003'],
    pages: 2,
    bytes: FAKE_PDF.length,
  });
  expect(routes).toEqual([`print/${r.jobId}`]);
  // The print view reads its job: the copies and the exporting user's name for the watermark.
  const job = await h.ok('print.job', { jobId: r.jobId });
  expect(job).toMatchObject({ kind: 'dossier', cadreId, printedBy: '档案管理员甲' });
  expect(job.kind === 'dossier' && job.copies).toEqual([
    { serial: '001', recipient: '县委办' },
    { serial: '002', recipient: '纪委监委' },
    { serial: '003', recipient: '' },
  ]);
  // Rendering alone registers nothing.
  expect((await printRegisterState(h)).rows).toEqual([]);

  const out = join(tempDir('ganbu-print-'), '巴特尔.pdf');
  const token = await h.pickSave('printPdf', out);
  expect(await h.ok('print.save', { jobId: r.jobId, token })).toEqual({
    fileName: '巴特尔.pdf',
    serials: ['001', '002', '003'],
  });
  expect(readFileSync(out).equals(FAKE_PDF)).toBe(true);
  expect(readdirSync(join(out, '..'))).toEqual(['巴特尔.pdf']); // no temp file left beside it
  const list = await h.ok('prints.list', {});
  expect(list.map((x) => [x.serial, x.recipient, x.title, x.kind, x.printedBy, x.fileName, x.returnedAt])).toEqual([
    ['001', '县委办', '巴特尔同志政治素质档案', 'dossier', '档案管理员甲', '巴特尔.pdf', null],
    ['002', '纪委监委', '巴特尔同志政治素质档案', 'dossier', '档案管理员甲', '巴特尔.pdf', null],
    ['003', '', '巴特尔同志政治素质档案', 'dossier', '档案管理员甲', '巴特尔.pdf', null],
  ]);
  expect(await newestAudit(h)).toMatchObject({
    action: 'print.save',
    target: '巴特尔同志政治素质档案',
    detail: { fileName: '巴特尔.pdf', copies: 3, serials: '001–003' },
  });

  // The same job cannot be saved twice; the next print of this dossier goes on from 004.
  const again = await h.pickSave('printPdf', join(tempDir(), 'x.pdf'));
  expect(await h.err('print.save', { jobId: r.jobId, token: again })).toMatchObject({
    code: 'VALIDATION',
    field: 'jobId',
  });
  const next = await h.ok('print.renderDossier', { cadreId, copies: 2, recipients: [] });
  expect(next.serials).toEqual(['004', '005']);
  // Another cadre's dossier is a document of its own: it starts at 001.
  const other = await dossierCadre(h, '李秀梅');
  expect((await h.ok('print.renderDossier', { cadreId: other, copies: 1, recipients: [] })).serials).toEqual(['001']);
});

test('two previews of one dossier: the second saved is refused (its 份号 are taken), nothing written', async () => {
  const { h, cadreId } = await printingHost();
  const a = await h.ok('print.renderDossier', { cadreId, copies: 2, recipients: [] });
  const b = await h.ok('print.renderDossier', { cadreId, copies: 1, recipients: [] });
  expect(b.serials).toEqual(['001']);
  await h.ok('print.save', { jobId: a.jobId, token: await h.pickSave('printPdf', join(tempDir(), 'a.pdf')) });
  const before = await printRegisterState(h);
  const outB = join(tempDir(), 'b.pdf');
  const e = await h.err('print.save', { jobId: b.jobId, token: await h.pickSave('printPdf', outB) });
  expect(e).toMatchObject({ code: 'CONFLICT', message: '份号 001 已被另一次打印使用，请重新生成预览后再保存' });
  expect(existsSync(outB)).toBe(false);
  expect(await printRegisterState(h)).toEqual(before);
});

test('bad input: a Chinese message naming the field, and the register left as it was', async () => {
  const { h, cadreId } = await printingHost();
  const before = await printRegisterState(h);
  expect(await h.err('print.renderDossier', { cadreId, copies: 0, recipients: [] })).toMatchObject({
    message: '份数至少 1 份',
    field: 'copies',
  });
  expect(await h.err('print.renderDossier', { cadreId, copies: 51, recipients: [] })).toMatchObject({
    message: '份数不能超过 50 份',
  });
  expect(await h.err('print.renderDossier', { cadreId, copies: 1.5, recipients: [] })).toMatchObject({
    message: '份数必须是整数',
  });
  expect(await h.err('print.renderDossier', { cadreId, copies: 1, recipients: ['甲', '乙'] })).toMatchObject({
    message: '领取人有 2 个，多于份数 1',
    field: 'recipients',
  });
  expect(await h.err('print.renderDossier', { cadreId, copies: 1, recipients: ['长'.repeat(41)] })).toMatchObject({
    message: '领取人不能超过 40 个字',
  });
  expect(await h.err('print.renderDossier', { cadreId: 9999, copies: 1, recipients: [] })).toMatchObject({
    code: 'NOT_FOUND',
    field: 'cadreId',
  });
  expect(
    await h.err('print.save', {
      jobId: '6f1c7d0e-2a7b-4c1e-9f55-1d3b2a4c5e6f',
      token: await h.pickSave('printPdf', join(tempDir(), 'n.pdf')),
    }),
  ).toMatchObject({
    code: 'NOT_FOUND',
    message: '打印预览已失效，请重新生成',
  });
  expect(await h.err('prints.markReturned', { id: 77 })).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  expect(await printRegisterState(h)).toEqual(before);
  // A 考核录入员 may not print dossiers at all.
  await loginAs(h, 'assessmentClerk');
  expect(await h.err('print.renderDossier', { cadreId, copies: 1, recipients: [] })).toMatchObject({
    code: 'FORBIDDEN',
  });
});

test('mark returned (once, audited), then the register exported to .xlsx and re-read', async () => {
  const { h, cadreId } = await printingHost();
  const r = await h.ok('print.renderDossier', { cadreId, copies: 2, recipients: ['县委办'] });
  await h.ok('print.save', { jobId: r.jobId, token: await h.pickSave('printPdf', join(tempDir(), 'a.pdf')) });
  const [first] = await h.ok('prints.list', {});
  const returned = await h.ok('prints.markReturned', { id: first!.id });
  expect(returned).toMatchObject({ serial: '001', returnedBy: '王管理员' });
  expect(returned.returnedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(await newestAudit(h)).toMatchObject({
    action: 'prints.markReturned',
    target: '巴特尔同志政治素质档案 份号001',
  });
  const before = await printRegisterState(h);
  expect(await h.err('prints.markReturned', { id: first!.id })).toMatchObject({ code: 'VALIDATION', field: 'id' });
  expect(await printRegisterState(h)).toEqual(before);

  const out = join(tempDir('ganbu-reg-'), '打印登记.xlsx');
  expect(await h.ok('prints.export', { token: await h.pickSave('printRegister', out) })).toEqual({
    fileName: '打印登记.xlsx',
    rows: 2,
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.worksheets[0]!;
  expect(ws.name).toBe('打印登记');
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows[0]).toEqual([...REGISTER_HEADERS]);
  expect(rows.slice(1).map((x) => [x[0], x[1], x[2], x[3], x[4], x[5], x[7], x[9] ?? ''])).toEqual([
    [1, '干部政治素质档案', '巴特尔同志政治素质档案', '001', '县委办', '王管理员', '已收回', '王管理员'],
    [2, '干部政治素质档案', '巴特尔同志政治素质档案', '002', rows[2]![4] ?? undefined, '王管理员', '未收回', ''],
  ]);
  expect(await newestAudit(h)).toMatchObject({ action: 'prints.export', detail: { rows: 2 } });
});

test('a meeting packet: numbered per title, every cadre checked first; bad input refused with the field named', async () => {
  const { h, routes, cadreId } = await printingHost();
  const other = await dossierCadre(h, '李秀梅');
  const r = await h.ok('print.renderPacket', {
    title: '2025年干部任用审议材料',
    cadreIds: [cadreId, other],
    copies: 2,
    recipients: [],
  });
  expect(r).toMatchObject({ title: '2025年干部任用审议材料', serials: ['001', '002'] });
  expect(routes.at(-1)).toBe(`print/${r.jobId}`);
  expect(await h.ok('print.job', { jobId: r.jobId })).toMatchObject({
    kind: 'packet',
    cadreIds: [cadreId, other],
    title: '2025年干部任用审议材料',
  });
  await h.ok('print.save', { jobId: r.jobId, token: await h.pickSave('printPdf', join(tempDir(), 'p.pdf')) });
  expect((await h.ok('prints.list', {})).map((x) => [x.kind, x.serial])).toEqual([
    ['packet', '001'],
    ['packet', '002'],
  ]);
  const before = await printRegisterState(h);
  expect(await h.err('print.renderPacket', { title: '材料', cadreIds: [], copies: 1, recipients: [] })).toMatchObject({
    message: '请至少选择 1 名干部',
    field: 'cadreIds',
  });
  expect(
    await h.err('print.renderPacket', { title: '材料', cadreIds: [cadreId, cadreId], copies: 1, recipients: [] }),
  ).toMatchObject({ message: '同一名干部不能重复选择' });
  expect(
    await h.err('print.renderPacket', { title: '材料', cadreIds: [cadreId, 999], copies: 1, recipients: [] }),
  ).toMatchObject({ code: 'NOT_FOUND', field: 'cadreIds' });
  expect(
    await h.err('print.renderPacket', { title: ' ', cadreIds: [cadreId], copies: 1, recipients: [] }),
  ).toMatchObject({ message: '请填写审议材料标题', field: 'title' });
  expect(await printRegisterState(h)).toEqual(before);
});
