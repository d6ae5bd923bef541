// 上级排名: per leader and group, the group's cadres in order (drag, move up/down, or type the places); incomplete orders are refused.
import { useMemo, useState } from 'react';
import {
  Alert,
  App as AntApp,
  AutoComplete,
  Button,
  Card,
  Empty,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { AssessmentMember, SuperiorBallotView } from '../../../shared/assessment/types';
import { call, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import type { EntryProps } from './AssessmentDetailPage';
import { groupsOf } from './groups';
import { OrderTable } from './OrderTable';
import { orderFromPlaces } from '../../../shared/assessment/superior-order';

export function SuperiorTab({ detail, ballots, editable, onChanged }: EntryProps) {
  const groups = useMemo(() => groupsOf(detail.members), [detail.members]);
  const [groupRef, setGroupRef] = useState(groups[0]?.ref ?? '');
  const [rater, setRater] = useState('');
  const group = groups.find((g) => g.ref === groupRef);
  const [rows, setRows] = useState<AssessmentMember[]>(group?.members ?? []);
  const [places, setPlaces] = useState<Map<number, number | null>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const byId = useMemo(() => new Map(detail.members.map((m) => [m.cadreId, m])), [detail.members]);
  // Only clerks' leaders are offered: a 评议终端 label is never a rater to type again (it would collide with the anonymous ballot).
  const labels = [...new Set(ballots.superior.filter((b) => !b.anonymous).map((b) => b.raterLabel))];

  const load = (ref: string, label: string) => {
    const g = groups.find((x) => x.ref === ref);
    const existing = ballots.superior.find((b) => !b.anonymous && b.group === ref && b.raterLabel === label.trim());
    const ordered = existing
      ? existing.order.map((id) => byId.get(id)).filter((m): m is AssessmentMember => m !== undefined)
      : (g?.members ?? []);
    setRows(ordered);
    setPlaces(new Map(existing ? ordered.map((m, i) => [m.cadreId, i + 1]) : []));
    setProblem(null);
  };

  const save = async () => {
    if (!rater.trim()) return setProblem('请填写上级领导（如“旗委书记”或“领导甲”）');
    const order = orderFromPlaces(rows, places);
    if (typeof order === 'string') return setProblem(order);
    setBusy(true);
    try {
      await call('ballots.saveSuperior', { assessmentId: detail.id, raterLabel: rater.trim(), group: groupRef, order });
      await onChanged(['superior']);
      message.success(`已保存${rater.trim()}对“${group?.name ?? ''}”的排名`);
      setProblem(null);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (b: SuperiorBallotView) => {
    try {
      await call('ballots.delete', { assessmentId: detail.id, kind: 'superior', id: b.id });
      await onChanged(['superior']);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      {editable ? (
        <Card size="small" title="录入上级领导综合排名" style={{ marginBottom: 16 }}>
          <Space wrap style={{ marginBottom: 12 }}>
            <span>上级领导</span>
            <AutoComplete
              style={{ width: 200 }}
              value={rater}
              options={labels.map((l) => ({ value: l }))}
              placeholder="如：旗委书记"
              onChange={(v) => setRater(v)}
              onBlur={() => load(groupRef, rater)}
              onSelect={(v: string) => load(groupRef, v)}
              data-testid="superior-rater"
            />
            <span>排名分组</span>
            <Select
              style={{ width: 260 }}
              value={groupRef}
              options={groups.map((g) => ({ value: g.ref, label: `${g.name}（${g.members.length} 人）` }))}
              onChange={(v) => {
                setGroupRef(v);
                load(v, rater);
              }}
              data-testid="superior-group"
            />
          </Space>
          <Typography.Paragraph type="secondary">
            按住行首的拖动手柄把干部拖到对应位置，或在“名次”中依次输入 1、2、3…（Tab 或 Enter
            跳到下一人），也可用上下箭头调整顺序。本组每人都须排出名次，且不能重复。
          </Typography.Paragraph>
          <OrderTable
            rows={rows}
            places={places}
            onChange={(r, p) => {
              setRows(r);
              setPlaces(p);
              setProblem(null);
            }}
            cell="place"
          />
          {problem ? (
            <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} data-testid="superior-problem" />
          ) : null}
          <Button
            type="primary"
            style={{ marginTop: 12 }}
            loading={busy}
            onClick={() => void save()}
            data-testid="superior-save"
          >
            保存排名
          </Button>
        </Card>
      ) : null}
      <Typography.Title level={5}>已录入的上级排名（{ballots.superior.length}）</Typography.Title>
      {ballots.concealedSuperior ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            `${ballots.concealedSuperior.map((ref) => groups.find((g) => g.ref === ref)?.name ?? ref).join('、')}：` +
            '评议终端票（不公开）。有干部的上级排名票不足 3 张，评议终端的排名票不列出，也不计入上面的张数。'
          }
          data-testid="superior-concealed"
        />
      ) : null}
      {ballots.superior.length === 0 ? (
        <Empty description="暂无" />
      ) : (
        <Table<SuperiorBallotView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={ballots.superior}
          columns={[
            { title: '上级领导', dataIndex: 'raterLabel', width: 140 },
            {
              title: '分组',
              dataIndex: 'group',
              width: 200,
              render: (ref: string) => groups.find((g) => g.ref === ref)?.name ?? ref,
            },
            {
              title: '排名（从高到低）',
              render: (_: unknown, b) => b.order.map((id, i) => `${i + 1}.${byId.get(id)?.name ?? id}`).join('  '),
            },
            { title: '录入', width: 200, render: (_: unknown, b) => `${b.enteredBy} ${formatDateTime(b.enteredAt)}` },
            ...(editable
              ? [
                  {
                    title: '操作',
                    width: 130,
                    render: (_: unknown, b: SuperiorBallotView) =>
                      b.anonymous ? (
                        <span>评议终端</span>
                      ) : (
                        <Space size={0}>
                          <Button
                            type="link"
                            size="small"
                            onClick={() => {
                              setRater(b.raterLabel);
                              setGroupRef(b.group);
                              load(b.group, b.raterLabel);
                            }}
                          >
                            修改
                          </Button>
                          <Popconfirm
                            title="删除这张排名票？"
                            okText="删除"
                            cancelText="取消"
                            onConfirm={() => remove(b)}
                          >
                            <Button type="link" size="small" danger>
                              删除
                            </Button>
                          </Popconfirm>
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </>
  );
}
