// The batches the yearly hours check wrote, each withdrawable as a whole with a reason.
import { useState } from 'react';
import { App as AntApp, Button, Card, Table, Typography } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import type { HoursCheckBatch } from '../../../shared/dossier/hours-check';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { ReasonModal } from './ReasonModal';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function HoursBatches({ canEdit, refresh }: { canEdit: boolean; refresh: number }) {
  const [withdrawing, setWithdrawing] = useState<HoursCheckBatch | null>(null);
  const { message } = AntApp.useApp();
  // The page bumps `refresh` after a check writes a batch.
  const { data: batches = [], reload: load } = useCall(
    'training.batches',
    {},
    { onError: (t) => message.error(t), version: refresh },
  );
  if (batches.length === 0) return null;
  return (
    <Card size="small" title="学时核查生成的材料" data-testid="hours-batches">
      <Table<HoursCheckBatch>
        size="small"
        rowKey="batchId"
        pagination={false}
        dataSource={batches as HoursCheckBatch[]}
        columns={[
          { title: '核查年度', dataIndex: 'year', width: 100, render: (y: number) => `${y}年度` },
          { title: '生成时间', dataIndex: 'enteredAt', width: 160, render: when },
          { title: '操作人', dataIndex: 'enteredBy', width: 120 },
          { title: '负面材料', dataIndex: 'count', width: 100, render: (n: number) => `${n} 条` },
          {
            title: '',
            render: (_v, b) =>
              canEdit ? (
                <Button size="small" danger icon={<RollbackOutlined />} onClick={() => setWithdrawing(b)}>
                  撤回本批
                </Button>
              ) : null,
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        单条材料可在干部档案中编辑或撤回（须填写原因）。
      </Typography.Text>
      {withdrawing ? (
        <ReasonModal
          title={`撤回${withdrawing.year}年度学时核查生成的 ${withdrawing.count} 条材料`}
          description="本批材料（含已编辑过的）将从各干部档案中删除；撤回原因记入审计日志。"
          label="撤回原因"
          okText="撤回本批"
          onClose={() => setWithdrawing(null)}
          onSubmit={async (reason) => {
            const r = await call('training.withdrawBatch', { batchId: withdrawing.batchId, reason });
            setWithdrawing(null);
            message.success(`已撤回 ${r.removed} 条材料`);
            await load();
          }}
        />
      ) : null}
    </Card>
  );
}
