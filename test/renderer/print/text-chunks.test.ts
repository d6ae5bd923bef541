import { describe, expect, test } from 'vitest';
import { chunkText, MAX_CHUNK_LINES } from '../../../renderer/pages/print/text-chunks';
import {
  paginate,
  SLICE_OVERLAP_PX,
  sliceOffsets,
  sliceStarts,
  type MeasuredBlock,
} from '../../../renderer/pages/print/paginate';

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

describe('chunkText lines', () => {
  test('many short lines (a 简历) go at most MAX_CHUNK_LINES to a piece, every line kept in order', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `${2000 + i}.01--${2001 + i}.01　某职务`);
    const pieces = chunkText(lines.join('\n'), 300);
    for (const p of pieces) expect(p.split('\n').length).toBeLessThanOrEqual(MAX_CHUNK_LINES);
    expect(pieces.join('\n').split('\n')).toEqual(lines);
  });
});

describe('paginate, blocks taller than a page', () => {
  test('a block taller than a page is shown in slices on pages of its own, overlapping by a line', () => {
    const blocks: MeasuredBlock[] = [
      { kind: 'flow', height: 100 },
      { kind: 'flow', height: 40, keepWithNext: true },
      { kind: 'flow', height: 2000 },
      { kind: 'flow', height: 100 },
    ];
    const pages = paginate(blocks, new Map(), 800);
    // The heading stays with what was before: the tall block starts a page, then three slices, then the rest.
    expect(pages).toEqual([[0, 1], [2], [2], [2], [3]]);
    // Each slice page starts a page less the overlap further into the block; other pages are not slices.
    expect(sliceStarts(pages, 800)).toEqual({ 1: 0, 2: 800 - SLICE_OVERLAP_PX, 3: 2 * (800 - SLICE_OVERLAP_PX) });
    expect(sliceOffsets(2000, 800)).toEqual([0, 800 - SLICE_OVERLAP_PX, 2 * (800 - SLICE_OVERLAP_PX)]);
    // The last slice reaches the block's end; one less would not.
    const last = sliceOffsets(2000, 800).at(-1)!;
    expect(last + 800).toBeGreaterThanOrEqual(2000);
    expect(last - (800 - SLICE_OVERLAP_PX) + 800).toBeLessThan(2000);
    expect(sliceOffsets(800, 800)).toEqual([0]);
  });

  test('a table row taller than a page, with its header, is sliced too', () => {
    const pages = paginate(
      [
        { kind: 'row', height: 790, table: 't' },
        { kind: 'row', height: 50, table: 't' },
      ],
      new Map([['t', 30]]),
      800,
    );
    expect(pages).toEqual([[0], [0], [1]]);
  });
});
