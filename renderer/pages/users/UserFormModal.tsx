// The add-user, edit-user and reset-password dialogs (one form, three modes).
import { useState } from 'react';
import { App as AntApp, Form, Input, Modal, Select } from 'antd';
import type { UserRow } from '../../../shared/ipc/types';
import { ROLES, ROLE_LABELS, type Role } from '../../../shared/roles';
import { NewPasswordFields } from '../account/NewPasswordFields';
import { RekeyProgress } from '../settings/RekeyProgress';
import { call } from '../../lib/api';
import { showFormError, validValues } from '../../lib/form-errors';
import { usernameRules } from '../../lib/account-rules';

export type UserFormMode = 'create' | 'edit' | 'reset';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  confirm: string;
}

const TITLES: Record<UserFormMode, string> = { create: '新增用户', edit: '修改用户', reset: '重置密码' };

export const ROLE_HINTS: Record<Role, string> = {
  admin: '管理账户、系统设置和审计日志',
  dossierClerk: '录入和维护干部档案',
  assessmentClerk: '录入考核测评数据，不能查看档案',
  reviewer: '只读查阅',
};

export function UserFormModal({
  mode,
  user,
  onClose,
  onSaved,
}: {
  mode: UserFormMode;
  user?: UserRow | undefined;
  onClose: () => void;
  onSaved: () => void | Promise<void>;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [rekeying, setRekeying] = useState<string | null>(null);
  const { message } = AntApp.useApp();

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      if (mode === 'create') {
        await call('users.create', {
          username: v.username,
          displayName: v.displayName,
          role: v.role,
          password: v.password,
        });
        message.success(`已新增用户“${v.username}”，请把初始密码当面告知本人`);
      } else if (mode === 'edit') {
        await call('users.update', { userId: user!.id, displayName: v.displayName, role: v.role });
        message.success('用户信息已保存');
      } else {
        // A reset re-encrypts the store with a new key (a leaked old password must open nothing): its progress shows below.
        const id = crypto.randomUUID();
        setRekeying(id);
        await call('users.resetPassword', { userId: user!.id, newPassword: v.password, progressId: id });
        message.success(`已重置“${user!.username}”的密码，本人下次登录时需修改`);
      }
      await onSaved();
    } catch (e) {
      showFormError(form, e, (t) => void message.error(t));
    } finally {
      setBusy(false);
      setRekeying(null);
    }
  };

  return (
    <Modal
      open
      title={mode === 'reset' ? `${TITLES.reset}：${user?.displayName}（${user?.username}）` : TITLES[mode]}
      okText="保存"
      cancelText="取消"
      onOk={() => void submit()}
      confirmLoading={busy}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={
          user ? { username: user.username, displayName: user.displayName, role: user.role } : { role: 'dossierClerk' }
        }
      >
        {mode !== 'reset' ? (
          <>
            <Form.Item label="用户名" name="username" rules={usernameRules}>
              <Input disabled={mode === 'edit'} autoComplete="off" />
            </Form.Item>
            <Form.Item
              label="姓名"
              name="displayName"
              rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
            >
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
              <Select
                options={ROLES.map((r) => ({ value: r, label: `${ROLE_LABELS[r]}　— ${ROLE_HINTS[r]}` }))}
                data-testid="role-select"
              />
            </Form.Item>
          </>
        ) : null}
        {mode !== 'edit' ? (
          <>
            <NewPasswordFields
              name="password"
              label={mode === 'create' ? '初始密码' : '新密码'}
              confirmLabel="确认密码"
              extra="本人首次登录后须改为自己的密码。"
            />
          </>
        ) : null}
      </Form>
      {rekeying ? <RekeyProgress progressId={rekeying} /> : null}
    </Modal>
  );
}
