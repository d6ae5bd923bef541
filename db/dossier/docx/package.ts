// The OOXML package around a document body: content types, relationships, styles, fonts, header, footer and the
// A4 page with GB/T 9704 margins.
import { FONTS, esc, para, run } from './wordml';
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
/** GB/T 9704 page: A4, margins top 37, bottom 35, left 28, right 26 mm. */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: twips(37),
  bottom: twips(35),
  left: twips(28),
  right: twips(26),
  header: twips(15),
  footer: twips(18),
} as const;
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export interface DocxPicture {
  readonly rid: string;
  readonly ext: 'png' | 'jpeg';
  readonly data: Buffer;
}

const contentTypes = (pictures: readonly DocxPicture[]) =>
  DECL +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  [...new Set(pictures.map((p) => p.ext))].map((e) => `<Default Extension="${e}" ContentType="image/${e}"/>`).join('') +
  '<Override PartName="/word/document.xml" ' +
  'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>' +
  '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
  '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const rootRels =
  DECL +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http:' +
  '//schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

const documentRels = (pictures: readonly DocxPicture[]) =>
  DECL +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rIdFonts" Type="${REL}/fontTable" Target="fontTable.xml"/>` +
  `<Relationship Id="rIdHeader" Type="${REL}/header" Target="header1.xml"/>` +
  `<Relationship Id="rIdFooter" Type="${REL}/footer" Target="footer1.xml"/>` +
  pictures.map((p) => `<Relationship Id="${p.rid}" Type="${REL}/image" Target="media/${p.rid}.${p.ext}"/>`).join('') +
  '</Relationships>';

const fontRef = (role: keyof typeof FONTS) => {
  const n = esc(FONTS[role].name);
  return `<w:rFonts w:ascii="${n}" w:hAnsi="${n}" w:eastAsia="${n}" w:cs="${n}" w:hint="eastAsia"/>`;
};

// Body 仿宋 三号 (16 pt) with 28.9 pt exact lines is the 公文 default; tables set 小四 on their runs.
const styles =
  DECL +
  `<w:styles xmlns:w="${W}">` +
  `<w:docDefaults><w:rPrDefault><w:rPr>${fontRef('body')}<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" ` +
  `w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>` +
  '<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  `<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:` +
  `pPr><w:jc w:val="center"/><w:spacing w:before="240" w:after="360"/></w:pPr><w:rPr>${fontRef('title')}<w:sz w:` +
  `val="44"/><w:szCs w:val="44"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:` +
  `qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:` +
  `rPr>${fontRef('heading')}<w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:` +
  `qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:` +
  `rPr>${fontRef('heading')}<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>` +
  '</w:styles>';

const fontTable =
  DECL +
  `<w:fonts xmlns:w="${W}">` +
  Object.values(FONTS)
    .map(
      (f) =>
        `<w:font w:name="${esc(f.name)}"><w:altName w:val="${esc(f.alt)}"/><w:charset w:val="86"/><w:family w:val="auto"/></w:font>`,
    )
    .join('') +
  `<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:charset w:val="86"/><w:family w:val="auto"/></w:font>` +
  '</w:fonts>';

const header = (marking: string) =>
  DECL +
  `<w:hdr xmlns:w="${W}">` +
  para(run(marking, { font: 'heading', size: 10.5 }), { align: 'right' }) +
  '</w:hdr>';

// “— N —”: GB/T 9704 page numbers, 四号 半角宋体, centred (the PAGE field keeps them right in any editor).
const footer =
  DECL +
  `<w:ftr xmlns:w="${W}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
  '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">— </w:t></w:r>' +
  '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>' +
  '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
  '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>' +
  '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:t>1</w:t></w:r>' +
  '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>' +
  '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve"> —</w:t></w:r>' +
  '</w:p></w:ftr>';

const sectPr =
  // The first page carries the marking in its body, so its header stays empty (titlePg); later pages repeat it.
  '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/>' +
  '<w:footerReference w:type="first" r:id="rIdFooter"/>' +
  `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>` +
  `<w:pgMar w:top="${PAGE.top}" w:right="${PAGE.right}" w:bottom="${PAGE.bottom}" w:left="${PAGE.left}" w:` +
  `header="${PAGE.header}" w:footer="${PAGE.footer}" w:gutter="0"/>` +
  '<w:titlePg/></w:sectPr>';

const core = (title: string, created: string) =>
  DECL +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:' +
  'dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  `<dc:title>${esc(title)}</dc:title><dc:creator>干部政治素质档案与“双比双评”考核系统</dc:creator>` +
  `<dcterms:created xsi:type="dcterms:W3CDTF">${esc(created)}</dcterms:created></cp:coreProperties>`;

export interface DocxParts {
  readonly title: string;
  readonly marking: string;
  /** Body XML (paragraphs and tables). */
  readonly body: string;
  readonly pictures: readonly DocxPicture[];
  /** ISO timestamp for the core properties. */
  readonly created: string;
}

// Every entry gets this date, so the same document always gives the same bytes.
const ENTRY_DATE = new Date(Date.UTC(2020, 0, 1));

/** The package as a zip of deflated entries (JSZip), in the order given. */
export function docxPackage(p: DocxParts): Promise<Buffer> {
  const document =
    DECL +
    `<w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="${WP}"><w:body>${p.body}${sectPr}</w:body></w:document>`;
  const entries: { name: string; data: Buffer }[] = [
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes(p.pictures)) },
    { name: '_rels/.rels', data: Buffer.from(rootRels) },
    { name: 'docProps/core.xml', data: Buffer.from(core(p.title, p.created)) },
    { name: 'word/document.xml', data: Buffer.from(document) },
    { name: 'word/_rels/document.xml.rels', data: Buffer.from(documentRels(p.pictures)) },
    { name: 'word/styles.xml', data: Buffer.from(styles) },
    { name: 'word/fontTable.xml', data: Buffer.from(fontTable) },
    { name: 'word/header1.xml', data: Buffer.from(header(p.marking)) },
    { name: 'word/footer1.xml', data: Buffer.from(footer) },
    ...p.pictures.map((pic) => ({ name: `word/media/${pic.rid}.${pic.ext}`, data: pic.data })),
  ];
  const zip = new JSZip();
  for (const e of entries) zip.file(e.name, e.data, { date: ENTRY_DATE, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
