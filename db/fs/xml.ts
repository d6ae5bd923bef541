// The one XML reader for files from outside (.lrmx, the parts of a .docx): strict, small; elements, attributes,
// text, CDATA, comments and PIs; no DTD at all.
//
// Why not fast-xml-parser (5.12): it accepts truncated and mis-nested documents without complaint (a cut-off file
// would half-import), and it decodes numeric character references only in its HTML mode. The files come from
// outside, so this reader refuses any DOCTYPE (no entity can be declared, so none can be expanded or fetched),
// knows only XML's five entities and character references, and reports the line of the first error.
// It runs in one pass without recursion or backtracking regexes, so junk or huge input fails fast.
//
// Structure is strict, characters are forgiving, because real writers put these in text (each reported as a warning):
// a vertical tab (Word's manual line break, raw or &#11;) is read as a line break; other C0 controls are dropped;
// a non-BMP character written as two surrogate references (&#55362;&#57271;, as commons-lang 2 writes) is joined;
// a lone surrogate reference is dropped (it cannot be a character). Anywhere outside text they stay errors.
// A document cut off anywhere says 文件不完整, whatever construct the cut falls in.

export interface XmlElement {
  readonly name: string;
  /** Attribute values, decoded (a Map: a hostile name such as __proto__ is only a key). */
  readonly attributes: Map<string, string>;
  readonly children: XmlElement[];
  /** Direct character data (text and CDATA) with entities decoded and line ends normalised to \n. */
  text: string;
}

export type XmlParseResult =
  | { readonly ok: true; readonly root: XmlElement; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reason: string; readonly line: number; readonly doctype: boolean };

const MAX_DEPTH = 64;
const NAME = /[A-Za-z_:\u00C0-\uFFFF][A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]*/y;
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/y;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
// In character data: a reference start, or a character XML 1.0 does not allow (TextDecoder never yields lone
// surrogates: it substitutes U+FFFD).
const TEXT_SPECIAL = /[&\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const INCOMPLETE = '文件不完整';

class XmlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly pos: number,
    readonly doctype = false,
  ) {
    super(reason);
  }
}

const isXmlSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isXmlChar = (cp: number) =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  (cp >= 0x10000 && cp <= 0x10ffff);

/** Removes XML whitespace (space, tab, CR, LF) at both ends; a loop, not a regex, so long runs cost nothing. */
export function trimXmlSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isXmlSpace(s.charCodeAt(start))) start += 1;
  while (end > start && isXmlSpace(s.charCodeAt(end - 1))) end -= 1;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

function lineAt(s: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < s.length; i += 1) if (s.charCodeAt(i) === 0x0a) line += 1;
  return line;
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
const MAX_LINES_SHOWN = 5;

/** Characters fixed up in text, grouped by kind, each with the lines it was on (lines counted forward, once). */
class CharNotes {
  private readonly byKind = new Map<string, { message: (lines: string) => string; lines: number[] }>();
  private linePos = 0;
  private line = 1;

  constructor(private readonly s: string) {}

  private lineOf(pos: number): number {
    if (pos < this.linePos) {
      this.linePos = 0;
      this.line = 1;
    }
    for (let i = this.linePos; i < pos && i < this.s.length; i += 1) if (this.s.charCodeAt(i) === 0x0a) this.line += 1;
    this.linePos = pos;
    return this.line;
  }

  add(kind: string, pos: number, message: (lines: string) => string): void {
    const line = this.lineOf(pos);
    const entry = this.byKind.get(kind) ?? { message, lines: [] };
    this.byKind.set(kind, entry);
    if (entry.lines.at(-1) !== line && entry.lines.length <= MAX_LINES_SHOWN) entry.lines.push(line);
  }

  warnings(): string[] {
    return [...this.byKind.values()].map(({ message, lines }) => {
      const shown = lines.slice(0, MAX_LINES_SHOWN).join('、');
      return message(`第 ${shown}${lines.length > MAX_LINES_SHOWN ? ' 等' : ''} 行`);
    });
  }
}

