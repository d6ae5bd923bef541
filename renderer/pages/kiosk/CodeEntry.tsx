// The 评议码 entry card of a 评议终端: the code typed or scanned, the service's Chinese refusal shown under it.
import { useState } from 'react';
import { Alert, Button, Card, Input, Typography } from 'antd';
import type { KioskBallotForm } from '../../../shared/assessment/panel';
import { errorMessage } from '../../lib/api';

/** `open` asks the kiosk (or the 评议终端 laptop) for the ballot form the code opens. */
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
