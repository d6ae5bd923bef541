// Attachments of dossier entries: stored in the encrypted store, read back byte for byte, refused when too big or mistyped.
import { openSync, closeSync, ftruncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { newHostWithStore } from '../../helpers/host';
import { loginAs, sampleJpeg } from '../../helpers/roster';
import {
  addEntry,
  dossierCadre,
  dossierState,
  newestAudit,
  pickAttachment,
  samplePdf,
  samplePng,
} from '../../helpers/dossier';
import { tempDir } from '../../helpers/tmp-store';

async function withEntry() {
  const h = await newHostWithStore();
  const cadreId = await dossierCadre(h);
  const entry = await addEntry(h, cadreId);
  return { h, cadreId, entry };
}

describe('attachments', () => {
  test('an image and a PDF are stored, listed on the entry and read back byte for byte, also by the reviewer', async () => {
    const { h, cadreId, entry } = await withEntry();
    const png = samplePng();
    const a = await h.ok('attachments.add', { entryId: entry.id, token: await pickAttachment(h, '结业证书.png', png) });
    expect(a).toMatchObject({
      entryId: entry.id,
      fileName: '结业证书.png',
      mime: 'image/png',
      size: png.length,
      addedBy: { name: '王管理员' },
    });
    expect(a.sha256).toBe(createHash('sha256').update(png).digest('hex'));
    expect(await newestAudit(h)).toMatchObject({ action: 'attachments.add', detail: { fileName: '结业证书.png' } });
    const pdf = samplePdf();
    const b = await h.ok('attachments.add', { entryId: entry.id, token: await pickAttachment(h, '通报.PDF', pdf) });
    expect(b.mime).toBe('application/pdf');
    const jpg = await h.ok('attachments.add', {
      entryId: entry.id,
      token: await pickAttachment(h, '照片.jpeg', sampleJpeg()),
    });
    expect(jpg.mime).toBe('image/jpeg');
    const d = await h.ok('dossier.get', { cadreId });
    expect(d.entries[0]!.attachments.map((x) => x.fileName)).toEqual(['结业证书.png', '通报.PDF', '照片.jpeg']);
    await loginAs(h, 'reviewer');
    const back = await h.ok('attachments.read', { id: a.id });
    expect(back).toMatchObject({ fileName: '结业证书.png', mime: 'image/png' });
    expect(Buffer.from(back.base64, 'base64').equals(png)).toBe(true);
    expect(Buffer.from((await h.ok('attachments.read', { id: b.id })).base64, 'base64').equals(pdf)).toBe(true);
    expect(await h.err('attachments.remove', { id: a.id })).toMatchObject({ code: 'FORBIDDEN' });
  });

  test('Word documents (.doc and .docx) are accepted by their content', async () => {
    const { h, entry } = await withEntry();
    const doc = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const docx = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(26),
      Buffer.from('word/document.xml'),
    ]);
    expect(
      (await h.ok('attachments.add', { entryId: entry.id, token: await pickAttachment(h, '谈话记录.doc', doc) })).mime,
    ).toBe('application/msword');
    expect(
      (await h.ok('attachments.add', { entryId: entry.id, token: await pickAttachment(h, '谈话记录.docx', docx) }))
        .mime,
    ).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  test.each([
    [
      'content that does not match the extension',
      '证书.pdf',
      () => samplePng(),
      '附件“证书.pdf”的内容不是PDF 文件，与扩展名“.pdf”不符，已拒绝上传',
    ],
    [
      'a renamed program',
      '照片.jpg',
      () => Buffer.from('MZ\x90\x00 this is not a picture'),
      '附件“照片.jpg”的内容不是JPEG 图片，与扩展名“.jpg”不符，已拒绝上传',
    ],
    [
      'a zip that is not a Word document',
      '材料.docx',
      () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('xl/workbook.xml')]),
      /^附件“材料.docx”的内容不是Word 文档/,
    ],
    [
      'a type that is not allowed',
      '脚本.exe',
      () => Buffer.from('MZ'),
      '附件“脚本.exe”的类型不支持：只能上传图片（jpg、png、gif、bmp、webp）、PDF 或 Word（doc、docx）',
    ],
    ['an empty file', '空白.png', () => Buffer.alloc(0), '附件“空白.png”是空文件'],
  ])('%s is refused with a clear message; nothing is stored', async (_name, fileName, bytes, message) => {
    const { h, entry } = await withEntry();
    const token = await pickAttachment(h, fileName, bytes());
    const before = await dossierState(h);
    const e = await h.err('attachments.add', { entryId: entry.id, token });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'token' });
    if (typeof message === 'string') expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
    expect(await dossierState(h)).toEqual(before);
  });

  test('a file over 20 MB is refused before it is read; exactly 20 MB is accepted', async () => {
    const { h, entry } = await withEntry();
    const big = join(tempDir('ganbu-att-'), '扫描件.pdf');
    const fd = openSync(big, 'w');
    writeSync(fd, Buffer.from('%PDF-1.7\n'));
    ftruncateSync(fd, 20 * 1024 * 1024 + 1);
    closeSync(fd);
    const [picked] = await h.pickOpen('attachment', big);
    const before = await dossierState(h);
    expect(await h.err('attachments.add', { entryId: entry.id, token: picked!.token })).toMatchObject({
      code: 'VALIDATION',
      field: 'token',
      message: '附件“扫描件.pdf”有 20.0 MB，超过 20 MB 的上限',
    });
    expect(await dossierState(h)).toEqual(before);
    const fd2 = openSync(big, 'r+');
    ftruncateSync(fd2, 20 * 1024 * 1024);
    closeSync(fd2);
    const [again] = await h.pickOpen('attachment', big);
    expect((await h.ok('attachments.add', { entryId: entry.id, token: again!.token })).size).toBe(20 * 1024 * 1024);
  });

  test('removing an attachment, and deleting its entry, take the bytes out of the store', async () => {
    const { h, cadreId, entry } = await withEntry();
    const a = await h.ok('attachments.add', {
      entryId: entry.id,
      token: await pickAttachment(h, '证书.png', samplePng()),
    });
    await h.ok('attachments.add', { entryId: entry.id, token: await pickAttachment(h, '通报.pdf', samplePdf()) });
    expect(await h.ok('attachments.remove', { id: a.id })).toBeNull();
    expect(await h.err('attachments.read', { id: a.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await h.ok('dossier.get', { cadreId })).entries[0]!.attachments.map((x) => x.fileName)).toEqual([
      '通报.pdf',
    ]);
    await h.ok('entries.delete', { id: entry.id, version: 1 });
    expect((await dossierState(h)).attachments).toEqual([]);
  });

  test('an attachment for an entry that does not exist is refused', async () => {
    const { h } = await withEntry();
    const token = await pickAttachment(h, '证书.png', samplePng());
    expect(await h.err('attachments.add', { entryId: 999, token })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
