// The A4 paginator: covers alone, rows never split, headings kept with what follows, page breaks where asked.
import { expect, test } from 'vitest';
import { paginate, type MeasuredBlock } from '../../../renderer/pages/print/paginate';

const flow = (height: number, extra: Partial<MeasuredBlock> = {}): MeasuredBlock => ({
  kind: 'flow',
  height,
  ...extra,
});
const row = (height: number, table = 't'): MeasuredBlock => ({ kind: 'row', height, table });
const headers = new Map([['t', 10]]);

test('a cover takes a page of its own; blocks fill pages up to the height, never beyond', () => {
  const blocks = [{ kind: 'page', height: 0 } as const, flow(40), flow(40), flow(40)];
  expect(paginate(blocks, headers, 100)).toEqual([[0], [1, 2], [3]]);
});

test('a table row that does not fit moves whole to the next page, where the header is counted again', () => {
  // Page 1: header 10 + rows 30 + 30 + 30 = 100; the fourth row starts page 2 with its header (10 + 30).
  const blocks = [row(30), row(30), row(30), row(30), row(50)];
  expect(paginate(blocks, headers, 100)).toEqual([
    [0, 1, 2],
    [3, 4],
  ]);
});

test('a heading chain is kept with the first row after it', () => {
  // 60 used; heading 10 + sub-heading 10 + header 10 + row 30 = 60 does not fit in the 40 left: all move on.
  const blocks = [flow(60), flow(10, { keepWithNext: true }), flow(10, { keepWithNext: true }), row(30)];
  expect(paginate(blocks, headers, 100)).toEqual([[0], [1, 2, 3]]);
});

test('breakBefore starts a new page; a block taller than a page gets pages of its own, one per slice', () => {
  // 500 px on 100 px pages, each slice repeating the 32 px overlap: offsets 0, 68, …, 408.
  expect(paginate([flow(10), flow(10, { breakBefore: true }), flow(500), flow(10)], headers, 100)).toEqual([
    [0],
    [1],
    ...Array(7).fill([2]),
    [3],
  ]);
});

test('signature lines that do not fit take the last row of their table along: never a page of signatures alone', () => {
  // Header 10 + 3 rows of 30 = 100: the signature (20) does not fit; the third row moves with it (header 10 again).
  const blocks = [
    row(30),
    row(30),
    row(30),
    flow(20, { keepWithPrevious: true }),
    flow(10, { keepWithPrevious: true }),
  ];
  expect(paginate(blocks, headers, 100)).toEqual([
    [0, 1],
    [2, 3, 4],
  ]);
});

test('keepWithPrevious never empties a page: after a block alone on its page it starts the next one', () => {
  expect(paginate([flow(95), flow(20, { keepWithPrevious: true })], headers, 100)).toEqual([[0], [1]]);
});
