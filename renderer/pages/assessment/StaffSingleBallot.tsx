// 逐票录入: one paper staff ballot at a time — a grade and an optional 意见建议 per cadre of the group (keys 1–4);
// a form over the 优秀 cap is entered, once the clerk confirms, as one 无效票.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, App as AntApp, Button, Radio, Select, Space, Table, Typography } from 'antd';
import { STAFF_GRADE_LABELS, type AssessmentMember } from '../../../shared/assessment/types';
import type { StaffGrade } from '../../../shared/scoring/types';
import {
  EXCELLENT_CAP_ROUNDING,
  excellentAllowed,
  excellentCapBreach,
  excellentCapMessage,
  percentText,
} from '../../../shared/assessment/excellent-cap';
import { call, errorMessage } from '../../lib/api';
import { CommentInput } from './ballot-forms';
import type { EntryProps } from './AssessmentDetailPage';
import { groupsOf } from './groups';

const GRADES: readonly StaffGrade[] = ['excellent', 'good', 'fair', 'poor'];

export function StaffSingleBallot({ detail, onChanged }: Pick<EntryProps, 'detail' | 'onChanged'>) {
  const groups = useMemo(() => groupsOf(detail.members), [detail.members]);
  const [groupRef, setGroupRef] = useState(groups[0]?.ref ?? '');
  const group = groups.find((g) => g.ref === groupRef);
  const [votes, setVotes] = useState<Map<number, StaffGrade>>(new Map());
  const [comments, setComments] = useState<Map<number, string>>(new Map());
  const [voided, setVoided] = useState(0);
  const [entered, setEntered] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rowsRef = useRef<HTMLDivElement>(null);
  const { message, modal } = AntApp.useApp();
  const members = group?.members ?? [];
  const cap = detail.config.staffExcellentCap;

  const focusRow = (i: number) => rowsRef.current?.querySelectorAll<HTMLElement>('[data-ballot-row]')[i]?.focus();

  const send = async (voidOverCap: boolean) => {
    setBusy(true);
    try {
      await call('ballots.addStaffBallot', {
        assessmentId: detail.id,
        group: groupRef,
        votes: members.flatMap((m) => {
          const grade = votes.get(m.cadreId);
          const comment = comments.get(m.cadreId)?.trim();
          return grade ? [{ targetId: m.cadreId, grade, ...(comment ? { comment } : {}) }] : [];
        }),
        ...(voidOverCap ? { voidOverCap } : {}),
      });
      if (voidOverCap) setVoided((n) => n + 1);
      else setEntered((n) => n + 1);
      setVotes(new Map());
      setComments(new Map());
      setProblem(null);
      message.success(voidOverCap ? '已按无效票登记，可录入下一张' : '已提交本票，可录入下一张');
      // A form over the 优秀 cap becomes a 无效票; its comments and the forms count go to 意见建议.
      await onChanged(['staff', 'comments', 'voidForms']);
      focusRow(0);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    const missing = members.filter((m) => !votes.has(m.cadreId));
    if (missing.length > 0)
      return setProblem(`本票缺少${missing.map((m) => `“${m.name}”`).join('、')}的评价等次，请补全后再提交`);
    const breach = excellentCapBreach(
      members.flatMap((m) => votes.get(m.cadreId) ?? []),
      cap,
    );
    if (!breach) return send(false);
    // The paper is what it is: over the cap it is 无效; the clerk checks it was typed right before it is voided.
    setProblem(`${excellentCapMessage(breach)}。请先核对录入是否与纸质票一致`);
    modal.confirm({
      title: '该票为无效票',
      content: `${excellentCapMessage(breach)}。核对无误后按无效票登记：本票各项等次和意见建议均不计入。`,
      okText: '按无效票登记',
      cancelText: '返回核对',
      onOk: () => send(true),
    });
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
            setComments(new Map());
            setProblem(null);
          }}
          data-testid="staff-single-group"
        />
        <Typography.Text strong data-testid="staff-single-count">
          本次已录入 {entered} 张{voided > 0 ? `，无效票 ${voided} 张` : ''}
        </Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary">
        一张纸质测评票录入一次：选中一行后按数字键 1 优秀、2 较好、3 一般、4 较差（自动跳到下一人），上下箭头或 Enter
        移动，最后一人按 Enter 提交。本票每名干部各计一票，加到票数总数上；意见建议可不填。
        {cap !== undefined
          ? `本组每张票最多可评 ${excellentAllowed(members.length, cap)} 个“优秀”（${percentText(cap)}，` +
            `${EXCELLENT_CAP_ROUNDING}），超过的为无效票。`
          : ''}
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
          {
            title: '意见建议（选填）',
            width: 280,
            render: (_: unknown, m) => (
              <CommentInput
                value={comments.get(m.cadreId) ?? ''}
                onChange={(text) => setComments(new Map(comments).set(m.cadreId, text))}
                testId={`single-comment-${m.name}`}
              />
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
            setComments(new Map());
            setProblem(null);
          }}
        >
          清空本票
        </Button>
      </Space>
    </div>
  );
}
