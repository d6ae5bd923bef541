// 排名结果: 正职 one table per category, 副职 one per unit; components with ballot counts, flags, grades and confirmation.
import { isConcealed } from '../../../shared/assessment/anonymity';
import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import {
  displayRows,
  eligibilityBasisOf,
  eligibilityOf,
  ELIGIBILITY_FLAGS,
  flagText,
  GRADE_LABELS,
  suggestedPlan,
  orderedGroups,
  poolLine,
  quotaSummary,
  smallGroupNote,
  VETO_NOTE,
  type AssessmentDetail,
  type GradeConfirmation,
  type RankingsView,
} from '../../../shared/assessment';
import type { Component, Grade, RankingGroup, RankingRow } from '../../../shared/scoring/types';
import { call, errorMessage } from '../../lib/api';
import { saveWithDialog } from '../../lib/save-file';
import { useCall } from '../../lib/useCall';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { PrintRankingsModal } from '../print/PrintRankingsModal';
import { fmt2 } from './groups';
import { BatchConfirmModal } from './BatchConfirmModal';
import { GroupJump, groupAnchorId } from './GroupJump';
import { RankingCharts } from './RankingCharts';
import { WhatIfPanel } from './WhatIfPanel';
import { validValues } from '../../lib/form-errors';

const COMPONENTS: readonly [Component, string][] = [
  ['superior', '上级排名'],
  ['peer', '同级互评'],
  ['staff', '职工测评'],
  ['service', '服务对象'],
];

const GRADE_COLORS: Record<Grade, string> = {
  excellent: 'red',
  competent: 'blue',
  basicallyCompetent: 'orange',
  incompetent: 'default',
};

function ConfirmModal({
  view,
  row,
  assessmentId,
  onClose,
  onDone,
}: {
  view: RankingsView;
  row: RankingRow;
  assessmentId: number;
  onClose: () => void;
  onDone: (v: RankingsView) => void;
}) {
  const [form] = Form.useForm<{ grade: Grade; reason: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const name = view.members[row.cadreId]?.name ?? row.cadreId;
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      onDone(
        await call('grades.confirm', {
          assessmentId,
          cadreId: Number(row.cadreId),
          grade: v.grade,
          reason: v.reason ?? '',
        }),
      );
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };
  return (
    <Modal
      open
      title={`确认等次：${name}`}
      okText="确认"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        最终得分 {fmt2(row.finalScore)}，建议等次 <Tag color={GRADE_COLORS[row.grade]}>{GRADE_LABELS[row.grade]}</Tag>
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ grade: row.grade, reason: '' }}>
        <Form.Item label="确认等次" name="grade">
          <Select
            options={(Object.keys(GRADE_LABELS) as Grade[]).map((g) => ({ value: g, label: GRADE_LABELS[g] }))}
            data-testid="confirm-grade"
          />
        </Form.Item>
        <Form.Item
          label="调整理由"
          name="reason"
          dependencies={['grade']}
          rules={[
            // Read at validation time, not from the last render: a click right after choosing a grade must still see it.
            ({ getFieldValue }) => ({
              validator: (_: unknown, v: unknown) =>
                getFieldValue('grade') !== row.grade && String(v ?? '').trim() === ''
                  ? Promise.reject(new Error('改变建议等次须填写调整理由'))
                  : Promise.resolve(),
            }),
          ]}
          extra="与建议等次不同时必须填写。"
        >
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
      {problem ? <Alert type="error" showIcon title={problem} data-testid="confirm-problem" /> : null}
    </Modal>
  );
}

