// Before 导入 of a corrected 填报表: how many still-pending rows it replaces and which pending rows it removes (the
// unit deleted them), so nobody learns it only from the message after the commit.
import { Alert, Typography } from 'antd';
import type { IntakePreview, IntakePreviewRow } from '../../../../shared/intake/types';

export function ResubmissionNotice({
  preview,
  coming,
}: {
  preview: IntakePreview;
  /** The rows the commit would take (not left out, no errors, cadre known or picked). */
  coming: readonly IntakePreviewRow[];
}) {
  const replaced = coming.filter((r) => r.outcome === 'replace');
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
        removed.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="intake-removed-rows">
            {removed.map((r) => (
              <li key={r.rowNo}>
                <Typography.Text>{`原第 ${r.rowNo} 行　${r.cadre}：${r.title}`}</Typography.Text>
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
