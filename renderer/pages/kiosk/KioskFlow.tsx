// The ballot loop of a 评议终端, the main PC's kiosk and the laptop alike: a code opens its seat's ballot; 放弃 or a
// submitted ballot returns to a fresh code entry that keeps nothing of the ballot.
import { useState } from 'react';
import { App as AntApp, Card, Typography } from 'antd';
import type { KioskBallot, KioskBallotForm } from '../../../shared/assessment/panel';
import { CodeEntry } from './CodeEntry';
import { KioskBallotPanel } from './KioskBallotPanel';

export function KioskFlow({
  open,
  submit,
  groups,
}: {
  /** The ballot form a code opens; a wrong, used or revoked code is refused with the service's message. */
  open: (code: string) => Promise<KioskBallotForm>;
  submit: (code: string, ballot: KioskBallot) => Promise<void>;
  /** The groups a laptop terminal takes ballots for, named under its code entry. */
  groups?: readonly string[];
}) {
  const [opened, setOpened] = useState<{ code: string; form: KioskBallotForm } | null>(null);
  // A new key after each ballot: nothing of the previous one survives in the page's state.
  const [round, setRound] = useState(0);
  const { message } = AntApp.useApp();
  const backToCodeEntry = () => {
    setOpened(null);
    setRound((r) => r + 1);
  };

  if (opened) {
    return (
      <KioskBallotPanel
        key={round}
        form={opened.form}
        onSubmit={async (ballot) => {
          await submit(opened.code, ballot);
          backToCodeEntry();
          message.success('评议票已提交，感谢您的参与');
        }}
        onCancel={backToCodeEntry}
      />
    );
  }
  return (
    <>
      <CodeEntry key={round} open={open} onOpened={(code, form) => setOpened({ code, form })} />
      {groups ? (
        <Card size="small" style={{ maxWidth: 520, margin: '0 auto' }}>
          <Typography.Text type="secondary">本终端负责：{groups.join('、')}</Typography.Text>
        </Card>
      ) : null}
    </>
  );
}