function GroupTable({
  view,
  group,
  confirmed,
  canConfirm,
  onConfirm,
  onBatch,
}: {
  view: RankingsView;
  group: RankingGroup;
  confirmed: Map<string, GradeConfirmation>;
  canConfirm: boolean;
  onConfirm: (r: RankingRow) => void;
  onBatch: (groupRef: string) => void;
}) {
  const name = view.groupNames[`${group.position}:${group.groupKey}`] ?? group.groupKey;
  const unranked = view.result.unranked.filter((u) => {
    const m = view.members[u.cadreId];
    return (
      m &&
      (group.position === 'chief'
        ? m.position === 'chief' && m.categoryCode === group.groupKey
        : m.position === 'deputy' && String(m.unitId) === group.groupKey)
    );
  });
  const showFinal = view.state === 'summarized' || view.state === 'archived';
  // A vetoed cadre is listed last, without a 名次 (ranking-display.ts).
  const shown = displayRows(group);
  const rankOf = new Map(shown.map((d) => [d.row.cadreId, d.rank]));
  const ref = `${group.position}:${group.groupKey}`;
  const open = canConfirm && view.state === 'summarized' ? suggestedPlan(view, ref).confirm.length : 0;
  const small = smallGroupNote(view, group);
  const basis = eligibilityBasisOf(view);
  return (
    <Card
      id={groupAnchorId(`${group.position}:${group.groupKey}`)}
      size="small"
      style={{ marginBottom: 16 }}
      title={name.replace(/^(正职|副职)·/, '')}
      extra={
        <Space size={8}>
          <Typography.Text type="secondary">
            共 {group.size} 人 · 参与排名 {group.rows.length} 人 · {quotaSummary(view, group)}
          </Typography.Text>
          {canConfirm && view.state === 'summarized' ? (
            <Button
              size="small"
              disabled={open === 0}
              onClick={() => onBatch(ref)}
              data-testid={`batch-confirm-${name}`}
            >
              {open === 0 ? '本组已全部确认' : `本组按建议等次确认（${open}）`}
            </Button>
          ) : null}
        </Space>
      }
      data-testid={`ranking-group-${name}`}
    >
      {small ? (
        <Alert type="info" showIcon title={small} style={{ marginBottom: 8 }} data-testid="quota-small-group" />
      ) : null}
      <Table<RankingRow>
        rowKey="cadreId"
        size="small"
        pagination={false}
        dataSource={shown.map((d) => d.row)}
        tableLayout="fixed"
        locale={{ emptyText: '暂无排名' }}
        columns={[
          { title: '名次', width: 48, render: (_: unknown, r: RankingRow) => rankOf.get(r.cadreId) ?? '—' },
          { title: '姓名', width: 76, render: (_: unknown, r) => view.members[r.cadreId]?.name ?? r.cadreId },
          ...(group.position === 'chief'
            ? [
                {
                  title: '单位',
                  width: 100,
                  render: (_: unknown, r: RankingRow) => view.members[r.cadreId]?.unitName ?? '',
                },
              ]
            : []),
          { title: '最终得分', dataIndex: 'finalScore', width: 76, render: (x: number) => <b>{fmt2(x)}</b> },
          { title: '基础分', dataIndex: 'base', width: 64, render: fmt2 },
          ...COMPONENTS.map(([c, label]) => ({
            title: label,
            width: 76,
            render: (_: unknown, r: RankingRow) => {
              const v = r.components[c];
              if (!v) return <Typography.Text type="secondary">—</Typography.Text>;
              return (
                <Tooltip title={v.trimmed ? '已去掉一个最高分和一个最低分' : undefined}>
                  <div style={{ lineHeight: 1.3 }}>
                    {fmt2(v.score)}
                    <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
                      {isConcealed(view.concealed, r.cadreId, c)
                        ? '票数不公开'
                        : `${v.ballots}票${v.trimmed ? '·去高低' : ''}`}
                    </div>
                  </div>
                </Tooltip>
              );
            },
          })),
          {
            title: '加/减分',
            width: 72,
            render: (_: unknown, r: RankingRow) =>
              r.bonus || r.penalty ? (
                <div style={{ lineHeight: 1.3 }}>
                  {r.bonus ? <div style={{ color: '#389e0d' }}>+{fmt2(r.bonus)}</div> : null}
                  {r.penalty ? <div style={{ color: '#cf1322' }}>-{fmt2(r.penalty)}</div> : null}
                </div>
              ) : (
                '—'
              ),
          },
          {
            title: '建议等次',
            dataIndex: 'grade',
            width: 76,
            render: (g: Grade) => <Tag color={GRADE_COLORS[g]}>{GRADE_LABELS[g]}</Tag>,
          },
          ...(showFinal
            ? [
                {
                  title: '确认等次',
                  width: 112,
                  render: (_: unknown, r: RankingRow) => {
                    const c = confirmed.get(r.cadreId);
                    const content = c ? (
                      <Tooltip title={c.reason ? `理由：${c.reason}` : undefined}>
                        <Tag color={GRADE_COLORS[c.grade]}>
                          {GRADE_LABELS[c.grade]}
                          {c.grade !== r.grade ? '（调整）' : ''}
                        </Tag>
                      </Tooltip>
                    ) : (
                      <Typography.Text type="secondary">未确认</Typography.Text>
                    );
                    return (
                      <Space size={0} wrap>
                        {content}
                        {canConfirm ? (
                          <Button
                            type="link"
                            size="small"
                            onClick={() => onConfirm(r)}
                            data-testid={`confirm-${view.members[r.cadreId]?.name ?? r.cadreId}`}
                          >
                            确认
                          </Button>
                        ) : null}
                      </Space>
                    );
                  },
                },
              ]
            : []),
          {
            title: '评优资格 · 提示',
            render: (_: unknown, r: RankingRow) => {
              const e = eligibilityOf(r, group, basis);
              // 不得评优 and a tie at the last place are in the 评优资格 line with their reasons, not again as tags.
              const tags = r.flags.filter((f) => !ELIGIBILITY_FLAGS.has(f));
              return (
                <div data-testid={`eligibility-${view.members[r.cadreId]?.name ?? r.cadreId}`}>
                  <Typography.Text type={e.excellent ? 'success' : undefined} style={{ fontSize: 13 }}>
                    {e.text}
                  </Typography.Text>
                  {tags.length > 0 ? (
                    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: 2 }}>
                      {/* The veto first: it is why the cadre has no 名次; a tag may wrap rather than leave the card. */}
                      {tags
                        .sort((x, y) => Number(y === 'veto') - Number(x === 'veto'))
                        .map((f) => (
                          <Tag
                            key={f}
                            style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}
                            color={f === 'veto' ? 'red' : 'default'}
                          >
                            {f === 'veto' ? VETO_NOTE : flagText(f)}
                          </Tag>
                        ))}
                    </div>
                  ) : null}
                </div>
              );
            },
          },
        ]}
      />
      {unranked.length > 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          未参与排名（无有效测评数据）：{unranked.map((u) => view.members[u.cadreId]?.name ?? u.cadreId).join('、')}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

/** `printedBy`: the user's name for the print watermark, given when the user may print the ranking tables. */
export function RankingsTab({
  detail,
  canConfirm,
  printedBy,
}: {
  detail: AssessmentDetail;
  canConfirm: boolean;
  printedBy: string | null;
}) {
  const [confirming, setConfirming] = useState<RankingRow | null>(null);
  const [printing, setPrinting] = useState(false);
  // The batch dialog's scope: a group ref, 'all', or closed.
  const [batch, setBatch] = useState<string | null>(null);
  const { message } = AntApp.useApp();
  const { data: view, patch } = useCall(
    'rankings.get',
    { assessmentId: detail.id },
    { onError: (t) => message.error(t) },
  );
  if (!view) return <Spin />;
  const confirmed = new Map(view.confirmations.map((c) => [String(c.cadreId), c]));
  const groupsOf = (p: 'chief' | 'deputy') => orderedGroups(view, p);
  const panel = (p: 'chief' | 'deputy') => {
    const gs = groupsOf(p);
    if (gs.length === 0) return <Empty description="本次考核没有该类干部" />;
    const refOf = (g: RankingGroup) => `${g.position}:${g.groupKey}`;
    const pool = poolLine(view, p);
    return (
      <>
        {pool ? (
          <Alert type="info" showIcon title={pool} style={{ marginBottom: 12 }} data-testid="quota-pool" />
        ) : null}
        {p === 'deputy' && gs.length > 1 ? (
          <GroupJump
            groups={gs.map((g) => ({
              ref: refOf(g),
              label: (view.groupNames[refOf(g)] ?? g.groupKey).replace(/^副职·/, ''),
            }))}
          />
        ) : null}
        {gs.map((g) => (
          <GroupTable
            key={g.groupKey}
            view={view}
            group={g}
            confirmed={confirmed}
            canConfirm={canConfirm}
            onConfirm={setConfirming}
            onBatch={setBatch}
          />
        ))}
      </>
    );
  };
  const allOpen = canConfirm && view.state === 'summarized' ? suggestedPlan(view).confirm.length : 0;
  const exportExcel = () =>
    void saveWithDialog(
      'rankingsExcel',
      `${detail.name}排名`,
      (token) => call('rankings.exportExcel', { assessmentId: detail.id, token }),
      message,
      (r) => `已导出 ${r.groups} 个分组的排名到 ${r.fileName}`,
    );
  return (
    <>
      <Flex justify="flex-end" gap={8} style={{ marginBottom: 8 }}>
        {canConfirm && view.state === 'summarized' ? (
          <Button
            type="primary"
            disabled={allOpen === 0}
            onClick={() => setBatch('all')}
            data-testid="batch-confirm-all"
          >
            {allOpen === 0 ? '等次已全部确认' : `全部按建议等次确认（${allOpen}）`}
          </Button>
        ) : null}
        {printedBy ? (
          <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)} data-testid="print-rankings">
            打印排名表
          </Button>
        ) : null}
        <Button icon={<FileExcelOutlined />} onClick={exportExcel} data-testid="export-rankings">
          导出排名 Excel
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">
        {view.state === 'archived'
          ? '已归档的结果，永久保存，不再重新计算。'
          : view.state === 'summarized'
            ? `汇总时保存的结果。管理员可按建议等次一次确认一组或全部，再逐人处理例外（改变建议等次须填写理由，优秀不得超过${view.quotaBasis.scope === 'position' ? '合并计算的' : '本组'}名额）。`
            : '按当前已录入的测评票实时计算的预览，汇总后保存。'}
        正职按单位类别跨单位排名，副职在本单位内排名。
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: 'chief', label: `正职（${groupsOf('chief').length} 个类别）`, children: panel('chief') },
          { key: 'deputy', label: `副职（${groupsOf('deputy').length} 个单位）`, children: panel('deputy') },
          { key: 'charts', label: '图表', children: <RankingCharts view={view} config={detail.config} /> },
          {
            key: 'whatif',
            label: '权重模拟',
            children: <WhatIfPanel assessmentId={detail.id} view={view} config={detail.config} />,
          },
        ]}
        destroyOnHidden
      />
      <Card size="small" title={`无效测评票（${view.invalidBallots.length}）`} data-testid="invalid-ballots">
        {view.invalidBallots.length === 0 ? (
          <Typography.Text type="secondary">没有无效测评票。</Typography.Text>
        ) : (
          <Table
            rowKey={(b) => `${b.kind}-${b.index}`}
            size="small"
            pagination={false}
            dataSource={view.invalidBallots}
            columns={[
              { title: '测评票', dataIndex: 'ballot' },
              { title: '原因', dataIndex: 'reasonText' },
            ]}
          />
        )}
      </Card>
      {confirming ? (
        <ConfirmModal
          view={view}
          row={confirming}
          assessmentId={detail.id}
          onClose={() => setConfirming(null)}
          onDone={(v) => {
            patch(() => v);
            setConfirming(null);
            message.success('等次已确认');
          }}
        />
      ) : null}
      {batch !== null ? (
        <BatchConfirmModal
          view={view}
          assessmentId={detail.id}
          group={batch === 'all' ? undefined : batch}
          onClose={() => setBatch(null)}
          onDone={(r) => {
            patch(() => r.view);
            setBatch(null);
            message.success(
              r.skipped.length > 0
                ? `已按建议等次确认 ${r.confirmed} 人；${r.skipped.length} 人未改变，请逐人确认`
                : `已按建议等次确认 ${r.confirmed} 人`,
            );
          }}
        />
      ) : null}
      {printing && printedBy ? (
        <PrintRankingsModal
          assessmentId={detail.id}
          name={detail.name}
          view={view}
          printedBy={printedBy}
          onClose={() => setPrinting(false)}
        />
      ) : null}
    </>
  );
}