/** A code point found in text (raw or referenced) that XML does not allow: what to put instead, noted. */
function fixChar(cp: number, pos: number, notes: CharNotes): string {
  if (cp === 0x0b) {
    notes.add('vt', pos, (lines) => `${lines}含有垂直制表符（U+000B，Word 的手动换行符），已按换行读取`);
    return '\n';
  }
  if (cp < 0x20) {
    notes.add(`c0-${cp}`, pos, (lines) => `${lines}含有控制字符 ${hex(cp)}，已删除`);
    return '';
  }
  throw new XmlSyntaxError(`含有 XML 不允许的字符（${hex(cp)}）`, pos);
}

/**
 * Character data: decodes the five predefined entities and character references (anything else is an error),
 * and fixes the characters real writers produce (see the header) in one scan.
 */
function decodeText(raw: string, at: number, notes: CharNotes, references = true): string {
  TEXT_SPECIAL.lastIndex = 0;
  let hit = TEXT_SPECIAL.exec(raw);
  if (!hit) return raw;
  let out = '';
  let from = 0;
  while (hit) {
    const j = hit.index;
    out += raw.slice(from, j);
    if (raw[j] !== '&') {
      out += fixChar(raw.charCodeAt(j), at + j, notes);
      from = j + 1;
    } else if (!references) {
      out += '&'; // CDATA: no references in it
      from = j + 1;
    } else {
      const ref = reference(raw, j, at);
      from = j + ref.length;
      if (ref.cp === null) out += ref.text;
      else if (ref.cp >= 0xd800 && ref.cp <= 0xdbff) {
        const low = /^&#/.test(raw.slice(from, from + 2)) ? reference(raw, from, at) : null;
        if (low?.cp !== undefined && low.cp !== null && low.cp >= 0xdc00 && low.cp <= 0xdfff) {
          out += String.fromCharCode(ref.cp, low.cp);
          from += low.length;
        } else out += loneSurrogate(ref.text, at + j, notes);
      } else if (ref.cp >= 0xdc00 && ref.cp <= 0xdfff) out += loneSurrogate(ref.text, at + j, notes);
      else out += isXmlChar(ref.cp) ? String.fromCodePoint(ref.cp) : fixChar(ref.cp, at + j, notes);
    }
    TEXT_SPECIAL.lastIndex = from;
    hit = TEXT_SPECIAL.exec(raw);
  }
  return out + raw.slice(from);
}

function loneSurrogate(written: string, pos: number, notes: CharNotes): string {
  notes.add('surrogate', pos, (lines) => `${lines}含有不成对的代理项字符引用（如“${written}”），不能组成字符，已删除`);
  return '';
}

/** The reference at raw[j] ('&'): its code point, or for a predefined entity its text (cp null). */
function reference(raw: string, j: number, at: number): { cp: number | null; text: string; length: number } {
  REFERENCE.lastIndex = j;
  const m = REFERENCE.exec(raw);
  if (!m) {
    const shown = raw.slice(j, Math.min(raw.length, j + 12)).split(/[\s<]/)[0];
    throw new XmlSyntaxError(`无法识别的实体引用“${shown}”（“&”须写作“&amp;”）`, at + j);
  }
  if (m[1]) return { cp: null, text: PREDEFINED[m[1]]!, length: m[0].length };
  const cp = m[2] !== undefined ? Number.parseInt(m[2], 10) : Number.parseInt(m[3]!, 16);
  if (cp > 0x10ffff) throw new XmlSyntaxError(`字符引用“${m[0]}”不是合法的 XML 字符`, at + j);
  return { cp, text: m[0], length: m[0].length };
}

/** Parses a whole document (already decoded to a string). Never throws. */
export function parseXml(input: string): XmlParseResult {
  // XML 2.11: every CR LF and lone CR is read as LF (a CR survives only as &#13;).
  const s = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  try {
    const notes = new CharNotes(s);
    const root = new Reader(s, notes).document();
    return { ok: true, root, warnings: notes.warnings() };
  } catch (e) {
    if (e instanceof XmlSyntaxError) return { ok: false, reason: e.reason, line: lineAt(s, e.pos), doctype: e.doctype };
    throw e;
  }
}

