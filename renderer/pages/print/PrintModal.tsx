// 打印 a document: its print view shown scaled as a preview, then N copies (each with its 份号) rendered to one PDF and
// saved where the user chooses; every copy goes into the print register. The dossier and the ranking tables use it.
import { useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, Alert, Button, Form, Input, InputNumber, Modal, Progress, Space, Spin, Typography } from 'antd';
import { LONG_DIALOG } from '../../lib/FormModal';
import { MAX_COPIES, type RenderedPrint } from '../../../shared/print/types';
import { printStepLabel } from '../../../shared/print/progress';
import { call, errorMessage } from '../../lib/api';
import { useJobProgress } from '../../lib/useJobProgress';
import type { PrintDocumentSpec } from './blocks';
import { Paginated, type Layout } from './Paginated';

/** Recipients typed one per line or separated by 、，, ; blanks are dropped. */
export const parseRecipients = (text: string): string[] =>
  text
    .split(/[\n、，,；;]+/u)
    .map((s) => s.trim())
    .filter(Boolean);

export interface PrintModalProps {
  readonly title: string;
  /** The document to preview; null while its data loads. */
  readonly doc: PrintDocumentSpec | null;
  /** Why the data could not be loaded, if it could not. */
  readonly loadError: string | null;
  /** Shown beside the spinner while the data loads (e.g. how many dossiers have arrived). */
  readonly loadingText?: string;
  /** Shown above the preview before anything is printed (unconfirmed grades, no 发文机关). */
  readonly warnings?: readonly string[];
  /** Choices of what goes into the document, beside 份数 and 领取人 (e.g. 打印意见建议). */
  readonly options?: ReactNode;
  readonly printedBy: string;
  /** `progressId` names the print's job, so the modal can follow it (jobs.status) and cancel it (jobs.cancel). */
  readonly render: (copies: number, recipients: string[], progressId: string) => Promise<RenderedPrint>;
  readonly onClose: () => void;
}

export function PrintModal({
  title,
  doc,
  loadError,
  loadingText,
  warnings = [],
  options,
  printedBy,
  render,
  onClose,
}: PrintModalProps) {
  const [layout, setLayout] = useState<Layout | null>(null);
  const [copies, setCopies] = useState<number | null>(1);
  const [recipients, setRecipients] = useState('');
  const [busy, setBusy] = useState(false);
  const [progressId, setProgressId] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const progress = useJobProgress(progressId, progressId !== null, 200);
  const [error, setError] = useState<string | null>(null);
  const { message } = AntApp.useApp();
  // The preview shows one copy; its 份号 is only a sample until the file is made.
  const sample = useMemo(() => [{ serial: '000', recipient: '' }], []);

  const exportPdf = async () => {
    setError(null);
    if (!doc) return;
    const list = parseRecipients(recipients);
    if (!copies) return setError('请填写份数');
    setBusy(true);
    const id = crypto.randomUUID();
    setProgressId(id);
    let rendered: RenderedPrint;
    try {
      rendered = await render(copies, list, id);
    } catch (e) {
      if ((e as { code?: string }).code === 'CANCELLED') message.info('已取消生成，没有写入任何文件');
      else setError(errorMessage(e));
      return setBusy(false);
    } finally {
      setProgressId(null);
      setCancelling(false);
    }
    try {
      const target = await call('files.pickSave', {
        purpose: 'printPdf',
        suggestedName: `${rendered.title}（${copies}份）`,
      });
      if (!target) return;
      const saved = await call('print.save', { jobId: rendered.jobId, token: target.token });
      message.success(
        `已保存 ${saved.fileName}：${rendered.pages} 页，份号 ${saved.serials[0]}–${saved.serials.at(-1)}，已记入打印登记`,
      );
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const shown = error ?? loadError;

  const cancel = async () => {
    if (!progressId) return;
    setCancelling(true);
    try {
      await call('jobs.cancel', { jobId: progressId });
    } catch {
      // The print may have just finished (its job is gone): then there is nothing to cancel.
    }
  };

  return (
    <Modal
      {...LONG_DIALOG}
      open
      title={title}
      width={900}
      onCancel={onClose}
      maskClosable={!busy}
      closable={!busy}
      footer={
        <Space>
          {progressId && (
            <Button danger loading={cancelling} onClick={() => void cancel()} data-testid="print-cancel">
              取消生成
            </Button>
          )}
          <Button onClick={onClose} disabled={busy}>
            关闭
          </Button>
          <Button
            type="primary"
            loading={busy}
            disabled={!layout}
            onClick={() => void exportPdf()}
            data-testid="print-export"
          >
            生成 PDF 并保存
          </Button>
        </Space>
      }
    >
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label="份数" required>
          <InputNumber
            min={1}
            max={MAX_COPIES}
            precision={0}
            value={copies}
            onChange={setCopies}
            data-testid="print-copies"
          />
        </Form.Item>
        <Form.Item label="领取人" style={{ flex: 1 }}>
          <Input
            value={recipients}
            onChange={(e) => setRecipients(e.target.value)}
            placeholder="按份号顺序填写，用顿号分隔，可不填"
            data-testid="print-recipients"
          />
        </Form.Item>
        {options}
      </Form>
      {shown && <Alert type="error" showIcon message={shown} style={{ marginBottom: 12 }} />}
      {warnings.map((w) => (
        <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 8 }} data-testid="print-warning" />
      ))}
      {progressId && (
        <div style={{ marginBottom: 12 }} data-testid="print-progress">
          <Progress percent={progress.percent} size="small" status="active" />
          <Typography.Text type="secondary">{cancelling ? '正在取消…' : printStepLabel(progress)}</Typography.Text>
        </div>
      )}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {layout
          ? `预览：每份 ${layout.pages.length} 页，A4。份号在保存时按打印登记顺延编号，每页都印有份号和水印。`
          : '正在排版…'}
      </Typography.Paragraph>
      <div style={{ height: 560, overflow: 'auto', background: '#e8e8e8', padding: 12 }} data-testid="print-preview">
        {!doc ? (
          <Space>
            <Spin />
            {loadingText && <span data-testid="print-loading">{loadingText}</span>}
          </Space>
        ) : (
          <div style={{ zoom: 0.55 }}>
            <Paginated doc={doc} copies={sample} printedBy={printedBy} onLaid={setLayout} screen />
          </div>
        )}
      </div>
    </Modal>
  );
}
