// 打印档案: the dossier's print view shown scaled as a preview, then N copies (each with its 份号) rendered to one
// PDF and saved where the user chooses; every copy goes into the print register.
import { useEffect, useMemo, useState } from 'react';
import { App as AntApp, Alert, Button, Form, Input, InputNumber, Modal, Space, Spin, Typography } from 'antd';
import { MAX_COPIES } from '../../../shared/print/types';
import { call, errorMessage } from '../../lib/api';
import { loadDossierPrintData, type DossierPrintData } from './dossier-data';
import { dossierDocument } from './DossierDocument';
import { Paginated, type Layout } from './Paginated';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Recipients typed one per line or separated by 、，, ; blanks are dropped. */
export const parseRecipients = (text: string): string[] =>
  text
    .split(/[\n、，,；;]+/u)
    .map((s) => s.trim())
    .filter(Boolean);

export function PrintDossierModal({ cadreId, printedBy, onClose }: { cadreId: number; printedBy: string; onClose: () => void }) {
  const [data, setData] = useState<DossierPrintData | null>(null);
  const [layout, setLayout] = useState<Layout | null>(null);
  const [copies, setCopies] = useState<number | null>(1);
  const [recipients, setRecipients] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = AntApp.useApp();
  const date = useMemo(today, []);

  useEffect(() => {
    loadDossierPrintData(cadreId)
      .then(setData)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [cadreId]);
  const doc = useMemo(() => (data ? dossierDocument(data, date) : null), [data, date]);
  // The preview shows one copy; its 份号 is only a sample until the file is made.
  const sample = useMemo(() => [{ serial: '000', recipient: '' }], []);

  const exportPdf = async () => {
    setError(null);
    if (!data) return;
    const list = parseRecipients(recipients);
    if (!copies) return setError('请填写份数');
    setBusy(true);
    try {
      const rendered = await call('print.renderDossier', { cadreId, copies, recipients: list });
      const target = await call('files.pickSave', { purpose: 'printPdf', suggestedName: `${rendered.title}（${copies}份）` });
      if (!target) return;
      const saved = await call('print.save', { jobId: rendered.jobId, token: target.token });
      message.success(`已保存 ${saved.fileName}：${rendered.pages} 页，份号 ${saved.serials[0]}–${saved.serials.at(-1)}，已记入打印登记`);
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
      title="打印政治素质档案"
      width={900}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" loading={busy} disabled={!layout} onClick={() => void exportPdf()} data-testid="print-export">
            生成 PDF 并保存
          </Button>
        </Space>
      }
    >
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label="份数" required>
          <InputNumber min={1} max={MAX_COPIES} precision={0} value={copies} onChange={setCopies} data-testid="print-copies" />
        </Form.Item>
        <Form.Item label="领取人" style={{ flex: 1 }}>
          <Input
            value={recipients}
            onChange={(e) => setRecipients(e.target.value)}
            placeholder="按份号顺序填写，用顿号分隔，可不填"
            data-testid="print-recipients"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {layout ? `预览：每份 ${layout.pages.length} 页，A4。份号在保存时按打印登记顺延编号，每页都印有份号和水印。` : '正在排版…'}
      </Typography.Paragraph>
      <div style={{ height: 560, overflow: 'auto', background: '#e8e8e8', padding: 12 }} data-testid="print-preview">
        {!doc ? (
          <Spin />
        ) : (
          <div style={{ zoom: 0.55 }}>
            <Paginated doc={doc} copies={sample} printedBy={printedBy} onLaid={setLayout} screen />
          </div>
        )}
      </div>
    </Modal>
  );
}
