// 季度采集: for a quarter, each unit's percentage complete and 填报表 counts (a channel's lists in rows of their own),
// and the cadres lacking material in which required section; a gap checked to have nothing (本季度无此类材料（经核查）)
// counts as complete, so the list left is the real 催报 list.
import { testId } from '../../lib/test-id';
import { useMemo, useRef, useState } from 'react';
import {
  App as AntApp,
  Button,
  Card,
  Popconfirm,
  Progress,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { QuarterAttestation, UnitCompleteness, CadreGap } from '../../../shared/dossier/types';
import { quarterLabel } from '../../../shared/dossier/quarter';
import { intakeOwnerKey, type IntakeUnitCounts } from '../../../shared/intake/types';
import { call, errorMessage } from '../../lib/api';
import { saveWithDialog } from '../../lib/save-file';
import { formatDateTime } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { AttestDialog, type AttestTarget } from './collection/AttestDialog';
import { RequiredSectionsDialog } from './collection/RequiredSectionsDialog';
import { quarterOptions } from './collection/quarters';
import { IntakeOwnerName } from './collection/IntakeOwnerName';

const NO_COUNTS: readonly IntakeUnitCounts[] = [];

/** A unit's or a channel's 填报表 counts as 发出/待审/采纳/退回. */
const IntakeCountsText = ({ counts: c }: { counts: IntakeUnitCounts }) => (
  <span data-testid={`intake-counts-${c.channel ?? c.unitId}`}>
    {`${c.sent} 份 / ${c.pending} / ${c.accepted} / ${c.returned}`}
  </span>
);

export function CompletenessPanel({
  onOpenCadre,
  canEdit,
  canChooseSections,
  refresh,
}: {
  onOpenCadre: (cadreId: number) => void;
  canEdit: boolean;
  canChooseSections: boolean;
  /** Changes whenever the tab is shown again: entries may have been added meanwhile. */
  refresh: number;
}) {
  const quarters = useMemo(quarterOptions, []);
  const [quarter, setQuarter] = useState(quarters[0]!);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [attest, setAttest] = useState<AttestTarget | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [bulkSection, setBulkSection] = useState<string | null>(null);
  const gapsCard = useRef<HTMLDivElement>(null);
  const { message } = AntApp.useApp();
  const onError = (t: string) => void message.error(t);
  // A new quarter, or the tab shown again, shows the spinner until its figures arrive; 刷新 keeps them meanwhile.
  const completeness = useCall(
    'dossier.completeness',
    { quarter },
    { onError, version: refresh, clearOnNewInput: true },
  );
  const data = completeness.data ?? null;
  // 填报表 sent and returned per unit and per channel (only editors may read them).
  const counts = useCall('intake.counts', canEdit ? { quarter } : null, { onError, version: refresh });
  const intakeCounts = counts.data ?? NO_COUNTS;
  const load = () => {
    void completeness.reload();
    void counts.reload();
  };
  const intake = new Map(intakeCounts.flatMap((c) => (c.unitId === null ? [] : [[c.unitId, c] as const])));
  // A channel's lists (纪检监察 …) have no unit: rows of their own under the units.
  const channelCounts = intakeCounts.filter((c) => c.channel !== null);
  const sectionName = new Map((data?.allSections ?? []).map((s) => [s.code, s.name]));
  const gaps = (data?.gaps ?? []).filter((g) => unitId === null || g.unitId === unitId);
  const attestations = (data?.attestations ?? []).filter((a) => unitId === null || a.unitId === unitId);
  const unitName = unitId === null ? null : (data?.units.find((u) => u.unitId === unitId)?.unitName ?? null);
  const requiredText = data ? data.sections.map((s) => s.name).join('、') : '';

  const pickUnit = (id: number) => {
    setUnitId(id === unitId ? null : id);
    // The filtered list is further down: bring it into view, as the user asked for it.
    requestAnimationFrame(() => gapsCard.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };
  const attestOne = (g: CadreGap, code: string) =>
    setAttest({
      section: { code, name: sectionName.get(code) ?? code },
      cadres: [{ cadreId: g.cadreId, name: g.name }],
      scope: null,
    });
  const attestAll = () => {
    if (!bulkSection) return;
    const cadres = gaps
      .filter((g) => g.missing.includes(bulkSection))
      .map((g) => ({ cadreId: g.cadreId, name: g.name }));
    setAttest({
      section: { code: bulkSection, name: sectionName.get(bulkSection) ?? bulkSection },
      cadres,
      scope: unitName ?? '全部单位',
    });
  };
  const withdraw = async (a: QuarterAttestation) => {
    try {
      await call('collection.withdrawAttestation', { quarter, sectionCode: a.sectionCode, cadreId: a.cadreId });
      message.success(`已撤销${a.name}的“${sectionName.get(a.sectionCode) ?? a.sectionCode}”核查记录`);
      load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const exportGaps = () =>
    void saveWithDialog(
      'quarterGaps',
      `${quarterLabel(quarter)}缺项名单${unitName ? `（${unitName}）` : ''}`,
      (token) => call('dossier.exportMissing', unitId === null ? { quarter, token } : { quarter, unitId, token }),
      message,
      (r) => `已导出 ${r.rows} 人到 ${r.fileName}`,
    );
  const bulkCount = bulkSection ? gaps.filter((g) => g.missing.includes(bulkSection)).length : 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="completeness">
      <Card size="small">
        <Space size="large" wrap>
          <Select
            value={quarter}
            style={{ width: 180 }}
            options={quarters.map((q) => ({ value: q, label: quarterLabel(q) }))}
            onChange={setQuarter}
          />
          <Statistic title="在职干部" value={data?.cadres ?? 0} suffix="人" />
          <Statistic title="板块覆盖率" value={data?.percent ?? 0} suffix="%" precision={1} />
          <Statistic title="有缺项的干部" value={data?.gaps.length ?? 0} suffix="人" />
          <Space direction="vertical" size={2}>
            <Typography.Text type="secondary" data-testid="required-text">
              {`本季度必填：${requiredText}${data?.chosenSections ? '' : '（全部板块）'}`}
            </Typography.Text>
            <Typography.Text type="secondary">
              每名干部每个必填板块至少一条材料，或经核查本季度无此类材料，计为完整。
            </Typography.Text>
          </Space>
          {canChooseSections ? (
            <Button size="small" disabled={!data} onClick={() => setChoosing(true)} data-testid="choose-sections">
              设置必填板块
            </Button>
          ) : null}
          <Button size="small" onClick={load} data-testid="completeness-refresh">
            刷新
          </Button>
        </Space>
      </Card>
      <Card size="small" title="各单位完成情况（完成率低的在前，点击一行查看该单位缺项名单）">
        <Table<UnitCompleteness>
          size="small"
          rowKey="unitId"
          loading={!data}
          dataSource={(data?.units ?? []) as UnitCompleteness[]}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          rowClassName={(r) => (r.unitId === unitId ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({
            onClick: () => pickUnit(r.unitId),
            style: { cursor: 'pointer' },
            ...testId(`unit-row-${r.unitId}`),
          })}
          columns={[
            { title: '单位', dataIndex: 'unitName' },
            { title: '在职干部', dataIndex: 'cadres', width: 100, render: (n: number) => `${n} 人` },
            { title: '已采集 / 应采集（人·板块）', width: 200, render: (_v, r) => `${r.filled} / ${r.slots}` },
            { title: '其中经核查无材料', dataIndex: 'attested', width: 130 },
            ...(canEdit
              ? [
                  {
                    title: '填报表（发出/待审/采纳/退回）',
                    key: 'intake',
                    width: 220,
                    render: (_v: unknown, r: UnitCompleteness) => {
                      const c = intake.get(r.unitId);
                      return c ? (
                        <IntakeCountsText counts={c} />
                      ) : (
                        <Typography.Text type="secondary">未发</Typography.Text>
                      );
                    },
                  },
                ]
              : []),
            {
              title: '完成率',
              dataIndex: 'percent',
              width: 200,
              render: (p: number) => (
                <Progress percent={p} size="small" status={p < 60 ? 'exception' : p < 100 ? 'active' : 'success'} />
              ),
            },
          ]}
          summary={() =>
            channelCounts.length === 0 ? null : (
              <Table.Summary>
                {channelCounts.map((c) => (
                  <Table.Summary.Row key={intakeOwnerKey(c)} {...testId(`intake-${intakeOwnerKey(c)}`)}>
                    <Table.Summary.Cell index={0}>
                      <IntakeOwnerName row={c} />
                    </Table.Summary.Cell>
                    {/* A channel's list spans units: it has no cadres or completeness of its own. */}
                    <Table.Summary.Cell index={1} colSpan={3}>
                      <Typography.Text type="secondary">报送渠道的名单，所列干部的材料计入其所在单位</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4}>
                      <IntakeCountsText counts={c} />
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={5} />
                  </Table.Summary.Row>
                ))}
              </Table.Summary>
            )
          }
        />
      </Card>
      <div ref={gapsCard}>
        <Card
          size="small"
          title={`缺项名单（${gaps.length} 人${unitName ? `，${unitName}` : ''}）`}
          extra={
            <Space wrap>
              {unitId !== null ? (
                <Button size="small" onClick={() => setUnitId(null)}>
                  显示全部单位
                </Button>
              ) : null}
              {canEdit ? (
                <>
                  <Select<string>
                    size="small"
                    placeholder="按板块核查无材料"
                    value={bulkSection ?? undefined}
                    onChange={setBulkSection}
                    style={{ width: 170 }}
                    options={(data?.sections ?? []).map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }))}
                    data-testid="bulk-section"
                  />
                  <Button size="small" disabled={bulkCount === 0} onClick={attestAll} data-testid="bulk-attest">
                    {bulkSection ? `本板块缺项的 ${bulkCount} 人记为无此类材料…` : '记为无此类材料…'}
                  </Button>
                  <Button size="small" disabled={!data} onClick={exportGaps} data-testid="export-gaps">
                    导出缺项名单
                  </Button>
                </>
              ) : null}
            </Space>
          }
        >
          <Table<CadreGap>
            size="small"
            rowKey="cadreId"
            dataSource={gaps as CadreGap[]}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="gaps"
            columns={[
              {
                title: '姓名',
                dataIndex: 'name',
                width: 120,
                render: (n: string, r) => <Typography.Link onClick={() => onOpenCadre(r.cadreId)}>{n}</Typography.Link>,
              },
              { title: '单位', dataIndex: 'unitName', width: 220 },
              {
                title: canEdit ? '缺少材料的板块（点击板块可记为“经核查无此类材料”）' : '缺少材料的板块',
                render: (_v, r) => (
                  <Space wrap size={4}>
                    {r.missing.map((code) => {
                      const tag = (
                        <Tag
                          key={code}
                          color="orange"
                          style={canEdit ? { cursor: 'pointer' } : undefined}
                          onClick={canEdit ? () => attestOne(r, code) : undefined}
                          data-testid={`gap-${r.cadreId}-${code}`}
                        >
                          {code} {sectionName.get(code)}
                        </Tag>
                      );
                      return canEdit ? (
                        <Tooltip key={code} title="记为本季度无此类材料（经核查）">
                          {tag}
                        </Tooltip>
                      ) : (
                        tag
                      );
                    })}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      </div>
      <Card size="small" title={`经核查本季度无此类材料（${attestations.length} 条，计为已采集）`}>
        <Table<QuarterAttestation>
          size="small"
          rowKey={(a) => `${a.cadreId}:${a.sectionCode}`}
          dataSource={attestations as QuarterAttestation[]}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: '本季度还没有核查记录' }}
          data-testid="attestations"
          columns={[
            { title: '姓名', dataIndex: 'name', width: 110 },
            { title: '单位', dataIndex: 'unitName', width: 200 },
            {
              title: '板块',
              dataIndex: 'sectionCode',
              width: 150,
              render: (c: string) => `${c} ${sectionName.get(c) ?? ''}`,
            },
            { title: '核查说明', dataIndex: 'note' },
            { title: '记录人', dataIndex: 'attestedBy', width: 100 },
            { title: '记录时间', dataIndex: 'attestedAt', width: 170, render: (t: string) => formatDateTime(t) },
            ...(canEdit
              ? [
                  {
                    title: '操作',
                    key: 'op',
                    width: 70,
                    render: (_v: unknown, a: QuarterAttestation) => (
                      <Popconfirm
                        title="撤销后该板块重新计为缺项，确定撤销？"
                        okText="撤销"
                        cancelText="取消"
                        onConfirm={() => void withdraw(a)}
                      >
                        <Typography.Link data-testid={`withdraw-${a.cadreId}-${a.sectionCode}`}>撤销</Typography.Link>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <AttestDialog
        quarter={quarter}
        target={attest}
        onClose={() => setAttest(null)}
        onDone={() => {
          setAttest(null);
          setBulkSection(null);
          load();
        }}
      />
      {choosing && data ? (
        <RequiredSectionsDialog
          quarter={quarter}
          sections={data.allSections}
          onClose={() => setChoosing(false)}
          onDone={() => {
            setChoosing(false);
            load();
          }}
        />
      ) : null}
    </Space>
  );
}
