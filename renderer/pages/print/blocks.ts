// What a print document is made of: blocks the paginator lays into pages, and the tables rows belong to.
import type { ReactNode } from 'react';

export interface PrintBlock {
  readonly key: string;
  /** page: alone on its own page (a cover); flow: a heading, paragraph or figure; row: one table row (a <tr>). */
  readonly kind: 'page' | 'flow' | 'row';
  readonly node: ReactNode;
  readonly table?: string;
  readonly keepWithNext?: boolean;
  /** Kept on the page of the block before it (the signature lines under a table). */
  readonly keepWithPrevious?: boolean;
  readonly breakBefore?: boolean;
  /**
   * With kind 'page': a sheet that draws the whole A4 page itself (a 干部任免审批表 in the national layout, with its
   * own margins), printed as it is: no 份号, marking, watermark or page number are added around it.
   */
  readonly sheet?: boolean;
  /** Marks where a section of a packet starts (its page number goes into the table of contents). */
  readonly anchor?: string;
}

export interface PrintTable {
  /** Column widths (percentages), the same on every page so rows line up with their header. */
  readonly cols: readonly string[];
  /** The header row(s), repeated on every page the table continues on; null for a table without one. */
  readonly header: ReactNode | null;
  /** An extra class on the table (e.g. a smaller type for a wide table). */
  readonly variant?: string;
}

export interface PrintDocumentSpec {
  readonly blocks: readonly PrintBlock[];
  readonly tables: Readonly<Record<string, PrintTable>>;
}
