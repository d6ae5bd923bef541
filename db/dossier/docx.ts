// Reads a .docx into plain blocks (paragraphs, headings, tables, bold/italic runs) for the in-app preview.
// Nothing of the document is executed or fetched: only text and the formatting named here survive.
import { fail } from '../../shared/ipc/errors';
import { parseXml, type XmlElement } from '../fs/xml';
import { readZipEntry, ZipLimitError } from '../fs/zip';
import type { DocBlock, DocRun } from '../../shared/dossier/types';

/**
 * An XML part bigger than this once inflated is refused, counted on the bytes inflation produces: a 20 MB upload
 * must not expand into gigabytes. 8 MB is some 2,000 pages of text and parses in about a second; parsing takes
 * about 15 times the part's size in memory, so a larger cap would let a part just under it take the app down.
 */
export const MAX_PART_BYTES = 8 * 1024 * 1024;

type Node = XmlElement;

const kids = (n: Node | undefined): Node[] => n?.children ?? [];
const attr = (n: Node | undefined, name: string): string | undefined => n?.attributes.get(name);
const child = (n: Node | undefined, tag: string): Node | undefined => n?.children.find((c) => c.name === tag);
/** A toggle property (w:b, w:i) is on when present, unless its value says off. */
const isOn = (n: Node | undefined): boolean =>
  n !== undefined && !['0', 'false', 'off'].includes(attr(n, 'w:val') ?? 'true');

/** A part's root element when it is well-formed XML (the strict reader: no DOCTYPE, no entities), else null. */
function rootOf(xml: string, name: string): Node | null {
  const r = parseXml(xml);
  return r.ok && r.root.name === name ? r.root : null;
}

interface Styles {
  /** styleId → heading level, from the style's name ("heading 1") or outline level. */
  readonly headings: ReadonlyMap<string, number>;
}

/** A part's text, inflated with a cap on the bytes actually produced (a zip's declared sizes may lie). */
async function part(data: Uint8Array, path: string, fileName: string): Promise<string | null> {
  try {
    return (await readZipEntry(data, path, MAX_PART_BYTES))?.toString('utf8') ?? null;
  } catch (e) {
    if (e instanceof ZipLimitError && e.reason === 'tooLarge')
      fail('VALIDATION', `附件“${fileName}”的内容过大，无法预览，请下载后用 Word 查看`, 'id');
    return fail('VALIDATION', `附件“${fileName}”不是有效的 Word（.docx）文档或已损坏，无法预览`, 'id');
  }
}

/** The heading styles, or null when styles.xml is not well-formed. */
function readStyles(xml: string | null): Styles | null {
  const headings = new Map<string, number>();
  if (xml === null) return { headings };
  const parsed = parseXml(xml);
  if (!parsed.ok) return null;
  const root = parsed.root.name === 'w:styles' ? parsed.root : undefined;
  for (const s of kids(root)) {
    if (s.name !== 'w:style') continue;
    const id = attr(s, 'w:styleId');
    const name = attr(child(s, 'w:name'), 'w:val') ?? '';
    const outline = attr(child(child(s, 'w:pPr'), 'w:outlineLvl'), 'w:val');
    const m = /^heading\s*([1-6])$/i.exec(name) ?? /^标题\s*([1-6])$/.exec(name);
    const level = m ? Number(m[1]) : outline !== undefined && /^[0-5]$/.test(outline) ? Number(outline) + 1 : 0;
    if (id && level > 0) headings.set(id, level);
  }
  return { headings };
}

class Reader {
  imagesLeftOut = 0;
  constructor(private readonly styles: Styles) {}

  blocks(nodes: readonly Node[]): DocBlock[] {
    const out: DocBlock[] = [];
    for (const n of nodes) {
      const t = n.name;
      if (t === 'w:p') out.push(this.paragraph(n));
      else if (t === 'w:tbl') out.push(this.table(n));
      // Content controls and tracked insertions wrap ordinary blocks.
      else if (t === 'w:sdt') out.push(...this.blocks(kids(child(n, 'w:sdtContent'))));
      else if (t === 'w:customXml' || t === 'w:ins') out.push(...this.blocks(kids(n)));
    }
    return out;
  }

  private paragraph(p: Node): DocBlock {
    const pPr = child(p, 'w:pPr');
    const styleId = attr(child(pPr, 'w:pStyle'), 'w:val');
    const outline = attr(child(pPr, 'w:outlineLvl'), 'w:val');
    const heading =
      (styleId !== undefined ? this.styles.headings.get(styleId) : undefined) ??
      (outline !== undefined && /^[0-5]$/.test(outline) ? Number(outline) + 1 : 0);
    const runs: DocRun[] = [];
    this.inline(kids(p), runs);
    return { type: 'paragraph', heading, runs: merge(runs) };
  }

  private inline(nodes: readonly Node[], runs: DocRun[]): void {
    for (const n of nodes) {
      const t = n.name;
      if (t === 'w:r') this.run(n, runs);
      // Links keep their text only: nothing in a preview may navigate anywhere.
      else if (t === 'w:hyperlink' || t === 'w:ins' || t === 'w:smartTag' || t === 'w:fldSimple' || t === 'w:customXml')
        this.inline(kids(n), runs);
      else if (t === 'w:sdt') this.inline(kids(child(n, 'w:sdtContent')), runs);
    }
  }

  private run(r: Node, runs: DocRun[]): void {
    const rPr = child(r, 'w:rPr');
    const bold = isOn(child(rPr, 'w:b'));
    const italic = isOn(child(rPr, 'w:i'));
    for (const c of kids(r)) {
      const t = c.name;
      let text = '';
      if (t === 'w:t') text = c.text;
      else if (t === 'w:tab') text = '\t';
      else if (t === 'w:br' || t === 'w:cr') text = '\n';
      else if (t === 'w:drawing' || t === 'w:pict' || t === 'w:object') {
        this.imagesLeftOut++;
        text = '〔图片〕';
      }
      if (text !== '') runs.push({ text, bold, italic });
    }
  }

  private table(tbl: Node): DocBlock {
    const rows = kids(tbl)
      .filter((r) => r.name === 'w:tr')
      .map((r) =>
        kids(r)
          .filter((c) => c.name === 'w:tc')
          .map((c) => this.blocks(kids(c))),
      );
    return { type: 'table', rows };
  }
}

/** Neighbouring runs with the same formatting become one. */
function merge(runs: readonly DocRun[]): DocRun[] {
  const out: DocRun[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && last.bold === r.bold && last.italic === r.italic)
      out[out.length - 1] = { ...last, text: last.text + r.text };
    else out.push(r);
  }
  return out;
}

/** The document's blocks, or a Chinese refusal naming the file when it is not a readable .docx. */
export async function docxBlocks(
  data: Uint8Array,
  fileName: string,
): Promise<{ blocks: DocBlock[]; imagesLeftOut: number }> {
  const damaged = () => fail('VALIDATION', `附件“${fileName}”不是有效的 Word（.docx）文档或已损坏，无法预览`, 'id');
  const documentXml = await part(data, 'word/document.xml', fileName);
  if (documentXml === null) return damaged();
  const stylesXml = await part(data, 'word/styles.xml', fileName);
  const root = rootOf(documentXml, 'w:document');
  const styles = readStyles(stylesXml);
  const body = root ? child(root, 'w:body') : undefined;
  if (!body || !styles) return damaged();
  const reader = new Reader(styles);
  return { blocks: reader.blocks(kids(body)), imagesLeftOut: reader.imagesLeftOut };
}
