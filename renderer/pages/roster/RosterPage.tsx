// 干部名册: every cadre in a virtualised table with filters and search; opening a row shows the profile and makes the
// cadre the current one (当前干部) for the dossier and training pages. Every row is loaded (no paging), so columns
// sort here; the default order (unit, then post) comes from roster.query.
import { useEffect, useMemo, useRef, useState } from 'react';
import { App as AntApp, Button, Card, Dropdown, Space, Table, Typography } from 'antd';
import { AuditOutlined, DownloadOutlined, ImportOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import type { GetRef } from 'antd';
import type { RosterFilter, RosterRow } from '../../../shared/roster/views';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { useUnitsAndCategories } from '../../lib/useCatalogLists';
import { saveWithDialog } from '../../lib/save-file';
import { PageHeader } from '../PageHeader';
import { EmptyWithHelp } from '../../layout/help';
import { useCurrentCadre } from '../../layout/current-cadre';
import { ColumnSettings, useHiddenColumns } from './ColumnSettings';
import { columnsWidth, rosterColumns } from './roster-columns';
import { RosterFilters } from './RosterFilters';
import { CadreDrawer } from './CadreDrawer';
import { CadreFormModal } from './CadreFormModal';
import { ExcelImportModal, LrmxImportModal } from './import';
import { PrintRenmianModal } from '../renmian/PrintRenmianModal';
import { PrintReviewModal } from '../review/PrintReviewModal';

const SEARCH_DEBOUNCE_MS = 200;
const NO_ROWS: readonly RosterRow[] = [];

/** Strips empty values so the call's strict schema sees only real filters. */
const cleanFilter = (f: RosterFilter): RosterFilter =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== null && v !== '')) as RosterFilter;

