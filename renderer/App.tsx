// Top of the window: first-run setup, login (also the lock screen), or the main layout, as the host's status says.
import { useCallback, useEffect, useState } from 'react';
import { Result, Spin } from 'antd';
import type { AppStatus, TerminalFinished } from '../shared/ipc/types';
import { call, errorMessage, onLocked, onSessionLost } from './lib/api';
import { SetupPage } from './pages/setup/SetupPage';
import { RecoveryCodePage } from './pages/setup/RecoveryCodePage';
import { LoginPage } from './pages/login/LoginPage';
import { MainLayout } from './layout/MainLayout';
import { KioskScreen } from './pages/kiosk/KioskScreen';
import { TerminalScreen } from './pages/terminal/TerminalScreen';
import { TerminalFinishedPage } from './pages/terminal/TerminalFinishedPage';

const STATUS_POLL_MS = 20_000;

export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  /** After 评议终端 mode ends: the assessment to show again, on its 评议码 tab. */
  const [returnTo, setReturnTo] = useState<number | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  // Shown once, right after setup; never stored anywhere.
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  // After 结束评议 on a 评议终端 laptop: where the return was written, until the clerk has seen it.
  const [finished, setFinished] = useState<TerminalFinished | null>(null);

  const refresh = useCallback(async () => {
    try {
      setStatus(await call('app.status', {}));
    } catch (e) {
      setFatal(errorMessage(e));
    }
  }, []);

  useEffect(() => void refresh(), [refresh]);
  useEffect(() => onSessionLost(() => void refresh()), [refresh]);
  useEffect(() => {
    try {
      return onLocked(() => void refresh());
    } catch {
      return undefined;
    }
  }, [refresh]);
  // The idle lock happens in the main process; polling makes the window notice even without an event.
  useEffect(() => {
    if (status?.phase !== 'ready') return undefined;
    const t = setInterval(() => void refresh(), STATUS_POLL_MS);
    return () => clearInterval(t);
  }, [status?.phase, refresh]);

  if (fatal) return <Result status="error" title="无法启动" subTitle={fatal} />;
  if (!status) return <Spin fullscreen tip="正在启动…" />;
  if (recoveryCode) {
    return (
      <RecoveryCodePage
        code={recoveryCode}
        onDone={() => {
          setRecoveryCode(null);
          void refresh();
        }}
      />
    );
  }
  if (finished) {
    return (
      <TerminalFinishedPage
        finished={finished}
        onDone={() => {
          setFinished(null);
          void refresh();
        }}
      />
    );
  }
  switch (status.phase) {
    case 'terminal':
      return status.terminal ? (
        <TerminalScreen status={status.terminal} onChange={refresh} onFinished={setFinished} />
      ) : null;
    case 'setup':
      return <SetupPage status={status} onCreated={setRecoveryCode} onUseExisting={refresh} />;
    case 'login':
      return <LoginPage status={status} onLoggedIn={refresh} />;
    case 'ready':
      // 评议终端 mode: the window shows only the kiosk, whatever page was open.
      if (status.kiosk) {
        const assessmentId = status.kiosk.assessmentId;
        return (
          <KioskScreen
            status={status.kiosk}
            onExit={() => {
              // Back where the kiosk was started: the assessment's 评议码 tab.
              setReturnTo(assessmentId);
              void refresh();
            }}
          />
        );
      }
      return <MainLayout key={returnTo ?? 0} status={status} onStatusChange={refresh} openAssessment={returnTo} />;
  }
}
