// Changing one's own password; forced (no cancel) after an administrator set a temporary one.
import { useState } from 'react';
import { App as AntApp, Alert, Form, Input, Modal } from 'antd';
import { NewPasswordFields } from './NewPasswordFields';
import { PASSWORD_RULE_TEXT } from '../../../shared/account/password-policy';
import { call } from '../../lib/api';
import { showFormError, validValues } from '../../lib/form-errors';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({
  open,
  forced,
  onClose,
}: {
  open: boolean;
  forced: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      await call('me.changePassword', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success('密码已修改，下次登录请使用新密码');
      form.resetFields();
      onClose();
    } catch (e) {
      showFormError(form, e, (t) => void message.error(t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title="修改密码"
      open={open}
      onOk={() => void submit()}
      okText="确认修改"
      confirmLoading={busy}
      onCancel={forced ? undefined : onClose}
      closable={!forced}
      maskClosable={false}
      keyboard={!forced}
      cancelButtonProps={forced ? { style: { display: 'none' } } : {}}
      destroyOnHidden
    >
      {forced ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="请先设置自己的新密码再继续使用"
          description={`当前密码是管理员设置的临时密码，或不符合现行密码规则（${PASSWORD_RULE_TEXT}）。`}
        />
      ) : null}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请填写当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields name="newPassword" label="新密码" confirmLabel="确认新密码" />
      </Form>
    </Modal>
  );
}
