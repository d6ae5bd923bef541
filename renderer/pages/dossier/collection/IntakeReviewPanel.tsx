// 填报审核: materials units and channels (纪检监察 …) returned, by quarter and unit or channel, with their attachments;
// 采纳 (as is, edited, or the selected rows at once), 退回 with a reason, and the 退回清单 of a unit or channel to go
// back with its next 填报表.
import { testId } from '../../../lib/test-id';
import { useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { Catalogs } from '../../../../shared/catalog/types';
import { quarterLabel } from '../../../../shared/dossier/quarter';
import { ENTRY_POLARITY_LABELS } from '../../../../shared/dossier/types';
import {
  INTAKE_STATUS_LABELS,
  intakeOwnerKey,
  type IntakeAttachmentMeta,
  type IntakeOwner,
  type IntakeRowView,
  type IntakeStatus,
  type IntakeUnitCounts,
} from '../../../../shared/intake/types';
import { call, errorMessage } from '../../../lib/api';
import { useCall } from '../../../lib/useCall';
import { saveWithDialog } from '../../../lib/save-file';
import { AttachmentViewer } from '../AttachmentViewer';
import { ReasonModal } from '../ReasonModal';
import { IntakeEditModal } from './IntakeEditModal';
import { IntakeGenerateDialog } from './IntakeGenerateDialog';
import { IntakeImportModal } from './IntakeImportModal';
import { IntakeOwnerName } from './IntakeOwnerName';
import { quarterOptions } from './quarters';

const STATUS_COLOR: Readonly<Record<IntakeStatus, string>> = {
  pending: 'blue',
  accepted: 'green',
  returned: 'orange',
};

const previewIntakeFile = (id: number) => call('intake.previewAttachment', { id });

const NO_COUNTS: readonly IntakeUnitCounts[] = [];

/** The list's and the 退回清单's filter for a unit or a channel. */
const ownerFilter = (o: IntakeOwner | null) =>
  o === null ? {} : o.channel === null ? { unitId: o.unitId } : { channel: o.channel };

export function IntakeReviewPanel({ catalog, refresh }: { catalog: Catalogs; refresh: number }) {
  const quarters = useMemo(quarterOptions, []);
  const [quarter, setQuarter] = useState(quarters[0]!);
  // The unit or channel whose rows are listed (a row of the counts table clicked), or null for all.
  const [owner, setOwner] = useState<IntakeOwner | null>(null);
  const [status, setStatus] = useState<IntakeStatus | null>('pending');
  const [selected, setSelected] = useState<readonly number[]>([]);
  const [viewing, setViewing] = useState<IntakeAttachmentMeta | null>(null);
  const [editing, setEditing] = useState<IntakeRowView | null>(null);
  const [returning, setReturning] = useState<readonly IntakeRowView[] | null>(null);
  const [dialog, setDialog] = useState<'generate' | 'import' | null>(null);
  const { message } = AntApp.useApp();
  const subItemName = useMemo(
    () => new Map(catalog.sections.flatMap((s) => s.subItems.map((i) => [i.code, i.name] as const))),
    [catalog],
  );

  const onError = (t: string) => message.error(t);
  const list = useCall(
    'intake.list',
    { quarter, ...ownerFilter(owner), ...(status !== null ? { status } : {}) },
    { onError, version: refresh },
  );
  const unitCounts = useCall('intake.counts', { quarter }, { onError, version: refresh });
  const rows = list.data ?? null;
  const counts = unitCounts.data ?? NO_COUNTS;
  // A selection is of the rows on screen: another list (filters, the tab shown again) starts without one.
  const ownerKey = owner === null ? null : intakeOwnerKey(owner);
  const listed = JSON.stringify([quarter, ownerKey, status, refresh]);
  const [selectedIn, setSelectedIn] = useState(listed);
  if (selectedIn !== listed) {
    setSelectedIn(listed);
    setSelected([]);
  }
  const load = () => {
    setSelected([]);
    void list.reload();
    void unitCounts.reload();
  };

  const accept = async (ids: readonly number[]) => {
    try {
      const r = await call('intake.accept', { rows: ids.map((id) => ({ id })) });
      message.success(`已采纳 ${r.accepted} 条材料，已记入干部档案`);
      load();
    } catch (e) {
      message.error({ content: errorMessage(e), duration: 8 });
    }
  };
  const unitName = counts.find((c) => intakeOwnerKey(c) === ownerKey)?.unitName ?? null;
  const exportReturned = () =>
    owner !== null &&
    void saveWithDialog(
      'intakeReturned',
      `${quarterLabel(quarter)}${unitName ?? ''}退回清单`,
      (token) => call('intake.exportReturned', { quarter, ...ownerFilter(owner), token }),
      message,
      (r) => `已导出 ${r.rows} 条退回材料到 ${r.fileName}`,
    );
  const pendingSelected = (rows ?? []).filter((r) => selected.includes(r.id) && r.status === 'pending');

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="intake-review">
      <Card size="small">
        <Space wrap>
          <Select
            value={quarter}
            style={{ width: 170 }}
            options={quarters.map((q) => ({ value: q, label: quarterLabel(q) }))}
            onChange={(q) => {
              setQuarter(q);
              setOwner(null);
            }}
            data-testid="intake-quarter"
          />
          <Button onClick={() => setDialog('generate')} data-testid="intake-open-generate">
            生成填报表…
          </Button>
          <Button type="primary" onClick={() => setDialog('import')} data-testid="intake-open-import">
            导入填报表…
          </Button>
          <Typography.Text type="secondary">
            单位交回的材料先为“待审核”，采纳后才计入干部档案、政治画像和季度采集。
          </Typography.Text>
        </Space>
      </Card>
      <Card size="small" title={`各单位、各渠道填报情况（${quarterLabel(quarter)}，点击一行只看该单位或渠道）`}>
        <Table<IntakeUnitCounts>
          size="small"
          rowKey={intakeOwnerKey}
          dataSource={counts as IntakeUnitCounts[]}
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          locale={{ emptyText: '本季度还没有生成填报表' }}
          rowClassName={(r) => (intakeOwnerKey(r) === ownerKey ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({
            onClick: () => setOwner(intakeOwnerKey(r) === ownerKey ? null : r),
            style: { cursor: 'pointer' },
            ...testId(`intake-${intakeOwnerKey(r)}`),
          })}
          columns={[
            { title: '单位 / 报送渠道', render: (_v, r) => <IntakeOwnerName row={r} /> },
            { title: '已发填报表', dataIndex: 'sent', width: 110, render: (n: number) => `${n} 份` },
            { title: '待审核', dataIndex: 'pending', width: 90 },
            { title: '已采纳', dataIndex: 'accepted', width: 90 },
            { title: '已退回', dataIndex: 'returned', width: 90 },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={`填报材料（${rows?.length ?? 0} 条${unitName ? `，${unitName}` : ''}）`}
        extra={
          <Space wrap>
            <Select<IntakeStatus | 'all'>
              size="small"
              value={status ?? 'all'}
              style={{ width: 110 }}
              onChange={(s) => setStatus(s === 'all' ? null : s)}
              options={[
                { value: 'pending', label: '待审核' },
                { value: 'returned', label: '已退回' },
                { value: 'accepted', label: '已采纳' },
                { value: 'all', label: '全部状态' },
              ]}
              data-testid="intake-status"
            />
            <Popconfirm
              title={`采纳所选的 ${pendingSelected.length} 条材料？`}
              okText="采纳"
              cancelText="取消"
              disabled={pendingSelected.length === 0}
              onConfirm={() => void accept(pendingSelected.map((r) => r.id))}
            >
              <Button
                size="small"
                type="primary"
                disabled={pendingSelected.length === 0}
                data-testid="intake-bulk-accept"
              >
                {`采纳所选（${pendingSelected.length}）`}
              </Button>
            </Popconfirm>
            <Button
              size="small"
              disabled={pendingSelected.length === 0}
              onClick={() => setReturning(pendingSelected)}
              data-testid="intake-bulk-return"
            >
              退回所选…
            </Button>
            <Button
              size="small"
              disabled={owner === null}
              onClick={exportReturned}
              data-testid="intake-export-returned"
            >
              {owner === null ? '导出退回清单（先选单位或渠道）' : '导出退回清单'}
            </Button>
          </Space>
        }
      >
        <Table<IntakeRowView>
          size="small"
          rowKey="id"
          loading={rows === null}
          dataSource={(rows ?? []) as IntakeRowView[]}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '没有符合条件的填报材料' }}
          rowSelection={{
            selectedRowKeys: [...selected],
            onChange: (keys) => setSelected(keys.map(Number)),
            getCheckboxProps: (r) => ({ disabled: r.status !== 'pending' }),
          }}
          expandable={{
            expandedRowRender: (r) => (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {r.content || '（无内容）'}
                {r.returnReason ? `\n退回原因：${r.returnReason}` : ''}
              </Typography.Paragraph>
            ),
          }}
          data-testid="intake-list"
          columns={[
            {
              title: '单位 / 行',
              width: 130,
              ellipsis: true,
              render: (_v, r) => `第${r.rowNo}行 ${r.unitName}`,
            },
            {
              title: '干部',
              width: 120,
              // A channel's list spans units: the unit tells two of a name apart.
              render: (_v, r) => (r.channel ? `${r.cadreName}（${r.cadreUnit}）` : r.cadreName),
            },
            { title: '日期', dataIndex: 'date', width: 96 },
            {
              title: '子项 / 性质',
              width: 160,
              ellipsis: true,
              render: (_v, r) =>
                `${r.subItemCode} ${subItemName.get(r.subItemCode) ?? ''}（${ENTRY_POLARITY_LABELS[r.polarity]}）`,
            },
            { title: '标题', dataIndex: 'title', ellipsis: true },
            {
              title: '附件',
              width: 130,
              render: (_v, r) => (
                <Space direction="vertical" size={0}>
                  {r.attachments.map((a) => (
                    <Typography.Link
                      key={a.id}
                      ellipsis
                      style={{ maxWidth: 120 }}
                      onClick={() => setViewing(a)}
                      data-testid={`intake-file-${a.id}`}
                    >
                      {a.fileName}
                    </Typography.Link>
                  ))}
                </Space>
              ),
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 76,
              render: (s: IntakeStatus) => <Tag color={STATUS_COLOR[s]}>{INTAKE_STATUS_LABELS[s]}</Tag>,
            },
            {
              title: '操作',
              width: 170,
              render: (_v, r) =>
                r.status === 'pending' ? (
                  <Space size={8}>
                    <Typography.Link onClick={() => void accept([r.id])} data-testid={`intake-accept-${r.id}`}>
                      采纳
                    </Typography.Link>
                    {/* A 党校 result is filed as the office wrote it: a wrong one goes back (退回). */}
                    {r.channel === 'training' ? null : (
                      <Typography.Link onClick={() => setEditing(r)} data-testid={`intake-edit-${r.id}`}>
                        修改后采纳
                      </Typography.Link>
                    )}
                    <Typography.Link
                      type="danger"
                      onClick={() => setReturning([r])}
                      data-testid={`intake-return-${r.id}`}
                    >
                      退回
                    </Typography.Link>
                  </Space>
                ) : (
                  <Typography.Text type="secondary">
                    {r.status === 'returned' ? `退回：${r.returnReason ?? ''}` : '已记入档案'}
                  </Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      {viewing ? (
        <AttachmentViewer attachment={viewing} load={previewIntakeFile} onClose={() => setViewing(null)} />
      ) : null}
      {editing ? (
        <IntakeEditModal
          row={editing}
          catalog={catalog}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            load();
          }}
        />
      ) : null}
      {returning ? (
        <ReasonModal
          title={`退回 ${returning.length} 条填报材料`}
          description="退回的材料不计入档案；退回原因写入退回清单，随下次填报表发给单位。"
          label="退回原因"
          okText="退回"
          onClose={() => setReturning(null)}
          onSubmit={async (reason) => {
            const r = await call('intake.return', { ids: returning.map((x) => x.id), reason });
            message.success(`已退回 ${r.returned} 条材料`);
            setReturning(null);
            load();
          }}
        />
      ) : null}
      {dialog === 'generate' ? (
        <IntakeGenerateDialog
          quarter={quarter}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            load();
          }}
        />
      ) : null}
      {dialog === 'import' ? (
        <IntakeImportModal
          quarter={quarter}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setStatus('pending');
            load();
          }}
        />
      ) : null}
    </Space>
  );
}
