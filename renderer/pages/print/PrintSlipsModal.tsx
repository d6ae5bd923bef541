// 打印评议码条: the fresh sheet's slips shown scaled as a preview, then rendered to one PDF and saved where the user
// chooses. The plain codes go only into that file: no print register, and the job is dropped once saved.
import { useMemo, useState } from 'react';
import { App as AntApp, Alert, Button, Modal, Space, Typography } from 'antd';
import type { PanelCodeSheet } from '../../../shared/assessment/panel';
import { call, errorMessage } from '../../lib/api';
import { CodeSlips, SLIPS_PER_PAGE } from './CodeSlips';

export function PrintSlipsModal({ sheet, onClose }: { sheet: PanelCodeSheet; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = AntApp.useApp();
  const slips = useMemo(
    () =>
      sheet.slips.map((s) => ({
        code: s.code,
        seatLabel: s.seatLabel,
        groupName: sheet.groupName,
        assessmentName: sheet.assessmentName,
      })),
    [sheet],
  );

  const exportPdf = async () => {
    setError(null);
    setBusy(true);
    try {
      const rendered = await call('print.renderSlips', {
        assessmentId: sheet.assessmentId,
        kind: sheet.kind,
        group: sheet.group,
        groupName: sheet.groupName,
        slips: sheet.slips.map((s) => ({ seatLabel: s.seatLabel, code: s.code })),
      });
      const target = await call('files.pickSave', { purpose: 'codeSlips', suggestedName: rendered.title });
      if (!target) return;
      const saved = await call('print.saveSlips', { jobId: rendered.jobId, token: target.token });
      message.success(`已保存 ${saved.fileName}：${saved.slips} 张评议码，${rendered.pages} 页`);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="打印评议码条"
      width={760}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" loading={busy} onClick={() => void exportPdf()} data-testid="slips-export">
            生成 PDF 并保存
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="slips-problem" />}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        预览：{slips.length} 张评议码，每张 A4 纸 {SLIPS_PER_PAGE}{' '}
        张，沿虚线裁开后分发。评议码条不印份号和水印，不记入打印登记。
      </Typography.Paragraph>
      <div style={{ height: 520, overflow: 'auto', background: '#e8e8e8', padding: 12 }} data-testid="slips-preview">
        <div style={{ zoom: 0.6 }}>
          <CodeSlips slips={slips} />
        </div>
      </div>
    </Modal>
  );
}
