// The member snapshot, grouped as ranked (正职 by category, 副职 by unit), and how the roster has moved since.
import { useMemo } from 'react';
import { Alert, Collapse, Table, Tag, Typography } from 'antd';
import { rosterDrift, type AssessmentDetail, type AssessmentMember } from '../../../shared/assessment';
import { useCall } from '../../lib/useCall';
import { groupsOf } from './groups';

export function MembersTab({ detail }: { detail: AssessmentDetail }) {
  const groups = groupsOf(detail.members);
  const archived = detail.state === 'archived';
  // Best effort: the drift notice is information only, so a failed read simply shows none.
  const { data: rows, error } = useCall('roster.query', archived ? null : {});
  const drift = useMemo(
    () => (rows && !error && !archived ? rosterDrift(detail.members, rows, detail.scope) : []),
    [rows, error, archived, detail.members, detail.scope],
  );

  return (
    <>
      <Typography.Paragraph type="secondary">
        {detail.state === 'preparing'
          ? '成员名单为新建时的干部名册快照，“准备”状态下可刷新；开始测评后冻结。'
          : '成员名单已冻结，干部名册的后续变动不影响本次考核。'}
      </Typography.Paragraph>
      {drift.length > 0 ? (
        <Alert
          type={detail.state === 'preparing' ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          title={
            detail.state === 'preparing'
              ? `干部名册在快照后有 ${drift.length} 处变动，如需纳入请点击“刷新成员”`
              : `干部名册在快照后有 ${drift.length} 处变动，本次考核按冻结的成员名单进行，不受影响`
          }
          description={drift.slice(0, 10).join('；') + (drift.length > 10 ? ` 等 ${drift.length} 处` : '')}
          data-testid="roster-drift"
        />
      ) : null}
      <Collapse
        defaultActiveKey={groups.map((g) => g.ref)}
        items={groups.map((g) => ({
          key: g.ref,
          label: (
            <span>
              <Tag color={g.position === 'chief' ? 'red' : 'blue'}>{g.position === 'chief' ? '正职' : '副职'}</Tag>
              {g.name.slice(3)}（{g.members.length} 人）
            </span>
          ),
          children: (
            <Table<AssessmentMember>
              rowKey="cadreId"
              size="small"
              pagination={g.members.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              dataSource={g.members}
              columns={[
                { title: '姓名', dataIndex: 'name', width: 160 },
                { title: '单位', dataIndex: 'unitName' },
                { title: '单位类别', dataIndex: 'categoryName', width: 220 },
              ]}
            />
          ),
        }))}
      />
    </>
  );
}
