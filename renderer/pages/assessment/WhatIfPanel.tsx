// 权重模拟: move the component weights and see how places and 建议等次 would change; computed in the store, never saved.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, InputNumber, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import {
  COMPONENT_LABELS,
  configProblems,
  GRADE_LABELS,
  orderedGroups,
  type RankingsView,
} from '../../../shared/assessment';
import type { Component, Grade, Position, RankingConfig } from '../../../shared/scoring/types';
import { useCall } from '../../lib/useCall';
import { fmt2 } from './groups';

const COMPONENTS: readonly Component[] = ['superior', 'peer', 'staff', 'service'];
const POSITIONS: readonly Position[] = ['chief', 'deputy'];
const POSITION_NAMES: Record<Position, string> = { chief: '正职', deputy: '副职' };

interface Moved {
  cadreId: string;
  name: string;
  rank: number;
  whatIfRank: number | null;
  whatIfScore: number | null;
  grade: Grade;
  whatIfGrade: Grade | null;
}

const GRADE_COLORS: Record<Grade, string> = {
  excellent: 'red',
  competent: 'blue',
  basicallyCompetent: 'orange',
  incompetent: 'default',
};
const weightProblems = (config: RankingConfig, weights: RankingConfig['weights']) =>
  configProblems({ ...config, weights }).filter((p) => p.path.startsWith('weights'));
const copyWeights = (w: RankingConfig['weights']) => JSON.parse(JSON.stringify(w)) as RankingConfig['weights'];

export function WhatIfPanel({
  assessmentId,
  view,
  config,
}: {
  assessmentId: number;
  view: RankingsView;
  config: RankingConfig;
}) {
  const [weights, setWeights] = useState<RankingConfig['weights']>(() => copyWeights(config.weights));
  const changed = POSITIONS.some((p) => COMPONENTS.some((c) => weights[p][c] !== config.weights[p][c]));
  const local = useMemo(() => weightProblems(config, weights), [config, weights]);
  // Recomputed a moment after the last change, so typing a number does not send a call per keystroke; an answer to
  // weights changed since never replaces the newer one.
  const [settled, setSettled] = useState(weights);
  useEffect(() => {
    const t = setTimeout(() => setSettled(weights), 300);
    return () => clearTimeout(t);
  }, [weights]);
  const settledOk = useMemo(() => weightProblems(config, settled).length === 0, [config, settled]);
  const { data: result, error: problem } = useCall(
    'rankings.whatIf',
    settledOk ? { assessmentId, weights: settled } : null,
  );

  const groups = [...orderedGroups(view, 'chief'), ...orderedGroups(view, 'deputy')].map((g) => {
    const other = result?.groups.find((x) => x.position === g.position && x.groupKey === g.groupKey);
    const rows: Moved[] = g.rows.map((r) => {
      const w = other?.rows.find((x) => x.cadreId === r.cadreId);
      return {
        cadreId: r.cadreId,
        name: view.members[r.cadreId]?.name ?? r.cadreId,
        rank: r.rank,
        whatIfRank: w?.rank ?? null,
        whatIfScore: w?.finalScore ?? null,
        grade: r.grade,
        whatIfGrade: w?.grade ?? null,
      };
    });
    rows.sort((a, b) => (a.whatIfRank ?? 1e9) - (b.whatIfRank ?? 1e9) || a.rank - b.rank);
    return {
      key: `${g.position}:${g.groupKey}`,
      name: view.groupNames[`${g.position}:${g.groupKey}`] ?? g.groupKey,
      rows,
    };
  });

  return (
    <div data-testid="what-if">
      <Typography.Paragraph type="secondary">
        调整四项权重，查看名次和建议等次的变化（等次后带 * 表示与原建议等次不同）。仅为模拟，不保存、不影响考核结果。
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        {POSITIONS.map((p) => (
          <Space key={p} wrap style={{ marginBottom: 8, display: 'flex' }}>
            <b style={{ width: 40, display: 'inline-block' }}>{POSITION_NAMES[p]}</b>
            {COMPONENTS.map((c) => (
              <span key={c}>
                {COMPONENT_LABELS[c]}{' '}
                <InputNumber
                  min={0}
                  max={100}
                  step={0.05}
                  value={weights[p][c]}
                  style={{ width: 90 }}
                  onChange={(v) => setWeights((w) => ({ ...w, [p]: { ...w[p], [c]: typeof v === 'number' ? v : 0 } }))}
                  data-testid={`whatif-${p}-${c}`}
                />
              </span>
            ))}
          </Space>
        ))}
        <Button disabled={!changed} onClick={() => setWeights(copyWeights(config.weights))} data-testid="whatif-reset">
          恢复原权重
        </Button>
        {local.length > 0 ? <Alert type="error" showIcon title={local[0]!.message} /> : null}
        {problem ? <Alert type="error" showIcon title={problem} /> : null}
      </Card>
      <Row gutter={16}>
        {groups.map((g) => (
          <Col span={12} key={g.key}>
            <Card size="small" title={g.name} style={{ marginBottom: 16 }}>
              <Table<Moved>
                rowKey="cadreId"
                size="small"
                pagination={false}
                dataSource={g.rows}
                locale={{ emptyText: '暂无排名' }}
                columns={[
                  {
                    title: '模拟名次',
                    dataIndex: 'whatIfRank',
                    width: 80,
                    render: (r: number | null) => r ?? '未排名',
                  },
                  { title: '姓名', dataIndex: 'name' },
                  { title: '模拟得分', dataIndex: 'whatIfScore', width: 90, render: fmt2 },
                  {
                    title: '模拟等次',
                    width: 96,
                    render: (_: unknown, m) =>
                      m.whatIfGrade === null ? (
                        '—'
                      ) : (
                        <Tooltip title={m.whatIfGrade !== m.grade ? `原建议等次：${GRADE_LABELS[m.grade]}` : undefined}>
                          <Tag
                            color={GRADE_COLORS[m.whatIfGrade]}
                            style={{ marginInlineEnd: 0 }}
                            data-testid={`whatif-grade-${m.name}`}
                          >
                            {GRADE_LABELS[m.whatIfGrade]}
                            {m.whatIfGrade !== m.grade ? '*' : ''}
                          </Tag>
                        </Tooltip>
                      ),
                  },
                  { title: '原名次', dataIndex: 'rank', width: 70 },
                  {
                    title: '变化',
                    width: 80,
                    render: (_: unknown, m) => {
                      if (m.whatIfRank === null) return '—';
                      const d = m.rank - m.whatIfRank;
                      if (d > 0)
                        return (
                          <span style={{ color: '#389e0d' }} data-testid={`move-${m.name}`}>
                            <ArrowUpOutlined /> {d}
                          </span>
                        );
                      if (d < 0)
                        return (
                          <span style={{ color: '#cf1322' }} data-testid={`move-${m.name}`}>
                            <ArrowDownOutlined /> {-d}
                          </span>
                        );
                      return <span data-testid={`move-${m.name}`}>—</span>;
                    },
                  },
                ]}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
