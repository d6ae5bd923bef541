// 作废终端包: a package that will never come back (the laptop lost or broken) is cancelled with a reason; ballots held
// for it are merged, and a return of it is refused later. It cannot be undone (merged ballots count at once), so the
// dialog first says exactly what will happen, with the numbers, and asks for the terminal number typed to confirm.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Input, Modal, Spin, Typography } from 'antd';
import { releasedText, type CancelPreview } from '../../../shared/assessment/terminals';
import { ApiError } from '../../../shared/ipc/errors';
import { call, errorMessage } from '../../lib/api';
import { testId } from '../../lib/test-id';

function Consequences({ p }: { p: CancelPreview }) {
  const released = releasedText(p.released);
  return (
    <ul style={{ paddingInlineStart: 20, margin: '0 0 12px' }} {...testId('terminal-cancel-effects')}>
      <li>
        {released
          ? `立即合并${released}，计入测评结果（这些票一直在等终端 ${p.terminalNo} 交回）。`
          : `没有其他终端的票在等终端 ${p.terminalNo} 交回，不会合并任何票。`}
      </li>
      <li>
        {`终端 ${p.terminalNo}（${p.exportedOn} 导出，${p.groups.join('、')}，${p.seats} 个票位）上已投的票全部作废，` +
          '不计入结果。'}
      </li>
      <li>{`此后交回终端 ${p.terminalNo} 的回收文件将被永久拒绝导入。`}</li>
      <li>
        <Typography.Text strong>此操作不能撤销。</Typography.Text>
      </li>
    </ul>
  );
}

export function CancelPackageButton({
  assessmentId,
  terminalNo,
  onDone,
  onStale,
}: {
  assessmentId: number;
  terminalNo: number;
  onDone: () => void;
  /** The packages changed since the dialog opened (another return came in): the list behind it is read again. */
  onStale: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<CancelPreview | null>(null);
  const [reason, setReason] = useState('');
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const confirmed = typed.trim() === String(terminalNo);

  const start = async () => {
    setReason('');
    setTyped('');
    setProblem(null);
    setPreview(null);
    setOpen(true);
    try {
      setPreview(await call('terminals.previewCancel', { assessmentId, terminalNo }));
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };
  const cancel = async () => {
    setBusy(true);
    try {
      // The numbers the dialog showed: if another return came in meanwhile, the cancel refuses instead of doing more.
      const out = await call('terminals.cancel', { assessmentId, terminalNo, reason, shown: preview!.released });
      message.success(
        `终端 ${terminalNo} 的评议终端包已作废` + (out.released > 0 ? `，${out.released} 张暂存票已合并` : ''),
      );
      setOpen(false);
      onDone();
    } catch (e) {
      setProblem(errorMessage(e));
      // Another return came in since the dialog opened: show the numbers as they are now, to confirm again.
      if (e instanceof ApiError && e.field === 'shown') {
        setTyped('');
        onStale();
        setPreview(await call('terminals.previewCancel', { assessmentId, terminalNo }).catch(() => null));
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" danger type="link" onClick={() => void start()} {...testId(`terminal-cancel-${terminalNo}`)}>
        作废
      </Button>
      <Modal
        open={open}
        title={`作废终端 ${terminalNo} 的评议终端包`}
        okText="作废"
        okButtonProps={{
          danger: true,
          loading: busy,
          disabled: !preview || !confirmed,
          ...testId('terminal-cancel-ok'),
        }}
        cancelText="取消"
        onOk={() => void cancel()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        {...testId('terminal-cancel-dialog')}
      >
        <Typography.Paragraph>用于终端丢失、损坏等不会再交回的情况。作废后：</Typography.Paragraph>
        {preview ? <Consequences p={preview} /> : problem ? null : <Spin />}
        <Input.TextArea
          autoFocus
          rows={2}
          maxLength={200}
          placeholder="作废原因（必填），如：终端笔记本损坏，票未能导出"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setProblem(null);
          }}
          {...testId('terminal-cancel-reason')}
        />
        <Typography.Paragraph style={{ margin: '12px 0 4px' }}>
          {`确认作废，请输入终端编号 ${terminalNo}：`}
        </Typography.Paragraph>
        <Input
          style={{ width: 120 }}
          value={typed}
          placeholder={String(terminalNo)}
          onChange={(e) => setTyped(e.target.value)}
          {...testId('terminal-cancel-confirm')}
        />
        {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} /> : null}
      </Modal>
    </>
  );
}
