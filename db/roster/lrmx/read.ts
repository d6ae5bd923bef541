// Reads one 干部任免审批表 .lrmx file (bytes from outside) into an LrmxPerson, or says in Chinese why it cannot.
import {
  LRMX_ELEMENTS,
  LRMX_FAMILY_ELEMENTS,
  type LrmxFamilyMember,
  type LrmxPerson,
  type LrmxReadResult,
} from '../../../shared/roster/lrmx-types';
import { parseXml, trimXmlSpace, type XmlElement } from '../../fs/xml';

export type { LrmxReadResult } from '../../../shared/roster/lrmx-types';

export const LRMX_MAX_BYTES = 20 * 1024 * 1024;
export const NOT_LRMX = '不是有效的任免审批表文件（.lrmx）';

/** Missing these is worth a warning; a missing 姓名 makes the file unusable. */
const IMPORTANT: ReadonlySet<keyof LrmxPerson> = new Set(['chuShengNianYue', 'shenFenZheng', 'xianRenZhiWu']);

const GB_LABELS = new Set([
  'gb18030',
  'gbk',
  'gb2312',
  'gb_2312',
  'gb_2312-80',
  'cp936',
  'ms936',
  'windows-936',
  'x-gbk',
  'euc-cn',
  'csgb2312',
  'chinese',
]);
const UTF16_LABELS = new Set(['utf-16', 'utf-16le', 'utf-16be', 'ucs-2', 'unicode']);

type Decoded = { ok: true; text: string; warnings: string[] } | { ok: false; error: string };

function decode(bytes: Uint8Array, label: string, fatal = true): string {
  return new TextDecoder(label, { fatal }).decode(bytes);
}

/**
 * Picks the encoding as XML's Appendix F does: a BOM first, then the UTF-16 shape of “<?”, then the declaration of
 * an ASCII-compatible file. Junk is refused on its first bytes, before anything is decoded.
 */
function decodeDocument(b: Uint8Array): Decoded {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return tryDecode(b, 'utf-8', false);
  if (b[0] === 0xff && b[1] === 0xfe) return tryDecode(b, 'utf-16le', false);
  if (b[0] === 0xfe && b[1] === 0xff) return tryDecode(b, 'utf-16be', false);
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return tryDecode(b, 'utf-16le', false);
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return tryDecode(b, 'utf-16be', false);

  // The first bytes of a BOM only: a file cut right at its start.
  if (
    (b.length < 3 && b[0] === 0xef && (b.length < 2 || b[1] === 0xbb)) ||
    (b.length === 1 && (b[0] === 0xff || b[0] === 0xfe))
  ) {
    return { ok: false, error: `${NOT_LRMX}：文件不完整` };
  }
  let first = 0;
  while (first < b.length && (b[first] === 0x20 || b[first] === 0x09 || b[first] === 0x0a || b[first] === 0x0d))
    first += 1;
  if (first === b.length) return { ok: false, error: '文件为空' };
  if (b[first] !== 0x3c) return { ok: false, error: NOT_LRMX };

  const head = decode(b.subarray(first, first + 1024), 'latin1', false);
  const declared = /^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(head)?.[1]?.toLowerCase();
  if (!declared || declared === 'utf-8' || declared === 'utf8' || UTF16_LABELS.has(declared)) {
    // A “utf-16” declaration on 8-bit bytes is what .NET writes when a serialised string is saved as UTF-8.
    return tryDecode(b, 'utf-8', true);
  }
  if (GB_LABELS.has(declared)) {
    // Re-saved by a UTF-8 editor without touching the declaration: real GB text is practically never valid UTF-8.
    const utf8 = hasHighBytes(b) ? tryDecode(b, 'utf-8', false) : null;
    if (utf8?.ok)
      return { ...utf8, warnings: [`文件声明为 ${declared.toUpperCase()} 编码，但内容是 UTF-8，已按 UTF-8 读取`] };
    return tryDecode(b, 'gb18030', false);
  }
  try {
    new TextDecoder(declared);
  } catch {
    return { ok: false, error: `${NOT_LRMX}：不支持文件声明的编码“${declared}”` };
  }
  return tryDecode(b, declared, false);
}

function hasHighBytes(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i += 1) if (b[i]! >= 0x80) return true;
  return false;
}

/** Whether the bytes decode once their last 1–3 bytes are left off: a file cut inside a multi-byte character. */
function cutInsideCharacter(b: Uint8Array, label: string): boolean {
  for (let k = 1; k <= 3 && k < b.length; k += 1) {
    try {
      decode(b.subarray(0, b.length - k), label);
      return true;
    } catch {
      // not yet
    }
  }
  return false;
}

const INCOMPLETE = `${NOT_LRMX}：文件不完整（在一个字符的中间截断）`;

