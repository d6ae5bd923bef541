// A cadre's dossier: filters, a timeline in date order with quarter markers, or the six sections with their sub-items.
import { Fragment, useEffect, useMemo, useState } from 'react';
import {
  App as AntApp,
  Button,
  Card,
  Collapse,
  Divider,
  Empty,
  Segmented,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { FileWordOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { PrintDossierModal } from '../print/PrintDossierModal';
import type { Catalogs } from '../../../shared/catalog/types';
import type { AttachmentMeta, DossierEntry, EntryPolarity } from '../../../shared/dossier/types';
import { ENTRY_POLARITIES, ENTRY_POLARITY_LABELS } from '../../../shared/dossier/types';
import { quarterLabel } from '../../../shared/dossier/quarter';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { saveWithDialog } from '../../lib/save-file';
import { EntryCard } from './EntryCard';
import { EntryFormModal } from './EntryFormModal';
import { AttachmentViewer } from './AttachmentViewer';
import { standardOptions } from './useDossierCatalog';
import { PortraitPanel } from '../portrait/PortraitPanel';
import { withSavedEntry, type EntryFilters as Filters } from './saved-entry';

/** The last 12 quarters, newest first, for the quarter filter. */
function recentQuarters(now = new Date()): string[] {
  const out: string[] = [];
  let y = now.getFullYear();
  let q = Math.floor(now.getMonth() / 3) + 1;
  for (let i = 0; i < 12; i++) {
    out.push(`${y}Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
  }
  return out;
}

export function DossierView({
  cadreId,
  catalog,
  canEdit,
  userId,
  refresh = 0,
  printedBy,
}: {
  cadreId: number;
  catalog: Catalogs;
  canEdit: boolean;
  userId: number;
  /** Changes when the dossier should be read again (entries added elsewhere). */
  refresh?: number;
  /** The user's name for the print watermark; printing is offered to editors when given. */
  printedBy?: string;
}) {
  const [filters, setFilters] = useState<Filters>({});
  const [view, setView] = useState<'timeline' | 'sections'>('timeline');
  const [editing, setEditing] = useState<DossierEntry | 'new' | null>(null);
  const [viewing, setViewing] = useState<AttachmentMeta | null>(null);
  // 档案材料 or 政治画像; an entry opened from the portrait is scrolled to and outlined in the timeline.
  const [mode, setMode] = useState<'entries' | 'portrait'>('entries');
  const [focus, setFocus] = useState<number | null>(null);
  const [printing, setPrinting] = useState(false);
  const { message } = AntApp.useApp();

  const clean = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== null)) as Filters;
  const {
    data: dossier,
    loading,
    reload: load,
    patch,
  } = useCall('dossier.get', { cadreId, ...clean }, { onError: (t) => message.error(t), version: refresh });
  useEffect(() => {
    if (focus === null || mode !== 'entries') return;
    const el = document.querySelector<HTMLElement>(`[data-testid="entry-${focus}"]`);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.style.outline = '2px solid #c41d1d';
    const t = setTimeout(() => {
      el.style.outline = '';
      setFocus(null);
    }, 2500);
    return () => clearTimeout(t);
  }, [focus, mode, dossier]);
  const openEntry = (id: number) => {
    setFilters({});
    setView('timeline');
    setMode('entries');
    setFocus(id);
  };

  const quarters = useMemo(() => {
    const fromEntries = (dossier?.entries ?? []).map((e) => e.quarter);
    return [...new Set([...recentQuarters(), ...fromEntries, ...(filters.quarter ? [filters.quarter] : [])])]
      .sort()
      .reverse();
  }, [dossier, filters.quarter]);

  if (!dossier) return <Spin />;
  const entries = dossier.entries;
  const counts = { positive: 0, negative: 0, neutral: 0 };
  for (const e of entries) counts[e.polarity] += 1;
  // The whole dossier (not the filtered view) as Word, for staff who edit 考察材料; readers may take it too.
  const exportDocx = () =>
    void saveWithDialog(
      'dossierDocx',
      `${dossier.cadre.name}干部政治素质档案`,
      (token) => call('dossier.exportDocx', { cadreId, token }),
      message,
      (r) => `已导出 ${r.entries} 条材料到 ${r.fileName}`,
    );
  const card = (e: DossierEntry) => (
    <EntryCard
      key={e.id}
      entry={e}
      canEdit={canEdit}
      userId={userId}
      onEdit={setEditing}
      onChanged={() => void load()}
      onView={setViewing}
    />
  );

  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {dossier.cadre.name}
          </Typography.Text>
          <Typography.Text type="secondary">
            {dossier.cadre.unitName} · {dossier.cadre.currentPost || '—'}
          </Typography.Text>
          <Tag>共 {dossier.total} 条材料</Tag>
          <Tag color="green">正面 {counts.positive}</Tag>
          <Tag color="red">负面 {counts.negative}</Tag>
          <Tag>中性 {counts.neutral}</Tag>
          <Segmented
            value={mode}
            onChange={(v) => setMode(v as 'entries' | 'portrait')}
            options={[
              { value: 'entries', label: '档案材料' },
              { value: 'portrait', label: '政治画像' },
            ]}
            data-testid="dossier-mode"
          />
          <Button icon={<FileWordOutlined />} onClick={exportDocx} data-testid="export-docx">
            导出 Word 版
          </Button>
        </Space>
        {mode === 'portrait' ? null : (
          <>
            <Divider style={{ margin: '10px 0' }} />
            <Space wrap>
              <Select
                allowClear
                placeholder="全部板块"
                style={{ width: 150 }}
                value={filters.sectionCode}
                options={catalog.sections.map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }))}
                onChange={(v?: string) => setFilters((f) => ({ ...f, sectionCode: v }))}
                data-testid="filter-section"
              />
              <Select
                allowClear
                placeholder="全部季度"
                style={{ width: 170 }}
                value={filters.quarter}
                options={quarters.map((q) => ({ value: q, label: quarterLabel(q) }))}
                onChange={(v?: string) => setFilters((f) => ({ ...f, quarter: v }))}
                data-testid="filter-quarter"
              />
              <Select
                allowClear
                placeholder="全部性质"
                style={{ width: 120 }}
                value={filters.polarity}
                options={ENTRY_POLARITIES.map((p) => ({ value: p, label: ENTRY_POLARITY_LABELS[p] }))}
                onChange={(v?: EntryPolarity) => setFilters((f) => ({ ...f, polarity: v }))}
                data-testid="filter-polarity"
              />
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="全部评价标准"
                style={{ width: 240 }}
                value={filters.standardCode}
                options={standardOptions(catalog)}
                onChange={(v?: string) => setFilters((f) => ({ ...f, standardCode: v }))}
                data-testid="filter-standard"
              />
              <Segmented
                value={view}
                onChange={(v) => setView(v as 'timeline' | 'sections')}
                options={[
                  { value: 'timeline', label: '时间轴' },
                  { value: 'sections', label: '按板块' },
                ]}
                data-testid="view-switch"
              />
              {canEdit ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                  新增材料
                </Button>
              ) : null}
              {canEdit && printedBy ? (
                <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)} data-testid="print-dossier">
                  打印档案
                </Button>
              ) : null}
            </Space>
          </>
        )}
      </Card>

      {mode === 'portrait' ? (
        <PortraitPanel cadreId={cadreId} canEdit={canEdit} refresh={refresh} onOpenEntry={openEntry} />
      ) : entries.length === 0 ? (
        <Empty description={dossier.total === 0 ? '该干部还没有档案材料' : '没有符合筛选条件的材料'} />
      ) : view === 'timeline' ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="timeline">
          {entries.map((e, i) => (
            <Fragment key={e.id}>
              {i === 0 || entries[i - 1]!.quarter !== e.quarter ? (
                <Divider titlePlacement="start" style={{ margin: '8px 0' }} data-testid={`quarter-${e.quarter}`}>
                  {quarterLabel(e.quarter)}
                </Divider>
              ) : null}
              {card(e)}
            </Fragment>
          ))}
        </Space>
      ) : (
        <Collapse
          data-testid="sections"
          defaultActiveKey={[...catalog.sections.map((s) => s.code), ...entries.map((e) => e.section.code)]}
          items={[
            ...catalog.sections,
            // Sections retired since: their entries still show, after the active ones.
            ...[
              ...new Map(
                entries
                  .filter((e) => !catalog.sections.some((s) => s.code === e.section.code))
                  .map((e) => [e.section.code, e.section]),
              ).values(),
            ].map((s) => ({ code: s.code, name: `${s.name}（已停用）`, subItems: [] })),
          ].map((s) => {
            const mine = entries.filter((e) => e.section.code === s.code);
            const subItems = [
              ...s.subItems,
              ...mine.filter((e) => !s.subItems.some((i) => i.code === e.subItem.code)).map((e) => e.subItem),
            ];
            const seen = new Set<string>();
            return {
              key: s.code,
              label: (
                <Space>
                  <Typography.Text strong>
                    {s.code} {s.name}
                  </Typography.Text>
                  <Tag>{mine.length} 条</Tag>
                </Space>
              ),
              children:
                mine.length === 0 ? (
                  <Typography.Text type="secondary">本板块暂无材料</Typography.Text>
                ) : (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    {subItems
                      .filter((i) => !seen.has(i.code) && (seen.add(i.code), true))
                      .map((i) => {
                        const items = mine.filter((e) => e.subItem.code === i.code);
                        if (items.length === 0) return null;
                        return (
                          <div key={i.code}>
                            <Typography.Text type="secondary">
                              {i.code} {i.name}（{items.length}）
                            </Typography.Text>
                            <Space direction="vertical" style={{ width: '100%', marginTop: 4 }}>
                              {items.map(card)}
                            </Space>
                          </div>
                        );
                      })}
                  </Space>
                ),
            };
          })}
        />
      )}

      {editing ? (
        <EntryFormModal
          cadreId={cadreId}
          cadreName={dossier.cadre.name}
          catalog={catalog}
          entry={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            const created = editing === 'new';
            setEditing(null);
            // The saved entry as the service answered it goes in place; the rest of the dossier did not change.
            if (loading) void load();
            else patch((d) => withSavedEntry(d, saved, clean, created));
          }}
        />
      ) : null}
      {viewing ? <AttachmentViewer attachment={viewing} onClose={() => setViewing(null)} /> : null}
      {printing && printedBy ? (
        <PrintDossierModal cadreId={cadreId} printedBy={printedBy} onClose={() => setPrinting(false)} />
      ) : null}
    </>
  );
}
