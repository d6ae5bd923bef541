// 纸质票录入 (二次录入): each paper ballot is typed by two clerks by its number; it counts only when both entries
// match; mismatches are shown side by side (differing cells marked) to be resolved after checking the paper.
import { useMemo, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Empty,
  Input,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  PAPER_KIND_LABELS,
  PAPER_STATE_LABELS,
  diffPaperBallots,
  type PaperBallot,
  type PaperDiffRow,
  type PaperKind,
  type PaperView,
} from '../../../shared/assessment/paper';
import { orderFromPlaces } from '../../../shared/assessment/superior-order';
import { groupRefOf } from '../../../shared/assessment/types';
import { call, errorMessage } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import type { EntryProps } from './AssessmentDetailPage';
import { PeerScoreGrid, PlacesTable, gridBallots, type ScoreGrid } from './ballot-forms';
import { groupsOf } from './groups';
import { filterMember, memberOption } from './member-search';

const STATE_COLORS = { pending: 'blue', matched: 'green', mismatch: 'red', resolved: 'green' } as const;

function PaperForm({ detail, onSaved }: Pick<EntryProps, 'detail'> & { onSaved: () => Promise<void> }) {
  const groups = useMemo(() => groupsOf(detail.members), [detail.members]);
  const byId = useMemo(() => new Map(detail.members.map((m) => [m.cadreId, m])), [detail.members]);
  const [paperNo, setPaperNo] = useState('');
  const [kind, setKind] = useState<PaperKind>('superior');
  const [groupRef, setGroupRef] = useState(groups[0]?.ref ?? '');
  const [raterId, setRaterId] = useState<number | null>(null);
  const [places, setPlaces] = useState<Map<number, number | null>>(new Map());
  const [grid, setGrid] = useState<ScoreGrid>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const group = groups.find((g) => g.ref === groupRef);
  const rater = raterId === null ? undefined : byId.get(raterId);
  const targets = rater
    ? detail.members.filter((m) => groupRefOf(m) === groupRefOf(rater) && m.cadreId !== rater.cadreId)
    : [];
  const indicators = rater
    ? detail.config.indicators[rater.position].map((i) => ({ ...i, name: detail.indicatorNames[i.id] ?? i.id }))
    : [];
  const clear = () => setProblem(null);

  const save = async () => {
    if (!paperNo.trim()) return setProblem('请填写纸质票编号');
    let ballot: PaperBallot;
    if (kind === 'superior') {
      const order = orderFromPlaces(group?.members ?? [], places);
      if (typeof order === 'string') return setProblem(order);
      ballot = { kind, group: groupRef, order };
    } else {
      if (!rater) return setProblem('请选择评价人');
      const b = gridBallots(targets, indicators, grid, false);
      if (typeof b === 'string') return setProblem(b);
      ballot = { kind, raterId: rater.cadreId, ballots: b };
    }
    setBusy(true);
    try {
      const r = await call('paper.enter', { assessmentId: detail.id, paperNo: paperNo.trim(), ballot });
      if (r.state === 'pending')
        message.success(`纸质票“${r.paperNo}”第一次录入已保存，请由另一名录入员进行第二次录入`);
      else if (r.state === 'matched') message.success(`纸质票“${r.paperNo}”两次录入一致，已计入排名`);
      else message.warning(`纸质票“${r.paperNo}”两次录入不一致，未计入排名，请在下方核对`);
      // Blind entry: the form forgets what was typed.
      setPaperNo('');
      setPlaces(new Map());
      setGrid({});
      setProblem(null);
      await onSaved();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="录入纸质票" style={{ marginBottom: 16 }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>纸质票编号</span>
        <Input
          style={{ width: 160 }}
          value={paperNo}
          maxLength={30}
          placeholder="如 SJ-001"
          onChange={(e) => {
            setPaperNo(e.target.value);
            clear();
          }}
          data-testid="paper-no"
        />
        <Radio.Group
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as PaperKind);
            clear();
          }}
          options={(['superior', 'peer'] as const).map((k) => ({ value: k, label: PAPER_KIND_LABELS[k] }))}
          data-testid="paper-kind"
        />
        {kind === 'superior' ? (
          <Select
            style={{ width: 260 }}
            value={groupRef}
            onChange={(v) => {
              setGroupRef(v);
              setPlaces(new Map());
              clear();
            }}
            options={groups.map((g) => ({ value: g.ref, label: `${g.name}（${g.members.length} 人）` }))}
            data-testid="paper-group"
          />
        ) : (
          <Select
            showSearch={{ filterOption: filterMember }}
            style={{ width: 260 }}
            placeholder="选择评价人"
            value={raterId}
            onChange={(v) => {
              setRaterId(v);
              setGrid({});
              clear();
            }}
            options={groups.map((g) => ({
              label: g.name,
              title: g.name,
              options: g.members.map((m) => memberOption(detail, m, m.name)),
            }))}
            data-testid="paper-rater"
          />
        )}
      </Space>
      <Typography.Paragraph type="secondary">
        每张纸质票须由两名录入员分别录入，两次完全一致才计入排名；同一人不能录入两次。第二次录入时看不到第一次的内容。
      </Typography.Paragraph>
      {kind === 'superior' && group ? (
        <PlacesTable
          targets={group.members}
          places={places}
          onChange={(p) => {
            setPlaces(p);
            clear();
          }}
          cell="paper-place"
        />
      ) : null}
      {kind === 'peer' && rater ? (
        <PeerScoreGrid
          targets={targets}
          indicators={indicators}
          grid={grid}
          onChange={(g) => {
            setGrid(g);
            clear();
          }}
          cell="paper-peer"
        />
      ) : null}
      {problem ? (
        <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} data-testid="paper-problem" />
      ) : null}
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        loading={busy}
        onClick={() => void save()}
        data-testid="paper-save"
      >
        保存本次录入
      </Button>
    </Card>
  );
}

