// 职工测评: per cadre, the totals of 优秀/较好/一般/较差 from the tally sheets, or single ballots entered one at a time.
import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, InputNumber, Segmented, Select, Space, Table, Typography } from 'antd';
import { FORM_VOID_REASON_LABELS } from '../../../shared/assessment/form-void-reasons';
import { BALLOT_SOURCES, BALLOT_SOURCE_LABELS } from '../../../shared/assessment/ballot-import';
import { CONCEALED_TEXT, KIOSK_CONCEALED_TEXT } from '../../../shared/assessment/anonymity';
import { STAFF_GRADE_LABELS, type AssessmentMember } from '../../../shared/assessment/types';
import type { StaffGrade } from '../../../shared/scoring/types';
import { call, errorMessage } from '../../lib/api';
import type { EntryProps } from './AssessmentDetailPage';
import { fmt2, groupsOf } from './groups';
import { StaffSingleBallot } from './StaffSingleBallot';

const GRADES: readonly StaffGrade[] = ['excellent', 'good', 'fair', 'poor'];
type Counts = Record<StaffGrade, number>;
const ZERO: Counts = { excellent: 0, good: 0, fair: 0, poor: 0 };

export function StaffTab(props: EntryProps) {
  const [mode, setMode] = useState<'tally' | 'single'>('tally');
  if (!props.editable) return <StaffTally {...props} />;
  return (
    <>
      <Segmented
        style={{ marginBottom: 12 }}
        value={mode}
        onChange={(v) => setMode(v as 'tally' | 'single')}
        options={[
          { value: 'tally', label: '按计票单录入总数' },
          { value: 'single', label: '逐票录入' },
        ]}
        data-testid="staff-mode"
      />
      {mode === 'single' ? (
        <StaffSingleBallot detail={props.detail} onChanged={props.onChanged} />
      ) : (
        <StaffTally {...props} />
      )}
    </>
  );
}

