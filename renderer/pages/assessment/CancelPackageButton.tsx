// 作废终端包: a package that will never come back (the laptop lost or broken) is cancelled with a reason; ballots held
// for it are merged, and a return of it is refused later.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Input, Modal, Typography } from 'antd';
import { call, errorMessage } from '../../lib/api';
import { testId } from '../../lib/test-id';

export function CancelPackageButton({
  assessmentId,
  terminalNo,
  onDone,
}: {
  assessmentId: number;
  terminalNo: number;
  onDone: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const cancel = async () => {
    setBusy(true);
    try {
      const out = await call('terminals.cancel', { assessmentId, terminalNo, reason });
      message.success(
        `终端 ${terminalNo} 的评议终端包已作废` + (out.released > 0 ? `，${out.released} 张暂存票已合并` : ''),
      );
      setOpen(false);
      onDone();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="small"
        danger
        type="link"
        onClick={() => {
          setReason('');
          setProblem(null);
          setOpen(true);
        }}
        {...testId(`terminal-cancel-${terminalNo}`)}
      >
        作废
      </Button>
      <Modal
        open={open}
        title={`作废终端 ${terminalNo} 的评议终端包`}
        okText="作废"
        okButtonProps={{ danger: true, loading: busy, ...testId('terminal-cancel-ok') }}
        cancelText="取消"
        onOk={() => void cancel()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          用于终端丢失、损坏等不会再交回的情况。作废后，其他终端因该包而暂存的票立即合并；
          该终端上已投的票随之作废，日后交回的回收文件也不再接受。
        </Typography.Paragraph>
        <Input.TextArea
          autoFocus
          rows={3}
          maxLength={200}
          placeholder="作废原因（必填），如：终端笔记本损坏，票未能导出"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setProblem(null);
          }}
          {...testId('terminal-cancel-reason')}
        />
        {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} /> : null}
      </Modal>
    </>
  );
}
