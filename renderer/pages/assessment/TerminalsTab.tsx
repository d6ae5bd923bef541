// 评议终端包: export a sealed 测评包 per extra laptop (the password and digest shown once, as its 交接单), import a
// laptop's ballot return after seeing what it would do, follow each terminal, and settle 冲突 by terminal only.
import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Empty,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type {
  ExportedTerminalPackage,
  ReturnPreview,
  TerminalConflictView,
  TerminalsView,
} from '../../../shared/assessment/terminals';
import type { BallotPart } from '../../../shared/assessment/ballot-parts';
import { call, errorMessage } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { saveWithDialog } from '../../lib/save-file';
import { groupsOf } from './groups';
import { CancelPackageButton } from './CancelPackageButton';
import type { EntryProps } from './AssessmentDetailPage';
import { PrintHandoverButton } from './PrintHandoverButton';

/** The 交接单: what the clerk hands over with the file (the password appears here once and nowhere else). */
function HandoverModal({
  pkg,
  name,
  assessmentId,
  onClose,
}: {
  pkg: ExportedTerminalPackage | null;
  name: string;
  assessmentId: number;
  onClose: () => void;
}) {
  return (
    <Modal
      open={pkg !== null}
      title="评议终端包交接单"
      width={640}
      okText="我已抄录或打印交接单"
      cancelButtonProps={{ style: { display: 'none' } }}
      onOk={onClose}
      onCancel={onClose}
      destroyOnHidden
    >
      {pkg ? (
        <>
          <Alert
            type="warning"
            showIcon
            title="评议终端包密码只在此时显示一次，系统不保存。请立即抄录或打印，交给负责该终端的工作人员。"
            style={{ marginBottom: 12 }}
          />
          <Descriptions column={1} bordered size="small" data-testid="handover">
            <Descriptions.Item label="考核">{name}</Descriptions.Item>
            <Descriptions.Item label="终端编号">终端 {pkg.terminalNo}</Descriptions.Item>
            <Descriptions.Item label="包含分组">{pkg.groups.map((g) => g.name).join('、')}</Descriptions.Item>
            <Descriptions.Item label="评议席位">{pkg.seats} 个</Descriptions.Item>
            <Descriptions.Item label="文件">{pkg.fileName}</Descriptions.Item>
            <Descriptions.Item label="文件摘要（SHA-256）">
              <Typography.Text code style={{ wordBreak: 'break-all' }}>
                {pkg.digest}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="评议终端包密码">
              <Typography.Text code style={{ fontSize: 18, letterSpacing: 2 }} data-testid="package-password">
                {pkg.password}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="导出日期">{pkg.exportedOn}</Descriptions.Item>
          </Descriptions>
          <div style={{ marginTop: 12 }}>
            <PrintHandoverButton assessmentId={assessmentId} terminalNo={pkg.terminalNo} password={pkg.password} />
          </div>
        </>
      ) : null}
    </Modal>
  );
}

function PreviewModal({
  preview,
  busy,
  onMerge,
  onClose,
}: {
  preview: ReturnPreview | null;
  busy: boolean;
  onMerge: () => void;
  onClose: () => void;
}) {
  return (
    <Modal
      open={preview !== null}
      title={preview ? `导入评议终端回收：终端 ${preview.terminalNo}` : ''}
      width={760}
      okText={preview?.alreadyImported ? '关闭' : '确认合并'}
      okButtonProps={{ loading: busy }}
      onOk={preview?.alreadyImported ? onClose : onMerge}
      onCancel={onClose}
      destroyOnHidden
    >
      {preview ? (
        <>
          <Typography.Paragraph>
            结束评议日期 {preview.closedOn}，共 {preview.ballots} 张票。文件摘要{' '}
            <Typography.Text code>{preview.digest.slice(0, 16)}</Typography.Text>
          </Typography.Paragraph>
          {preview.alreadyImported ? (
            <Alert type="info" showIcon title="该回收文件已导入过，再次导入不会有任何变化。" />
          ) : (
            <Table
              rowKey={(r) => `${r.kind}|${r.group}`}
              size="small"
              pagination={false}
              dataSource={preview.groups}
              columns={[
                { title: '分组', dataIndex: 'groupName' },
                { title: '类型', dataIndex: 'kindLabel' },
                { title: '合并', dataIndex: 'merge' },
                { title: '暂存（其他终端未回收）', dataIndex: 'held' },
                {
                  title: '冲突',
                  dataIndex: 'conflict',
                  render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n),
                },
                {
                  title: '拒收',
                  dataIndex: 'refused',
                  render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : n),
                },
              ]}
            />
          )}
          {preview.refused.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title="以下评议码在导出后已作废，其评议票将被拒收："
              description={preview.refused.map((r) => `${r.groupName} · ${r.kindLabel} · ${r.seatLabel}`).join('；')}
            />
          ) : null}
        </>
      ) : null}
    </Modal>
  );
}

