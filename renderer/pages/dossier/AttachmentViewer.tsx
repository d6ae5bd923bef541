// Shows an attachment inside the app: images from a blob: URL, PDFs drawn by pdf.js, .docx as text and tables.
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { Alert, Modal, Spin } from 'antd';
import type { AttachmentMeta, AttachmentPreview } from '../../../shared/dossier/types';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/useCall';
import { WordPreview } from './WordPreview';

// pdf.js is large: it loads the first time a PDF is opened, not with the app.
const PdfViewer = lazy(() => import('./PdfViewer').then((m) => ({ default: m.PdfViewer })));

const bytesOf = (base64: string): Uint8Array<ArrayBuffer> => {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
};

function ImageView({ preview }: { preview: Extract<AttachmentPreview, { kind: 'image' }> }) {
  const url = useMemo(
    () => URL.createObjectURL(new Blob([bytesOf(preview.base64)], { type: preview.mime })),
    [preview],
  );
  // The bytes live in memory only while the viewer is open.
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <div style={{ textAlign: 'center', maxHeight: '70vh', overflow: 'auto' }}>
      <img src={url} alt={preview.fileName} style={{ maxWidth: '100%' }} data-testid="attachment-image" />
    </div>
  );
}

function PdfView({ base64 }: { base64: string }) {
  const data = useMemo(() => bytesOf(base64), [base64]);
  return (
    <Suspense fallback={<Spin />}>
      <PdfViewer data={data} />
    </Suspense>
  );
}

/** Stored dossier attachments by default; files still waiting for 审核 come through their own call. */
const dossierPreview = (id: number) => call('attachments.preview', { id });

export function AttachmentViewer({
  attachment,
  onClose,
  load = dossierPreview,
}: {
  attachment: Pick<AttachmentMeta, 'id' | 'fileName' | 'mime' | 'size'>;
  onClose: () => void;
  load?: (id: number) => Promise<AttachmentPreview>;
}) {
  const { data: preview, error } = useLoad(String(attachment.id), () => load(attachment.id));
  const isImage = attachment.mime.startsWith('image/');
  return (
    <Modal
      open
      width={isImage ? 820 : 960}
      title={attachment.fileName}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      data-testid="attachment-viewer"
    >
      {error ? (
        <Alert type="error" showIcon title={error} data-testid="attachment-error" />
      ) : !preview ? (
        <Spin />
      ) : preview.kind === 'image' ? (
        <ImageView preview={preview} />
      ) : preview.kind === 'pdf' ? (
        <PdfView base64={preview.base64} />
      ) : preview.kind === 'word' ? (
        <WordPreview blocks={preview.blocks} imagesLeftOut={preview.imagesLeftOut} />
      ) : (
        <Alert
          type="info"
          showIcon
          title={preview.message}
          description={`${attachment.fileName}（${(attachment.size / 1024).toFixed(1)} KB）已安全保存在档案库中。`}
          data-testid="attachment-unsupported"
        />
      )}
    </Modal>
  );
}
