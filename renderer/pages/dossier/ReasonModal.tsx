// Asks for the reason of a withdrawal or correction (kept in the audit log) before running it.
import { useState } from 'react';
import { App as AntApp, Form, Input, Modal, Typography } from 'antd';
import { errorMessage } from '../../lib/api';

export function ReasonModal({
  title,
  description,
  label,
  okText,
  onSubmit,
  onClose,
}: {
  title: string;
  description: string;
  /** The field's name as the user reads it, e.g. 撤回原因. */
  label: string;
  okText: string;
  /** Throws to keep the dialog open with the message shown. */
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const submit = async () => {
    if (reason.trim() === '') {
      setError(`请填写${label}`);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(reason.trim());
    } catch (e) {
      message.error({ content: errorMessage(e), duration: 8 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="reason-modal"
    >
      <Typography.Paragraph type="secondary">{description}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item
          label={label}
          required
          validateStatus={error ? 'error' : undefined}
          help={error ?? '记入审计日志，可随时查阅'}
        >
          <Input.TextArea
            rows={3}
            maxLength={200}
            showCount
            value={reason}
            aria-label={label}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
