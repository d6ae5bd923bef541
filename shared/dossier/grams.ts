// The 1- and 2-character grams of a text as ASCII tokens: the index behind searches too short for trigrams.

const hex = (ch: string) => ch.codePointAt(0)!.toString(16).padStart(6, '0');

/** The token a 1- or 2-character search looks up ('u…' for one character, 'b…' for two). */
export function gramToken(text: string): string {
  const chars = [...text.toLowerCase()];
  return chars.length === 1 ? `u${hex(chars[0]!)}` : `b${hex(chars[0]!)}${hex(chars[1]!)}`;
}

/** Every distinct character and pair of adjacent characters of the text (whitespace skipped), as tokens. */
export function gramsOf(text: string | null): string {
  const chars = [...(text ?? '').toLowerCase()];
  const out = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (/\s/u.test(c)) continue;
    out.add(`u${hex(c)}`);
    const d = chars[i + 1];
    if (d !== undefined && !/\s/u.test(d)) out.add(`b${hex(c)}${hex(d)}`);
  }
  return [...out].join(' ');
}
