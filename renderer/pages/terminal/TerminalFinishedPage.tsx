// After 结束评议: the ballot return was written (and where); the terminal's data is gone from this machine.
import { Button, Result, Typography } from 'antd';
import type { TerminalFinished } from '../../../shared/ipc/types';
import { testId } from '../../lib/test-id';

export function TerminalFinishedPage({ finished, onDone }: { finished: TerminalFinished; onDone: () => void }) {
  return (
    <Result
      status="success"
      title="评议已结束，回收文件已写出"
      {...testId('terminal-finished')}
      subTitle={
        <>
          <div>
            共 {finished.ballots} 张评议票，已保存到：
            <Typography.Text code copyable>
              {finished.path}
            </Typography.Text>
          </div>
          <div>请将该文件交回考核录入员导入。本机的评议数据已清除。</div>
        </>
      }
      extra={
        <Button type="primary" onClick={onDone}>
          返回
        </Button>
      }
    />
  );
}
