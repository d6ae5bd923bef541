// Splits an entry's text into pieces short enough that a table row holding one always fits on a page: table rows
// never split across pages, so a long entry continues in rows of its own (at paragraphs, then sentences, then hard).

/**
 * About a sixth of a page body in the narrowest text column (the entries table's 46 % at 11 pt is ~17 characters a
 * line, ~50 lines a page): a piece is then far shorter than a page even with its row's padding and a header above.
 */
export const MAX_CHUNK_CHARS = 150;
/** The same for a text column of most of the width (a label's text, ~35 characters a line). */
export const WIDE_CHUNK_CHARS = 300;
/** Lines (paragraphs) a piece may hold: a 简历 of short one-line periods is as tall as its lines, not its characters. */
export const MAX_CHUNK_LINES = 8;

const SENTENCE_END = /(?<=[。！？；!?;])/u;

/**
 * Pieces of at most `max` characters and MAX_CHUNK_LINES paragraphs, in order, that joined with line breaks between
 * paragraphs give the text back.
 */
export function chunkText(text: string, max = MAX_CHUNK_CHARS): string[] {
  const out: string[] = [];
  let cur = '';
  let lines = 0;
  const push = () => {
    if (cur !== '') out.push(cur);
    cur = '';
    lines = 0;
  };
  for (const para of text.split('\n')) {
    // Paragraphs keep their line break when they share a piece with the one before.
    if (cur !== '' && cur.length + 1 + para.length <= max && lines < MAX_CHUNK_LINES) {
      cur += `\n${para}`;
      lines++;
      continue;
    }
    push();
    if (para.length <= max) {
      cur = para;
      lines = 1;
      continue;
    }
    for (const s of para.split(SENTENCE_END)) {
      if (cur.length + s.length <= max) {
        cur += s;
        continue;
      }
      push();
      // A sentence longer than a piece is cut hard (no line-level measuring in a table cell).
      const chars = [...s];
      for (let i = 0; i < chars.length; i += max) {
        cur = chars.slice(i, i + max).join('');
        if (i + max < chars.length) push();
      }
    }
  }
  push();
  return out.length > 0 ? out : [''];
}
