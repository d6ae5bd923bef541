// 作为评议终端打开测评包, from the login or setup screen: choose the .gpkg file, type its password, and the window
// becomes the terminal's kiosk.
import { useState } from 'react';
import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import type { PickedFile } from '../../../shared/roster/views';
import { call, errorMessage } from '../../lib/api';
import { testId } from '../../lib/test-id';

export function OpenTerminalModal({ onOpened, onCancel }: { onOpened: () => void; onCancel: () => void }) {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async () => {
    setProblem(null);
    try {
      const [picked] = await call('terminal.pickPackage', {});
      if (picked) setFile(picked);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };
  const open = async () => {
    if (!file) return;
    setBusy(true);
    try {
      await call('terminal.open', { token: file.token, password });
      onOpened();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="作为评议终端打开测评包"
      okText="打开并开始评议"
      okButtonProps={{ ...testId('terminal-open-ok'), loading: busy, disabled: !file || !password.trim() }}
      cancelText="取消"
      onOk={() => void open()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">
          本机将只作为评议终端使用：评议数据加密保存在本机，结束评议时写出回收文件并清除。评议期间不能使用本程序的其他功能。
        </Typography.Paragraph>
        <Button icon={<FolderOpenOutlined />} onClick={() => void pick()} {...testId('terminal-pick')}>
          {file ? `已选择：${file.name}` : '选择评议终端包（.gpkg）'}
        </Button>
        <Typography.Text>评议终端包密码（交接单上的 16 位密码）：</Typography.Text>
        <Input.Password
          value={password}
          placeholder="XXXX-XXXX-XXXX-XXXX"
          onChange={(e) => {
            setPassword(e.target.value);
            setProblem(null);
          }}
          onPressEnter={() => void open()}
          data-testid="terminal-open-password"
        />
        {problem ? <Alert type="error" showIcon title={problem} data-testid="terminal-open-problem" /> : null}
      </Space>
    </Modal>
  );
}

/** The login and setup screens' link to 作为评议终端打开测评包. */
export function OpenTerminalLink({ onOpened }: { onOpened: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(true)} {...testId('terminal-start')}>
        作为评议终端打开测评包
      </Button>
      {open ? <OpenTerminalModal onOpened={onOpened} onCancel={() => setOpen(false)} /> : null}
    </>
  );
}
