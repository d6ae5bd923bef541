// First start: choose where the encrypted store lives and create the first administrator (or open an existing store).
import { useState } from 'react';
import { App as AntApp, Alert, Button, Col, Form, Input, Row, Space, Tabs } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import type { AppStatus } from '../../../shared/ipc/types';
import { usernameRules } from '../../lib/account-rules';
import { NewPasswordFields } from '../account/NewPasswordFields';
import { call } from '../../lib/api';
import { showFormError } from '../../lib/form-errors';
import { AuthFrame } from '../AuthFrame';
import { OpenTerminalLink } from '../terminal/OpenTerminalModal';
import { ApiError } from '../../../shared/ipc/errors';

interface SetupValues {
  dir: string;
  displayName: string;
  username: string;
  password: string;
  confirm: string;
}

function DirectoryInput({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string) => void }) {
  const { message } = AntApp.useApp();
  const pick = async () => {
    try {
      const dir = await call('setup.pickDirectory', {});
      if (dir) onChange?.(dir);
    } catch (e) {
      message.info(e instanceof ApiError ? e.message : '无法打开文件夹选择窗口，请直接输入路径');
    }
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input id={id} value={value} onChange={(e) => onChange?.(e.target.value)} />
      <Button icon={<FolderOpenOutlined />} onClick={pick}>
        选择…
      </Button>
    </Space.Compact>
  );
}

function CreateStoreForm({ status, onCreated }: { status: AppStatus; onCreated: (code: string) => void }) {
  const [form] = Form.useForm<SetupValues>();
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const submit = async (v: SetupValues) => {
    setBusy(true);
    try {
      const created = await call('setup.createStore', {
        dir: v.dir,
        username: v.username,
        displayName: v.displayName,
        password: v.password,
      });
      onCreated(created.recoveryCode);
    } catch (e) {
      showFormError(form, e, (t) => void message.error(t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ dir: status.defaultStoreDir }}
      onFinish={submit}
      requiredMark={false}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="首次使用，请创建档案库"
        description="档案库中的全部数据都会加密保存在下面的文件夹中。请选择本机上的固定位置，不要选择U盘或网络共享目录。"
      />
      <Form.Item
        label="档案库存储位置"
        name="dir"
        rules={[{ required: true, whitespace: true, message: '请填写存储位置' }]}
      >
        <DirectoryInput />
      </Form.Item>
      {/* Name and username side by side: the whole form, button included, fits a 1366×768 laptop screen. */}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            label="管理员姓名"
            name="displayName"
            rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
          >
            <Input placeholder="例如：王晓明" maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="管理员用户名" name="username" rules={usernameRules}>
            <Input placeholder="登录时使用，例如：admin" autoComplete="username" />
          </Form.Item>
        </Col>
      </Row>
      <NewPasswordFields
        name="password"
        label="密码"
        confirmLabel="确认密码"
        extra="密码用于解密档案库，系统不保存密码本身。"
      />
      <Button type="primary" htmlType="submit" block size="large" loading={busy}>
        {busy ? '正在创建加密档案库…' : '创建档案库'}
      </Button>
    </Form>
  );
}

function OpenExistingForm({ status, onOpened }: { status: AppStatus; onOpened: () => void }) {
  const [form] = Form.useForm<{ dir: string }>();
  const { message } = AntApp.useApp();
  const submit = async (v: { dir: string }) => {
    try {
      await call('setup.useExistingStore', { dir: v.dir });
      onOpened();
    } catch (e) {
      showFormError(form, e, (t) => void message.error(t));
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ dir: status.storeDir ?? status.defaultStoreDir }}
      onFinish={submit}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="选择已有的档案库文件夹"
        description="例如更换电脑后，把原档案库文件夹复制到本机，再在这里选择它。"
      />
      <Form.Item
        label="档案库所在文件夹"
        name="dir"
        rules={[{ required: true, whitespace: true, message: '请填写存储位置' }]}
      >
        <DirectoryInput />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large">
        打开档案库
      </Button>
    </Form>
  );
}

export function SetupPage({
  status,
  onCreated,
  onUseExisting,
}: {
  status: AppStatus;
  onCreated: (recoveryCode: string) => void;
  onUseExisting: () => void;
}) {
  return (
    <AuthFrame subtitle="初始设置" footer={`版本 ${status.appVersion}`}>
      {/* The 评议终端 link sits in the tab bar, at the top of the card: in view on a laptop screen without scrolling. */}
      <Tabs
        tabBarExtraContent={<OpenTerminalLink onOpened={onUseExisting} />}
        items={[
          { key: 'create', label: '创建新档案库', children: <CreateStoreForm status={status} onCreated={onCreated} /> },
          {
            key: 'open',
            label: '打开已有档案库',
            children: <OpenExistingForm status={status} onOpened={onUseExisting} />,
          },
        ]}
      />
    </AuthFrame>
  );
}
