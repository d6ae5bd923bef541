// Splitting text into plain and matched parts for highlighting, and shortening it around the first match.
import type { TextPart } from './types';

/** Every occurrence of `needle` (case-insensitive) in `text`, as parts. */
export function highlightParts(text: string, needle: string): TextPart[] {
  if (!needle) return [{ text, hit: false }];
  const parts: TextPart[] = [];
  const hay = text.toLowerCase();
  const n = needle.toLowerCase();
  let from = 0;
  for (let at = hay.indexOf(n); at !== -1; at = hay.indexOf(n, at + n.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), hit: false });
    parts.push({ text: text.slice(at, at + n.length), hit: true });
    from = at + n.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), hit: false });
  return parts;
}

/** `text` cut to about `width` characters around the first match, with … where it was cut. */
export function excerptAround(text: string, needle: string, width = 80): TextPart[] {
  const flat = text.replace(/\s+/g, ' ');
  const at = flat.toLowerCase().indexOf(needle.toLowerCase());
  if (at === -1)
    return flat.length > width ? [{ text: `${flat.slice(0, width)}…`, hit: false }] : [{ text: flat, hit: false }];
  const start = Math.max(0, at - Math.floor((width - needle.length) / 2));
  const end = Math.min(flat.length, start + width);
  const parts = highlightParts(flat.slice(start, end), needle);
  if (start > 0) parts.unshift({ text: '…', hit: false });
  if (end < flat.length) parts.push({ text: '…', hit: false });
  return parts;
}
