// 日常考核加减分清单: items with points, date and reason; the configured caps and each cadre's capped totals shown;
// administrators also see the dossier's P/N entries of the year with points, to adopt (采纳) or dismiss (忽略).
import { useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Table, Typography } from 'antd';
import type { AdjustmentProposal, AdjustmentView } from '../../../shared/assessment/types';
import { call, errorMessage } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { showFormError, validValues } from '../../lib/form-errors';
import type { EntryProps } from './AssessmentDetailPage';
import { ProposalActions } from './ProposalActions';
import { fmt2 } from './groups';
import { filterMember, memberOption } from './member-search';

interface Values {
  targetId: number;
  points: number;
  date: string;
  reason: string;
}

export function AdjustmentsTab({
  detail,
  ballots,
  editable,
  onChanged,
  seesDossier,
}: EntryProps & { seesDossier: boolean }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const byId = new Map(detail.members.map((m) => [m.cadreId, m]));
  const { bonusCap, penaltyCap } = detail.config;
  // Read again after every change of the adjustments (below, after each call), so an adopted proposal shows as 已计入.
  const { data: proposals = [], reload: reloadProposals } = useCall(
    'adjustments.proposals',
    seesDossier ? { assessmentId: detail.id } : null,
    { onError: (t) => void message.error(t) },
  );
  const changed = async () => {
    await onChanged(['adjustments']);
    await reloadProposals();
  };

  const adopt = async (p: AdjustmentProposal) => {
    try {
      const reason = `档案材料“${p.title}”（${p.listItemCode} ${p.listItemName}）`.slice(0, 200);
      await call('adjustments.add', {
        assessmentId: detail.id,
        targetId: p.targetId,
        points: p.points,
        date: p.date,
        reason,
        dossierEntryId: p.dossierEntryId,
      });
      await changed();
      message.success(`已按档案材料${p.points > 0 ? '加' : '减'} ${Math.abs(p.points)} 分`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const dismiss = async (p: AdjustmentProposal, dismissed: boolean) => {
    try {
      await call('adjustments.dismissProposal', {
        assessmentId: detail.id,
        dossierEntryId: p.dossierEntryId,
        dismissed,
      });
      await reloadProposals();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const openCount = proposals.filter((p) => p.state === 'open').length;

  const add = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      await call('adjustments.add', {
        assessmentId: detail.id,
        targetId: v.targetId,
        points: v.points,
        date: v.date,
        reason: v.reason,
      });
      await changed();
      form.resetFields(['points', 'reason']);
      message.success('已添加加减分项');
    } catch (e) {
      showFormError(form, e, (t) => void message.error(t));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (a: AdjustmentView) => {
    try {
      await call('adjustments.delete', { assessmentId: detail.id, id: a.id });
      await changed();
    } catch (e) {
      message.error(String((e as Error).message));
    }
  };

  // Each cadre's sums and what counts after the caps.
  const totals = new Map<number, { plus: number; minus: number }>();
  for (const a of ballots.adjustments) {
    const t = totals.get(a.targetId) ?? { plus: 0, minus: 0 };
    if (a.points > 0) t.plus += a.points;
    else t.minus -= a.points;
    totals.set(a.targetId, t);
  }

  return (
    <>
      <Typography.Paragraph>
        加分上限 <b>{fmt2(bonusCap)}</b> 分；减分上限{' '}
        <b>{penaltyCap === null ? '不设上限' : `${fmt2(penaltyCap)} 分`}</b>（在“配置”中修改）。
      </Typography.Paragraph>
      {seesDossier && proposals.length > 0 ? (
        <Card
          size="small"
          title={`档案材料提示的加减分（${detail.year}年，待处理 ${openCount} 条）`}
          style={{ marginBottom: 16 }}
          data-testid="adjustment-proposals"
        >
          <Table<AdjustmentProposal>
            rowKey="dossierEntryId"
            size="small"
            pagination={false}
            dataSource={proposals as AdjustmentProposal[]}
            columns={[
              { title: '干部', width: 100, render: (_: unknown, p) => byId.get(p.targetId)?.name ?? p.targetId },
              { title: '日期', dataIndex: 'date', width: 104 },
              { title: '档案材料', dataIndex: 'title', ellipsis: true },
              {
                title: '清单事项',
                width: 250,
                ellipsis: true,
                render: (_: unknown, p) => `${p.listItemCode} ${p.listItemName}`,
              },
              { title: '分值', dataIndex: 'points', width: 64, render: (x: number) => (x > 0 ? `+${x}` : String(x)) },
              {
                title: '处理',
                width: 130,
                render: (_: unknown, p) => (
                  <ProposalActions
                    state={p.state}
                    editable={editable}
                    adoptedText="已计入"
                    testId={{ prefix: 'proposal', id: p.dossierEntryId }}
                    onAdopt={() => void adopt(p)}
                    onDismiss={(d) => void dismiss(p, d)}
                  />
                ),
              },
            ]}
          />
        </Card>
      ) : null}
      {editable ? (
        <Card size="small" title="新增加减分项" style={{ marginBottom: 16 }}>
          <Form
            form={form}
            layout="inline"
            requiredMark={false}
            initialValues={{ date: new Date().toISOString().slice(0, 10) }}
          >
            <Form.Item name="targetId" rules={[{ required: true, message: '请选择干部' }]}>
              <Select
                showSearch={{ filterOption: filterMember }}
                style={{ width: 200 }}
                placeholder="姓名或拼音首字母"
                options={detail.members.map((m) => memberOption(detail, m))}
                data-testid="adjustment-target"
              />
            </Form.Item>
            <Form.Item name="points" rules={[{ required: true, message: '请填写分值' }]}>
              <InputNumber placeholder="分值（减分为负）" style={{ width: 150 }} min={-100} max={100} />
            </Form.Item>
            <Form.Item
              name="date"
              rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 2025-03-14' }]}
            >
              <Input placeholder="日期" style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: '请填写加减分事由' }]}>
              <Input placeholder="事由" style={{ width: 260 }} maxLength={200} />
            </Form.Item>
            <Button type="primary" loading={busy} onClick={() => void add()}>
              添加
            </Button>
          </Form>
        </Card>
      ) : null}
      <Table<AdjustmentView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={ballots.adjustments}
        locale={{ emptyText: '暂无加减分项' }}
        columns={[
          { title: '干部', width: 120, render: (_: unknown, a) => byId.get(a.targetId)?.name ?? a.targetId },
          { title: '分值', dataIndex: 'points', width: 80, render: (p: number) => (p > 0 ? `+${p}` : String(p)) },
          { title: '日期', dataIndex: 'date', width: 120 },
          { title: '事由', dataIndex: 'reason' },
          {
            title: '该干部合计（封顶后）',
            width: 200,
            render: (_: unknown, a) => {
              const t = totals.get(a.targetId)!;
              const plus = Math.min(t.plus, bonusCap);
              const minus = penaltyCap === null ? t.minus : Math.min(t.minus, penaltyCap);
              return `+${fmt2(plus)} / -${fmt2(minus)}`;
            },
          },
          ...(editable
            ? [
                {
                  title: '操作',
                  width: 80,
                  render: (_: unknown, a: AdjustmentView) => (
                    <Popconfirm title="删除该加减分项？" okText="删除" cancelText="取消" onConfirm={() => remove(a)}>
                      <Button type="link" size="small" danger>
                        删除
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
