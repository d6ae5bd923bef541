// Before 导入 of a corrected 填报表: how many still-pending rows it replaces and which pending rows it removes (the
// unit deleted them) and which rows move to another cadre than the one picked before, so nobody learns it only from
// the message after the commit.
import { Alert, Typography } from 'antd';
import type { PickedOutcome } from '../../../../shared/intake/outcome';
import type { IntakePreview, IntakePreviewRow } from '../../../../shared/intake/types';

export function ResubmissionNotice({
  preview,
  coming,
  outcomeOf,
  movedOf,
}: {
  preview: IntakePreview;
  /** The rows the commit would take (not left out, no errors, cadre known or picked). */
  coming: readonly IntakePreviewRow[];
  /** What the commit does with a row, given the user's pick. */
  outcomeOf: (r: IntakePreviewRow) => PickedOutcome;
  /** “旧 → 新” when the row now goes to another cadre than before. */
  movedOf: (r: IntakePreviewRow) => string | null;
}) {
  const replaced = coming.filter((r) => outcomeOf(r) === 'replace');
  const moved = replaced.flatMap((r) => {
    const m = movedOf(r);
    return m ? [{ rowNo: r.rowNo, text: m, title: r.title }] : [];
  });
  const removed = preview.droppedRows;
  if (replaced.length === 0 && removed.length === 0) return null;
  const parts = [
    replaced.length > 0
      ? `替换 ${replaced.length} 条尚未审核的材料（第 ${replaced.map((r) => r.rowNo).join('、')} 行）`
      : '',
    removed.length > 0 ? `移除 ${removed.length} 条新表中已删去的待审核材料` : '',
  ].filter((x) => x !== '');
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="intake-resubmission"
      title={`这是重新交回的填报表，导入后将${parts.join('，')}`}
      description={
        removed.length > 0 || moved.length > 0 ? (
          <>
            {moved.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="intake-moved-rows">
                {moved.map((r) => (
                  <li key={r.rowNo}>
                    <Typography.Text>{`第 ${r.rowNo} 行“${r.title}”改记入：${r.text}`}</Typography.Text>
                  </li>
                ))}
              </ul>
            ) : null}
            {removed.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="intake-removed-rows">
                {removed.map((r) => (
                  <li key={r.rowNo}>
                    <Typography.Text>{`原第 ${r.rowNo} 行　${r.cadre}：${r.title}`}</Typography.Text>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : undefined
      }
    />
  );
}
