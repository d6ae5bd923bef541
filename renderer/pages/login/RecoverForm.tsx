// Opening the store with the printed recovery code and giving an administrator a new password.
import { useState } from 'react';
import { App as AntApp, Alert, Button, Form, Input, Space } from 'antd';
import { NewPasswordFields } from '../account/NewPasswordFields';
import { call } from '../../lib/api';
import { showFormError } from '../../lib/form-errors';

interface RecoverValues {
  recoveryCode: string;
  username: string;
  newPassword: string;
  confirm: string;
}

export function RecoverForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [form] = Form.useForm<RecoverValues>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const submit = async (v: RecoverValues) => {
    setBusy(true);
    try {
      await call('session.recover', { recoveryCode: v.recoveryCode, username: v.username, newPassword: v.newPassword });
      message.success('已使用恢复码打开档案库，并为该管理员设置了新密码');
      onDone();
    } catch (e) {
      showFormError(form, e, (t) => void message.error(t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="恢复码用于所有密码都遗失的情况"
        description="输入创建档案库时打印的恢复码，并为一名系统管理员设置新密码。此操作会记入审计日志。"
      />
      <Form.Item
        label="恢复码"
        name="recoveryCode"
        rules={[{ required: true, whitespace: true, message: '请填写恢复码' }]}
      >
        <Input placeholder="6 组 4 位字母或数字，以“-”分隔" style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item
        label="系统管理员用户名"
        name="username"
        rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}
      >
        <Input />
      </Form.Item>
      <NewPasswordFields name="newPassword" label="新密码" confirmLabel="确认新密码" />
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Button onClick={onCancel}>返回登录</Button>
        <Button type="primary" htmlType="submit" loading={busy}>
          找回并登录
        </Button>
      </Space>
    </Form>
  );
}
