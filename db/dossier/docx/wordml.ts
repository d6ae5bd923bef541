// Small WordprocessingML builders: runs, paragraphs, table cells and rows, every text escaped for XML.
import { xmlSafe } from '../../roster';

/** Fonts by role; the font table names the fallback (altName) Word and WPS use when the first is missing. */
export const FONTS = {
  title: { name: '方正小标宋简体', alt: '宋体' },
  body: { name: '仿宋_GB2312', alt: '仿宋' },
  heading: { name: '黑体', alt: 'SimHei' },
} as const;
export type FontRole = keyof typeof FONTS;

export const esc = (s: string): string =>
  xmlSafe(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

export interface RunStyle {
  readonly font?: FontRole;
  /** Points. */
  readonly size?: number;
  readonly bold?: boolean;
}

const fontsXml = (role: FontRole) => {
  const n = esc(FONTS[role].name);
  return `<w:rFonts w:ascii="${n}" w:hAnsi="${n}" w:eastAsia="${n}" w:cs="${n}" w:hint="eastAsia"/>`;
};

export function runProps(s: RunStyle): string {
  const parts = [
    s.font ? fontsXml(s.font) : '',
    s.bold ? '<w:b/>' : '',
    s.size ? `<w:sz w:val="${s.size * 2}"/><w:szCs w:val="${s.size * 2}"/>` : '',
  ];
  const inner = parts.join('');
  return inner ? `<w:rPr>${inner}</w:rPr>` : '';
}

/** A run; line breaks in the text become <w:br/>. */
export function run(text: string, s: RunStyle = {}): string {
  const lines = xmlSafe(text).split('\n');
  const body = lines.map((l, i) => `${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(l)}</w:t>`).join('');
  return `<w:r>${runProps(s)}${body}</w:r>`;
}

export interface ParaStyle {
  readonly align?: 'left' | 'center' | 'right' | 'both';
  readonly before?: number;
  readonly after?: number;
  /** First-line indent in characters (两字缩进 = 2). */
  readonly indentChars?: number;
  readonly keepNext?: boolean;
  /** Line spacing in 240ths of a line (240 = single). */
  readonly line?: number;
}

export function para(runs: string, p: ParaStyle = {}): string {
  const props = [
    p.keepNext ? '<w:keepNext/>' : '',
    p.before !== undefined || p.after !== undefined || p.line !== undefined
      ? `<w:spacing w:before="${p.before ?? 0}" w:after="${p.after ?? 0}"${p.line ? ` w:line="${p.line}" w:lineRule="auto"` : ''}/>`
      : '',
    p.indentChars ? `<w:ind w:firstLineChars="${p.indentChars * 100}"/>` : '',
    p.align ? `<w:jc w:val="${p.align}"/>` : '',
  ].join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>`;
}

export const textPara = (text: string, s: RunStyle = {}, p: ParaStyle = {}) => para(run(text, s), p);

export interface CellSpec {
  /** Paragraph XML (already built) or plain text. */
  readonly content: string | { readonly xml: string };
  readonly span?: number;
  /** 'restart' opens a vertical merge, 'continue' extends it (the cell's content is then ignored). */
  readonly vMerge?: 'restart' | 'continue';
  readonly label?: boolean;
  readonly align?: ParaStyle['align'];
}

// 五号 in tables, single-spaced, so the 任免审批表 fits its narrow columns.
const TABLE_TEXT: RunStyle = { font: 'body', size: 10.5 };

export function cell(c: CellSpec, width: number): string {
  const props = [
    `<w:tcW w:w="${width}" w:type="dxa"/>`,
    c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : '',
    c.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.vMerge === 'continue' ? '<w:vMerge/>' : '',
    '<w:vAlign w:val="center"/>',
  ].join('');
  const body =
    c.vMerge === 'continue'
      ? '<w:p/>'
      : typeof c.content === 'string'
        ? textPara(c.content, c.label ? { ...TABLE_TEXT, font: 'heading' } : TABLE_TEXT, {
            align: c.align ?? (c.label ? 'center' : 'left'),
            line: 240,
          })
        : c.content.xml;
  return `<w:tc><w:tcPr>${props}</w:tcPr>${body}</w:tc>`;
}

/** A table on a fixed column grid (twips); rows never split across pages; the header row repeats on each page. */
export function table(
  grid: readonly number[],
  rows: readonly (readonly CellSpec[])[],
  opts: { header?: boolean; minHeight?: number } = {},
): string {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>`;
  const tblPr =
    `<w:tblPr><w:tblW w:w="${grid.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:jc w:val="center"/>` +
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>`;
  const gridXml = `<w:tblGrid>${grid.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const rowsXml = rows.map((cells, r) => {
    let col = 0;
    const tcs = cells.map((c) => {
      const span = c.span ?? 1;
      const width = grid.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      return cell(c, width);
    });
    const header = opts.header && r === 0 ? '<w:tblHeader/>' : '';
    const height = opts.minHeight ? `<w:trHeight w:val="${opts.minHeight}"/>` : '';
    const trPr = `<w:trPr><w:cantSplit/>${header}${height}</w:trPr>`;
    return `<w:tr>${trPr}${tcs.join('')}</w:tr>`;
  });
  return `<w:tbl>${tblPr}${gridXml}${rowsXml.join('')}</w:tbl>`;
}

const EMU_PER_MM = 36000;

/** An inline picture (relationship id `rid`) of the given size in millimetres. */
export function picture(rid: string, widthMm: number, heightMm: number, name: string): string {
  const cx = Math.round(widthMm * EMU_PER_MM);
  const cy = Math.round(heightMm * EMU_PER_MM);
  const a = 'http://schemas.openxmlformats.org/drawingml/2006/main';
  const pic = 'http://schemas.openxmlformats.org/drawingml/2006/picture';
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr ` +
    `id="1" name="${esc(name)}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${a}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${a}"><a:graphicData uri="${pic}"><pic:pic xmlns:pic="${pic}">` +
    `<pic:nvPicPr><pic:cNvPr id="1" name="${esc(name)}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:` +
    `avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  );
}