class Reader {
  private i = 0;

  constructor(
    private readonly s: string,
    private readonly notes: CharNotes,
  ) {}

  /** Fails with 文件不完整 when the input ends at `at` (a cut-off file), else with `reason`. */
  private fail(reason: string, at: number, cutReason = `${reason}（${INCOMPLETE}）`): never {
    throw new XmlSyntaxError(at >= this.s.length ? cutReason : reason, at);
  }

  document(): XmlElement {
    const s = this.s;
    if (s.startsWith('<?xml') && (s.length === 5 || isXmlSpace(s.charCodeAt(5)))) {
      const end = s.indexOf('?>', 5);
      if (end < 0) throw new XmlSyntaxError(`XML 声明没有结束（${INCOMPLETE}）`, 0);
      this.i = end + 2;
    }
    this.misc();
    if (this.i >= s.length) throw new XmlSyntaxError(`没有根元素（${INCOMPLETE}）`, this.i);
    if (s[this.i] !== '<') throw new XmlSyntaxError('根元素之前有多余的文字', this.i);
    const root = this.element();
    this.misc();
    if (this.i < s.length) throw new XmlSyntaxError('根元素结束之后还有多余的内容', this.i);
    return root;
  }

  /** Whitespace, comments and PIs outside the root; a DOCTYPE is refused here. */
  private misc(): void {
    const s = this.s;
    for (;;) {
      while (this.i < s.length && isXmlSpace(s.charCodeAt(this.i))) this.i += 1;
      if (s.startsWith('<!--', this.i)) this.comment();
      else if (s.startsWith('<?', this.i)) this.pi();
      else if (s.startsWith('<!DOCTYPE', this.i) || s.startsWith('<!doctype', this.i)) {
        throw new XmlSyntaxError('文件含有 DOCTYPE 声明（可定义实体），出于安全考虑不予读取', this.i, true);
      } else if (
        this.i < s.length &&
        ['<!--', '<!DOCTYPE', '<?'].some((m) => m.length > s.length - this.i && m.startsWith(s.slice(this.i)))
      ) {
        throw new XmlSyntaxError(`文件在注释或声明中截断（${INCOMPLETE}）`, this.i);
      } else return;
    }
  }

  private comment(): void {
    const end = this.s.indexOf('-->', this.i + 4);
    if (end < 0) throw new XmlSyntaxError('注释没有结束（文件不完整）', this.i);
    this.i = end + 3;
  }

  private pi(): void {
    NAME.lastIndex = this.i + 2;
    const m = NAME.exec(this.s);
    if (!m) this.fail('处理指令格式错误', this.i + 2);
    if (m[0].toLowerCase() === 'xml')
      this.fail('XML 声明只能出现在文件开头', this.i + 2 + m[0].length, `处理指令没有结束（${INCOMPLETE}）`);
    const end = this.s.indexOf('?>', this.i + 2);
    if (end < 0) throw new XmlSyntaxError('处理指令没有结束（文件不完整）', this.i);
    this.i = end + 2;
  }

  private name(): string {
    NAME.lastIndex = this.i;
    const m = NAME.exec(this.s);
    if (!m) this.fail('元素名格式错误', this.i);
    this.i += m[0].length;
    return m[0];
  }

  private skipSpace(): void {
    while (this.i < this.s.length && isXmlSpace(this.s.charCodeAt(this.i))) this.i += 1;
  }

