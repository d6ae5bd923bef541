// Fitting text into a fixed cell of the 任免审批表: line breaking with an estimate of glyph widths, the largest type
// size (within the form's limits) at which all lines fit, and, when none does, the lines that go to the 续页.

/** One laid-out line: its text and how far it starts in from the cell's padding (the 简历's hanging indent). */
export interface FitLine {
  readonly text: string;
  readonly indentMm: number;
}

export interface FitResult {
  readonly sizePt: number;
  readonly lines: readonly FitLine[];
  /** Lines that did not fit even at the smallest size: printed on the 续页, never clipped. */
  readonly overflow: readonly FitLine[];
}

export interface FitOptions {
  /** Type sizes to try, largest first; the last is the smallest the form allows for the cell. */
  readonly sizes: readonly number[];
  /** Inner width and height (mm), padding already taken off. */
  readonly width: number;
  readonly height: number;
  /** 简历: wrapped lines of a period start under its text, after the dates. */
  readonly hanging?: boolean;
  /** Lines kept free at the end when there is overflow (the “（接续页）” note). */
  readonly reserveOnOverflow?: number;
}

export const PT_MM = 25.4 / 72;
/** Line pitch as a multiple of the type size. */
export const LINE_FACTOR = 1.3;

/**
 * A glyph's advance in ems. CJK and full-width forms are one em in every CJK font; Latin letters, digits and
 * punctuation are proportional, at most about 0.6 em in the 宋体/仿宋 substitutes (Noto Serif CJK's Latin is
 * narrower): estimating 0.6 keeps a line from ever running wider than the cell.
 */
export function glyphEm(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c === 0x20) return 0.35;
  if (c < 0x2000) return 0.6;
  return 1;
}

export const textEm = (s: string): number => [...s].reduce((w, ch) => w + glyphEm(ch), 0);

export const lineHeightMm = (sizePt: number): number => sizePt * PT_MM * LINE_FACTOR;

// A 简历 period: “1993.09--1997.07  ” (dates, a dash, an open end allowed), after which its text starts.
const PERIOD_PREFIX = /^(\d{4}[.．]\d{1,2}\s*[-－—~～]{1,2}\s*(?:\d{4}[.．]\d{1,2})?\s*)/u;

const NO_LINE_START = '、，。；：？！）》」』”’,.;:?!)';

/** Breaks one paragraph into lines no wider than `width` mm at `sizePt`; CJK text may break between any characters. */
export function wrapParagraph(text: string, sizePt: number, width: number, hanging: boolean): FitLine[] {
  const em = sizePt * PT_MM;
  const prefix = hanging ? (PERIOD_PREFIX.exec(text)?.[1] ?? '') : '';
  const indent = prefix && textEm(prefix) * em < width / 2 ? textEm(prefix) * em : 0;
  const out: FitLine[] = [];
  let cur = '';
  let curW = 0;
  let avail = width;
  for (const ch of text) {
    const w = glyphEm(ch) * em;
    if (curW + w > avail && cur !== '') {
      // A line never starts with closing punctuation (、，。）…): the character before it moves down with it.
      const chars = [...cur];
      const carry = NO_LINE_START.includes(ch) && chars.length > 1 ? (chars.pop() ?? '') : '';
      out.push({ text: chars.join(''), indentMm: out.length === 0 ? 0 : indent });
      avail = width - indent;
      // A wrapped line does not start with the space it broke at.
      cur = ch === ' ' ? carry : carry + ch;
      curW = textEm(cur) * em;
      continue;
    }
    cur += ch;
    curW += w;
  }
  out.push({ text: cur, indentMm: out.length === 0 ? 0 : indent });
  return out;
}

export function wrapText(text: string, sizePt: number, width: number, hanging = false): FitLine[] {
  const paras = text.replace(/\r\n?/g, '\n').replace(/\t/g, '  ').split('\n');
  // Trailing empty lines take room without saying anything.
  while (paras.length > 1 && paras.at(-1)?.trim() === '') paras.pop();
  return paras.flatMap((p) => wrapParagraph(p.replace(/\s+$/u, ''), sizePt, width, hanging));
}

/** How many lines of `sizePt` a cell of `height` mm holds. */
export const linesThatFit = (sizePt: number, height: number): number =>
  Math.max(0, Math.floor((height + 1e-6) / lineHeightMm(sizePt)));

/** The largest size at which the whole text fits; if none, the smallest with what does not fit as overflow. */
export function fitText(text: string, o: FitOptions): FitResult {
  for (const size of o.sizes) {
    const lines = wrapText(text, size, o.width, o.hanging);
    if (lines.length <= linesThatFit(size, o.height)) return { sizePt: size, lines, overflow: [] };
  }
  const size = o.sizes[o.sizes.length - 1] ?? 9;
  const lines = wrapText(text, size, o.width, o.hanging);
  const keep = Math.max(0, linesThatFit(size, o.height) - (o.reserveOnOverflow ?? 0));
  return { sizePt: size, lines: lines.slice(0, keep), overflow: lines.slice(keep) };
}