/** The two entries of a mismatched paper, row by row, differing cells marked; resolve by the paper. */
function PaperCompare({
  detail,
  paper,
  editable,
  onChanged,
}: Pick<EntryProps, 'detail' | 'editable'> & { paper: PaperView; onChanged: () => Promise<void> }) {
  const byId = useMemo(() => new Map(detail.members.map((m) => [m.cadreId, m])), [detail.members]);
  const groups = useMemo(() => groupsOf(detail.members), [detail.members]);
  const { message } = AntApp.useApp();
  const [first, second] = paper.entries;
  if (!first?.ballot || !second?.ballot) return null;
  const rows = diffPaperBallots(first.ballot, second.ballot);
  const name = (id: string | number | null) => (id === null ? '（未填）' : (byId.get(Number(id))?.name ?? String(id)));
  const label = (r: PaperDiffRow) =>
    r.label.place !== undefined
      ? `第 ${r.label.place} 名`
      : r.label.field === 'group'
        ? '排名分组'
        : r.label.field === 'rater'
          ? '评价人'
          : `${name(r.label.targetId ?? null)} · ${detail.indicatorNames[r.label.indicatorId ?? ''] ?? r.label.indicatorId}`;
  const value = (r: PaperDiffRow, v: string | number | null) =>
    r.label.field === 'group'
      ? (groups.find((g) => g.ref === v)?.name ?? (v === null ? '（未填）' : String(v)))
      : r.label.indicatorId
        ? v === null
          ? '（未填）'
          : String(v)
        : name(v);
  const cell = (r: PaperDiffRow, v: string | number | null, testid: string) => (
    <span
      className={r.differs ? 'paper-diff' : undefined}
      style={r.differs ? { color: '#cf1322', fontWeight: 600 } : undefined}
      data-testid={r.differs ? testid : undefined}
    >
      {value(r, v)}
    </span>
  );
  const act = async (what: 'resolve' | 'discard', entryNo: 1 | 2) => {
    try {
      if (what === 'resolve') await call('paper.resolve', { assessmentId: detail.id, paperNo: paper.paperNo, entryNo });
      else await call('paper.discard', { assessmentId: detail.id, paperNo: paper.paperNo, entryNo });
      message.success(
        what === 'resolve'
          ? `已采用第${entryNo === 1 ? '一' : '二'}次录入，纸质票“${paper.paperNo}”已计入排名`
          : `已作废第${entryNo === 1 ? '一' : '二'}次录入，请重新录入`,
      );
      await onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card
      size="small"
      type="inner"
      title={`纸质票“${paper.paperNo}”（${PAPER_KIND_LABELS[paper.kind]}）两次录入不一致`}
      style={{ marginBottom: 12 }}
      data-testid={`paper-compare-${paper.paperNo}`}
    >
      <Table<PaperDiffRow>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        onRow={(r) => (r.differs ? { style: { background: '#fff1f0' } } : {})}
        columns={[
          { title: '项目', render: (_: unknown, r) => label(r) },
          { title: `第一次录入（${first.enteredBy}）`, render: (_: unknown, r) => cell(r, r.first, 'diff-first') },
          { title: `第二次录入（${second.enteredBy}）`, render: (_: unknown, r) => cell(r, r.second, 'diff-second') },
        ]}
      />
      {editable ? (
        <Space style={{ marginTop: 12 }} wrap>
          <Typography.Text type="secondary">请对照纸质票：</Typography.Text>
          <Popconfirm
            title="按纸质票核对，采用第一次录入？"
            okText="采用"
            cancelText="取消"
            onConfirm={() => act('resolve', 1)}
          >
            <Button size="small" data-testid="paper-pick-1">
              采用第一次录入
            </Button>
          </Popconfirm>
          <Popconfirm
            title="按纸质票核对，采用第二次录入？"
            okText="采用"
            cancelText="取消"
            onConfirm={() => act('resolve', 2)}
          >
            <Button size="small" data-testid="paper-pick-2">
              采用第二次录入
            </Button>
          </Popconfirm>
          <Button size="small" danger onClick={() => void act('discard', 1)}>
            作废第一次录入
          </Button>
          <Button size="small" danger onClick={() => void act('discard', 2)}>
            作废第二次录入（重新录入）
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}

export function PaperTab({ detail, editable, onChanged }: EntryProps) {
  const { message } = AntApp.useApp();
  const { data: papers, reload } = useCall(
    'paper.list',
    { assessmentId: detail.id },
    { onError: (t) => void message.error(t) },
  );
  // A paper entry counts (as a 上级排名 or 同级互评 ballot) once two entries match or one is chosen.
  const changed = async () => {
    await reload();
    await onChanged(['superior', 'peer']);
  };
  const mismatched = papers?.filter((p) => p.state === 'mismatch') ?? [];
  return (
    <>
      {editable ? <PaperForm detail={detail} onSaved={changed} /> : null}
      {mismatched.length > 0 ? (
        <>
          <Typography.Title level={5}>待核对（{mismatched.length}）</Typography.Title>
          {mismatched.map((p) => (
            <PaperCompare key={p.paperNo} detail={detail} paper={p} editable={editable} onChanged={changed} />
          ))}
        </>
      ) : null}
      <Typography.Title level={5}>纸质票（{papers?.length ?? 0}）</Typography.Title>
      {!papers || papers.length === 0 ? (
        <Empty description="暂无" />
      ) : (
        <Table<PaperView>
          rowKey="paperNo"
          size="small"
          pagination={{ pageSize: 20, showSizeChanger: false }}
          dataSource={[...papers]}
          data-testid="papers-table"
          columns={[
            { title: '纸质票编号', dataIndex: 'paperNo', width: 140 },
            { title: '类型', width: 100, render: (_: unknown, p) => PAPER_KIND_LABELS[p.kind] },
            {
              title: '状态',
              width: 150,
              render: (_: unknown, p) => <Tag color={STATE_COLORS[p.state]}>{PAPER_STATE_LABELS[p.state]}</Tag>,
            },
            {
              title: '录入',
              render: (_: unknown, p) =>
                p.entries.map((e) => `第${e.entryNo === 1 ? '一' : '二'}次：${e.enteredBy}`).join('；') +
                (p.resolvedBy ? `；核对：${p.resolvedBy}（采用第${p.resolvedEntry === 1 ? '一' : '二'}次）` : ''),
            },
          ]}
        />
      )}
    </>
  );
}
