// Pieces both import dialogs share: reset on reopen, status tags, the commit run (progress, cancel, guarded close)
// and the view of the last step.
import { useRef, useState, type ReactNode } from 'react';
import { App as AntApp, Button, Flex, Modal, Progress, Result, Space, Steps, Tag, Typography } from 'antd';
import { LONG_DIALOG } from '../../../lib/FormModal';
import { ApiError } from '../../../../shared/ipc/errors';
import type { ImportRowStatus, ImportSummary } from '../../../../shared/roster/views';
import { call, errorMessage } from '../../../lib/api';
import { useJobProgress, type JobProgress } from '../../../lib/useJobProgress';

export interface ImportModalProps {
  open: boolean;
  onClose: () => void;
  /** Called once the dialog closes after a successful import, so the page can reload. */
  onImported: () => void;
}

/** A number that changes each time `open` turns true: used as a key so each opening starts from a clean state. */
export function useOpenSession(open: boolean): number {
  const [state, setState] = useState({ open, session: 0 });
  if (state.open !== open) setState({ open, session: open ? state.session + 1 : state.session });
  return state.session;
}

const STATUS_TAGS: Readonly<Record<ImportRowStatus, { color: string; label: string }>> = {
  new: { color: 'green', label: '新增' },
  update: { color: 'blue', label: '更新' },
  nameMatch: { color: 'orange', label: '待确认' },
  error: { color: 'red', label: '错误' },
};

export function StatusTag({ status, label }: { status: ImportRowStatus; label?: string }) {
  const t = STATUS_TAGS[status];
  return <Tag color={t.color}>{label ?? t.label}</Tag>;
}

/** “将新增 N 人、更新 N 人（N 人无变化），排除 N 行” */
export const planText = (created: number, updated: number, excluded: number, unit: string, unchanged = 0) =>
  `将新增 ${created} 人、更新 ${updated} 人${unchanged > 0 ? `（另有 ${unchanged} 人无变化，不写入）` : ''}，排除 ${excluded} ${unit}`;

export type CommitPhase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly cancelling: boolean }
  | { readonly kind: 'done'; readonly summary: ImportSummary }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

export interface ImportRun {
  readonly phase: CommitPhase;
  readonly progress: JobProgress;
  /** Runs the commit call, tracking progress; settles into done, cancelled or failed. */
  readonly start: (commit: () => Promise<ImportSummary>) => Promise<void>;
  readonly cancel: () => Promise<void>;
  readonly reset: () => void;
  /** For the dialog's close button and Esc: asks to cancel a running import first; after a finished import, tells the page. */
  readonly requestClose: () => void;
}

/** The commit step's state machine, shared by both dialogs. */
export function useImportRun(jobId: string | null, onClose: () => void, onImported: () => void): ImportRun {
  const [phase, setPhase] = useState<CommitPhase>({ kind: 'idle' });
  const progress = useJobProgress(jobId, phase.kind === 'running');
  const closeAfterCancel = useRef(false);
  const running = useRef(false);
  const { message, modal } = AntApp.useApp();

  const start = async (commit: () => Promise<ImportSummary>) => {
    if (running.current) return;
    running.current = true;
    closeAfterCancel.current = false;
    setPhase({ kind: 'running', cancelling: false });
    let next: CommitPhase;
    try {
      next = { kind: 'done', summary: await commit() };
    } catch (e) {
      next =
        e instanceof ApiError && e.code === 'CANCELLED'
          ? { kind: 'cancelled' }
          : { kind: 'failed', message: errorMessage(e) };
    }
    running.current = false;
    setPhase(next);
    if (next.kind === 'cancelled' && closeAfterCancel.current) {
      message.info('已取消导入，档案库未作任何修改');
      onClose();
    }
  };

  const cancel = async () => {
    // The import may have finished while a confirmation was open: nothing left to cancel.
    if (!jobId || !running.current) return;
    setPhase((p) => (p.kind === 'running' ? { kind: 'running', cancelling: true } : p));
    try {
      await call('jobs.cancel', { jobId });
    } catch (e) {
      if (!running.current) return;
      closeAfterCancel.current = false;
      setPhase((p) => (p.kind === 'running' ? { kind: 'running', cancelling: false } : p));
      message.error(errorMessage(e));
    }
  };

  const requestClose = () => {
    if (phase.kind === 'running') {
      modal.confirm({
        title: '正在导入，要取消本次导入吗？',
        content: '导入是一个整体：取消后本次的内容都不会写入，档案库保持原样。',
        okText: '取消导入',
        okButtonProps: { danger: true },
        cancelText: '继续导入',
        onOk: () => {
          closeAfterCancel.current = true;
          void cancel();
        },
      });
      return;
    }
    if (phase.kind === 'done') onImported();
    onClose();
  };

  return { phase, progress, start, cancel, reset: () => setPhase({ kind: 'idle' }), requestClose };
}

/** The Steps bar's status: red after a failed read or an import that did not complete, done after success. */
export const stepStatus = (readFailed: boolean, phase: CommitPhase['kind']): 'process' | 'error' | 'finish' =>
  readFailed || phase === 'failed' || phase === 'cancelled' ? 'error' : phase === 'done' ? 'finish' : 'process';

