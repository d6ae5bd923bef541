// 打印干部任免审批表 for one cadre or a chosen set: the 计算年龄时间, a preview of the sheets as they will print
// (shared/renmian/sheets.ts, drawn by the print view's own component), then the PDF saved where the user chooses.
import { useState } from 'react';
import { App as AntApp, Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import type { LrmxPerson } from '../../../shared/roster/lrmx-types';
import type { RenderedPrint } from '../../../shared/print/types';
import { call, errorMessage } from '../../lib/api';
import { LONG_DIALOG } from '../../lib/FormModal';
import { saveWithDialog } from '../../lib/save-file';
import { RenmianDocument } from '../print/RenmianDocument';

export function PrintRenmianModal({
  cadreIds,
  names,
  onClose,
}: {
  cadreIds: readonly number[];
  /** The cadres' names, for the dialog's title. */
  names: readonly string[];
  onClose: () => void;
}) {
  const [ageAt, setAgeAt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rendered, setRendered] = useState<{ print: RenderedPrint; persons: readonly LrmxPerson[] } | null>(null);
  const { message } = AntApp.useApp();

  const render = async () => {
    setError(null);
    setBusy(true);
    try {
      const print = await call('print.renderRenmian', {
        cadreIds: [...cadreIds],
        ...(ageAt.trim() ? { ageAt: ageAt.trim() } : {}),
      });
      const job = await call('print.job', { jobId: print.jobId });
      setRendered({ print, persons: job.kind === 'renmian' ? job.persons : [] });
    } catch (e) {
      setError(errorMessage(e));
      setRendered(null);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!rendered) return;
    const r = await saveWithDialog(
      'printPdf',
      rendered.print.title,
      (token) => call('print.save', { jobId: rendered.print.jobId, token }),
      message,
      (done) => `已保存 ${done.fileName}`,
    );
    if (r) onClose();
  };

  const who = names.length <= 3 ? names.join('、') : `${names.slice(0, 3).join('、')}等 ${names.length} 人`;
  return (
    <Modal
      open
      width={900}
      {...LONG_DIALOG}
      title={`打印干部任免审批表：${who}`}
      onCancel={onClose}
      data-testid="renmian-print"
      footer={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button onClick={() => void render()} loading={busy} data-testid="renmian-render">
            {rendered ? '重新生成' : '生成预览'}
          </Button>
          <Button type="primary" disabled={!rendered || busy} onClick={() => void save()} data-testid="renmian-save">
            保存 PDF
          </Button>
        </Space>
      }
    >
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item
          label="计算年龄时间"
          extra="留空则按各人最近一次任免事项的计算年龄时间；没有任免事项的按本月"
          validateStatus={error?.includes('计算年龄时间') ? 'error' : undefined}
        >
          <Input
            value={ageAt}
            onChange={(e) => {
              setAgeAt(e.target.value);
              setRendered(null);
            }}
            placeholder="如 2026-03"
            style={{ width: 140 }}
            data-testid="renmian-age-at"
          />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      {rendered ? (
        <>
          <Typography.Paragraph data-testid="renmian-summary">
            共 {rendered.persons.length} 人，{rendered.print.pages} 页（A4，每人两页，内容超出表格时附续页）。
          </Typography.Paragraph>
          <div className="rm-preview" style={{ background: '#f0f0f0', padding: 12, zoom: 0.5 }}>
            <div className="print-screen">
              <RenmianDocument persons={rendered.persons} />
            </div>
          </div>
        </>
      ) : (
        <Typography.Paragraph type="secondary">
          按全国干部任免审批表格式打印：A4
          纸，每人两页，表格与行高固定；简历或家庭成员过多时先缩小字号，仍放不下的内容接续页打印。
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
