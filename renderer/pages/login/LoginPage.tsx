// Login, which is also the lock screen; a link leads to recovery with the recovery code.
import { useState } from 'react';
import { App as AntApp, Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { AppStatus } from '../../../shared/ipc/types';
import { call } from '../../lib/api';
import { showFormError } from '../../lib/form-errors';
import { AuthFrame } from '../AuthFrame';
import { OpenTerminalLink } from '../terminal/OpenTerminalModal';
import { RecoverForm } from './RecoverForm';

export function LoginPage({ status, onLoggedIn }: { status: AppStatus; onLoggedIn: () => void }) {
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [busy, setBusy] = useState(false);
  const [recovering, setRecovering] = useState(false);
  const { message, modal } = AntApp.useApp();

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    try {
      const user = await call('session.login', { username: v.username, password: v.password });
      // The log fell behind what this user saw last time (or their key record was touched): say so before anything else.
      if (user.auditAlarm)
        modal.warning({ title: '审计日志警报', content: user.auditAlarm, okText: '知道了', width: 520 });
      onLoggedIn();
    } catch (e) {
      form.setFieldValue('password', '');
      showFormError(form, e, (t) => void message.error(t));
    } finally {
      setBusy(false);
    }
  };

  if (recovering) {
    return (
      <AuthFrame subtitle="使用恢复码找回">
        <RecoverForm onDone={onLoggedIn} onCancel={() => setRecovering(false)} />
      </AuthFrame>
    );
  }

  return (
    <AuthFrame
      subtitle={status.lockedReason === 'restored' ? '用户登录' : status.lockedReason ? '系统已锁定' : '用户登录'}
      footer={`档案库：${status.storeDir ?? ''}　版本 ${status.appVersion}`}
    >
      {status.lockedReason ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={
            status.lockedReason === 'restored'
              ? '已从备份恢复档案库'
              : status.lockedReason === 'idle'
                ? `超过 ${status.idleLockMinutes} 分钟无操作，系统已自动锁定`
                : status.lockedReason === 'crashed'
                  ? '数据服务意外停止，已重新启动'
                  : '系统已锁定'
          }
          description={
            status.lockedReason === 'restored'
              ? '请使用该备份中的账户和密码登录。'
              : status.lockedReason === 'crashed'
                ? '停止时正在进行的操作未完成，已保存的数据不受影响。请重新登录。'
                : '为保护档案安全，锁定后需重新输入密码。'
          }
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ username: status.lastUsername ?? '' }}
        onFinish={submit}
        requiredMark={false}
      >
        <Form.Item
          label="用户名"
          name="username"
          rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus={!status.lastUsername} />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请填写密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus={!!status.lastUsername} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {busy
            ? '正在解密档案库…'
            : status.lockedReason === 'manual' || status.lockedReason === 'idle'
              ? '解锁'
              : '登录'}
        </Button>
      </Form>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 12 }}>
        <OpenTerminalLink onOpened={onLoggedIn} />
        <Button type="link" onClick={() => setRecovering(true)} style={{ padding: 0 }}>
          忘记密码？使用恢复码找回
        </Button>
      </div>
    </AuthFrame>
  );
}
