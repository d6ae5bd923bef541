// 评议终端 on the main PC: the whole window is the ballot loop (KioskFlow) under the kiosk's header; leaving needs the
// password of the staff member who started it.
import { testId } from '../../lib/test-id';
import { useEffect, useState } from 'react';
import { Alert, Button, Input, Layout, Modal, Space, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { KioskStatus } from '../../../shared/ipc/types';
import { call, errorMessage, onCloseRequested } from '../../lib/api';
import { KioskFlow } from './KioskFlow';

export function KioskScreen({ status, onExit }: { status: KioskStatus; onExit: () => void }) {
  // 'exit' from the 工作人员退出 button; 'close' when the window's close button was pressed (the app then quits).
  const [exiting, setExiting] = useState<false | 'exit' | 'close'>(false);
  const [password, setPassword] = useState('');
  const [exitProblem, setExitProblem] = useState<string | null>(null);

  const askPassword = (why: 'exit' | 'close') => {
    setPassword('');
    setExitProblem(null);
    setExiting(why);
  };
  useEffect(() => onCloseRequested(() => askPassword('close')), []);

  const exit = async () => {
    try {
      await call('kiosk.exit', exiting === 'close' ? { password, close: true } : { password });
      setExiting(false);
      onExit();
    } catch (e) {
      setExitProblem(errorMessage(e));
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="kiosk-screen">
      <Layout.Header
        style={{ background: '#b71c1c', display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}
      >
        <Typography.Text style={{ color: '#fff', fontSize: 18 }}>评议终端 · {status.assessmentName}</Typography.Text>
        <Button size="small" ghost icon={<LockOutlined />} onClick={() => askPassword('exit')} data-testid="kiosk-exit">
          工作人员退出
        </Button>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <KioskFlow
          open={(code) => call('kiosk.open', { code })}
          submit={async (code, ballot) => {
            await call('kiosk.submit', { code, ballot });
          }}
        />
      </Layout.Content>
      <Modal
        open={exiting !== false}
        title={exiting === 'close' ? '关闭程序' : '退出评议终端'}
        okText={exiting === 'close' ? '关闭程序' : '退出'}
        okButtonProps={testId('kiosk-exit-ok')}
        cancelText="取消"
        onOk={() => void exit()}
        onCancel={() => setExiting(false)}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>请{status.startedBy}输入本人的登录密码：</Typography.Text>
          <Input.Password
            autoFocus
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setExitProblem(null);
            }}
            onPressEnter={() => void exit()}
            data-testid="kiosk-exit-password"
          />
          {exitProblem ? <Alert type="error" showIcon title={exitProblem} data-testid="kiosk-exit-problem" /> : null}
        </Space>
      </Modal>
    </Layout>
  );
}
