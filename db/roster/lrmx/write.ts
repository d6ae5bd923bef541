// Writes an LrmxPerson as a .lrmx file the national 任免审批表 editor opens: the samples' layout, UTF-8.
import {
  LRMX_ELEMENTS,
  LRMX_FAMILY_ELEMENTS,
  LRMX_PERSON_NAMESPACES,
  type LrmxPerson,
} from '../../../shared/roster/lrmx-types';

// CR is written as a reference (a reader turns a raw CR into LF); characters XML 1.0 cannot hold at all (other
// control characters, U+FFFE/U+FFFF, lone surrogates) are dropped.
const NEEDS_ESCAPE =
  /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

export const escapeXmlText = (s: string): string => s.replace(NEEDS_ESCAPE, (c) => ESCAPES[c] ?? '');

const leaf = (indent: string, element: string, value: string | undefined): string =>
  value ? `${indent}<${element}>${escapeXmlText(value)}</${element}>` : `${indent}<${element} />`;

/**
 * The file bytes: XML declaration, `Person` with the editor's xmlns attributes, elements in the samples' order, CRLF
 * between elements (text keeps its own \n).
 */
export function writeLrmx(person: LrmxPerson): Buffer {
  const attrs = Object.entries(LRMX_PERSON_NAMESPACES)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<Person${attrs}>`];
  for (const e of LRMX_ELEMENTS) {
    if (e.key === 'jiaTingChengYuan') {
      const items = person.jiaTingChengYuan ?? [];
      if (items.length === 0) {
        lines.push(`  <${e.element} />`);
        continue;
      }
      lines.push(`  <${e.element}>`);
      for (const item of items) {
        lines.push('    <Item>');
        for (const f of LRMX_FAMILY_ELEMENTS) lines.push(leaf('      ', f.element, item[f.key]));
        lines.push('    </Item>');
      }
      lines.push(`  </${e.element}>`);
    } else {
      lines.push(leaf('  ', e.element, person[e.key]));
    }
  }
  lines.push('</Person>', '');
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