function conflictActions(c: TerminalConflictView, resolve: (choice: number | 'main' | 'void') => void) {
  if (c.state !== 'open') return <Typography.Text type="secondary">{c.outcome}</Typography.Text>;
  if (c.mainKiosk)
    return (
      <Popconfirm title="采用主机评议终端的票，终端上的票作废？" onConfirm={() => resolve('main')}>
        <Button size="small">采用主机的票</Button>
      </Popconfirm>
    );
  return (
    <Space wrap>
      {c.terminals.map((t) => (
        <Popconfirm key={t} title={`采用终端 ${t} 的票，其他终端的票作废？`} onConfirm={() => resolve(t)}>
          <Button size="small">采用终端 {t}</Button>
        </Popconfirm>
      ))}
      <Popconfirm title="两方的票全部作废？" onConfirm={() => resolve('void')}>
        <Button size="small" danger>
          全部作废
        </Button>
      </Popconfirm>
    </Space>
  );
}

/**
 * What merging a return, resolving a conflict or cancelling a package (its held ballots released) can write
 * (db/terminal/merge.ts): kiosk ballots of the three kinds;
 * 意见建议 for the count of forms that shows or hides them.
 */
const MERGED_PARTS: readonly BallotPart[] = ['superior', 'peer', 'staff', 'comments'];

