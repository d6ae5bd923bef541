// One A4 sheet: the 份号 and the secrecy marking in the top margin, the light diagonal watermark, the "— N —" number.
import type { ReactNode } from 'react';

export interface PrintPageProps {
  readonly serial: string;
  readonly printedBy: string;
  readonly number: number;
  /** Position among all the sheets of the print (every copy's pages in turn). */
  readonly sheet?: number;
  /** Drawn empty (a preview page scrolled far out of view): the same sheet, without its content. */
  readonly blank?: boolean;
  /** The audit log's head at print time (排名表, 审议材料), printed under the page number as an anchor on paper. */
  readonly auditHead?: { readonly count: number; readonly digest: string } | undefined;
  readonly children: ReactNode;
}

// Inside the type area, clear of the header and footer lines.
const WATERMARK_SPOTS = [
  [12, 20],
  [52, 32],
  [14, 46],
  [54, 58],
  [12, 70],
  [52, 80],
] as const;

export function PrintPage({ serial, printedBy, number, sheet, blank, auditHead, children }: PrintPageProps) {
  const mark = `份号 ${serial}　${printedBy}`;
  if (blank) return <section className="print-page" data-serial={serial} data-page={number} data-sheet={sheet} />;
  return (
    <section className="print-page" data-serial={serial} data-page={number} data-sheet={sheet}>
      <div className="pp-serial">份号：{serial}</div>
      <div className="pp-secret">内部资料 注意保密</div>
      <div className="pp-body">{children}</div>
      <div className="pp-watermark" aria-hidden>
        {WATERMARK_SPOTS.map(([x, y]) => (
          <span key={`${x}-${y}`} style={{ left: `${x}%`, top: `${y}%` }}>
            {mark}
          </span>
        ))}
      </div>
      <div className={`pp-footer ${number % 2 === 1 ? 'odd' : 'even'}`}>— {number} —</div>
      {auditHead ? (
        <div className="pp-audit">
          审计序号 {auditHead.count}　日志摘要 {auditHead.digest}
        </div>
      ) : null}
    </section>
  );
}
