// The 政治素质审查意见 on screen: the same sections, in the same order, as the printed page and the .docx.
import { Alert, Table, Typography } from 'antd';
import type { OutlineSection } from '../../../shared/review/outline';

export function ReviewSections({ sections }: { sections: readonly OutlineSection[] }) {
  return (
    <div data-testid="review-sections">
      {sections.map((s) => (
        <section key={s.key} data-section={s.key} style={{ marginBottom: 12 }}>
          {s.alert ? (
            <Alert
              type="error"
              showIcon
              message={s.heading}
              description={s.paragraphs.join('')}
              style={{ marginBottom: 8 }}
            />
          ) : (
            <>
              <Typography.Title level={5} style={{ margin: '8px 0 4px' }}>
                {s.heading}
              </Typography.Title>
              {s.paragraphs.map((p, i) => (
                <Typography.Paragraph key={i} style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>
                  {p}
                </Typography.Paragraph>
              ))}
            </>
          )}
          {s.table ? (
            <Table<{ key: number; cells: readonly string[] }>
              size="small"
              pagination={false}
              bordered
              dataSource={s.table.rows.map((cells, key) => ({ key, cells }))}
              columns={s.table.header.map((title, i) => ({
                title,
                key: String(i),
                width: `${s.table?.widths[i] ?? 10}%`,
                render: (_: unknown, r: { cells: readonly string[] }) => r.cells[i],
              }))}
            />
          ) : null}
        </section>
      ))}
    </div>
  );
}
