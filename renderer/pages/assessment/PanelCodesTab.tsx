// 评议码: generate one-time codes per seat (同级互评 per cadre of a group, 上级/职工 as counts), see each seat's state,
// revoke or replace a code, show fresh codes once for printing, and start the 评议终端 for this assessment.
import { useMemo, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Empty,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  PANEL_KIND_LABELS,
  SEAT_STATE_LABELS,
  type PanelCodeSheet,
  type PanelKind,
  type PanelSeatView,
} from '../../../shared/assessment/panel';
import type { AssessmentDetail } from '../../../shared/assessment/types';
import { call, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { PrintSlipsModal } from '../print/PrintSlipsModal';
import { PanelPicker } from './PanelPicker';
import { groupsOf } from './groups';
import { PanelFormsCard } from './PanelFormsCard';

const STATE_COLORS = { unused: 'blue', used: 'green', revoked: 'default' } as const;

/** Plain text of a sheet for copying into a document (the PDF slips come from 打印评议码条). */
const sheetText = (s: PanelCodeSheet) =>
  [
    `${s.assessmentName}（${s.year} 年度）`,
    `${s.kindLabel} · ${s.groupName}`,
    ...s.slips.map((x) => `${x.seatLabel}\t${x.code}`),
  ].join('\n');

export function CodesSheetModal({ sheet, onClose }: { sheet: PanelCodeSheet | null; onClose: () => void }) {
  const [printing, setPrinting] = useState(false);
  return (
    <>
      <Modal
        open={sheet !== null}
        title="打印/导出评议码"
        width={640}
        okText="我已打印或抄录"
        cancelButtonProps={{ style: { display: 'none' } }}
        onOk={onClose}
        onCancel={onClose}
        destroyOnHidden
      >
        {sheet ? (
          <>
            <Alert
              type="warning"
              showIcon
              title="评议码只在此时显示一次，系统不保存明码。请立即打印或抄录，关闭后无法再次查看（丢失的可补发新码）。"
              style={{ marginBottom: 12 }}
            />
            <Typography.Paragraph strong>
              {sheet.assessmentName} · {sheet.kindLabel} · {sheet.groupName}
            </Typography.Paragraph>
            <Table
              rowKey="seatLabel"
              size="small"
              pagination={false}
              dataSource={sheet.slips}
              columns={[
                { title: '席位', dataIndex: 'seatLabel' },
                {
                  title: '评议码',
                  dataIndex: 'code',
                  render: (c: string) => (
                    <Typography.Text code style={{ fontSize: 18, letterSpacing: 2 }} data-testid="fresh-code">
                      {c}
                    </Typography.Text>
                  ),
                },
              ]}
              data-testid="codes-sheet"
            />
            <Typography.Paragraph
              copyable={{ text: sheetText(sheet), tooltips: ['复制全部评议码', '已复制'] }}
              style={{ marginTop: 12 }}
            >
              复制全部（席位与评议码，可粘贴到文档中打印）
            </Typography.Paragraph>
            <Button type="primary" ghost onClick={() => setPrinting(true)} data-testid="codes-print-slips">
              打印评议码条（PDF）
            </Button>
          </>
        ) : null}
      </Modal>
      {sheet && printing ? <PrintSlipsModal sheet={sheet} onClose={() => setPrinting(false)} /> : null}
    </>
  );
}

export function PanelCodesTab({
  detail,
  isAdmin,
  canKiosk,
  onKiosk,
  printedBy,
}: {
  detail: AssessmentDetail;
  isAdmin: boolean;
  canKiosk: boolean;
  onKiosk: () => void;
  printedBy: string;
}) {
  const groups = useMemo(() => groupsOf(detail.members), [detail.members]);
  const [kind, setKind] = useState<PanelKind>('peer');
  const [groupRef, setGroupRef] = useState(groups[0]?.ref ?? '');
  const [count, setCount] = useState<number | null>(5);
  const [sheet, setSheet] = useState<PanelCodeSheet | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { message } = AntApp.useApp();
  const collecting = detail.state === 'collecting';

  const { data: seats, reload } = useCall(
    'codes.list',
    { assessmentId: detail.id },
    { onError: (t) => message.error(t) },
  );

  const generate = async () => {
    try {
      const s = await call('codes.generate', {
        assessmentId: detail.id,
        kind,
        group: groupRef,
        ...(kind === 'peer' ? {} : { count: count ?? 0 }),
      });
      setSheet(s);
      setProblem(null);
      await reload();
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  const act = async (what: 'revoke' | 'regenerate', seat: PanelSeatView) => {
    try {
      if (what === 'revoke') {
        await call('codes.revoke', { assessmentId: detail.id, id: seat.id });
        message.success(`已作废“${seat.seatLabel}”的评议码`);
      } else {
        setSheet(await call('codes.regenerate', { assessmentId: detail.id, id: seat.id }));
      }
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  // Voiding the chosen panel is the only way a 评议终端 ballot is removed: all of the panel's, never one.
  const voidPanel = async () => {
    try {
      const r = await call('codes.voidPanel', { assessmentId: detail.id, kind, group: groupRef });
      message.success(`已作废本组匿名评议，删除评议终端提交的评议票 ${r.changed} 条`);
      setProblem(null);
      await reload();
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  const used = seats?.filter((s) => s.state === 'used').length ?? 0;
  const chosenUsed = seats?.filter((s) => s.kind === kind && s.group === groupRef && s.state === 'used').length ?? 0;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {canKiosk ? (
          <Button type="primary" onClick={onKiosk} data-testid="kiosk-start">
            进入评议终端
          </Button>
        ) : null}
        <Typography.Text type="secondary">
          评议终端模式下，本窗口只显示评议码输入界面，评议人凭码填写本人的评议票；退出须输入工作人员密码。
        </Typography.Text>
      </Space>
      {isAdmin && (collecting || detail.state === 'preparing') ? (
        <PanelFormsCard detail={detail} printedBy={printedBy} />
      ) : null}
      {isAdmin && collecting ? (
        <Card size="small" title="生成评议码" style={{ marginBottom: 16 }}>
          <Space wrap>
            <PanelPicker
              kind={kind}
              onKind={setKind}
              groups={groups}
              groupRef={groupRef}
              onGroup={setGroupRef}
              testId="codes"
            />
            {kind === 'peer' ? (
              <Typography.Text type="secondary">按本组干部每人一个（评议码与本人绑定，不能给自己打分）</Typography.Text>
            ) : (
              <>
                <span>数量</span>
                <InputNumber
                  min={1}
                  max={500}
                  precision={0}
                  value={count}
                  onChange={(v) => setCount(typeof v === 'number' ? v : null)}
                  data-testid="codes-count"
                />
              </>
            )}
            <Button type="primary" onClick={() => void generate()} data-testid="codes-generate">
              生成
            </Button>
            {chosenUsed > 0 ? (
              <Popconfirm
                title="作废本组匿名评议？"
                description={
                  `将删除本组“${PANEL_KIND_LABELS[kind]}”在评议终端提交的全部评议票（已使用 ${chosenUsed} 个评议码），并作废本组全部评议码；` +
                  `须重新生成评议码后再评议。此操作记入审计日志，不能撤销。`
                }
                okText="作废"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => voidPanel()}
              >
                <Button danger data-testid="codes-void-panel">
                  作废本组匿名评议
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
          {problem ? (
            <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} data-testid="codes-problem" />
          ) : null}
        </Card>
      ) : null}
      <Typography.Title level={5}>
        评议席位（{seats?.length ?? 0}，已使用 {used}）
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        只显示每个席位的状态；评议码明码不保存，已提交的评议票与评议码之间没有任何关联记录。
      </Typography.Paragraph>
      {!seats || seats.length === 0 ? (
        <Empty description="尚未生成评议码" />
      ) : (
        <Table<PanelSeatView>
          rowKey="id"
          size="small"
          pagination={{ pageSize: 20, showSizeChanger: false }}
          dataSource={[...seats]}
          data-testid="seats-table"
          columns={[
            { title: '评议类型', width: 140, render: (_: unknown, s) => PANEL_KIND_LABELS[s.kind] },
            { title: '分组', dataIndex: 'groupName', width: 200 },
            { title: '席位', dataIndex: 'seatLabel' },
            {
              title: '状态',
              width: 90,
              render: (_: unknown, s) => <Tag color={STATE_COLORS[s.state]}>{SEAT_STATE_LABELS[s.state]}</Tag>,
            },
            { title: '生成', width: 200, render: (_: unknown, s) => `${s.createdBy} ${formatDateTime(s.createdAt)}` },
            ...(isAdmin && collecting
              ? [
                  {
                    title: '操作',
                    width: 150,
                    render: (_: unknown, s: PanelSeatView) =>
                      s.state === 'used' ? null : (
                        <Space size={0}>
                          <Button type="link" size="small" onClick={() => void act('regenerate', s)}>
                            补发新码
                          </Button>
                          {s.state === 'unused' ? (
                            <Popconfirm
                              title="作废该评议码？"
                              okText="作废"
                              cancelText="取消"
                              onConfirm={() => act('revoke', s)}
                            >
                              <Button type="link" size="small" danger>
                                作废
                              </Button>
                            </Popconfirm>
                          ) : null}
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <CodesSheetModal sheet={sheet} onClose={() => setSheet(null)} />
    </>
  );
}