  /** Reads a start tag at this.i ('<'); returns the element and whether it was self-closing. */
  private startTag(): { el: XmlElement; empty: boolean } {
    const s = this.s;
    this.i += 1;
    const el: XmlElement = { name: this.name(), attributes: new Map(), children: [], text: '' };
    const seen = new Set<string>();
    for (;;) {
      const before = this.i;
      this.skipSpace();
      if (this.i >= s.length) throw new XmlSyntaxError(`元素 <${el.name}> 的开始标记没有结束（文件不完整）`, before);
      if (s.startsWith('/>', this.i)) {
        this.i += 2;
        return { el, empty: true };
      }
      if (s[this.i] === '>') {
        this.i += 1;
        return { el, empty: false };
      }
      if (s[this.i] === '/') this.fail(`元素 <${el.name}> 的开始标记格式错误`, this.i + 1);
      if (this.i === before) throw new XmlSyntaxError(`元素 <${el.name}> 的属性格式错误`, this.i);
      const attr = this.name();
      if (seen.has(attr)) throw new XmlSyntaxError(`元素 <${el.name}> 的属性“${attr}”重复`, this.i);
      seen.add(attr);
      this.skipSpace();
      if (s[this.i] !== '=') this.fail(`元素 <${el.name}> 的属性“${attr}”缺少“=”`, this.i);
      this.i += 1;
      this.skipSpace();
      const quote = s[this.i];
      if (quote !== '"' && quote !== "'") this.fail(`元素 <${el.name}> 的属性“${attr}”的值缺少引号`, this.i);
      const end = s.indexOf(quote, this.i + 1);
      if (end < 0) throw new XmlSyntaxError(`元素 <${el.name}> 的属性“${attr}”的值没有结束（文件不完整）`, this.i);
      const value = s.slice(this.i + 1, end);
      if (value.includes('<')) throw new XmlSyntaxError(`元素 <${el.name}> 的属性值中不能有“<”`, this.i);
      el.attributes.set(attr, decodeText(value, this.i + 1, this.notes));
      this.i = end + 1;
    }
  }

  /** Reads the element at this.i and everything inside it, iteratively (deep nesting cannot overflow the stack). */
  private element(): XmlElement {
    const s = this.s;
    const firstAt = this.i;
    const first = this.startTag();
    if (first.empty) return first.el;
    const stack: XmlElement[] = [first.el];
    const openedAt: number[] = [firstAt]; // where each open element starts, to name its line when it never ends
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const lt = s.indexOf('<', this.i);
      if (lt < 0)
        throw new XmlSyntaxError(`元素 <${top.name}> 没有结束标记（文件不完整）`, openedAt[openedAt.length - 1]!);
      if (lt > this.i) {
        const raw = s.slice(this.i, lt);
        if (raw.includes(']]>')) throw new XmlSyntaxError('文字中不能出现“]]>”', this.i);
        top.text += decodeText(raw, this.i, this.notes);
      }
      this.i = lt;
      if (s.startsWith('</', lt)) {
        this.i += 2;
        const name = this.name();
        this.skipSpace();
        if (s[this.i] !== '>') this.fail(`结束标记 </${name}> 格式错误`, this.i);
        if (name !== top.name) throw new XmlSyntaxError(`结束标记 </${name}> 与开始标记 <${top.name}> 不匹配`, lt);
        this.i += 1;
        stack.pop();
        openedAt.pop();
      } else if (s.startsWith('<!--', lt)) this.comment();
      else if (s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlSyntaxError('CDATA 段没有结束（文件不完整）', lt);
        top.text += decodeText(s.slice(lt + 9, end), lt + 9, this.notes, false);
        this.i = end + 3;
      } else if (s.startsWith('<?', lt)) this.pi();
      else if (s.startsWith('<!', lt)) {
        // “<!-” or “<![CDA” at the very end is a comment or CDATA section cut off.
        const rest = s.slice(lt);
        if ('<!--'.startsWith(rest) || '<![CDATA['.startsWith(rest))
          throw new XmlSyntaxError(`注释或 CDATA 段没有结束（${INCOMPLETE}）`, lt);
        throw new XmlSyntaxError('元素内容中有不支持的声明', lt);
      } else {
        if (stack.length >= MAX_DEPTH) throw new XmlSyntaxError(`元素嵌套超过 ${MAX_DEPTH} 层`, lt);
        const child = this.startTag();
        top.children.push(child.el);
        if (!child.empty) {
          stack.push(child.el);
          openedAt.push(lt);
        }
      }
    }
    return first.el;
  }
}