function tryDecode(b: Uint8Array, label: string, gbFallback: boolean): Decoded {
  try {
    return { ok: true, text: decode(b, label), warnings: [] };
  } catch {
    if (cutInsideCharacter(b, label)) return { ok: false, error: INCOMPLETE };
    if (gbFallback) {
      try {
        return {
          ok: true,
          text: decode(b, 'gb18030'),
          warnings: ['文件不是有效的 UTF-8 文本，已按 GB18030 编码读取，请核对文字是否正确'],
        };
      } catch {
        if (cutInsideCharacter(b, 'gb18030')) return { ok: false, error: INCOMPLETE };
        return { ok: false, error: `${NOT_LRMX}：文件编码无法识别（既不是 UTF-8 也不是 GB18030 文本）` };
      }
    }
    return { ok: false, error: `${NOT_LRMX}：文件内容与其编码（${label.toUpperCase()}）不符，可能已损坏` };
  }
}

function firstChild(el: XmlElement, name: string, label: string, warnings: string[] | null): XmlElement | undefined {
  let found: XmlElement | undefined;
  let count = 0;
  for (const c of el.children) {
    if (c.name !== name) continue;
    count += 1;
    found ??= c;
  }
  if (count > 1 && warnings) warnings.push(`“${label}”项出现了 ${count} 次，已取第一项`);
  return found;
}

// Private-use characters (an editor's own symbols, e.g. U+E003 in 简历) show as boxes or wrong glyphs elsewhere.
const PRIVATE_USE = /[\uE000-\uF8FF]/g;

function textOf(el: XmlElement | undefined, label: string, warnings: string[]): string {
  if (!el) return '';
  if (el.children.length > 0) warnings.push(`“${label}”项中含有多余的子项，已忽略`);
  const text = trimXmlSpace(el.text);
  const privateUse = text.match(PRIVATE_USE);
  if (!privateUse) return text;
  const codes = [...new Set(privateUse)].slice(0, 5).map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase()}`);
  warnings.push(`“${label}”中含有 ${privateUse.length} 个无法通用显示的私用区字符（${codes.join('、')}），已删除`);
  return trimXmlSpace(text.replace(PRIVATE_USE, ''));
}

function familyMember(item: XmlElement, warnings: string[]): LrmxFamilyMember {
  const m: Record<string, string> = {};
  for (const f of LRMX_FAMILY_ELEMENTS)
    m[f.key] = textOf(firstChild(item, f.element, `家庭成员${f.label}`, null), `家庭成员${f.label}`, warnings);
  return m as unknown as LrmxFamilyMember;
}

/** The person from a parsed document whose root is Person. */
function personOf(root: XmlElement): LrmxReadResult {
  const warnings: string[] = [];
  const p: Record<string, unknown> = {};
  const absent = new Set<keyof LrmxPerson>();
  for (const e of LRMX_ELEMENTS) {
    const el = firstChild(root, e.element, e.label, warnings);
    if (!el) absent.add(e.key);
    if (!el && IMPORTANT.has(e.key)) warnings.push(`缺少“${e.label}”项`);
    if (e.key === 'jiaTingChengYuan') {
      p[e.key] = el ? el.children.filter((c) => c.name === 'Item').map((item) => familyMember(item, warnings)) : [];
    } else if (e.key === 'zhaoPian') {
      p[e.key] = el ? el.text.replace(/[ \t\n\r]+/g, '') : ''; // base64: whitespace is line wrapping, not data
    } else {
      p[e.key] = textOf(el, e.label, warnings);
    }
  }
  const person = p as unknown as LrmxPerson;
  if (!firstChild(root, 'XingMing', '姓名', null)) return { ok: false, error: `${NOT_LRMX}：缺少“姓名”项` };
  if (!person.xingMing) return { ok: false, error: `${NOT_LRMX}：“姓名”为空` };
  return { ok: true, person, warnings, absent };
}

function read(bytes: Uint8Array): LrmxReadResult {
  if (bytes.length === 0) return { ok: false, error: '文件为空' };
  if (bytes.length > LRMX_MAX_BYTES)
    return {
      ok: false,
      error: `文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB，上限 20 MB），不是任免审批表文件`,
    };
  const decoded = decodeDocument(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  const start = text.length - text.trimStart().length;
  if (start === text.length) return { ok: false, error: '文件为空' };
  if (text[start] !== '<') return { ok: false, error: NOT_LRMX };

  const parsed = parseXml(text);
  if (!parsed.ok) {
    return {
      ok: false,
      error: parsed.doctype
        ? `${NOT_LRMX}：${parsed.reason}`
        : `${NOT_LRMX}：XML 格式错误（第 ${parsed.line} 行：${parsed.reason}）`,
    };
  }
  if (parsed.root.name !== 'Person')
    return { ok: false, error: `${NOT_LRMX}：根元素是“${parsed.root.name}”，应为“Person”` };
  const result = personOf(parsed.root);
  return result.ok ? { ...result, warnings: [...decoded.warnings, ...parsed.warnings, ...result.warnings] } : result;
}

/**
 * Reads a .lrmx file. Never throws: every failure is `{ ok: false, error }` with a Chinese sentence. Warnings name
 * what was odd but usable (a missing 身份证号, a GB18030 file declared as UTF-8 …); mapping to a cadre adds its
 * own issues (db/roster/lrmx/map.ts).
 */
export function readLrmx(bytes: Uint8Array): LrmxReadResult {
  try {
    return read(bytes);
  } catch (e) {
    return { ok: false, error: `${NOT_LRMX}：读取时出错（${e instanceof Error ? e.message : String(e)}）` };
  }
}
