// 参评情况: per group and rater kind, 应到 / 实到 / 弃权 / 有效 / 无效 / 参评率 and the codes not yet used, live while
// 测评中; clerks enter their count of the paper forms here (issue 21 §3).
import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, InputNumber, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import {
  COMPONENT_LABELS,
  invalidText,
  participationWarnings,
  PARTICIPATION_KINDS,
  rateText,
  type AssessmentDetail,
  type ParticipationLine,
  type RankingsView,
} from '../../../shared/assessment';
import type { Component } from '../../../shared/scoring/types';
import { FormModal } from '../../lib/FormModal';
import { call } from '../../lib/api';
import { showFormError, validValues } from '../../lib/form-errors';
import { useCall } from '../../lib/useCall';

interface SheetForm {
  group: string;
  kind: Component;
  expected: number | null;
  received: number | null;
  invalid: number | null;
  abstained: number | null;
}

function SheetModal({
  view,
  assessmentId,
  initial,
  onClose,
  onSaved,
}: {
  view: RankingsView;
  assessmentId: number;
  initial: SheetForm;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const [form] = Form.useForm<SheetForm>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const kind = Form.useWatch('kind', form) ?? initial.kind;
  const groups = view.groupOrder ?? Object.keys(view.groupNames);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      await call('participation.saveSheet', {
        assessmentId,
        group: v.group,
        kind: v.kind,
        expected: v.kind === 'peer' ? null : (v.expected ?? null),
        received: v.received ?? null,
        invalid: v.invalid ?? null,
        abstained: v.abstained ?? null,
      });
      message.success('纸质票清点数已保存');
      await onSaved();
      onClose();
    } catch (e) {
      showFormError(form, e, (text) => message.error(text));
    } finally {
      setBusy(false);
    }
  };
  const count = (name: keyof SheetForm, label: string, disabled = false) => (
    <Form.Item name={name} label={label} style={{ marginBottom: 12 }}>
      <InputNumber min={0} precision={0} disabled={disabled} style={{ width: 140 }} data-testid={`sheet-${name}`} />
    </Form.Item>
  );
  return (
    <FormModal
      open
      title="录入纸质票清点数"
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      dirty={() => form.isFieldsTouched()}
      onCancel={onClose}
      onOk={() => void save()}
      width={480}
    >
      <Form form={form} layout="horizontal" labelCol={{ span: 8 }} initialValues={initial}>
        <Form.Item name="group" label="分组" style={{ marginBottom: 12 }}>
          <Select options={groups.map((g) => ({ value: g, label: view.groupNames[g] ?? g }))} />
        </Form.Item>
        <Form.Item name="kind" label="测评类型" style={{ marginBottom: 12 }}>
          <Select options={PARTICIPATION_KINDS.map((k) => ({ value: k, label: COMPONENT_LABELS[k] }))} />
        </Form.Item>
        {count('expected', '发出（张）', kind === 'peer')}
        {count('received', '收回（张）')}
        {count('invalid', '其中无效（张）')}
        {count('abstained', '其中弃权（张）')}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
          只填纸质票：评议终端的票按评议码自动统计。同级互评的应到人数即本组人数。四项都清空即删除这条清点记录。
        </Typography.Paragraph>
      </Form>
    </FormModal>
  );
}

export function ParticipationTab({ detail, canEnter }: { detail: AssessmentDetail; canEnter: boolean }) {
  const [editing, setEditing] = useState<SheetForm | null>(null);
  const { message } = AntApp.useApp();
  const { data: view, reload: load } = useCall(
    'rankings.get',
    { assessmentId: detail.id },
    { onError: (t) => message.error(t) },
  );
  if (!view) return <Spin tip="正在统计…" />;
  const report = view.participation;
  const lines = report?.lines ?? [];
  const warnings = report ? participationWarnings(report, view.groupNames) : [];
  const edit = (l?: ParticipationLine) =>
    setEditing({
      group: l?.group ?? view.groupOrder?.[0] ?? '',
      kind: l?.kind ?? 'staff',
      expected: l?.sheet?.expected ?? null,
      received: l?.sheet?.received ?? null,
      invalid: l?.sheet?.invalid ?? null,
      abstained: l?.sheet?.abstained ?? null,
    });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button onClick={() => void load()} data-testid="participation-refresh">
          刷新
        </Button>
        {canEnter ? (
          <Button onClick={() => edit()} data-testid="participation-sheet-new">
            录入纸质票清点数
          </Button>
        ) : null}
        <Typography.Text type="secondary">
          参评率低于应到的 {Math.round((report?.minShare ?? 2 / 3) * 1000) / 10}% 时，汇总前会提醒（不阻止汇总）。
        </Typography.Text>
      </Space>
      {warnings.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="汇总前请核对"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
          data-testid="participation-warnings"
        />
      ) : null}
      <Table<ParticipationLine>
        size="small"
        rowKey={(l) => `${l.group}|${l.kind}`}
        dataSource={lines}
        pagination={false}
        scroll={{ y: 'calc(100vh - 360px)' }}
        locale={{ emptyText: '尚无测评票、评议码或清点记录' }}
        data-testid="participation-table"
        columns={[
          {
            title: '分组',
            width: 200,
            render: (_: unknown, l) => view.groupNames[l.group] ?? l.group,
            onCell: (l, i) => {
              const first = i === 0 || lines[(i ?? 0) - 1]?.group !== l.group;
              return { rowSpan: first ? lines.filter((x) => x.group === l.group).length : 0 };
            },
          },
          { title: '测评类型', width: 90, render: (_: unknown, l) => COMPONENT_LABELS[l.kind] },
          { title: '应到', width: 60, align: 'right', render: (_: unknown, l) => l.expected ?? '—' },
          { title: '实到', width: 60, align: 'right', dataIndex: 'received' },
          { title: '弃权', width: 60, align: 'right', dataIndex: 'abstained' },
          { title: '有效', width: 60, align: 'right', dataIndex: 'valid' },
          { title: '无效', render: (_: unknown, l) => invalidText(l).replace(/^无效 /, '') },
          { title: '参评率', width: 80, align: 'right', render: (_: unknown, l) => rateText(l.rate) },
          {
            title: '未用评议码',
            width: 90,
            align: 'right',
            render: (_: unknown, l) => (l.kind === 'service' ? '—' : l.codesUnused),
          },
          {
            title: '提醒',
            width: 130,
            render: (_: unknown, l) => (
              <>
                {l.lowTurnout ? <Tag color="orange">参评率偏低</Tag> : null}
                {l.paperMismatch ? <Tag color="red">纸质票数不平</Tag> : null}
              </>
            ),
          },
          ...(canEnter
            ? [
                {
                  title: '',
                  width: 90,
                  render: (_: unknown, l: ParticipationLine) => (
                    <Button size="small" type="link" onClick={() => edit(l)}>
                      清点数
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <SheetModal
          view={view}
          assessmentId={detail.id}
          initial={editing}
          onClose={() => setEditing(null)}
          onSaved={load}
        />
      ) : null}
    </>
  );
}
