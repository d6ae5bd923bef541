// The member snapshot, grouped as ranked: 正职 by category, 副职 by unit.
import { Collapse, Table, Tag, Typography } from 'antd';
import type { AssessmentDetail, AssessmentMember } from '../../../shared/assessment/types';
import { groupsOf } from './groups';

export function MembersTab({ detail }: { detail: AssessmentDetail }) {
  const groups = groupsOf(detail.members);
  return (
    <>
      <Typography.Paragraph type="secondary">
        {detail.state === 'preparing' ? '成员名单为新建时的干部名册快照，“准备”状态下可刷新；开始测评后冻结。' : '成员名单已冻结，干部名册的后续变动不影响本次考核。'}
      </Typography.Paragraph>
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
              pagination={false}
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
