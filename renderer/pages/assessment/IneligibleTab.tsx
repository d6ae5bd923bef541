// 不得评优: cadres who may not be 优秀 this year (诫勉, 处分影响期内, 学时不达标 …), each with its reason; they keep
// rank and score, never take an 优秀 place, and the rankings, the 排名表 and the export show the reason.
// Administrators also see what the dossier proposes for the year, to adopt (采纳) or dismiss (忽略), as for 加减分.
import { useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, Popconfirm, Select, Table, Typography } from 'antd';
import { INELIGIBLE_KIND_LABELS } from '../../../shared/assessment/ineligible-rules';
import type { IneligibleProposal, IneligibleView } from '../../../shared/assessment/types';
import { call, errorMessage } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { showFormError, validValues } from '../../lib/form-errors';
import type { EntryProps } from './AssessmentDetailPage';
import { ProposalActions } from './ProposalActions';

export function IneligibleTab({
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
  const listed = new Set(ballots.ineligible.map((i) => i.targetId));
  // Read again after every change of the list (below, after each call), so an adopted proposal shows as 已列入.
  const { data: proposals = [], reload: reloadProposals } = useCall(
    'ineligible.proposals',
    seesDossier ? { assessmentId: detail.id } : null,
    { onError: (t) => void message.error(t) },
  );
  const changed = async () => {
    await onChanged(['ineligible']);
    await reloadProposals();
  };

  const adopt = async (p: IneligibleProposal) => {
    try {
      await call('ineligible.add', {
        assessmentId: detail.id,
        targetId: p.targetId,
        reason: p.reason,
        dossierEntryId: p.dossierEntryId,
      });
      await changed();
      message.success(`已将${byId.get(p.targetId)?.name ?? ''}列入不得评优名单`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const dismiss = async (p: IneligibleProposal, dismissed: boolean) => {
    try {
      await call('ineligible.dismissProposal', {
        assessmentId: detail.id,
        dossierEntryId: p.dossierEntryId,
        dismissed,
      });
      await reloadProposals();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const openCount = proposals.filter((p) => p.state === 'open' && !p.listed).length;

  const add = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      await call('ineligible.add', { assessmentId: detail.id, targetId: v.targetId, reason: v.reason });
      await changed();
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
      await changed();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">
        列入名单的干部照常参加排名，但不得评为优秀，也不占优秀名额（名额顺延给其后的干部）；理由显示在排名结果和排名表中。可在“准备”和“测评中”状态录入。
      </Typography.Paragraph>
      {seesDossier && proposals.length > 0 ? (
        <Card
          size="small"
          title={`档案材料提示的不得评优（${detail.year}年，待处理 ${openCount} 条）`}
          style={{ marginBottom: 16 }}
          data-testid="ineligible-proposals"
        >
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            依据档案中本年度的诫勉、函询（问题属实）、学时不达标材料，以及影响期延续到本年度的处分材料（影响期按处分种类计算，未写明种类的按
            12 个月）。采纳后以“列入理由”列入名单。
          </Typography.Paragraph>
          <Table<IneligibleProposal>
            rowKey="dossierEntryId"
            size="small"
            pagination={false}
            dataSource={[...proposals]}
            columns={[
              { title: '干部', width: 90, render: (_: unknown, p) => byId.get(p.targetId)?.name ?? p.targetId },
              { title: '类别', width: 110, render: (_: unknown, p) => INELIGIBLE_KIND_LABELS[p.kind] },
              { title: '日期', dataIndex: 'date', width: 100 },
              { title: '档案材料', dataIndex: 'title', ellipsis: true },
              { title: '列入理由', dataIndex: 'reason' },
              {
                title: '处理',
                width: 190,
                render: (_: unknown, p) => (
                  <ProposalActions
                    state={p.state}
                    editable={editable}
                    adoptedText="已列入"
                    // One item per cadre: the cadre is already listed for another reason.
                    blocked={
                      p.listed ? <Typography.Text type="secondary">已因其他理由列入</Typography.Text> : undefined
                    }
                    testId={{ prefix: 'ineligible', id: p.dossierEntryId }}
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
          {
            title: '理由',
            render: (_: unknown, i) => (
              <>
                {i.reason}
                {i.dossierEntryId !== null ? (
                  <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                    （采纳自档案材料）
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
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
