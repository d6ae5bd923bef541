// 同级互评: per rater, a keyboard-first grid of the group's other cadres × the position's indicators with live totals.
import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Empty, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { groupRefOf, type PeerBallotView } from '../../../shared/assessment/types';
import { call, errorMessage } from '../../lib/api';
import type { EntryProps } from './AssessmentDetailPage';
import { PeerScoreGrid, gridBallots, type ScoreGrid } from './ballot-forms';
import { groupsOf } from './groups';
import { filterMember, memberOption } from './member-search';

export function PeerTab({ detail, ballots, editable, onChanged }: EntryProps) {
  const groups = useMemo(() => groupsOf(detail.members), [detail.members]);
  const byId = useMemo(() => new Map(detail.members.map((m) => [m.cadreId, m])), [detail.members]);
  const [raterId, setRaterId] = useState<number | null>(null);
  const [grid, setGrid] = useState<ScoreGrid>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const rater = raterId === null ? undefined : byId.get(raterId);
  // The rater never appears as a target: the grid lists the group's other cadres only.
  const targets = rater
    ? detail.members.filter((m) => groupRefOf(m) === groupRefOf(rater) && m.cadreId !== rater.cadreId)
    : [];
  const indicators = rater
    ? detail.config.indicators[rater.position].map((i) => ({ ...i, name: detail.indicatorNames[i.id] ?? i.id }))
    : [];

  const pickRater = (id: number) => {
    setRaterId(id);
    const g: ScoreGrid = {};
    for (const b of ballots.peer.filter((x) => x.raterId === id)) g[b.targetId] = { ...b.scores };
    setGrid(g);
    setProblem(null);
  };

  const save = async () => {
    if (!rater) return;
    // Rows left empty are skipped; a row begun must be complete.
    const filled = gridBallots(targets, indicators, grid, false);
    if (typeof filled === 'string') return setProblem(filled);
    setBusy(true);
    try {
      await call('ballots.savePeer', { assessmentId: detail.id, raterId: rater.cadreId, ballots: filled });
      await onChanged(['peer']);
      message.success(`已保存${rater.name}的互评（${filled.length} 人）`);
      setProblem(null);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (b: PeerBallotView) => {
    try {
      await call('ballots.delete', { assessmentId: detail.id, kind: 'peer', id: b.id });
      await onChanged(['peer']);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      {editable ? (
        <Card size="small" title="录入同级互评" style={{ marginBottom: 16 }}>
          <Space style={{ marginBottom: 12 }}>
            <span>评价人</span>
            <Select
              showSearch={{ filterOption: filterMember }}
              style={{ width: 280 }}
              placeholder="选择评价人"
              value={raterId}
              onChange={pickRater}
              options={groups.map((g) => ({
                label: g.name,
                title: g.name,
                options: g.members.map((m) => memberOption(detail, m, m.name)),
              }))}
              data-testid="peer-rater"
            />
          </Space>
          {rater ? (
            <>
              <Typography.Paragraph type="secondary">
                分数 0–100，按 Tab 或 Enter 跳到下一格；合计按指标权重实时计算。评价人本人不在表中。
              </Typography.Paragraph>
              <PeerScoreGrid
                targets={targets}
                indicators={indicators}
                grid={grid}
                onChange={(g) => {
                  setGrid(g);
                  setProblem(null);
                }}
                cell="peer"
                emptyText="本组没有其他干部"
              />
              {problem ? (
                <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} data-testid="peer-problem" />
              ) : null}
              <Button
                type="primary"
                style={{ marginTop: 12 }}
                loading={busy}
                onClick={() => void save()}
                data-testid="peer-save"
              >
                保存互评
              </Button>
            </>
          ) : null}
        </Card>
      ) : null}
      <Typography.Title level={5}>已录入的互评（{ballots.peer.length}）</Typography.Title>
      {ballots.peer.length === 0 ? (
        <Empty description="暂无" />
      ) : (
        <Table<PeerBallotView & { rowKey: string }>
          rowKey="rowKey"
          size="small"
          pagination={{ pageSize: 20, showSizeChanger: false }}
          // Kiosk ballots carry no id (it would group one rater's ballots): keyed by position.
          dataSource={ballots.peer.map((b, i) => ({ ...b, rowKey: b.anonymous ? `anonymous-${i}` : String(b.id) }))}
          columns={[
            {
              title: '评价人',
              width: 140,
              render: (_: unknown, b) => (b.raterId === null ? '匿名评议' : (byId.get(b.raterId)?.name ?? b.raterId)),
            },
            { title: '被评价人', width: 140, render: (_: unknown, b) => byId.get(b.targetId)?.name ?? b.targetId },
            {
              title: '分数',
              render: (_: unknown, b) =>
                Object.entries(b.scores)
                  .map(([k, v]) => `${detail.indicatorNames[k] ?? k} ${v}`)
                  .join('，'),
            },
            ...(editable
              ? [
                  {
                    title: '操作',
                    width: 80,
                    render: (_: unknown, b: PeerBallotView) =>
                      b.anonymous ? null : (
                        <Popconfirm
                          title="删除这张互评票？"
                          okText="删除"
                          cancelText="取消"
                          onConfirm={() => remove(b)}
                        >
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
      )}
    </>
  );
}
