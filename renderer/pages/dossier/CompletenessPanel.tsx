// 季度采集: for a quarter, each unit's percentage complete and the cadres lacking material in which sections.
import { useEffect, useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Progress, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { QuarterCompleteness, UnitCompleteness, CadreGap } from '../../../shared/dossier/types';
import { localToday, quarterLabel, quarterOf } from '../../../shared/dossier/quarter';
import { call, errorMessage } from '../../lib/api';
import { saveWithDialog } from '../../lib/save-file';

function quarterOptions(): string[] {
  const now = quarterOf(localToday());
  const out: string[] = [];
  let [y, q] = [Number(now.slice(0, 4)), Number(now.slice(5))];
  for (let i = 0; i < 12; i++) {
    out.push(`${y}Q${q}`);
    q -= 1;
    if (q === 0) [y, q] = [y - 1, 4];
  }
  return out;
}

export function CompletenessPanel({ onOpenCadre, canEdit }: { onOpenCadre: (cadreId: number) => void; canEdit: boolean }) {
  const quarters = useMemo(quarterOptions, []);
  const [quarter, setQuarter] = useState(quarters[0]!);
  const [data, setData] = useState<QuarterCompleteness | null>(null);
  const [unitId, setUnitId] = useState<number | null>(null);
  const { message } = AntApp.useApp();
  useEffect(() => {
    setData(null);
    call('dossier.completeness', { quarter })
      .then(setData)
      .catch((e: unknown) => message.error(errorMessage(e)));
  }, [quarter, message]);
  const sectionName = new Map((data?.sections ?? []).map((s) => [s.code, s.name]));
  const gaps = (data?.gaps ?? []).filter((g) => unitId === null || g.unitId === unitId);
  const unitName = unitId === null ? null : (data?.units.find((u) => u.unitId === unitId)?.unitName ?? null);
  const exportGaps = () =>
    void saveWithDialog(
      'quarterGaps',
      `${quarterLabel(quarter)}缺项名单${unitName ? `（${unitName}）` : ''}`,
      (token) => call('dossier.exportMissing', unitId === null ? { quarter, token } : { quarter, unitId, token }),
      message,
      (r) => `已导出 ${r.rows} 人到 ${r.fileName}`,
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="completeness">
      <Card size="small">
        <Space size="large" wrap>
          <Select value={quarter} style={{ width: 180 }} options={quarters.map((q) => ({ value: q, label: quarterLabel(q) }))} onChange={setQuarter} />
          <Statistic title="在职干部" value={data?.cadres ?? 0} suffix="人" />
          <Statistic title="板块覆盖率" value={data?.percent ?? 0} suffix="%" precision={1} />
          <Statistic title="有缺项的干部" value={data?.gaps.length ?? 0} suffix="人" />
          <Typography.Text type="secondary">每名干部每季度六大板块各至少一条材料计为完整。</Typography.Text>
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
          onRow={(r) => ({ onClick: () => setUnitId(r.unitId === unitId ? null : r.unitId), style: { cursor: 'pointer' } })}
          columns={[
            { title: '单位', dataIndex: 'unitName' },
            { title: '在职干部', dataIndex: 'cadres', width: 100, render: (n: number) => `${n} 人` },
            { title: '已采集 / 应采集（人·板块）', width: 200, render: (_v, r) => `${r.filled} / ${r.slots}` },
            { title: '完成率', dataIndex: 'percent', width: 260, render: (p: number) => <Progress percent={p} size="small" status={p < 60 ? 'exception' : p < 100 ? 'active' : 'success'} /> },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={`缺项名单（${gaps.length} 人${unitId === null ? '' : '，已按单位筛选'}）`}
        extra={
          canEdit && <Button size="small" disabled={!data} onClick={exportGaps} data-testid="export-gaps">
            导出缺项名单
          </Button>
        }
      >
        <Table<CadreGap>
          size="small"
          rowKey="cadreId"
          dataSource={gaps as CadreGap[]}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 120, render: (n: string, r) => <Typography.Link onClick={() => onOpenCadre(r.cadreId)}>{n}</Typography.Link> },
            { title: '单位', dataIndex: 'unitName', width: 220 },
            {
              title: '缺少材料的板块',
              render: (_v, r) => (
                <Space wrap size={4}>
                  {r.missing.map((code) => (
                    <Tag key={code} color="orange">
                      {code} {sectionName.get(code)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
