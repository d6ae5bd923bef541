// Real small PDF and .docx files made in the test: a valid PDF with an xref table, and a .docx zipped by JSZip.
import JSZip from 'jszip';

/**
 * A valid PDF of one page per text, with a correct cross-reference table. ASCII text uses Helvetica; with `cjk`
 * the text is Chinese in the non-embedded STSong-Light font, as office software often writes it: the reader then
 * needs Adobe's UniGB-UCS2-H CMap (bundled with the app) to map the characters.
 */
export function makePdf(pageTexts: readonly string[], cjk = false): Buffer {
  const n = pageTexts.length;
  const objects: string[] = [];
  const pageIds = pageTexts.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${n} >>`;
  objects[3] = cjk
    ? '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type ' +
      '/Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) ' +
      '/Supplement 2 >> /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 ' +
      '1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>] >>'
    : '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  const shown = (text: string) =>
    cjk
      ? `<${[...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`
      : `(${text.replace(/[()\\]/g, '')})`;
  pageTexts.forEach((text, i) => {
    const stream = `BT /F1 36 Tf 72 700 Td ${shown(text)} Tj ET 0 0 1 rg 72 400 300 200 re f`;
    objects[4 + i * 2] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`;
    objects[5 + i * 2] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx whose body is the given WordprocessingML; styles.xml maps the Chinese Word style ids "1"/"2" to headings. */
export async function makeDocx(bodyXml: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default ' +
      'Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ' +
      'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http:' +
      '//schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>` +
      '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style></w:styles>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${bodyXml}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A typical dossier document: a heading, a paragraph with bold, a table, a link, an image and a script-looking text. */
export const SAMPLE_DOCX_BODY =
  '<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>谈话记录</w:t></w:r></w:p>' +
  '<w:p><w:r><w:t xml:space="preserve">谈话对象：</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>张三</w:t></w:r><w:r><w:t xml:' +
  'space="preserve"> 同志，表现</w:t></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>良好。</w:t></w:r></w:p>' +
  '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>结论</w:t></w:r></w:p></w:tc></w:tr>' +
  '<w:tr><w:tc><w:p><w:r><w:t>政治忠诚</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>好</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
  '<w:p><w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:' +
  'r><w:t>外部链接</w:t></w:r></w:hyperlink><w:r><w:drawing><wp:inline xmlns:wp="x"/></w:drawing></w:r></w:p>' +
  '<w:p><w:r><w:t>&lt;script&gt;alert(1)&lt;/script&gt;</w:t></w:r></w:p>';
