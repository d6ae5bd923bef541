// attachments.preview: real PDF and .docx files stored and previewed, damaged files refused in Chinese, roles as for reading.
import { describe, expect, test } from 'vitest';
import { newHostWithStore } from '../../helpers/host';
import { loginAs } from '../../helpers/roster';
import { addEntry, dossierCadre, dossierState, pickAttachment, samplePng } from '../../helpers/dossier';
import { makeDocx, makePdf, SAMPLE_DOCX_BODY } from '../../helpers/office-files';

async function withAttachment(fileName: string, bytes: Buffer) {
  const h = await newHostWithStore();
  const entry = await addEntry(h, await dossierCadre(h));
  const a = await h.ok('attachments.add', { entryId: entry.id, token: await pickAttachment(h, fileName, bytes) });
  return { h, a };
}

describe('attachments.preview', () => {
  test('a whole PDF comes back byte for byte for the viewer, also to the reviewer', async () => {
    const pdf = makePdf(['Page one', 'Page two']);
    const { h, a } = await withAttachment('通报.pdf', pdf);
    await loginAs(h, 'reviewer');
    const p = await h.ok('attachments.preview', { id: a.id });
    expect(p).toMatchObject({ kind: 'pdf', fileName: '通报.pdf', mime: 'application/pdf' });
    expect(p.kind === 'pdf' && Buffer.from(p.base64, 'base64').equals(pdf)).toBe(true);
  });

  test('a truncated PDF is refused with a Chinese message and nothing changes', async () => {
    const pdf = makePdf(['Page one']);
    const { h, a } = await withAttachment('扫描件.pdf', pdf.subarray(0, Math.floor(pdf.length * 0.6)));
    const before = await dossierState(h);
    expect(await h.err('attachments.preview', { id: a.id })).toMatchObject({
      code: 'VALIDATION',
      message: '附件“扫描件.pdf”已损坏或不完整（文件结尾缺失），无法预览，请重新上传完整的 PDF 文件',
    });
    expect(await dossierState(h)).toEqual(before);
  });

  test('a .docx becomes headings, paragraphs with bold runs and tables; links keep only their text, images are left out', async () => {
    const { h, a } = await withAttachment('谈话记录.docx', await makeDocx(SAMPLE_DOCX_BODY));
    const p = await h.ok('attachments.preview', { id: a.id });
    if (p.kind !== 'word') throw new Error(`expected a Word preview, got ${p.kind}`);
    expect(p.imagesLeftOut).toBe(1);
    expect(p.blocks).toEqual([
      { type: 'paragraph', heading: 1, runs: [{ text: '谈话记录', bold: false, italic: false }] },
      {
        type: 'paragraph',
        heading: 0,
        runs: [
          { text: '谈话对象：', bold: false, italic: false },
          { text: '张三', bold: true, italic: false },
          { text: ' 同志，表现良好。', bold: false, italic: false },
        ],
      },
      {
        type: 'table',
        rows: [
          [
            [{ type: 'paragraph', heading: 0, runs: [{ text: '项目', bold: false, italic: false }] }],
            [{ type: 'paragraph', heading: 0, runs: [{ text: '结论', bold: false, italic: false }] }],
          ],
          [
            [{ type: 'paragraph', heading: 0, runs: [{ text: '政治忠诚', bold: false, italic: false }] }],
            [{ type: 'paragraph', heading: 0, runs: [{ text: '好', bold: false, italic: false }] }],
          ],
        ],
      },
      { type: 'paragraph', heading: 0, runs: [{ text: '外部链接〔图片〕', bold: false, italic: false }] },
      // Markup in the text stays text: the window renders runs as text nodes, never as HTML.
      { type: 'paragraph', heading: 0, runs: [{ text: '<script>alert(1)</script>', bold: false, italic: false }] },
    ]);
  });

  test('a .docx that is not a zip, or a zip without a document, is refused with a Chinese message', async () => {
    // Passes the upload check (zip magic and a word/ name) but is no real zip archive.
    const fake = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(26),
      Buffer.from('word/document.xml 这不是压缩包'),
    ]);
    const { h, a } = await withAttachment('材料.docx', fake);
    const before = await dossierState(h);
    expect(await h.err('attachments.preview', { id: a.id })).toMatchObject({
      code: 'VALIDATION',
      message: '附件“材料.docx”不是有效的 Word（.docx）文档或已损坏，无法预览',
    });
    expect(await dossierState(h)).toEqual(before);
  });

  test('a legacy .doc gets the message to save it as .docx; an image comes back as it is', async () => {
    const doc = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const { h, a } = await withAttachment('旧材料.doc', doc);
    expect(await h.ok('attachments.preview', { id: a.id })).toEqual({
      kind: 'unsupported',
      fileName: '旧材料.doc',
      message: '旧版 Word（.doc）文件无法在应用内预览，请用 Word 另存为 .docx 后重新上传',
    });
    const entry = await addEntry(h, await dossierCadre(h));
    const png = await h.ok('attachments.add', {
      entryId: entry.id,
      token: await pickAttachment(h, '证书.png', samplePng()),
    });
    expect(await h.ok('attachments.preview', { id: png.id })).toMatchObject({
      kind: 'image',
      mime: 'image/png',
      base64: samplePng().toString('base64'),
    });
  });

  test('the 考核录入员 is refused; a missing attachment is named', async () => {
    const { h, a } = await withAttachment('通报.pdf', makePdf(['x']));
    expect(await h.err('attachments.preview', { id: a.id + 99 })).toMatchObject({
      code: 'NOT_FOUND',
      message: '找不到该附件，可能已被删除',
    });
    await loginAs(h, 'assessmentClerk');
    expect(await h.err('attachments.preview', { id: a.id })).toMatchObject({
      code: 'FORBIDDEN',
      message: '当前账户的角色无权进行此操作',
    });
  });
});
