// 评议终端: the whole window is a code-entry screen; a code opens only its seat's ballot; after submitting the screen
// returns to code entry showing nothing of the ballot; leaving needs the staff member's password.
import { testId } from '../../lib/test-id';
import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Input, Layout, Modal, Space, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { KioskBallot, KioskBallotForm } from '../../../shared/assessment/panel';
import type { KioskStatus } from '../../../shared/ipc/types';
import { call, errorMessage, onCloseRequested } from '../../lib/api';
import { KioskBallotPanel } from './KioskBallotPanel';

/** The code-entry card; `open` asks the kiosk (or the 评议终端 laptop) for the ballot form the code opens. */
export function CodeEntry({
  open: openForm,
  onOpened,
}: {
  open: (code: string) => Promise<KioskBallotForm>;
  onOpened: (code: string, form: KioskBallotForm) => void;
}) {
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      const form = await openForm(code);
      onOpened(code, form);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card style={{ maxWidth: 520, margin: '80px auto' }}>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        请输入评议码
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        评议码印在您领取的评议条上，共 8 位（如 ABCD-EFGH），每个评议码只能使用一次。
      </Typography.Paragraph>
      <Input
        size="large"
        autoFocus
        maxLength={20}
        value={code}
        placeholder="ABCD-EFGH"
        style={{ fontSize: 28, letterSpacing: 4, textAlign: 'center', fontFamily: 'monospace' }}
        onChange={(e) => {
          setCode(e.target.value.toUpperCase());
          setProblem(null);
        }}
        onPressEnter={() => void open()}
        data-testid="kiosk-code"
      />
      {problem ? (
        <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} data-testid="kiosk-problem" />
      ) : null}
      <Button
        type="primary"
        size="large"
        block
        style={{ marginTop: 16 }}
        loading={busy}
        disabled={!code.trim()}
        onClick={() => void open()}
        data-testid="kiosk-open"
      >
        开始评议
      </Button>
    </Card>
  );
}

export function KioskScreen({ status, onExit }: { status: KioskStatus; onExit: () => void }) {
  const [opened, setOpened] = useState<{ code: string; form: KioskBallotForm } | null>(null);
  // A new key after each ballot: nothing of the previous one survives in the page's state.
  const [round, setRound] = useState(0);
  // 'exit' from the 工作人员退出 button; 'close' when the window's close button was pressed (the app then quits).
  const [exiting, setExiting] = useState<false | 'exit' | 'close'>(false);
  const [password, setPassword] = useState('');
  const [exitProblem, setExitProblem] = useState<string | null>(null);
  const { message } = AntApp.useApp();

  const submit = async (ballot: KioskBallot) => {
    await call('kiosk.submit', { code: opened!.code, ballot });
    setOpened(null);
    setRound((r) => r + 1);
    message.success('评议票已提交，感谢您的参与');
  };

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
        {opened ? (
          <KioskBallotPanel
            key={round}
            form={opened.form}
            onSubmit={submit}
            onCancel={() => {
              setOpened(null);
              setRound((r) => r + 1);
            }}
          />
        ) : (
          <CodeEntry
            key={round}
            open={(code) => call('kiosk.open', { code })}
            onOpened={(code, form) => setOpened({ code, form })}
          />
        )}
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
