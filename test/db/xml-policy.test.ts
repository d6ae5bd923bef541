// One XML policy for files from outside (db/fs/xml.ts, strict): no DOCTYPE (so no entity is declared, expanded or
// fetched), nothing cut off or mis-nested. Written as the attacker, at each entry point that reads XML: a .docx
// attachment's preview and a .lrmx import. Each is refused in Chinese and the store is left as it was.
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { NOT_LRMX } from '../../db/roster/lrmx/read';
import { addEntry, dossierCadre, dossierState, pickAttachment } from '../helpers/dossier';
import { fixturePath, newRosterHost, rosterState } from '../helpers/roster';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const BODY = `<w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body>`;
const LAUGHS =
  '<!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">' +
  '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>';

async function docx(documentXml: string, stylesXml?: string): Promise<Buffer> {
  const zip = new JSZip().file('word/document.xml', documentXml);
  if (stylesXml !== undefined) zip.file('word/styles.xml', stylesXml);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('a .docx attachment’s preview', () => {
  const cases: [string, () => Promise<Buffer>][] = [
    [
      'entities declared in a DOCTYPE',
      () => docx(`${LAUGHS}<w:document ${W}><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>`),
    ],
    [
      'an external entity (XXE)',
      () =>
        docx(`<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ${W}>${BODY}</w:document>`),
    ],
    ['a document cut off', () => docx(`<w:document ${W}><w:body><w:p><w:r><w:t>正文`)],
    ['mis-nested elements', () => docx(`<w:document ${W}><w:body><w:p><w:r></w:p></w:r></w:body></w:document>`)],
    ['a DOCTYPE in styles.xml', () => docx(`<w:document ${W}>${BODY}</w:document>`, `${LAUGHS}<w:styles ${W}/>`)],
  ];
  test.each(cases)('with %s is refused, and the store is unchanged', async (_, make) => {
    const h = await newRosterHost();
    const entry = await addEntry(h, await dossierCadre(h));
    const a = await h.ok('attachments.add', {
      entryId: entry.id,
      token: await pickAttachment(h, '材料.docx', await make()),
    });
    const before = await dossierState(h);
    expect(await h.err('attachments.preview', { id: a.id })).toMatchObject({
      code: 'VALIDATION',
      message: '附件“材料.docx”不是有效的 Word（.docx）文档或已损坏，无法预览',
    });
    expect(await dossierState(h)).toEqual(before);
  });

  test('an ordinary document still previews, attributes read (a heading style, bold off by its value)', async () => {
    const h = await newRosterHost();
    const entry = await addEntry(h, await dossierCadre(h));
    const styles = `<w:styles ${W}><w:style w:styleId="T1"><w:name w:val="heading 1"/></w:style></w:styles>`;
    const doc =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>` +
      `<w:p><w:pPr><w:pStyle w:val="T1"/></w:pPr><w:r><w:t>标题 &amp; 说明</w:t></w:r></w:p>` +
      `<w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve"> 正文 </w:t></w:r></w:p></w:body></w:document>`;
    const a = await h.ok('attachments.add', {
      entryId: entry.id,
      token: await pickAttachment(h, '正常.docx', await docx(doc, styles)),
    });
    expect(await h.ok('attachments.preview', { id: a.id })).toMatchObject({
      kind: 'word',
      blocks: [
        { type: 'paragraph', heading: 1, runs: [{ text: '标题 & 说明', bold: false, italic: false }] },
        { type: 'paragraph', heading: 0, runs: [{ text: ' 正文 ', bold: false, italic: false }] },
      ],
    });
  });
});

describe('a .lrmx import', () => {
  test('a billion-laughs DOCTYPE and an external entity are listed as unreadable; nothing is written', async () => {
    const h = await newRosterHost();
    const before = await rosterState(h);
    const files = await h.pickOpen(
      'lrmx',
      fixturePath('lrmx/variant-billion-laughs.lrmx'),
      fixturePath('lrmx/variant-xxe.lrmx'),
    );
    const p = await h.ok('roster.previewLrmx', { tokens: files.map((f) => f.token) });
    expect(p.files.map((f) => [f.ok, f.status, f.error])).toEqual([
      [false, 'error', `${NOT_LRMX}：文件含有 DOCTYPE 声明（可定义实体），出于安全考虑不予读取`],
      [false, 'error', `${NOT_LRMX}：文件含有 DOCTYPE 声明（可定义实体），出于安全考虑不予读取`],
    ]);
    expect(await rosterState(h)).toEqual(before);
  });
});