export function RosterPage({
  canEdit,
  userId,
  userName,
  onOpenDossier,
}: {
  canEdit: boolean;
  userId: number;
  /** Printed as 打印人 on the 审查意见, offered as 审查人. */
  userName: string;
  onOpenDossier?: (cadreId: number) => void;
}) {
  const { units, categories, reload: reloadUnits } = useUnitsAndCategories();
  const [filter, setFilter] = useState<RosterFilter>({ status: '在职' });
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState<'excel' | 'lrmx' | null>(null);
  // Cadres ticked for printing their 任免审批表 together.
  const [picked, setPicked] = useState<readonly number[]>([]);
  const [printing, setPrinting] = useState(false);
  const [printingReviews, setPrintingReviews] = useState(false);
  const [tableHeight, setTableHeight] = useState(560);
  const { message } = AntApp.useApp();
  // The roster is read for the filter the user settled on: the first at once, later ones once typing stops.
  const [settled, setSettled] = useState(filter);
  useEffect(() => {
    if (settled === filter) return;
    const t = setTimeout(() => setSettled(filter), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [filter, settled]);
  const {
    data: rows = NO_ROWS,
    loading,
    reload: load,
  } = useCall('roster.query', cleanFilter(settled), { onError: (t) => message.error(t) });
  const { current, choose } = useCurrentCadre();
  const [hidden, setHidden] = useHiddenColumns(userId);
  const columns = useMemo(() => rosterColumns(rows, hidden), [rows, hidden]);
  const table = useRef<GetRef<typeof Table<RosterRow>>>(null);

  // Coming back to the roster: the current cadre's row is scrolled into view once.
  const shownCurrent = useRef(false);
  useEffect(() => {
    if (shownCurrent.current || !current || !rows.some((r) => r.id === current.id)) return;
    shownCurrent.current = true;
    table.current?.scrollTo({ key: current.id, align: 'start' });
  }, [rows, current]);

  useEffect(() => {
    const fit = () => setTableHeight(Math.max(320, window.innerHeight - 330));
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);

  const refreshAll = async () => {
    await Promise.all([load(), reloadUnits()]);
  };

  const exportExcel = () =>
    saveWithDialog(
      'rosterExcel',
      '干部名册',
      (token) => call('roster.exportExcel', { token, filter: cleanFilter(filter) }),
      message,
      (r) => `已导出 ${r.rows} 人到 ${r.fileName}`,
    );
  const saveTemplate = () =>
    saveWithDialog(
      'template',
      '干部名册导入模板',
      (token) => call('roster.saveTemplate', { token }),
      message,
      (r) => `模板已保存为 ${r.fileName}`,
    );

  return (
    <>
      <PageHeader
        title="干部名册"
        description="可按姓名、拼音首字母（如 zsf）、身份证号或任意文字查找；点击一行查看干部信息。"
        extra={
          canEdit ? (
            <Space>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                disabled={units.length === 0}
              >
                新增干部
              </Button>
              <Dropdown
                menu={{
                  items: [
                    { key: 'excel', label: '导入 Excel 干部名册' },
                    { key: 'lrmx', label: '导入任免审批表（.lrmx）' },
                    { type: 'divider' },
                    { key: 'template', label: '下载 Excel 导入模板' },
                  ],
                  onClick: ({ key }) =>
                    key === 'template' ? void saveTemplate() : setImporting(key as 'excel' | 'lrmx'),
                }}
              >
                <Button icon={<ImportOutlined />} data-testid="import-menu">
                  导入
                </Button>
              </Dropdown>
              <Button icon={<DownloadOutlined />} onClick={() => void exportExcel()}>
                导出 Excel
              </Button>
              <Button
                icon={<PrinterOutlined />}
                disabled={picked.length === 0}
                onClick={() => setPrinting(true)}
                data-testid="print-renmian-picked"
              >
                打印任免审批表{picked.length ? `（${picked.length} 人）` : ''}
              </Button>
              <Button
                icon={<AuditOutlined />}
                disabled={picked.length === 0}
                onClick={() => setPrintingReviews(true)}
                data-testid="print-review-picked"
              >
                审查意见{picked.length ? `（${picked.length} 人）` : ''}
              </Button>
            </Space>
          ) : null
        }
      />
      <Card styles={{ body: { paddingBottom: 8 } }}>
        <div style={{ marginBottom: 12, display: 'flex', gap: 8, alignItems: 'flex-start' }}>
          <div style={{ flex: 1 }}>
            <RosterFilters filter={filter} onChange={setFilter} units={units} categories={categories} />
          </div>
          <ColumnSettings hidden={hidden} onChange={setHidden} />
        </div>
        {units.length === 0 && canEdit ? (
          <Typography.Paragraph type="warning">
            还没有单位。请先在“单位管理”中添加单位，或直接导入 Excel 干部名册前先建好单位。
          </Typography.Paragraph>
        ) : null}
        <Table<RosterRow>
          ref={table}
          virtual
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={rows as RosterRow[]}
          locale={{ emptyText: <EmptyWithHelp text="没有符合条件的干部" /> }}
          pagination={false}
          scroll={{ x: columnsWidth(hidden), y: tableHeight }}
          rowClassName={(r) => (r.id === current?.id ? 'ant-table-row-selected' : '')}
          {...(canEdit
            ? {
                rowSelection: {
                  selectedRowKeys: [...picked],
                  onChange: (keys: React.Key[]) => setPicked(keys.map(Number)),
                  columnWidth: 36,
                },
              }
            : {})}
          onRow={(r) => ({
            onClick: (e) => {
              // Ticking a row for printing does not open its profile.
              if (e.target instanceof Element && e.target.closest('.ant-table-selection-column')) return;
              choose(r.id, r);
              setOpenId(r.id);
            },
            style: { cursor: 'pointer' },
          })}
          columns={columns}
        />
        <Typography.Text type="secondary" data-testid="roster-count">
          共 {rows.length} 人
        </Typography.Text>
      </Card>
      {openId !== null ? (
        <CadreDrawer
          cadreId={openId}
          canEdit={canEdit}
          userName={userName}
          units={units}
          onClose={() => setOpenId(null)}
          onChanged={refreshAll}
          {...(onOpenDossier ? { onOpenDossier } : {})}
        />
      ) : null}
      {creating ? (
        <CadreFormModal
          profile={null}
          units={units}
          onClose={() => setCreating(false)}
          onSaved={async (p) => {
            setCreating(false);
            await refreshAll();
            setOpenId(p.id);
          }}
        />
      ) : null}
      {printing ? (
        <PrintRenmianModal
          cadreIds={picked}
          names={picked.map((id) => rows.find((r) => r.id === id)?.name ?? String(id))}
          onClose={() => setPrinting(false)}
        />
      ) : null}
      {printingReviews ? (
        <PrintReviewModal cadreIds={picked} printedBy={userName} onClose={() => setPrintingReviews(false)} />
      ) : null}
      <ExcelImportModal
        open={importing === 'excel'}
        onClose={() => setImporting(null)}
        onImported={() => void refreshAll()}
      />
      <LrmxImportModal
        open={importing === 'lrmx'}
        onClose={() => setImporting(null)}
        onImported={() => void refreshAll()}
      />
    </>
  );
}
