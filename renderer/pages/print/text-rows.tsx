// A table row with one long text cell, as rows no taller than a page: table rows never split across pages, so the
// text goes on in continuation rows of its own, drawn without a rule between them (print.css .pt-cont).
import type { ReactNode } from 'react';
import type { PrintBlock } from './blocks';
import { chunkText } from './text-chunks';

export interface TextRowSpec {
  readonly key: string;
  readonly table: string;
  /** Every cell of the first row; the one at `textAt` is replaced by `lead` and the text's first piece. */
  readonly cells: readonly ReactNode[];
  /** Each cell's class ('c' centred, 'l' a label), by position. */
  readonly classes?: readonly (string | undefined)[];
  readonly textAt: number;
  readonly text: string;
  /** Drawn above the text in the first row (an entry's title). */
  readonly lead?: ReactNode;
  /** Characters per piece: wider columns hold more (text-chunks.ts). */
  readonly maxChars?: number;
}

export function textRows({ key, table, cells, classes = [], textAt, text, lead, maxChars }: TextRowSpec): PrintBlock[] {
  const [first, ...rest] = chunkText(text, maxChars);
  const cell = (i: number, content: ReactNode) => (
    <td key={i} className={classes[i]}>
      {content}
    </td>
  );
  const head: PrintBlock = {
    key,
    kind: 'row',
    table,
    node: (
      <tr>
        {cells.map((c, i) =>
          cell(
            i,
            i === textAt ? (
              <>
                {lead}
                {first}
              </>
            ) : (
              c
            ),
          ),
        )}
      </tr>
    ),
  };
  return [
    head,
    ...rest.map((piece, n): PrintBlock => ({
      key: `${key}-c${n}`,
      kind: 'row',
      table,
      node: <tr className="pt-cont">{cells.map((_, i) => cell(i, i === textAt ? piece : null))}</tr>,
    })),
  ];
}
