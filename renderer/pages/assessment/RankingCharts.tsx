// Ranking charts: per group, each cadre's base score stacked by weighted component; and the final-score distribution.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { Card, Col, Empty, Row, Typography } from 'antd';
import { orderedGroups } from '../../../shared/assessment/ranking-display';
import type { RankingsView } from '../../../shared/assessment/types';
import type { Component, RankingConfig, RankingGroup, RankingRow } from '../../../shared/scoring/types';

const COMPONENTS: readonly [Component, string, string][] = [
  ['superior', '上级排名', '#9b1c1c'],
  ['peer', '同级互评', '#d4880f'],
  ['staff', '职工测评', '#1f6fb2'],
  ['service', '服务对象', '#3f8f4f'],
];

/** Each component's share of the base score: w·score / Σw over the present components of positive weight. */
export function contributions(row: RankingRow, weights: Record<Component, number>): Record<Component, number> {
  let sum = 0;
  for (const [c] of COMPONENTS) if (row.components[c] && weights[c] > 0) sum += weights[c];
  const out = { superior: 0, peer: 0, staff: 0, service: 0 };
  if (sum === 0) return out;
  for (const [c] of COMPONENTS) {
    const v = row.components[c];
    if (v && weights[c] > 0) out[c] = Math.round(((weights[c] * v.score) / sum) * 100) / 100;
  }
  return out;
}

/** The legend's sort key: the top of the stack (the last component) first. */
const stackOrder = (item: { dataKey?: unknown }) => -COMPONENTS.findIndex(([c]) => c === item.dataKey);

function GroupChart({ view, group, config }: { view: RankingsView; group: RankingGroup; config: RankingConfig }) {
  const name = (view.groupNames[`${group.position}:${group.groupKey}`] ?? group.groupKey).replace(/^(正职|副职)·/, '');
  const data = group.rows.map((r) => ({
    name: view.members[r.cadreId]?.name ?? r.cadreId,
    ...contributions(r, config.weights[group.position]),
  }));
  return (
    <Card size="small" title={`${group.position === 'chief' ? '正职' : '副职'}·${name}`} style={{ marginBottom: 16 }}>
      {data.length === 0 ? (
        <Empty description="暂无排名" />
      ) : (
        <BarChart
          responsive
          data={data}
          style={{ width: '100%', height: 240 }}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(2) : String(v))} itemSorter={stackOrder} />
          {/* Top to bottom as the stack is drawn (the first Bar at the bottom); Recharts would sort the names otherwise. */}
          <Legend
            layout="vertical"
            align="right"
            verticalAlign="middle"
            itemSorter={stackOrder}
            wrapperStyle={{ fontSize: 12, paddingLeft: 8 }}
          />
          {COMPONENTS.map(([c, label, color]) => (
            <Bar
              key={c}
              dataKey={c}
              name={label}
              stackId="base"
              fill={color}
              isAnimationActive={false}
              maxBarSize={48}
            />
          ))}
        </BarChart>
      )}
    </Card>
  );
}

const BINS: readonly [string, number, number][] = [
  ['<50', -Infinity, 50],
  ['50–60', 50, 60],
  ['60–70', 60, 70],
  ['70–80', 70, 80],
  ['80–85', 80, 85],
  ['85–90', 85, 90],
  ['90–95', 90, 95],
  ['≥95', 95, Infinity],
];

function distribution(view: RankingsView) {
  return BINS.map(([label, lo, hi]) => {
    const count = (p: 'chief' | 'deputy') =>
      view.result.groups
        .filter((g) => g.position === p)
        .reduce((n, g) => n + g.rows.filter((r) => r.finalScore >= lo && r.finalScore < hi).length, 0);
    return { label, chief: count('chief'), deputy: count('deputy') };
  });
}

export function RankingCharts({ view, config }: { view: RankingsView; config: RankingConfig }) {
  return (
    <div data-testid="ranking-charts">
      <Card size="small" title="最终得分分布" style={{ marginBottom: 16 }}>
        <BarChart
          responsive
          data={distribution(view)}
          style={{ width: '100%', height: 220 }}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend itemSorter={null} />
          <Bar dataKey="chief" name="正职" fill="#9b1c1c" isAnimationActive={false} maxBarSize={40} />
          <Bar dataKey="deputy" name="副职" fill="#1f6fb2" isAnimationActive={false} maxBarSize={40} />
        </BarChart>
      </Card>
      <Typography.Paragraph type="secondary">
        各组柱高为基础分，按权重拆分为四项测评的贡献（缺少的测评项不计入，权重按比例折算）。
      </Typography.Paragraph>
      <Row gutter={16}>
        {[...orderedGroups(view, 'chief'), ...orderedGroups(view, 'deputy')].map((g) => (
          <Col span={12} key={`${g.position}:${g.groupKey}`}>
            <GroupChart view={view} group={g} config={config} />
          </Col>
        ))}
      </Row>
    </div>
  );
}
