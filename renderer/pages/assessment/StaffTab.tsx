// 职工测评: per cadre, the counts of 优秀/较好/一般/较差 from the tally sheets, saved together.
import { useMemo, useState } from 'react';
import { App as AntApp, Button, InputNumber, Table, Typography } from 'antd';
import { STAFF_GRADE_LABELS, type AssessmentMember } from '../../../shared/assessment/types';
import type { StaffGrade } from '../../../shared/scoring/types';
import { call, errorMessage } from '../../lib/api';
import type { EntryProps } from './AssessmentDetailPage';
import { fmt2 } from './groups';

const GRADES: readonly StaffGrade[] = ['excellent', 'good', 'fair', 'poor'];
type Counts = Record<StaffGrade, number>;
const ZERO: Counts = { excellent: 0, good: 0, fair: 0, poor: 0 };

export function StaffTab({ detail, ballots, editable, onChanged }: EntryProps) {
  const stored = useMemo(() => new Map(ballots.staff.map((s) => [s.targetId, s.counts])), [ballots.staff]);
  const [edits, setEdits] = useState<Map<number, Counts>>(new Map());
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const countsOf = (id: number): Counts => edits.get(id) ?? stored.get(id) ?? ZERO;
  const points = detail.config.staffPoints;

  const save = async () => {
    const counts = [...edits.entries()].map(([targetId, c]) => ({ targetId, ...c }));
    if (counts.length === 0) return;
    setBusy(true);
    try {
      await call('ballots.saveStaff', { assessmentId: detail.id, counts });
      await onChanged();
      setEdits(new Map());
      message.success(`已保存 ${counts.length} 名干部的职工测评票数`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">
        按计票单填写每名干部各等次的票数（单张票即填 1）。折算分：优秀 {points.excellent}、较好 {points.good}、一般 {points.fair}、较差 {points.poor}。
      </Typography.Paragraph>
      <Table<AssessmentMember>
        rowKey="cadreId"
        size="small"
        pagination={detail.members.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        dataSource={detail.members}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '单位', dataIndex: 'unitName', width: 160 },
          { title: '职务', dataIndex: 'position', width: 70, render: (p: string) => (p === 'chief' ? '正职' : '副职') },
          ...GRADES.map((g) => ({
            title: STAFF_GRADE_LABELS[g],
            width: 110,
            render: (_: unknown, m: AssessmentMember) => (
              <InputNumber
                min={0}
                precision={0}
                disabled={!editable}
                value={countsOf(m.cadreId)[g]}
                onChange={(v) => setEdits((e) => new Map(e).set(m.cadreId, { ...countsOf(m.cadreId), [g]: typeof v === 'number' ? v : 0 }))}
                data-testid={`staff-${m.name}-${g}`}
              />
            ),
          })),
          {
            title: '票数 / 平均折算分',
            render: (_: unknown, m: AssessmentMember) => {
              const c = countsOf(m.cadreId);
              const n = GRADES.reduce((s, g) => s + c[g], 0);
              return n === 0 ? '—' : `${n} 票 / ${fmt2(GRADES.reduce((s, g) => s + c[g] * points[g], 0) / n)}`;
            },
          },
        ]}
      />
      {editable ? (
        <Button type="primary" style={{ marginTop: 12 }} disabled={edits.size === 0} loading={busy} onClick={() => void save()} data-testid="staff-save">
          保存票数{edits.size > 0 ? `（${edits.size} 人有修改）` : ''}
        </Button>
      ) : null}
    </>
  );
}