/** The review step's footer: what the import will do, then 关闭, 重新选择文件 and 开始导入. */
export function ReviewFooter({
  prefix,
  summary,
  onClose,
  onRepick,
  picking = false,
  canCommit,
  onCommit,
}: {
  prefix: 'excel' | 'lrmx';
  summary: ReactNode;
  onClose: () => void;
  onRepick: () => void;
  picking?: boolean;
  canCommit: boolean;
  onCommit: () => void;
}) {
  return (
    <Flex justify="space-between" align="center" gap={12}>
      {summary}
      <Flex gap={8}>
        <Button onClick={onClose}>关闭</Button>
        <Button onClick={onRepick} loading={picking} data-testid={`${prefix}-repick`}>
          重新选择文件
        </Button>
        <Button type="primary" disabled={!canCommit} onClick={onCommit} data-testid={`${prefix}-commit`}>
          开始导入
        </Button>
      </Flex>
    </Flex>
  );
}

const IMPORT_STEPS = [{ title: '选择文件' }, { title: '检查结果' }, { title: '导入' }];

/** An import's window: its three steps above the current step's body; closing goes through the run (it may ask). */
export function ImportModalFrame({
  open,
  title,
  width,
  run,
  step,
  readFailed,
  footer,
  testId,
  children,
}: {
  open: boolean;
  title: string;
  width: number;
  run: ImportRun;
  step: number;
  readFailed: boolean;
  footer: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Modal
      {...LONG_DIALOG}
      open={open}
      title={title}
      width={width}
      mask={{ closable: false }}
      onCancel={run.requestClose}
      footer={footer}
      destroyOnHidden
      data-testid={testId}
    >
      <Steps
        current={step}
        status={stepStatus(readFailed, run.phase.kind)}
        items={IMPORT_STEPS}
        style={{ marginBottom: 24 }}
      />
      {children}
    </Modal>
  );
}

/** The last step: the progress bar and 取消导入 while running, then the outcome. */
export function CommitStepView({
  run,
  prefix,
  skippedUnit,
  onDone,
  onBack,
  onRepick,
  onClose,
}: {
  run: ImportRun;
  prefix: 'excel' | 'lrmx';
  /** “行” or “个文件”. */
  skippedUnit: string;
  onDone: () => void;
  onBack: () => void;
  onRepick: () => void;
  onClose: () => void;
}) {
  const { phase, progress } = run;
  let body: ReactNode = null;
  if (phase.kind === 'running') {
    body = (
      <Flex vertical align="center" gap={16} style={{ padding: '40px 48px' }} data-testid="import-running">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {phase.cancelling ? '正在取消导入…' : '正在写入档案库，请稍候…'}
        </Typography.Title>
        <Progress percent={progress.percent} status="active" style={{ width: '100%' }} />
        <Typography.Text data-testid="import-progress-text">
          {progress.total > 0 ? `已写入 ${progress.done} / ${progress.total}` : '正在准备…'}
        </Typography.Text>
        <Typography.Text type="secondary">
          导入作为一个整体完成：中途取消或出错，档案库都不会有任何改动。
        </Typography.Text>
        <Button danger loading={phase.cancelling} onClick={() => void run.cancel()} data-testid={`${prefix}-cancel`}>
          {phase.cancelling ? '正在取消…' : '取消导入'}
        </Button>
      </Flex>
    );
  } else if (phase.kind === 'done') {
    const s = phase.summary;
    body = (
      <div data-testid="import-result">
        <Result
          status="success"
          title={`导入完成：新增 ${s.created} 人，更新 ${s.updated} 人，跳过 ${s.skipped} ${skippedUnit}`}
          subTitle={s.unchanged > 0 ? `${s.unchanged} 人的档案与文件一致或全部保留已有值，未作修改` : undefined}
          extra={
            <Button type="primary" onClick={onDone} data-testid="import-done">
              完成
            </Button>
          }
        />
      </div>
    );
  } else if (phase.kind === 'cancelled') {
    body = (
      <div data-testid="import-cancelled">
        <Result
          status="warning"
          title="已取消导入，档案库未作任何修改"
          subTitle="如需导入，请重新选择文件。"
          extra={
            <Space>
              <Button onClick={onClose}>关闭</Button>
              <Button type="primary" onClick={onRepick} data-testid={`${prefix}-repick`}>
                重新选择文件
              </Button>
            </Space>
          }
        />
      </div>
    );
  } else if (phase.kind === 'failed') {
    body = (
      <div data-testid="import-failed">
        <Result
          status="error"
          title="导入未完成，档案库未作任何修改"
          subTitle={phase.message}
          extra={
            <Space>
              <Button onClick={onBack} data-testid={`${prefix}-back`}>
                返回检查结果
              </Button>
              <Button type="primary" onClick={onRepick} data-testid={`${prefix}-repick`}>
                重新选择文件
              </Button>
            </Space>
          }
        />
      </div>
    );
  }
  return body;
}

/** Issue lines in a table cell. */
export function Lines({ lines, type }: { lines: readonly string[]; type: 'danger' | 'warning' | 'secondary' }) {
  return (
    <>
      {lines.map((l, i) => (
        <div key={i}>
          <Typography.Text type={type}>{l}</Typography.Text>
        </div>
      ))}
    </>
  );
}
