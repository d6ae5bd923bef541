// The progress of re-encrypting the store with a new key (更换密钥, and the re-keying that 停用 and 重置密码 start):
// five steps, polled from the job the call reports to.
import { Progress, Typography } from 'antd';
import { useJobProgress } from '../../lib/useJobProgress';

export function RekeyProgress({ progressId }: { progressId: string }) {
  const progress = useJobProgress(progressId, true, 200);
  return (
    <div style={{ marginTop: 16 }} data-testid="rekey-progress">
      <Typography.Text>
        正在重新加密档案库（第 {Math.max(progress.done, 1)} 步，共 5 步），期间请勿关闭程序…
      </Typography.Text>
      <Progress percent={progress.percent} status="active" />
    </div>
  );
}
