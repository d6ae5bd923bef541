// 一票否决: manual vetoes with a reason, and those the dossier suggests (administrators); a vetoed cadre cannot be 优秀.
import { useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, Popconfirm, Select, Table, Typography } from 'antd';
import { GRADE_LABELS, type VetoProposal, type VetoView } from '../../../shared/assessment/types';
import { call, errorMessage } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { showFormError, validValues } from '../../lib/form-errors';
import type { EntryProps } from './AssessmentDetailPage';
import { filterMember, memberOption } from './member-search';

export function VetoesTab({
  detail,
  ballots,
  editable,
  onChanged,
  seesDossier,
}: EntryProps & { seesDossier: boolean }) {
  const [form] = Form.useForm<{ targetId: number; reason: string }>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const byId = new Map(detail.members.map((m) => [m.cadreId, m]));

  // Re-read after every change of the vetoes (below, after each call), so an adopted proposal shows as 已否决.
  const { data: proposals = [], reload: reloadProposals } = useCall(
    'vetoes.proposals',
    seesDossier ? { assessmentId: detail.id } : null,
    { onError: (t) => void message.error(t) },
  );
  const changed = async () => {
    await onChanged(['vetoes']);
    await reloadProposals();
  };

  const adopt = async (p: VetoProposal) => {
    try {
      const reason = `档案材料“${p.title}”（${p.date}，${p.listItemCode} ${p.listItemName}）`.slice(0, 200);
      await call('vetoes.add', {
        assessmentId: detail.id,
        targetId: p.targetId,
        reason,
        dossierEntryId: p.dossierEntryId,
      });
      await changed();
      message.success('已按档案材料添加一票否决');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const add = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      await call('vetoes.add', { assessmentId: detail.id, targetId: v.targetId, reason: v.reason });
      await changed();
      form.resetFields();
      message.success('已添加一票否决');
    } catch (e) {
      showFormError(form, e, (t) => void message.error(t));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (v: VetoView) => {
    try {
      await call('vetoes.delete', { assessmentId: detail.id, id: v.id });
      await changed();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">
        被一票否决的干部不得评为优秀，等次为“{GRADE_LABELS[detail.config.vetoGrade]}”（可在“配置”中修改）。
      </Typography.Paragraph>
      {seesDossier && proposals.length > 0 ? (
        <Card
          size="small"
          title={`档案材料提示的否决事项（${detail.year}年）`}
          style={{ marginBottom: 16 }}
          data-testid="veto-proposals"
        >
          <Table<VetoProposal>
            rowKey="dossierEntryId"
            size="small"
            pagination={false}
            dataSource={proposals as VetoProposal[]}
            columns={[
              { title: '干部', width: 140, render: (_: unknown, p) => byId.get(p.targetId)?.name ?? p.targetId },
              { title: '日期', dataIndex: 'date', width: 110 },
              { title: '档案材料', dataIndex: 'title' },
              { title: '清单事项', width: 260, render: (_: unknown, p) => `${p.listItemCode} ${p.listItemName}` },
              {
                title: '处理',
                width: 100,
                render: (_: unknown, p) =>
                  p.vetoed ? (
                    <Typography.Text type="secondary">已否决</Typography.Text>
                  ) : editable ? (
                    <Button size="small" danger onClick={() => void adopt(p)}>
                      采纳
                    </Button>
                  ) : (
                    <Typography.Text type="warning">未处理</Typography.Text>
                  ),
              },
            ]}
          />
        </Card>
      ) : null}
      {editable ? (
        <Card size="small" title="新增一票否决" style={{ marginBottom: 16 }}>
          <Form form={form} layout="inline" requiredMark={false}>
            <Form.Item name="targetId" rules={[{ required: true, message: '请选择干部' }]}>
              <Select
                showSearch={{ filterOption: filterMember }}
                style={{ width: 220 }}
                placeholder="姓名或拼音首字母"
                options={detail.members.map((m) => memberOption(detail, m))}
                data-testid="veto-target"
              />
            </Form.Item>
            <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: '请填写否决理由' }]}>
              <Input placeholder="否决理由" style={{ width: 320 }} maxLength={200} />
            </Form.Item>
            <Button type="primary" danger loading={busy} onClick={() => void add()}>
              添加
            </Button>
          </Form>
        </Card>
      ) : null}
      <Table<VetoView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={ballots.vetoes}
        locale={{ emptyText: '暂无一票否决' }}
        columns={[
          { title: '干部', width: 140, render: (_: unknown, v) => byId.get(v.targetId)?.name ?? v.targetId },
          { title: '理由', dataIndex: 'reason' },
          {
            title: '来源',
            width: 200,
            render: (_: unknown, v) =>
              v.dossierEntry === null ? (
                '手工录入'
              ) : 'deleted' in v.dossierEntry ? (
                <Typography.Text type="secondary">档案材料（已删除）</Typography.Text>
              ) : (
                <span data-testid={`veto-source-${v.id}`}>
                  档案材料：{v.dossierEntry.title}
                  <Typography.Text type="secondary">（{v.dossierEntry.date}）</Typography.Text>
                </span>
              ),
          },
          { title: '录入人', dataIndex: 'enteredBy', width: 120 },
          ...(editable
            ? [
                {
                  title: '操作',
                  width: 80,
                  render: (_: unknown, v: VetoView) => (
                    <Popconfirm title="撤销该一票否决？" okText="撤销" cancelText="取消" onConfirm={() => remove(v)}>
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
