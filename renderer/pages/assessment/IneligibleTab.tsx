// 不得评优: cadres who may not be 优秀 this year (诫勉, 处分影响期内, 学时不达标 …), each with its reason; they keep
// rank and score, never take an 优秀 place, and the rankings, the 排名表 and the export show the reason.
import { useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, Popconfirm, Select, Table, Typography } from 'antd';
import type { IneligibleView } from '../../../shared/assessment/types';
import { call, errorMessage } from '../../lib/api';
import { showFormError } from '../../lib/form-errors';
import type { EntryProps } from './AssessmentDetailPage';

export function IneligibleTab({ detail, ballots, editable, onChanged }: EntryProps) {
  const [form] = Form.useForm<{ targetId: number; reason: string }>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const byId = new Map(detail.members.map((m) => [m.cadreId, m]));
  const listed = new Set(ballots.ineligible.map((i) => i.targetId));

  const add = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await call('ineligible.add', { assessmentId: detail.id, targetId: v.targetId, reason: v.reason });
      await onChanged();
      form.resetFields();
      message.success('已列入不得评优名单');
    } catch (e) {
      showFormError(form, e, (t) => void message.error(t));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (i: IneligibleView) => {
    try {
      await call('ineligible.delete', { assessmentId: detail.id, id: i.id });
      await onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">
        列入名单的干部照常参加排名，但不得评为优秀，也不占优秀名额（名额顺延给其后的干部）；理由显示在排名结果和排名表中。可在“准备”和“测评中”状态录入。
      </Typography.Paragraph>
      {editable ? (
        <Card size="small" title="列入不得评优名单" style={{ marginBottom: 16 }}>
          <Form form={form} layout="inline" requiredMark={false}>
            <Form.Item name="targetId" rules={[{ required: true, message: '请选择干部' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                style={{ width: 220 }}
                placeholder="干部"
                data-testid="ineligible-target"
                options={detail.members
                  .filter((m) => !listed.has(m.cadreId))
                  .map((m) => ({ value: m.cadreId, label: `${m.name}（${m.unitName}）` }))}
              />
            </Form.Item>
            <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: '请填写不得评优理由' }]}>
              <Input
                placeholder="理由，如：本年度受诫勉"
                style={{ width: 320 }}
                maxLength={200}
                data-testid="ineligible-reason"
              />
            </Form.Item>
            <Button type="primary" loading={busy} onClick={() => void add()} data-testid="ineligible-add">
              添加
            </Button>
          </Form>
        </Card>
      ) : null}
      <Table<IneligibleView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={ballots.ineligible}
        locale={{ emptyText: '暂无不得评优的干部' }}
        data-testid="ineligible-list"
        columns={[
          { title: '干部', width: 140, render: (_: unknown, i) => byId.get(i.targetId)?.name ?? i.targetId },
          { title: '单位', width: 160, render: (_: unknown, i) => byId.get(i.targetId)?.unitName ?? '' },
          { title: '理由', dataIndex: 'reason' },
          { title: '录入人', dataIndex: 'enteredBy', width: 120 },
          ...(editable
            ? [
                {
                  title: '操作',
                  width: 80,
                  render: (_: unknown, i: IneligibleView) => (
                    <Popconfirm title="撤销该不得评优项？" okText="撤销" cancelText="取消" onConfirm={() => remove(i)}>
                      <Button type="link" size="small" danger>
                        撤销
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
