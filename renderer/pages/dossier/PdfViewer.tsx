// A PDF attachment drawn page by page onto a canvas, with 上一页/下一页, 第 N / M 页 and zoom.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { LeftOutlined, RightOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { openPdf } from './pdf-document';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
const DAMAGED = 'PDF 文件已损坏或格式不正确，无法在应用内显示';

export function PdfViewer({ data }: { data: Uint8Array }) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(2); // index into ZOOMS: 100 %
  const [drawing, setDrawing] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let live = true;
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    const loading = openPdf(data.slice());
    loading.promise
      .then((d) => live && setDoc(d))
      .catch((e: unknown) => {
        if (!live) return;
        setError(
          (e as { name?: string }).name === 'PasswordException' ? 'PDF 文件设置了打开密码，无法在应用内显示' : DAMAGED,
        );
      });
    return () => {
      live = false;
      void loading.destroy();
    };
  }, [data]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let task: RenderTask | null = null;
    let live = true;
    setDrawing(true);
    doc
      .getPage(page)
      .then((p) => {
        if (!live || !canvas.current) return;
        const ratio = window.devicePixelRatio || 1;
        const viewport = p.getViewport({ scale: ZOOMS[zoom]! });
        const c = canvas.current;
        c.width = Math.floor(viewport.width * ratio);
        c.height = Math.floor(viewport.height * ratio);
        c.style.width = `${Math.floor(viewport.width)}px`;
        c.style.height = `${Math.floor(viewport.height)}px`;
        task = p.render({ canvas: c, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
        return task.promise;
      })
      .then(() => live && setDrawing(false))
      .catch((e: unknown) => {
        if (!live || (e as { name?: string }).name === 'RenderingCancelledException') return;
        setDrawing(false);
        setError(`第 ${page} 页无法显示：${DAMAGED}`);
      });
    return () => {
      live = false;
      task?.cancel();
    };
  }, [doc, page, zoom]);

  if (error) return <Alert type="error" showIcon title={error} data-testid="pdf-error" />;
  if (!doc) return <Spin />;
  const pages = doc.numPages;
  return (
    <div data-testid="pdf-viewer">
      <Space style={{ marginBottom: 8 }} wrap>
        <Button icon={<LeftOutlined />} disabled={page <= 1} onClick={() => setPage((n) => n - 1)}>
          上一页
        </Button>
        <Typography.Text data-testid="pdf-page">
          第 {page} / {pages} 页
        </Typography.Text>
        <Button
          icon={<RightOutlined />}
          iconPlacement="end"
          disabled={page >= pages}
          onClick={() => setPage((n) => n + 1)}
        >
          下一页
        </Button>
        <Button
          icon={<ZoomOutOutlined />}
          disabled={zoom <= 0}
          onClick={() => setZoom((z) => z - 1)}
          aria-label="缩小"
        />
        <Typography.Text data-testid="pdf-zoom">{Math.round(ZOOMS[zoom]! * 100)}%</Typography.Text>
        <Button
          icon={<ZoomInOutlined />}
          disabled={zoom >= ZOOMS.length - 1}
          onClick={() => setZoom((z) => z + 1)}
          aria-label="放大"
        />
        {drawing ? <Spin size="small" /> : null}
      </Space>
      <div style={{ maxHeight: '68vh', overflow: 'auto', background: '#f0f0f0', padding: 8, textAlign: 'center' }}>
        <canvas
          ref={canvas}
          data-testid="pdf-canvas"
          data-page={page}
          data-drawn={drawing ? 'no' : 'yes'}
          style={{ background: '#fff', boxShadow: '0 0 4px #0003' }}
        />
      </div>
    </div>
  );
}
