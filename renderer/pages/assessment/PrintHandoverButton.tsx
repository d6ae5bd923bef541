// 打印交接单: the 评议终端包 交接单 (with the password shown once) rendered to PDF and saved where the clerk chooses.
import { useState } from 'react';
import { App as AntApp, Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { call, errorMessage } from '../../lib/api';
import { testId } from '../../lib/test-id';

export function PrintHandoverButton({
  assessmentId,
  terminalNo,
  password,
}: {
  assessmentId: number;
  terminalNo: number;
  password: string;
}) {
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const print = async () => {
    setBusy(true);
    try {
      const rendered = await call('print.renderHandover', { assessmentId, terminalNo, password });
      const target = await call('files.pickSave', { purpose: 'terminalHandover', suggestedName: rendered.title });
      if (!target) return;
      const saved = await call('print.saveHandover', { jobId: rendered.jobId, token: target.token });
      message.success(`已保存交接单 ${saved.fileName}，请打印后由移交人和接收人签字`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<PrinterOutlined />} loading={busy} onClick={() => void print()} {...testId('handover-print')}>
      打印交接单（PDF）
    </Button>
  );
}
