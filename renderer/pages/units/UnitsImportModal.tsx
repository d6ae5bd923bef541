// 从 Excel 导入单位: pick a sheet with 单位名称, 单位类别 and (optionally) 排序号; every row's problem or what it will do
// is shown first; 开始导入 writes exactly the rows left in.
import { useState } from 'react';
import { App as AntApp, Alert, Button, Checkbox, Flex, Modal, Table, Tag, Typography } from 'antd';
import { LONG_DIALOG } from '../../lib/FormModal';
import { FileExcelOutlined } from '@ant-design/icons';
import type { UnitImportPreview, UnitImportRow } from '../../../shared/roster/views';
import { call, errorMessage } from '../../lib/api';

const STATUS: Readonly<Record<UnitImportRow['status'], { color: string; label: string }>> = {
  new: { color: 'green', label: '新增' },
  update: { color: 'blue', label: '更新' },
  same: { color: 'default', label: '不变' },
  error: { color: 'red', label: '错误' },
};

export function UnitsImportModal({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { message } = AntApp.useApp();
  const [preview, setPreview] = useState<UnitImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(() => new Set());

  const pick = async () => {
    setBusy(true);
    try {
      const [file] = await call('files.pickOpen', { purpose: 'excel' });
      if (!file) return;
      setError(null);
      const p = await call('units.previewExcel', { token: file.token });
      setPreview(p);
      setExcluded(new Set(p.rows.filter((r) => r.status === 'error').map((r) => r.rowNumber)));
    } catch (e) {
      setPreview(null);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const rows = preview?.rows ?? [];
  const included = rows.filter((r) => !excluded.has(r.rowNumber));
  const created = included.filter((r) => r.status === 'new').length;
  const updated = included.filter((r) => r.status === 'update').length;
  const errors = rows.filter((r) => r.status === 'error').length;

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const r = await call('units.commitExcel', { jobId: preview.jobId, excludedRows: [...excluded] });
      message.success(`已新增 ${r.created} 个单位，更新 ${r.updated} 个单位`);
      onImported();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (r: UnitImportRow, on: boolean) =>
    setExcluded((s) => {
      const next = new Set(s);
      if (on) next.delete(r.rowNumber);
      else next.add(r.rowNumber);
      return next;
    });

  return (
    <Modal
      {...LONG_DIALOG}
      open
      title="从 Excel 导入单位"
      width={900}
      onCancel={onClose}
      mask={{ closable: false }}
      data-testid="units-import"
      footer={
        <Flex justify="space-between" align="center">
          <Typography.Text strong data-testid="units-import-plan">
            {preview
              ? `将新增 ${created} 个、更新 ${updated} 个单位${errors > 0 ? `；${errors} 行有错误，不导入` : ''}`
              : ''}
          </Typography.Text>
          <Flex gap={8}>
            <Button onClick={onClose}>关闭</Button>
            <Button
              icon={<FileExcelOutlined />}
              onClick={() => void pick()}
              loading={busy && !preview}
              data-testid="units-import-pick"
            >
              {preview ? '重新选择文件' : '选择 Excel 文件…'}
            </Button>
            <Button
              type="primary"
              disabled={!preview || created + updated === 0}
              loading={busy && preview !== null}
              onClick={() => void commit()}
              data-testid="units-import-commit"
            >
              开始导入
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">
        工作表第一行（或标题行之后）写列标题“单位名称”“单位类别”，可选“排序号”；单位类别须与“单位类别”中的名称一致。已有同名单位时只更新其类别和排序号。
      </Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="units-import-error" />
      ) : null}
      {preview ? (
        <Table<UnitImportRow>
          size="small"
          rowKey="rowNumber"
          dataSource={[...rows.filter((r) => r.status === 'error'), ...rows.filter((r) => r.status !== 'error')]}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ y: 'max(200px, calc(100vh - 420px))' }}
          data-testid="units-import-rows"
          columns={[
            {
              title: '导入',
              width: 60,
              render: (_v, r) => (
                <Checkbox
                  checked={!excluded.has(r.rowNumber)}
                  disabled={r.status === 'error' || r.status === 'same'}
                  onChange={(e) => toggle(r, e.target.checked)}
                  aria-label={`导入第 ${r.rowNumber} 行`}
                />
              ),
            },
            { title: '行号', dataIndex: 'rowNumber', width: 80, render: (n: number) => `第 ${n} 行` },
            { title: '单位名称', dataIndex: 'name', render: (v: string) => v || '—' },
            { title: '单位类别', dataIndex: 'categoryName', width: 170 },
            { title: '排序号', dataIndex: 'sort', width: 80 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 70,
              render: (s: UnitImportRow['status']) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag>,
            },
            {
              title: '问题 / 变化',
              render: (_v, r) =>
                [...r.issues, ...r.changes].map((t, i) => (
                  <div key={i}>
                    <Typography.Text type={r.issues.length > 0 ? 'danger' : 'secondary'}>{t}</Typography.Text>
                  </div>
                )),
            },
          ]}
        />
      ) : null}
    </Modal>
  );
}