export function TerminalsTab({
  detail,
  isAdmin,
  onChanged,
}: Pick<EntryProps, 'detail' | 'onChanged'> & { isAdmin: boolean }) {
  const { message } = AntApp.useApp();
  const [terminalNo, setTerminalNo] = useState<number | null>(1);
  const [groups, setGroups] = useState<string[]>([]);
  const [handover, setHandover] = useState<ExportedTerminalPackage | null>(null);
  const [preview, setPreview] = useState<{ token: string; preview: ReturnPreview } | null>(null);
  const [busy, setBusy] = useState(false);
  const collecting = detail.state === 'collecting';
  const allGroups = groupsOf(detail.members);

  const showError = useCallback((text: string) => void message.error(text), [message]);
  const list = useCall('terminals.list', { assessmentId: detail.id }, { onError: showError });
  const view: TerminalsView | null = list.data ?? null;
  const load = list.reload;
  // Each answer proposes the next free terminal number (the field stays editable).
  useEffect(() => {
    if (list.data) setTerminalNo(Math.max(0, ...list.data.packages.map((p) => p.terminalNo)) + 1);
  }, [list.data]);
  // A return, a settled conflict and a cancel can all merge kiosk ballots: the entry tabs read those lists again.
  const afterMerge = async () => {
    await load();
    await onChanged(MERGED_PARTS);
  };

  const exportPackage = async () => {
    if (terminalNo === null) return void message.error('请填写终端编号');
    const out = await saveWithDialog(
      'terminalPackage',
      `${detail.name}-终端${terminalNo}`,
      (token) =>
        call('terminals.export', {
          assessmentId: detail.id,
          terminalNo,
          ...(groups.length > 0 ? { groups } : {}),
          token,
        }),
      message,
      (r) => `已导出终端 ${r.terminalNo} 的评议终端包：${r.fileName}`,
    );
    if (out) {
      setHandover(out);
      setGroups([]);
      await load();
    }
  };

  const pickReturn = async () => {
    try {
      const [file] = await call('files.pickOpen', { purpose: 'terminalReturn' });
      if (!file) return;
      setPreview({
        token: file.token,
        preview: await call('terminals.previewReturn', { assessmentId: detail.id, token: file.token }),
      });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const merge = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const out = await call('terminals.importReturn', { assessmentId: detail.id, token: preview.token });
      message.success(`已导入终端 ${out.terminalNo} 的回收：合并 ${out.merged + out.released} 张票`);
      setPreview(null);
      await afterMerge();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const resolve = async (c: TerminalConflictView, choice: number | 'main' | 'void') => {
    try {
      const v = await call('terminals.resolveConflict', { assessmentId: detail.id, id: c.id, choice });
      message.success(`冲突已处理：${v.outcome ?? ''}`);
      await afterMerge();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {isAdmin && collecting ? (
        <Card size="small" title="导出评议终端包">
          <Space wrap>
            <span>终端编号</span>
            <InputNumber min={1} max={999} value={terminalNo} onChange={setTerminalNo} aria-label="终端编号" />
            <Select
              mode="multiple"
              allowClear
              style={{ minWidth: 320 }}
              placeholder="全部分组"
              value={groups}
              onChange={setGroups}
              options={allGroups.map((g) => ({ value: g.ref, label: g.name }))}
              aria-label="包含分组"
            />
            <Button type="primary" onClick={() => void exportPackage()}>
              导出评议终端包
            </Button>
            <Button onClick={() => void pickReturn()}>导入评议终端回收</Button>
          </Space>
        </Card>
      ) : null}
      <Card size="small" title="各评议终端">
        {view && view.packages.length > 0 ? (
          <Table
            rowKey="terminalNo"
            size="small"
            pagination={false}
            dataSource={view.packages}
            columns={[
              { title: '终端', dataIndex: 'terminalNo', render: (n: number) => `终端 ${n}` },
              { title: '分组', dataIndex: 'groups', render: (g: string[]) => g.join('、') },
              { title: '席位', dataIndex: 'seats' },
              { title: '导出', render: (_, p) => `${p.exportedOn} ${p.exportedBy}` },
              {
                title: '回收',
                render: (_, p) =>
                  p.cancelled ? (
                    <Tag color="red" title={`${p.cancelled.by}：${p.cancelled.reason}`}>
                      {p.cancelled.on} 已作废
                    </Tag>
                  ) : p.returnedOn ? (
                    <Tag color="green">{p.returnedOn} 已回收</Tag>
                  ) : (
                    <>
                      <Tag>未回收</Tag>
                      {isAdmin && collecting ? (
                        <CancelPackageButton
                          assessmentId={detail.id}
                          terminalNo={p.terminalNo}
                          onDone={() => void afterMerge()}
                          onStale={() => void load()}
                        />
                      ) : null}
                    </>
                  ),
              },
              { title: '回收票数', dataIndex: 'ballotsReturned' },
              { title: '已合并', dataIndex: 'merged' },
              { title: '暂存', dataIndex: 'held' },
              {
                title: '冲突',
                dataIndex: 'openConflicts',
                render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0),
              },
              {
                title: '拒收',
                dataIndex: 'refused',
                render: (r: ReturnPreview['refused']) => (r.length > 0 ? <Tag color="orange">{r.length}</Tag> : 0),
              },
            ]}
          />
        ) : (
          <Empty description="尚未导出评议终端包" />
        )}
      </Card>
      {view && view.conflicts.length > 0 ? (
        <Card size="small" title="冲突（同一评议码在两处使用）" data-testid="terminal-conflicts">
          <Typography.Paragraph type="secondary">
            只按终端选择，看不到评议人或席位。采用一方后，其余各方的票作废。
          </Typography.Paragraph>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={view.conflicts}
            columns={[
              { title: '分组', dataIndex: 'groupName' },
              { title: '类型', dataIndex: 'kindLabel' },
              {
                title: '涉及',
                render: (_, c) =>
                  [...c.terminals.map((t) => `终端 ${t}`), ...(c.mainKiosk ? ['主机评议终端'] : [])].join('、'),
              },
              {
                title: '处理',
                render: (_, c) =>
                  isAdmin && collecting ? conflictActions(c, (x) => void resolve(c, x)) : (c.outcome ?? '待处理'),
              },
            ]}
          />
        </Card>
      ) : null}
      <HandoverModal pkg={handover} name={detail.name} assessmentId={detail.id} onClose={() => setHandover(null)} />
      <PreviewModal
        preview={preview?.preview ?? null}
        busy={busy}
        onMerge={() => void merge()}
        onClose={() => setPreview(null)}
      />
    </Space>
  );
}
