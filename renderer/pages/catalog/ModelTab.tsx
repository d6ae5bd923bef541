// The catalog page's read-only 评价模型 tab: the portrait model's configuration, the points of every list item, and a
// live example (radar and summary) computed from a fixed, made-up evidence list.
import { useMemo, type ReactNode } from 'react';
import { Card, Col, Descriptions, Row, Table, Tag, Typography } from 'antd';
import type { Catalogs } from '../../../shared/catalog/types';
import { computePortrait } from '../../../shared/portrait/model';
import { SAMPLE_AS_OF, SAMPLE_EVIDENCE, type SampleEntry } from '../../../shared/portrait/sample';
import type { PortraitConfig } from '../../../shared/portrait/types';
import { EVIDENCE_POLARITY_LABELS } from '../../../shared/portrait/types';
import { PortraitRadar } from '../portrait/PortraitRadar';
import { PortraitSummary } from '../portrait/PortraitSummary';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function ModelTab({
  catalogs,
  config,
  configEditor,
}: {
  catalogs: Catalogs;
  config: PortraitConfig;
  configEditor?: ReactNode;
}) {
  const result = useMemo(
    () => computePortrait({ catalog: catalogs, config, asOf: SAMPLE_AS_OF, evidence: SAMPLE_EVIDENCE }),
    [catalogs, config],
  );
  const titles = new Map(SAMPLE_EVIDENCE.map((e) => [e.id, e.title]));
  const itemNames = new Map(catalogs.listItems.map((i) => [i.code, i.name]));
  const dimName = new Map(catalogs.dimensions.map((d) => [d.code, d.name]));
  const vetoItems = catalogs.listItems.filter((i) => i.veto).map((i) => `${i.code} ${i.name}`);

  return (
    <div data-testid="model-tab">
      <Card size="small" title="模型参数" style={{ marginBottom: 16 }} extra={configEditor}>
        <Descriptions
          size="small"
          column={2}
          items={[
            { key: 'start', label: '维度起始分值', children: config.startValue },
            {
              key: 'window',
              label: '统计期',
              children: `最近 ${config.windowYears} 年（基准日前 ${config.windowYears} 年的次日至基准日）`,
            },
            { key: 'clamp', label: '维度指数范围', children: `${config.clampMin}–${config.clampMax}` },
            { key: 'overall', label: '综合指数', children: '5 个维度指数的平均值（保留两位小数）' },
            {
              key: 'grades',
              label: '评价等次',
              span: 2,
              children: `好 ≥ ${config.goodMin}，较好 ≥ ${config.fairlyGoodMin}，一般 ≥ ${config.averageMin}，较差 < ${config.averageMin} 或存在一票否决事项`,
            },
            { key: 'veto', label: '一票否决事项', span: 2, children: vetoItems.length ? vetoItems.join('；') : '无' },
            {
              key: 'weak',
              label: '薄弱维度判定线',
              span: 2,
              children: `维度指数低于 ${config.weakBelow} 时给出“缺什么补什么”建议`,
            },
          ]}
        />
      </Card>
      <Card size="small" title="正负面清单分值" style={{ marginBottom: 16 }}>
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={catalogs.listItems as Catalogs['listItems'][number][]}
          columns={[
            { title: '编码', dataIndex: 'code', width: 70 },
            { title: '事项', dataIndex: 'name' },
            {
              title: '对应维度',
              dataIndex: 'dimensions',
              width: 180,
              render: (ds: string[]) => ds.map((d) => dimName.get(d) ?? d).join('、'),
            },
            { title: '分值', dataIndex: 'points', width: 70, render: (p: number) => signed(p) },
            {
              title: '一票否决',
              dataIndex: 'veto',
              width: 90,
              render: (v: boolean) => (v ? <Tag color="red">是</Tag> : '—'),
            },
          ]}
        />
      </Card>
      <Card size="small" title={`示例（虚构材料，评价基准日 ${SAMPLE_AS_OF}）`}>
        <Typography.Paragraph type="secondary">
          下面的画像按当前模型参数和清单分值，由一组虚构的材料即时计算得出，仅用于说明模型。
        </Typography.Paragraph>
        <Row gutter={[24, 16]}>
          <Col flex="440px">
            <PortraitRadar result={result} />
          </Col>
          <Col flex="1 1 420px" style={{ minWidth: 0 }}>
            <PortraitSummary
              result={result}
              titleOf={(id) => titles.get(id) ?? `材料 ${id}`}
              listItemName={(c) => itemNames.get(c)}
            />
          </Col>
        </Row>
        <Table<SampleEntry>
          style={{ marginTop: 16 }}
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={SAMPLE_EVIDENCE as SampleEntry[]}
          columns={[
            { title: '日期', dataIndex: 'date', width: 110 },
            { title: '材料（虚构）', dataIndex: 'title' },
            {
              title: '性质',
              dataIndex: 'polarity',
              width: 70,
              render: (p: SampleEntry['polarity']) => EVIDENCE_POLARITY_LABELS[p],
            },
            { title: '清单事项', dataIndex: 'listItemCode', width: 90, render: (c: string | null) => c ?? '—' },
            { title: '相关标准', dataIndex: 'standards', width: 110, render: (s: string[]) => s.join('、') },
          ]}
        />
      </Card>
    </div>
  );
}
