// 意见建议: per cadre, the comments written on staff and service forms as an unordered list (sorted by text), shown
// only once 3 forms came in for the cadre; and the staff forms voided as 无效票, per group.
import { useMemo } from 'react';
import { Alert, Empty, List, Table, Typography } from 'antd';
import { BALLOT_SOURCE_LABELS } from '../../../shared/assessment/ballot-import';
import { COMMENTS_MIN_FORMS, commentsHiddenText, type CadreCommentsView } from '../../../shared/assessment/comments';
import { FORM_VOID_REASON_LABELS } from '../../../shared/assessment/form-void-reasons';
import type { AssessmentMember, VoidFormsView } from '../../../shared/assessment/types';
import type { EntryProps } from './AssessmentDetailPage';
import { groupsOf } from './groups';

type Row = CadreCommentsView & { member: AssessmentMember };

export function CommentsTab({ detail, ballots }: Pick<EntryProps, 'detail' | 'ballots'>) {
  const members = useMemo(() => new Map(detail.members.map((m) => [m.cadreId, m])), [detail.members]);
  const groupNames = useMemo(() => new Map(groupsOf(detail.members).map((g) => [g.ref, g.name])), [detail.members]);
  const rows = ballots.comments.flatMap((c): Row[] => {
    const m = members.get(c.cadreId);
    return m ? [{ ...c, member: m }] : [];
  });
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={
          `意见建议来自干部职工测评票和服务对象评价表，不记录出自哪张票、何时填写；按内容排序，不代表先后。` +
          `收到的测评票不足 ${COMMENTS_MIN_FORMS} 张的干部，其意见建议暂不显示。`
        }
      />
      {rows.length === 0 ? (
        <Empty description="暂无意见建议" />
      ) : (
        <Table<Row>
          rowKey="cadreId"
          size="small"
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          dataSource={rows}
          data-testid="comments-table"
          columns={[
            { title: '姓名', width: 110, render: (_: unknown, r) => r.member.name },
            { title: '单位', width: 150, render: (_: unknown, r) => r.member.unitName },
            { title: '收到测评票', dataIndex: 'forms', width: 100, render: (n: number) => `${n} 张` },
            {
              title: '意见建议',
              render: (_: unknown, r) =>
                r.comments === null ? (
                  <Typography.Text type="secondary">{commentsHiddenText}</Typography.Text>
                ) : (
                  <List
                    size="small"
                    split={false}
                    dataSource={r.comments}
                    renderItem={(c) => (
                      <List.Item style={{ padding: '2px 0' }}>
                        {c.text}
                        {c.count > 1 ? <Typography.Text type="secondary">（{c.count} 份）</Typography.Text> : null}
                      </List.Item>
                    )}
                  />
                ),
            },
          ]}
        />
      )}
      {ballots.voidForms.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            作为无效票登记的干部职工测评票
          </Typography.Title>
          <Table<VoidFormsView>
            rowKey={(v) => `${v.group}-${v.reason}-${v.source}`}
            size="small"
            pagination={false}
            dataSource={ballots.voidForms}
            data-testid="void-forms-table"
            columns={[
              { title: '分组', render: (_: unknown, v) => groupNames.get(v.group) ?? v.group },
              { title: '原因', render: (_: unknown, v) => FORM_VOID_REASON_LABELS[v.reason] },
              { title: '来源', render: (_: unknown, v) => BALLOT_SOURCE_LABELS[v.source] },
              { title: '张数', dataIndex: 'count', width: 90 },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
