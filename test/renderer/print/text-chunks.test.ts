import { describe, expect, test } from 'vitest';
import { chunkText } from '../../../renderer/pages/print/text-chunks';
import { paginate, type MeasuredBlock } from '../../../renderer/pages/print/paginate';

describe('chunkText', () => {
  test('short text stays one piece', () => {
    expect(chunkText('一段话。')).toEqual(['一段话。']);
    expect(chunkText('')).toEqual(['']);
  });

  test('long text: every piece within the limit, nothing lost, split at paragraphs then sentences', () => {
    const para = Array.from({ length: 40 }, (_, i) => `第${i}句话说明情况。`).join('');
    const text = `${para}\n${para}\n最后一句。`;
    const pieces = chunkText(text, 100);
    expect(pieces.length).toBeGreaterThan(5);
    for (const p of pieces) expect([...p].length).toBeLessThanOrEqual(100);
    expect(pieces.join('').replace(/\n/g, '')).toBe(text.replace(/\n/g, ''));
    for (const p of pieces.slice(0, -1)) expect(p).toMatch(/[。\n]$|。$/u);
    expect(pieces.at(-1)).toContain('最后一句。');
  });

  test('a sentence longer than a piece is cut hard', () => {
    const s = '字'.repeat(250);
    expect(chunkText(s, 100).map((p) => p.length)).toEqual([100, 100, 50]);
  });
});

describe('paginate', () => {
  test('continuation rows of a long entry fill several pages, each page repeating the header', () => {
    const blocks: MeasuredBlock[] = [
      { kind: 'flow', height: 40, keepWithNext: true },
      ...Array.from({ length: 10 }, () => ({ kind: 'row' as const, height: 300, table: 't' })),
    ];
    const pages = paginate(blocks, new Map([['t', 30]]), 800);
    expect(pages.flat()).toEqual(blocks.map((_, i) => i));
    expect(pages.length).toBe(5);
    // Heading and first row together; no page over its height including the repeated header.
    expect(pages[0]!.slice(0, 2)).toEqual([0, 1]);
    for (const p of pages) expect(p.reduce((s, i) => s + blocks[i]!.height, 0) + 30).toBeLessThanOrEqual(800 + 40);
  });
});
