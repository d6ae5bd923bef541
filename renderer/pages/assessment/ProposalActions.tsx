// The 处理 cell of a dossier proposal (加减分, 不得评优): 采纳 / 忽略 while open, 恢复 once dismissed, or its state.
import type { ReactNode } from 'react';
import { Button, Space, Typography } from 'antd';

export function ProposalActions({
  state,
  editable,
  adoptedText,
  blocked,
  testId,
  onAdopt,
  onDismiss,
}: {
  state: 'open' | 'adopted' | 'dismissed';
  editable: boolean;
  /** What an adopted proposal says (已计入, 已列入). */
  adoptedText: string;
  /** Shown instead of 采纳 when the proposal cannot be adopted (e.g. the cadre is already listed). */
  blocked?: ReactNode;
  /** The test ids are `${testId.prefix}-adopt-${testId.id}` (and -dismiss, -restore). */
  testId: { prefix: string; id: number };
  onAdopt: () => void;
  onDismiss: (dismissed: boolean) => void;
}) {
  const id = (action: string) => `${testId.prefix}-${action}-${testId.id}`;
  if (state === 'adopted') return <Typography.Text type="secondary">{adoptedText}</Typography.Text>;
  if (!editable)
    return (
      <Typography.Text type={state === 'dismissed' ? 'secondary' : 'warning'}>
        {state === 'dismissed' ? '已忽略' : '未处理'}
      </Typography.Text>
    );
  if (state === 'dismissed')
    return (
      <Space size={4}>
        <Typography.Text type="secondary">已忽略</Typography.Text>
        <Button type="link" size="small" onClick={() => onDismiss(false)} data-testid={id('restore')}>
          恢复
        </Button>
      </Space>
    );
  return (
    <Space size={4}>
      {blocked ?? (
        <Button size="small" type="primary" onClick={onAdopt} data-testid={id('adopt')}>
          采纳
        </Button>
      )}
      <Button size="small" onClick={() => onDismiss(true)} data-testid={id('dismiss')}>
        忽略
      </Button>
    </Space>
  );
}
