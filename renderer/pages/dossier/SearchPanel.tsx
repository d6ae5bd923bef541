// 全文检索: search every dossier's titles, contents and attachment names; matches highlighted, a click opens the dossier.
import { useState } from 'react';
import { App as AntApp, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import type { SearchResult, TextPart } from '../../../shared/dossier/types';
import { call, errorMessage } from '../../lib/api';

const Marked = ({ parts }: { parts: readonly TextPart[] }) => (
  <>
    {parts.map((p, i) =>
      p.hit ? (
        <mark key={i} style={{ background: '#ffe58f', padding: 0 }}>
          {p.text}
        </mark>
      ) : (
        <span key={i}>{p.text}</span>
      ),
    )}
  </>
);

export function SearchPanel({ onOpenCadre }: { onOpenCadre: (cadreId: number) => void }) {
  const [result, setResult] = useState<SearchResult | null>(null);
  const [loading, setLoading] = useState(false);
  const { message } = AntApp.useApp();
  const search = async (text: string) => {
    if (!text.trim()) return;
    setLoading(true);
    try {
      setResult(await call('dossier.search', { text }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="search">
      <Input.Search
        placeholder="输入文字检索全部档案的标题、内容和附件名（一个字也可以）"
        enterButton="检索"
        maxLength={50}
        loading={loading}
        onSearch={(t) => void search(t)}
        style={{ maxWidth: 640 }}
        data-testid="search-input"
      />
      {result === null ? null : result.hits.length === 0 ? (
        <Empty description="没有找到相关材料" />
      ) : (
        <Card
          size="small"
          title={`找到 ${result.hits.length} 条${result.truncated ? '（只显示最新的 200 条，请输入更多文字缩小范围）' : ''}`}
        >
          <List
            dataSource={result.hits as SearchResult['hits'][number][]}
            renderItem={(h) => (
              <List.Item key={h.entryId} data-testid={`hit-${h.entryId}`}>
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap size={6}>
                    <Typography.Link strong onClick={() => onOpenCadre(h.cadreId)}>
                      {h.cadreName}
                    </Typography.Link>
                    <Typography.Text type="secondary">{h.unitName}</Typography.Text>
                    <Tag>
                      {h.section.code} {h.section.name}
                    </Tag>
                    <Typography.Text type="secondary">{h.date}</Typography.Text>
                    <Typography.Text strong>
                      <Marked parts={h.title} />
                    </Typography.Text>
                  </Space>
                  <Typography.Text>
                    <Marked parts={h.excerpt} />
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}