/** The totals per cadre, edited and saved as totals (they already include kiosk and single-ballot votes). */
function StaffTally({ detail, ballots, editable, onChanged }: EntryProps) {
  const stored = useMemo(() => new Map(ballots.staff.map((s) => [s.targetId, s.counts])), [ballots.staff]);
  const bySource = useMemo(() => new Map(ballots.staff.map((s) => [s.targetId, s.bySource])), [ballots.staff]);
  // Fewer than 3 votes with kiosk ones (issue 21 §5): the numbers here are the hand-entered and imported ones only.
  const concealed = useMemo(
    () => new Set(ballots.staff.filter((s) => s.kioskConcealed).map((s) => s.targetId)),
    [ballots.staff],
  );
  const [edits, setEdits] = useState<Map<number, Counts>>(new Map());
  const [busy, setBusy] = useState(false);
  const { message, modal } = AntApp.useApp();
  const countsOf = (id: number): Counts => edits.get(id) ?? stored.get(id) ?? ZERO;
  // Totals typed for a cadre whose kiosk part is concealed leave that part out: the clerk says so before they are saved.
  const confirmSave = () => {
    const names = detail.members.filter((m) => edits.has(m.cadreId) && concealed.has(m.cadreId)).map((m) => m.name);
    if (names.length === 0) return void save(false);
    modal.confirm({
      title: '所填总数不含评议终端的票',
      content:
        `${names.map((n) => `“${n}”`).join('、')}的评议终端票不足 3 张、不公开，表中未列出。` +
        '保存后，所填数字只作为录入的票数，评议终端的票原样保留并另行计入总票数。请确认计票单上的数字不含评议终端的票。',
      okText: '确认不含，保存',
      cancelText: '返回修改',
      onOk: () => save(true),
    });
  };
  const points = detail.config.staffPoints;
  // A tally sheet is per group: the clerk types one group's totals at a time.
  const groups = useMemo(() => groupsOf(detail.members), [detail.members]);
  const [group, setGroup] = useState<string | null>(null);
  const shown = group === null ? detail.members : (groups.find((g) => g.ref === group)?.members ?? []);

  const save = async (kioskExcluded: boolean) => {
    const counts = [...edits.entries()].map(([targetId, c]) => ({ targetId, ...c }));
    if (counts.length === 0) return;
    setBusy(true);
    try {
      await call('ballots.saveStaff', { assessmentId: detail.id, counts, ...(kioskExcluded ? { kioskExcluded } : {}) });
      // The forms count beside 意见建议 (and whether they show) follows the staff votes.
      await onChanged(['staff', 'comments']);
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
      {editable ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            '表中数字是每名干部各等次的当前总票数，已包含评议终端、逐票录入和 Excel 导入的票；' +
            '修改后保存，即以所填数字作为新的总数，但不能少于这些来源已有的票数（评议终端的票不能被替换或删除）。' +
            '若只是增加纸质票，请改用“逐票录入”。' +
            `来源标有“${KIOSK_CONCEALED_TEXT}”的干部总票数不足 3 张，表中只列录入和导入的票数，保存时评议终端的票原样保留。`
          }
          data-testid="staff-totals-note"
        />
      ) : null}
      <Typography.Paragraph type="secondary">
        按计票单填写每名干部各等次的总票数。折算分：优秀 {points.excellent}、较好 {points.good}、一般 {points.fair}
        、较差 {points.poor}。
      </Typography.Paragraph>
      <Select<string>
        allowClear
        placeholder={`全部分组（${groups.length} 组）`}
        value={group ?? undefined}
        onChange={(v) => setGroup(v ?? null)}
        options={groups.map((g) => ({ value: g.ref, label: `${g.name}（${g.members.length} 人）` }))}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 260, marginBottom: 12 }}
        data-testid="staff-group"
      />
      {group !== null && detail.config.staffExcellentCap !== undefined ? (
        <VoidCount detail={detail} ballots={ballots} group={group} editable={editable} onChanged={onChanged} />
      ) : null}
      <Table<AssessmentMember>
        rowKey="cadreId"
        size="small"
        pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        dataSource={shown}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '单位', dataIndex: 'unitName', width: 130 },
          { title: '职务', dataIndex: 'position', width: 70, render: (p: string) => (p === 'chief' ? '正职' : '副职') },
          ...GRADES.map((g) => ({
            title: STAFF_GRADE_LABELS[g],
            width: 96,
            render: (_: unknown, m: AssessmentMember) => (
              <InputNumber
                min={0}
                precision={0}
                disabled={!editable}
                value={countsOf(m.cadreId)[g]}
                onChange={(v) =>
                  setEdits((e) =>
                    new Map(e).set(m.cadreId, { ...countsOf(m.cadreId), [g]: typeof v === 'number' ? v : 0 }),
                  )
                }
                data-testid={`staff-${m.name}-${g}`}
              />
            ),
          })),
          {
            title: '来源',
            width: 220,
            render: (_: unknown, m: AssessmentMember) => {
              const by = bySource.get(m.cadreId);
              const parts = BALLOT_SOURCES.flatMap((src) => {
                const n = by?.[src] ? GRADES.reduce((x, g) => x + by[src]![g], 0) : 0;
                return n > 0 ? [`${BALLOT_SOURCE_LABELS[src]} ${n}`] : [];
              });
              if (concealed.has(m.cadreId)) parts.push(KIOSK_CONCEALED_TEXT);
              return parts.length > 0 ? <Typography.Text type="secondary">{parts.join(' · ')}</Typography.Text> : '—';
            },
          },
          {
            title: '票数 / 平均折算分',
            width: 150,
            render: (_: unknown, m: AssessmentMember) => {
              if (concealed.has(m.cadreId)) return CONCEALED_TEXT;
              const c = countsOf(m.cadreId);
              const n = GRADES.reduce((s, g) => s + c[g], 0);
              return n === 0 ? '—' : `${n} 票 / ${fmt2(GRADES.reduce((s, g) => s + c[g] * points[g], 0) / n)}`;
            },
          },
        ]}
      />
      {editable ? (
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          disabled={edits.size === 0}
          loading={busy}
          onClick={confirmSave}
          data-testid="staff-save"
        >
          保存票数{edits.size > 0 ? `（${edits.size} 人有修改）` : ''}
        </Button>
      ) : null}
    </>
  );
}

/** The clerk's count of the group's forms voided for the 优秀 cap, read off the tally sheet (手工录入 part only). */
function VoidCount({ detail, ballots, group, editable, onChanged }: EntryProps & { group: string }) {
  const mine = ballots.voidForms.filter((v) => v.group === group && v.reason === 'excellentCapExceeded');
  const manual = mine.find((v) => v.source === 'manual')?.count ?? 0;
  const others = mine.filter((v) => v.source !== 'manual').reduce((n, v) => n + v.count, 0);
  const [count, setCount] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const save = async () => {
    if (count === null) return;
    setBusy(true);
    try {
      await call('ballots.setVoidForms', { assessmentId: detail.id, group, reason: 'excellentCapExceeded', count });
      await onChanged(['voidForms']);
      setCount(null);
      message.success('已保存无效票张数');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap style={{ marginBottom: 12, marginLeft: 12 }} data-testid="staff-void-count">
      <span>计票单上因“{FORM_VOID_REASON_LABELS.excellentCapExceeded}”作废的票</span>
      <InputNumber
        min={0}
        precision={0}
        disabled={!editable}
        value={count ?? manual}
        onChange={(v) => setCount(typeof v === 'number' ? v : 0)}
        data-testid="staff-void-input"
      />
      <span>张</span>
      {others > 0 ? (
        <Typography.Text type="secondary">（另有逐票录入、Excel 导入的无效票 {others} 张）</Typography.Text>
      ) : null}
      {editable ? (
        <Button disabled={count === null || count === manual} loading={busy} onClick={() => void save()}>
          保存张数
        </Button>
      ) : null}
    </Space>
  );
}
