// The list of assessments with their states; administrators create new ones here.
import { useState } from 'react';
import { App as AntApp, Button, Card, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { AssessmentSummary } from '../../../shared/assessment/types';
import type { Role } from '../../../shared/roles';
import { useCall } from '../../lib/useCall';
import { formatDateTime } from '../../lib/format';
import { PageHeader } from '../PageHeader';
import { EmptyWithHelp } from '../../layout/help';
import { NewAssessmentModal } from './NewAssessmentModal';
import { StateTag } from './StateTag';

export function AssessmentList({ role, onOpen }: { role: Role; onOpen: (id: number) => void }) {
  const [creating, setCreating] = useState(false);
  const { message } = AntApp.useApp();
  const { data: rows = [], loading } = useCall('assessments.list', {}, { onError: (t) => message.error(t) });

  return (
    <>
      <PageHeader
        title="考核测评"
        description={
          role === 'reviewer' ? '仅显示已归档的考核。' : '“双比双评”：正职按单位类别跨单位排名，副职在本单位内排名。'
        }
        extra={
          role === 'admin' ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建考核
            </Button>
          ) : null
        }
      />
      <Card>
        <Table<AssessmentSummary>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={rows as AssessmentSummary[]}
          pagination={false}
          locale={{ emptyText: <EmptyWithHelp text="暂无考核" /> }}
          onRow={(r) => ({ onDoubleClick: () => onOpen(r.id) })}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            {
              title: '考核名称',
              dataIndex: 'name',
              render: (name: string, r) => (
                <Typography.Link onClick={() => onOpen(r.id)} data-testid="open-assessment">
                  {name}
                </Typography.Link>
              ),
            },
            {
              title: '状态',
              dataIndex: 'state',
              width: 100,
              render: (s: AssessmentSummary['state']) => <StateTag state={s} />,
            },
            { title: '成员', dataIndex: 'memberCount', width: 80, render: (n: number) => `${n} 人` },
            { title: '更新时间', dataIndex: 'updatedAt', width: 180, render: (t: string) => formatDateTime(t) },
            {
              title: '操作',
              width: 90,
              render: (_: unknown, r) => (
                <Button type="link" size="small" onClick={() => onOpen(r.id)}>
                  打开
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {creating ? (
        <NewAssessmentModal
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            onOpen(id);
          }}
        />
      ) : null}
    </>
  );
}
