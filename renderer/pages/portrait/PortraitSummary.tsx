// A portrait's numbers in words: overall index, evidence counts, classification with its reason, veto, suggestions,
// and under each dimension the entries that moved it.
import { Alert, Collapse, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import type { Classification, PortraitResult } from '../../../shared/portrait/types';

export const CLASSIFICATION_COLORS: Readonly<Record<Classification, string>> = {
  good: 'green',
  fairlyGood: 'blue',
  average: 'gold',
  poor: 'red',
};

export interface PortraitSummaryProps {
  readonly result: PortraitResult;
  /** Title of an evidence entry, to show it under the dimensions it moved. */
  readonly titleOf: (entryId: number) => string;
  /** Name of a list item code (optional; the code is shown alone without it). */
  readonly listItemName?: (code: string) => string | undefined;
  /** When given, entry titles are links that open the entry (in the dossier view). */
  readonly onOpenEntry?: (entryId: number) => void;
  /** When given, the evidence counts are links that list the entries behind them. */
  readonly onShowCounted?: (polarity: 'positive' | 'negative' | 'neutral' | 'all') => void;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function PortraitSummary({ result, titleOf, listItemName, onOpenEntry, onShowCounted }: PortraitSummaryProps) {
  const itemText = (code: string) => {
    const name = listItemName?.(code);
    return name ? `${code} ${name}` : code;
  };
  const entryLink = (id: number) =>
    onOpenEntry ? (
      <Typography.Link key={id} onClick={() => onOpenEntry(id)} data-testid={`portrait-entry-${id}`}>
        {titleOf(id)}
      </Typography.Link>
    ) : (
      <span key={id}>{titleOf(id)}</span>
    );
  const count = (polarity: 'positive' | 'negative' | 'neutral' | 'all', n: number) =>
    onShowCounted ? (
      <Typography.Link onClick={() => onShowCounted(polarity)} data-testid={`portrait-count-${polarity}`}>
        {n}
      </Typography.Link>
    ) : (
      n
    );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="portrait-summary">
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          {
            key: 'overall',
            label: '综合指数',
            children: (
              <Typography.Text strong data-testid="portrait-overall">
                {result.overall}
              </Typography.Text>
            ),
          },
          {
            key: 'class',
            label: '评价等次（计算）',
            children: (
              <Tag color={CLASSIFICATION_COLORS[result.classification]} data-testid="portrait-classification">
                {result.classificationLabel}
              </Tag>
            ),
          },
          {
            key: 'counts',
            label: '统计期内材料',
            span: 2,
            children: (
              <span data-testid="portrait-counts">
                共 {count('all', result.counts.total)} 条：正面 {count('positive', result.counts.positive)} 条，负面{' '}
                {count('negative', result.counts.negative)} 条，中性 {count('neutral', result.counts.neutral)} 条（
                {result.windowFrom} 至 {result.asOf}）
              </span>
            ),
          },
          { key: 'reason', label: '依据', span: 2, children: result.reason },
        ]}
      />
      {result.veto.present ? (
        <Alert
          type="error"
          showIcon
          title="存在一票否决事项"
          description={
            <Space size="small" wrap>
              {result.veto.entries.map((v) => (
                <span key={v.entryId}>
                  {itemText(v.listItemCode)}：{entryLink(v.entryId)}
                </span>
              ))}
            </Space>
          }
        />
      ) : null}
      <Collapse
        size="small"
        items={result.dimensions.map((d) => ({
          key: d.code,
          label: (
            <span data-testid={`portrait-dimension-${d.code}`}>
              {d.name}{' '}
              <Typography.Text strong data-testid={`portrait-index-${d.code}`}>
                {d.index}
              </Typography.Text>
              <Typography.Text type="secondary">（{d.contributions.length} 条计分材料）</Typography.Text>
            </span>
          ),
          children:
            d.contributions.length === 0 && d.relatedEntryIds.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="统计期内没有影响该维度的材料" />
            ) : (
              <>
                <List
                  size="small"
                  dataSource={d.contributions as PortraitResult['dimensions'][number]['contributions'][number][]}
                  renderItem={(c) => (
                    <List.Item extra={<Tag color={c.points >= 0 ? 'green' : 'volcano'}>{signed(c.points)}</Tag>}>
                      <Space size="small" wrap>
                        <Typography.Text type="secondary">{c.date}</Typography.Text>
                        {entryLink(c.entryId)}
                        <Typography.Text type="secondary">{itemText(c.listItemCode)}</Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
                {d.relatedEntryIds.length > 0 ? (
                  <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                    相关材料（未对应正负面清单，不计分）：
                    <Space size="small" wrap>
                      {d.relatedEntryIds.map(entryLink)}
                    </Space>
                  </Typography.Paragraph>
                ) : null}
              </>
            ),
        }))}
      />
      <div>
        <Typography.Text strong>薄弱维度建议（缺什么补什么）</Typography.Text>
        {result.suggestions.length === 0 ? (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            没有低于判定线的维度。
          </Typography.Paragraph>
        ) : (
          <List
            size="small"
            dataSource={result.suggestions as PortraitResult['suggestions'][number][]}
            renderItem={(s) => (
              <List.Item>
                <Space size="small" wrap>
                  <span>
                    {s.dimensionName} {s.index}
                  </span>
                  {s.measures.map((m) => (
                    <Tag key={m} color="orange">
                      {m}
                    </Tag>
                  ))}
                </Space>
              </List.Item>
            )}
          />
        )}
      </div>
    </Space>
  );
}
