// 评议码 slips for a panel: ten to an A4 sheet (two columns, five rows) with dashed cut lines, each naming the
// assessment, the group and the seat. No 份号 or user watermark: a slip is handed to a rater anonymously.
import type { CodeSlip } from '../../../shared/print/types';
import './print.css';

export type { CodeSlip };

export const SLIPS_PER_PAGE = 10;

export function CodeSlips({ slips }: { slips: readonly CodeSlip[] }) {
  const sheets: CodeSlip[][] = [];
  for (let i = 0; i < slips.length; i += SLIPS_PER_PAGE) sheets.push(slips.slice(i, i + SLIPS_PER_PAGE));
  return (
    <div className="print-doc">
      {sheets.map((sheet, n) => (
        <section key={n} className="print-page slip-page" data-page={n + 1}>
          {sheet.map((s) => (
            <div key={`${s.groupName}-${s.code}`} className="slip" data-code={s.code}>
              <div className="slip-title">{s.assessmentName}</div>
              <div className="slip-group">
                {s.groupName}　{s.seatLabel}
              </div>
              <div className="slip-code">{s.code}</div>
              <div className="slip-note">凭此评议码登录测评，请妥善保管，用后交回</div>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
