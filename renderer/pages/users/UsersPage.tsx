// Account administration: the list of users, adding one, editing name and role, resetting a password, disabling.
import { useState } from 'react';
import { App as AntApp, Badge, Button, Card, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { UserRow } from '../../../shared/ipc/types';
import { ROLE_LABELS } from '../../../shared/roles';
import { call, errorMessage } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { formatDateTime } from '../../lib/format';
import { PageHeader } from '../PageHeader';
import { RekeyProgress } from '../settings/RekeyProgress';
import { UserFormModal, type UserFormMode } from './UserFormModal';

export function UsersPage({ currentUserId }: { currentUserId: number }) {
  const [editing, setEditing] = useState<{ mode: UserFormMode; user?: UserRow } | null>(null);
  const { message } = AntApp.useApp();
  const { data: rows = [], loading, reload: load } = useCall('users.list', {}, { onError: (t) => message.error(t) });

  // 停用 re-encrypts the whole store with a new key: a dialog shows its progress until it is done.
  const [disabling, setDisabling] = useState<{ user: UserRow; progressId: string } | null>(null);
  const disable = async (u: UserRow) => {
    const progressId = crypto.randomUUID();
    setDisabling({ user: u, progressId });
    try {
      await call('users.disable', { userId: u.id, progressId });
      message.success(`已停用账户“${u.username}”，档案库密钥已更换`);
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDisabling(null);
    }
  };

  return (
    <>
      <PageHeader
        title="用户管理"
        description="为工作人员开设账户并分配角色。每个账户都有自己的密码，停用后该账户无法再打开档案库。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
            新增用户
          </Button>
        }
      />
      <Card>
        <Table<UserRow>
          rowKey="id"
          loading={loading}
          dataSource={rows as UserRow[]}
          pagination={false}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName' },
            {
              title: '角色',
              dataIndex: 'role',
              render: (r: UserRow['role']) => <Tag color={r === 'admin' ? 'red' : 'blue'}>{ROLE_LABELS[r]}</Tag>,
            },
            {
              title: '状态',
              render: (_, u) =>
                u.disabled ? (
                  <Badge status="default" text="已停用" />
                ) : u.mustChangePassword ? (
                  <Badge status="warning" text="待本人改密" />
                ) : (
                  <Badge status="success" text="正常" />
                ),
            },
            { title: '最近登录', dataIndex: 'lastLoginAt', render: (v: string | null) => formatDateTime(v) },
            { title: '创建时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            {
              title: '操作',
              render: (_, u) => (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', user: u })}>
                    修改
                  </Button>
                  <Button type="link" size="small" onClick={() => setEditing({ mode: 'reset', user: u })}>
                    {u.disabled ? '重设密码并启用' : '重置密码'}
                  </Button>
                  {!u.disabled && u.id !== currentUserId ? (
                    <Popconfirm
                      title={`停用账户“${u.username}”？`}
                      description="停用后该账户将无法登录，系统同时更换档案库密钥（档案库较大时需要片刻），该账户留存的旧密钥文件也随之失效；如需恢复，请为其重设密码。"
                      okText="停用"
                      cancelText="取消"
                      onConfirm={() => disable(u)}
                    >
                      <Button type="link" size="small" danger>
                        停用
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {disabling ? (
        <Modal
          open
          title={`正在停用账户“${disabling.user.username}”`}
          closable={false}
          mask={{ closable: false }}
          footer={null}
        >
          <RekeyProgress progressId={disabling.progressId} />
        </Modal>
      ) : null}
      {editing ? (
        <UserFormModal
          mode={editing.mode}
          user={editing.user}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await load();
          }}
        />
      ) : null}
    </>
  );
}
