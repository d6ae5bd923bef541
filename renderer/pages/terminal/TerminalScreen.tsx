// The app as a 评议终端 laptop: the kiosk's ballot loop (KioskFlow, as on the main PC's kiosk) under the terminal's
// header, and 结束评议 with the package password; nothing else of the app is shown (or answered: the dispatcher
// refuses it).
import { useEffect, useState } from 'react';
import { Alert, Button, Input, Layout, Modal, Space, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { TerminalFinished, TerminalModeStatus, TerminalModeView } from '../../../shared/ipc/types';
import { call, errorMessage, onCloseRequested } from '../../lib/api';
import { testId } from '../../lib/test-id';
import { AuthFrame } from '../AuthFrame';
import { KioskFlow } from '../kiosk/KioskFlow';

const PASSWORD_HINT = '交接单上的评议终端包密码（16 位，不区分大小写）';

/** The package password, asked in a dialog: for 结束评议 or for closing the app. */
function PasswordDialog({
  why,
  view,
  onDone,
  onCancel,
}: {
  why: 'finish' | 'close';
  view: TerminalModeView;
  onDone: (finished: TerminalFinished | null) => void;
  onCancel: () => void;
}) {
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true);
    try {
      if (why === 'finish') {
        const finished = await call('terminal.finish', { password });
        if (finished) onDone(finished);
        else setProblem('未选择回收文件的保存位置，评议尚未结束');
      } else {
        await call('terminal.close', { password });
        onDone(null);
      }
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={why === 'finish' ? '结束评议' : '关闭程序'}
      okText={why === 'finish' ? '结束评议并保存回收文件' : '关闭程序'}
      okButtonProps={{ ...testId('terminal-password-ok'), loading: busy, disabled: !password.trim() }}
      cancelText="取消"
      onOk={() => void go()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {why === 'finish' ? (
          <Typography.Paragraph>
            本终端已收到 <b>{view.cast}</b> 张评议票。结束后将写出评议终端回收文件（选择保存位置），
            并清除本机的评议数据，此后本机不能再评议。
          </Typography.Paragraph>
        ) : (
          <Typography.Paragraph>
            关闭后评议数据保留在本机，再次打开程序时输入同一密码即可继续评议。
          </Typography.Paragraph>
        )}
        <Typography.Text>请打开测评包的工作人员输入{PASSWORD_HINT}：</Typography.Text>
        <Input.Password
          autoFocus
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            setProblem(null);
          }}
          onPressEnter={() => void go()}
          data-testid="terminal-password"
        />
        {problem ? <Alert type="error" showIcon title={problem} data-testid="terminal-password-problem" /> : null}
      </Space>
    </Modal>
  );
}

/** A terminal left open when the app was closed: its package password reopens it. */
function ResumeTerminal({ onResumed }: { onResumed: () => void }) {
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const resume = async () => {
    try {
      await call('terminal.resume', { password });
      onResumed();
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };
  return (
    <AuthFrame subtitle="评议终端">
      <Typography.Paragraph>
        本机有一个未结束的评议终端。请打开测评包的工作人员输入{PASSWORD_HINT}继续评议。
      </Typography.Paragraph>
      <Input.Password
        autoFocus
        value={password}
        onChange={(e) => {
          setPassword(e.target.value);
          setProblem(null);
        }}
        onPressEnter={() => void resume()}
        data-testid="terminal-resume-password"
      />
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} /> : null}
      <Button type="primary" block style={{ marginTop: 16 }} disabled={!password.trim()} onClick={() => void resume()}>
        继续评议
      </Button>
    </AuthFrame>
  );
}

export function TerminalScreen({
  status,
  onChange,
  onFinished,
}: {
  status: TerminalModeStatus;
  onChange: () => void;
  onFinished: (finished: TerminalFinished) => void;
}) {
  const [asking, setAsking] = useState<false | 'finish' | 'close'>(false);
  useEffect(() => onCloseRequested(() => setAsking('close')), []);

  const view = status.open;
  if (!view) return <ResumeTerminal onResumed={onChange} />;

  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="terminal-screen">
      <Layout.Header
        style={{ background: '#b71c1c', display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}
      >
        <Typography.Text style={{ color: '#fff', fontSize: 18 }}>
          评议终端 {view.terminalNo} · {view.assessmentName}
        </Typography.Text>
        <Button
          size="small"
          ghost
          icon={<LockOutlined />}
          onClick={() => setAsking('finish')}
          {...testId('terminal-finish')}
        >
          结束评议
        </Button>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <KioskFlow
          open={(code) => call('terminal.form', { code })}
          submit={async (code, ballot) => {
            await call('terminal.submit', { code, ballot });
            // The count of ballots taken, shown at 结束评议.
            onChange();
          }}
          groups={view.groups}
        />
      </Layout.Content>
      {asking ? (
        <PasswordDialog
          why={asking}
          view={view}
          onCancel={() => setAsking(false)}
          onDone={(finished) => {
            setAsking(false);
            if (finished) onFinished(finished);
            else onChange();
          }}
        />
      ) : null}
    </Layout>
  );
}
