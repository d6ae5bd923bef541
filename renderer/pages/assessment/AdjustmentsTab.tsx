// 日常考核加减分清单: items with points, date and reason; the configured caps and each cadre's capped totals shown.
import { useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Typography } from 'antd';
import type { AdjustmentView } from '../../../shared/assessment/types';
import { call } from '../../lib/api';
import { showFormError } from '../../lib/form-errors';
import type { EntryProps } from './AssessmentDetailPage';
import { fmt2 } from './groups';
import { filterMember, memberOption } from './member-search';

interface Values {
  targetId: number;
  points: number;
  date: string;
  reason: string;
}

export function AdjustmentsTab({ detail, ballots, editable, onChanged }: EntryProps) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const byId = new Map(detail.members.map((m) => [m.cadreId, m]));
  const { bonusCap, penaltyCap } = detail.config;

  const add = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await call('adjustments.add', { assessmentId: detail.id, targetId: v.targetId, points: v.points, date: v.date, reason: v.reason });
      await onChanged();
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
      await onChanged();
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
        加分上限 <b>{fmt2(bonusCap)}</b> 分；减分上限 <b>{penaltyCap === null ? '不设上限' : `${fmt2(penaltyCap)} 分`}</b>（在“配置”中修改）。
      </Typography.Paragraph>
      {editable ? (
        <Card size="small" title="新增加减分项" style={{ marginBottom: 16 }}>
          <Form form={form} layout="inline" requiredMark={false} initialValues={{ date: new Date().toISOString().slice(0, 10) }}>
            <Form.Item name="targetId" rules={[{ required: true, message: '请选择干部' }]}>
              <Select showSearch={{ filterOption: filterMember }} style={{ width: 200 }} placeholder="姓名或拼音首字母" options={detail.members.map((m) => memberOption(detail, m))} data-testid="adjustment-target" />
            </Form.Item>
            <Form.Item name="points" rules={[{ required: true, message: '请填写分值' }]}>
              <InputNumber placeholder="分值（减分为负）" style={{ width: 150 }} min={-100} max={100} />
            </Form.Item>
            <Form.Item name="date" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 2025-03-14' }]}>
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
      <Space style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">关联档案条目的加减分将在干部档案功能上线后提供。</Typography.Text>
      </Space>
    </>
  );
}
