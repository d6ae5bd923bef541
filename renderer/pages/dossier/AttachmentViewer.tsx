// Shows an attachment inside the app: images and PDFs from a blob: URL made of the bytes the store returned.
import { useEffect, useState } from 'react';
import { Alert, Modal, Spin } from 'antd';
import type { AttachmentMeta } from '../../../shared/dossier/types';
import { call, errorMessage } from '../../lib/api';

const bytesOf = (base64: string): Uint8Array<ArrayBuffer> => {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
};

export function AttachmentViewer({ attachment, onClose }: { attachment: AttachmentMeta; onClose: () => void }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    call('attachments.read', { id: attachment.id })
      .then((c) => {
        made = URL.createObjectURL(new Blob([bytesOf(c.base64)], { type: c.mime }));
        setUrl(made);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
    // The bytes live in memory only while the viewer is open.
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [attachment.id]);
  const isImage = attachment.mime.startsWith('image/');
  const isPdf = attachment.mime === 'application/pdf';
  return (
    <Modal open width={isImage ? 820 : 960} title={attachment.fileName} footer={null} onCancel={onClose} destroyOnHidden data-testid="attachment-viewer">
      {error ? (
        <Alert type="error" showIcon title={error} />
      ) : !url ? (
        <Spin />
      ) : isImage ? (
        <div style={{ textAlign: 'center', maxHeight: '70vh', overflow: 'auto' }}>
          <img src={url} alt={attachment.fileName} style={{ maxWidth: '100%' }} data-testid="attachment-image" />
        </div>
      ) : isPdf ? (
        <object data={url} type="application/pdf" style={{ width: '100%', height: '70vh' }} data-testid="attachment-pdf">
          <Alert type="info" showIcon title="此窗口不能直接显示 PDF 内容" description={`${attachment.fileName}（${(attachment.size / 1024).toFixed(1)} KB）已安全保存在档案库中。`} />
        </object>
      ) : (
        <Alert type="info" showIcon title="Word 文档不能在窗口内预览" description={`${attachment.fileName}（${(attachment.size / 1024).toFixed(1)} KB）已安全保存在档案库中。`} />
      )}
    </Modal>
  );
}
