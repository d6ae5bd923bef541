// 逐票录入: one paper staff ballot at a time — a grade per cadre of the group (keys 1–4), submitted as one vote each.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, App as AntApp, Button, Radio, Select, Space, Table, Typography } from 'antd';
import { STAFF_GRADE_LABELS, type AssessmentMember } from '../../../shared/assessment/types';
import type { StaffGrade } from '../../../shared/scoring/types';
import { call, errorMessage } from '../../lib/api';
import type { EntryProps } from './AssessmentDetailPage';
import { groupsOf } from './groups';

const GRADES: readonly StaffGrade[] = ['excellent', 'good', 'fair', 'poor'];

export function StaffSingleBallot({ detail, onChanged }: Pick<EntryProps, 'detail' | 'onChanged'>) {
  const groups = useMemo(() => groupsOf(detail.members), [detail.members]);
  const [groupRef, setGroupRef] = useState(groups[0]?.ref ?? '');
  const group = groups.find((g) => g.ref === groupRef);
  const [votes, setVotes] = useState<Map<number, StaffGrade>>(new Map());
  const [entered, setEntered] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rowsRef = useRef<HTMLDivElement>(null);
  const { message } = AntApp.useApp();
  const members = group?.members ?? [];

  const focusRow = (i: number) => rowsRef.current?.querySelectorAll<HTMLElement>('[data-ballot-row]')[i]?.focus();

  const submit = async () => {
    const missing = members.filter((m) => !votes.has(m.cadreId));
    if (missing.length > 0)
      return setProblem(`本票缺少${missing.map((m) => `“${m.name}”`).join('、')}的评价等次，请补全后再提交`);
    setBusy(true);
    try {
      await call('ballots.addStaffBallot', {
        assessmentId: detail.id,
        group: groupRef,
        votes: members.map((m) => ({ targetId: m.cadreId, grade: votes.get(m.cadreId)! })),
      });
      setEntered((n) => n + 1);
      setVotes(new Map());
      setProblem(null);
      message.success('已提交本票，可录入下一张');
      await onChanged();
      focusRow(0);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  // Keys 1–4 grade the row and go to the next one; arrows and Enter move; Enter on the last row submits.
  const onKey = (e: KeyboardEvent<HTMLElement>, i: number, m: AssessmentMember) => {
    const g = GRADES[Number(e.key) - 1];
    if (g && e.key.length === 1) {
      e.preventDefault();
      setVotes(new Map(votes).set(m.cadreId, g));
      setProblem(null);
      focusRow(i + 1);
    } else if (e.key === 'ArrowDown' || (e.key === 'Enter' && i < members.length - 1)) {
      e.preventDefault();
      focusRow(i + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(i - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <div ref={rowsRef} data-testid="staff-single">
      <Space wrap style={{ marginBottom: 12 }}>
        <span>测评分组</span>
        <Select
          style={{ width: 260 }}
          value={groupRef}
          options={groups.map((g) => ({ value: g.ref, label: `${g.name}（${g.members.length} 人）` }))}
          onChange={(v) => {
            setGroupRef(v);
            setVotes(new Map());
            setProblem(null);
          }}
          data-testid="staff-single-group"
        />
        <Typography.Text strong data-testid="staff-single-count">
          本次已录入 {entered} 张
        </Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary">
        一张纸质测评票录入一次：选中一行后按数字键 1 优秀、2 较好、3 一般、4 较差（自动跳到下一人），上下箭头或 Enter
        移动，最后一人按 Enter 提交。本票每名干部各计一票，加到票数总数上。
      </Typography.Paragraph>
      <Table<AssessmentMember>
        rowKey="cadreId"
        size="small"
        pagination={false}
        dataSource={members}
        columns={[
          { title: '序号', width: 60, render: (_: unknown, _m, i) => i + 1 },
          { title: '姓名', dataIndex: 'name', width: 140 },
          { title: '单位', dataIndex: 'unitName', width: 180 },
          {
            title: '评价等次（1–4）',
            render: (_: unknown, m, i) => (
              <div
                tabIndex={0}
                data-ballot-row
                className="ballot-row"
                onKeyDown={(e) => onKey(e, i, m)}
                data-testid={`single-${m.name}`}
              >
                <Radio.Group
                  value={votes.get(m.cadreId) ?? null}
                  onChange={(e) => {
                    setVotes(new Map(votes).set(m.cadreId, e.target.value as StaffGrade));
                    setProblem(null);
                  }}
                  options={GRADES.map((g, k) => ({ value: g, label: `${k + 1} ${STAFF_GRADE_LABELS[g]}` }))}
                />
              </div>
            ),
          },
        ]}
      />
      {problem ? (
        <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} data-testid="staff-single-problem" />
      ) : null}
      <Space style={{ marginTop: 12 }}>
        <Button
          type="primary"
          loading={busy}
          disabled={members.length === 0}
          onClick={() => void submit()}
          data-testid="staff-single-submit"
        >
          提交本票
        </Button>
        <Button
          onClick={() => {
            setVotes(new Map());
            setProblem(null);
          }}
        >
          清空本票
        </Button>
      </Space>
    </div>
  );
}
