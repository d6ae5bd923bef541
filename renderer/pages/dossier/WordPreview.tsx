// A .docx attachment as the blocks the store read out of it: text nodes only, never HTML, so nothing in it can run.
import { Alert, Typography } from 'antd';
import type { DocBlock, DocRun } from '../../../shared/dossier/types';

const HEADING_SIZES = [0, 22, 19, 17, 16, 15, 14] as const;

function Runs({ runs }: { runs: readonly DocRun[] }) {
  return (
    <>
      {runs.map((r, i) =>
        r.bold || r.italic ? (
          <span key={i} style={{ fontWeight: r.bold ? 600 : undefined, fontStyle: r.italic ? 'italic' : undefined }}>
            {r.text}
          </span>
        ) : (
          r.text
        ),
      )}
    </>
  );
}

function Blocks({ blocks }: { blocks: readonly DocBlock[] }) {
  return (
    <>
      {blocks.map((b, i) =>
        b.type === 'table' ? (
          <table key={i} style={{ borderCollapse: 'collapse', margin: '8px 0', width: '100%' }}>
            <tbody>
              {b.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c} style={{ border: '1px solid #bfbfbf', padding: '4px 8px', verticalAlign: 'top' }}>
                      <Blocks blocks={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : b.heading > 0 ? (
          <div
            key={i}
            role="heading"
            aria-level={b.heading}
            style={{ fontSize: HEADING_SIZES[b.heading], fontWeight: 600, margin: '12px 0 6px' }}
          >
            <Runs runs={b.runs} />
          </div>
        ) : (
          <p key={i} style={{ margin: '0 0 6px', whiteSpace: 'pre-wrap', minHeight: '1em' }}>
            <Runs runs={b.runs} />
          </p>
        ),
      )}
    </>
  );
}

export function WordPreview({ blocks, imagesLeftOut }: { blocks: readonly DocBlock[]; imagesLeftOut: number }) {
  return (
    <div>
      {imagesLeftOut > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={`预览只显示文字和表格，文档中的 ${imagesLeftOut} 处图片未显示（以“〔图片〕”标出）`}
        />
      ) : null}
      <div
        data-testid="word-preview"
        style={{
          maxHeight: '68vh',
          overflow: 'auto',
          padding: '12px 24px',
          background: '#fff',
          border: '1px solid #f0f0f0',
          lineHeight: 1.8,
        }}
      >
        {blocks.length === 0 ? (
          <Typography.Text type="secondary">文档中没有文字内容</Typography.Text>
        ) : (
          <Blocks blocks={blocks} />
        )}
      </div>
    </div>
  );
}
