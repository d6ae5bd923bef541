// Importing 干部任免审批表 (.lrmx): pick files or a folder, review each file and choose its unit, then write in one go.
import { useEffect, useMemo, useState } from 'react';
import {
  App as AntApp,
  Alert,
  Button,
  Checkbox,
  Flex,
  Segmented,
  Select,
  Spin,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { FileTextOutlined, FolderOpenOutlined } from '@ant-design/icons';
import type { PositionCode } from '../../../../shared/catalog/types';
import { POSITION_NAMES, type Unit } from '../../../../shared/roster/types';
import type { FieldChange, LrmxPreview, LrmxPreviewFile } from '../../../../shared/roster/views';
import { call, errorMessage } from '../../../lib/api';
import { useRowSelection } from './selection';
import { ChangeLines, ChangeSummary, ColumnKeepBar, useExpandedChanges, useKeepChoices } from './changes';
import {
  type ImportModalProps,
  CommitStepView,
  ImportModalFrame,
  Lines,
  ReviewFooter,
  StatusTag,
  planText,
  useImportRun,
  useOpenSession,
} from './shared';

type Load =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading'; readonly count: number }
  | { readonly kind: 'error'; readonly message: string };
type Filter = 'all' | 'unreadable' | 'nameMatch' | 'noUnit' | 'changed';

interface Choice {
  readonly unitId: number | null;
  readonly position: PositionCode;
}

/** A file that cannot be imported at all (unreadable, or rejected by the check). */
const isBlocked = (f: LrmxPreviewFile) => !f.ok || f.status === 'error';

const LRMX_SELECTION = {
  key: (f: LrmxPreviewFile) => f.index,
  blocked: isBlocked,
  needsConfirm: (f: LrmxPreviewFile) => f.status === 'nameMatch',
  headerTip: '勾选或取消全部可直接导入的文件（同名待确认的需逐个确认）',
};

const POSITION_OPTIONS = (['chief', 'deputy'] as const).map((p) => ({ value: p, label: POSITION_NAMES[p] }));

export function LrmxImportModal(props: ImportModalProps) {
  const session = useOpenSession(props.open);
  return <LrmxImportDialog key={session} {...props} />;
}

function LrmxImportDialog({ open, onClose, onImported }: ImportModalProps) {
  const { message } = AntApp.useApp();
  const [units, setUnits] = useState<readonly Unit[] | null>(null);
  const [unitsError, setUnitsError] = useState<string | null>(null);
  const [picking, setPicking] = useState<'lrmx' | 'lrmxFolder' | null>(null);
  const [load, setLoad] = useState<Load>({ kind: 'idle' });
  const [preview, setPreview] = useState<LrmxPreview | null>(null);
  /** Per file index: the unit and 正职/副职 chosen (starts from the file's suggestion). */
  const [choices, setChoices] = useState<ReadonlyMap<number, Choice>>(() => new Map());
  const [filter, setFilter] = useState<Filter>('all');
  const [bulkUnit, setBulkUnit] = useState<number | null>(null);
  const [bulkPosition, setBulkPosition] = useState<PositionCode | null>(null);
  const run = useImportRun(preview?.jobId ?? null, onClose, onImported);
  const keep = useKeepChoices();

  useEffect(() => {
    if (!open) return;
    let live = true;
    call('units.list', {})
      .then((u) => live && setUnits([...u].sort((a, b) => a.sort - b.sort || a.id - b.id)))
      .catch((e: unknown) => live && setUnitsError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [open]);

  const unitOptions = useMemo(() => (units ?? []).map((u) => ({ value: u.id, label: u.name })), [units]);
  const unitIds = useMemo(() => new Set((units ?? []).map((u) => u.id)), [units]);

  const choose = async (purpose: 'lrmx' | 'lrmxFolder') => {
    setPicking(purpose);
    try {
      const picked = await call('files.pickOpen', { purpose });
      if (picked.length === 0) return; // the user closed the file dialog
      run.reset();
      setPreview(null);
      setLoad({ kind: 'reading', count: picked.length });
      try {
        const p = await call('roster.previewLrmx', { tokens: picked.map((f) => f.token) });
        setPreview(p);
        // A cadre already in the store keeps the unit and 正职/副职 it has unless the user changes them here.
        setChoices(
          new Map(
            p.files.map((f) => [
              f.index,
              f.stored
                ? { unitId: f.stored.unitId, position: f.stored.position }
                : { unitId: f.suggestedUnitId, position: f.suggestedPosition },
            ]),
          ),
        );
        selection.reset();
        keep.reset();
        expanded.reset();
        setFilter('all');
        setLoad({ kind: 'idle' });
      } catch (e) {
        setLoad({ kind: 'error', message: errorMessage(e) });
      }
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setPicking(null);
    }
  };

  const backToPick = () => {
    run.reset();
    setPreview(null);
    setLoad({ kind: 'idle' });
  };

  const files = useMemo(() => preview?.files ?? [], [preview]);
  const selection = useRowSelection(files, LRMX_SELECTION);
  const { isIncluded, setIncluded } = selection;
  /** The chosen unit, or null when none was chosen or the suggested one no longer exists. */
  const unitOf = (f: LrmxPreviewFile): number | null => {
    const id = choices.get(f.index)?.unitId ?? null;
    return id !== null && unitIds.has(id) ? id : null;
  };
  const positionOf = (f: LrmxPreviewFile): PositionCode => choices.get(f.index)?.position ?? f.suggestedPosition;
  const unitName = (id: number | null) => (units ?? []).find((u) => u.id === id)?.name ?? '';
  /** 单位 and 正职/副职 chosen here that differ from the stored ones: changes too, shown with the file's. */
  const chosenChanges = (f: LrmxPreviewFile): FieldChange[] => {
    if (!f.stored) return [];
    const out: FieldChange[] = [];
    const unitId = unitOf(f);
    if (unitId !== null && unitId !== f.stored.unitId)
      out.push({ field: 'unitId', label: '单位', stored: f.stored.unitName, incoming: unitName(unitId) });
    const position = positionOf(f);
    if (position !== f.stored.position)
      out.push({
        field: 'position',
        label: '正职/副职',
        stored: POSITION_NAMES[f.stored.position],
        incoming: POSITION_NAMES[position],
      });
    return out;
  };

  const counts = useMemo(() => {
    const c = { new: 0, update: 0, nameMatch: 0, unreadable: 0, changed: 0 };
    for (const f of files) {
      if (isBlocked(f)) c.unreadable++;
      else if (f.status !== 'error') c[f.status]++;
      if (!isBlocked(f) && f.changes.length > 0) c.changed++;
    }
    return c;
  }, [files]);
  const changeLists = useMemo(() => files.filter((f) => !isBlocked(f)).map((f) => f.changes), [files]);
  const hasChanges = (f: LrmxPreviewFile) =>
    !isBlocked(f) && f.stored !== null && f.changes.length + chosenChanges(f).length > 0;
  const expanded = useExpandedChanges(files.filter(hasChanges).map((f) => f.index));

  const plan = (() => {
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    let noUnit = 0;
    const selected: LrmxPreviewFile[] = [];
    for (const f of files) {
      if (!isIncluded(f)) continue;
      selected.push(f);
      if (f.status === 'new') created++;
      else if (keep.applied(f.index, f.changes).length + chosenChanges(f).length > 0) updated++;
      else unchanged++;
      const id = choices.get(f.index)?.unitId ?? null;
      if (id === null || !unitIds.has(id)) noUnit++;
    }
    return { created, updated, unchanged, noUnit, selected, excludedCount: files.length - selected.length };
  })();

  const noUnitFiles = files.filter((f) => !isBlocked(f) && unitOf(f) === null);
  const visible =
    filter === 'unreadable'
      ? files.filter(isBlocked)
      : filter === 'nameMatch'
        ? files.filter((f) => !isBlocked(f) && f.status === 'nameMatch')
        : filter === 'noUnit'
          ? noUnitFiles
          : filter === 'changed'
            ? files.filter((f) => !isBlocked(f) && f.changes.length > 0)
            : files;

  const setChoice = (f: LrmxPreviewFile, patch: Partial<Choice>) =>
    setChoices((m) => {
      const next = new Map(m);
      next.set(f.index, { unitId: unitOf(f), position: positionOf(f), ...patch });
      return next;
    });

  const applyBulk = () => {
    setChoices((m) => {
      const next = new Map(m);
      for (const f of plan.selected) {
        const cur = next.get(f.index) ?? { unitId: f.suggestedUnitId, position: f.suggestedPosition };
        next.set(f.index, { unitId: bulkUnit ?? cur.unitId, position: bulkPosition ?? cur.position });
      }
      return next;
    });
    message.success(`已设置 ${plan.selected.length} 个文件`);
  };

  const commit = () => {
    if (!preview) return;
    const payload = plan.selected.map((f) => ({
      index: f.index,
      unitId: unitOf(f)!,
      position: positionOf(f),
      confirmMatch: f.status === 'nameMatch',
      keep: f.changes.filter((c) => keep.isKept(f.index, c.field)).map((c) => c.field),
    }));
    void run.start(() => call('roster.commitLrmx', { jobId: preview.jobId, files: payload }));
  };

  const columns: TableColumnsType<LrmxPreviewFile> = [
    {
      key: 'include',
      width: 84,
      align: 'center',
      fixed: 'left',
      title: selection.header,
      render: (_, f) => {
        const box = (
          <Checkbox
            checked={isIncluded(f)}
            disabled={isBlocked(f)}
            onChange={(e) => setIncluded(f, e.target.checked)}
            data-testid={`include-file-${f.index}`}
            aria-label={`导入文件 ${f.fileName}`}
          />
        );
        const tip = isBlocked(f)
          ? '该文件无法导入'
          : f.status === 'nameMatch'
            ? '勾选即确认为同一人，将用文件内容更新其档案'
            : null;
        return tip ? (
          <Tooltip title={tip}>
            <span>{box}</span>
          </Tooltip>
        ) : (
          box
        );
      },
    },
    { title: '文件名', dataIndex: 'fileName', width: 130, ellipsis: { showTitle: true } },
    {
      title: '状态',
      key: 'status',
      width: 84,
      render: (_, f) => (!f.ok ? <StatusTag status="error" label="无法读取" /> : <StatusTag status={f.status} />),
    },
    {
      title: '姓名',
      key: 'name',
      width: 96,
      render: (_, f) =>
        f.ok ? (
          <>
            <div>{f.name || '—'}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {f.birthMonth}
              {f.hasPhoto ? <Tag style={{ marginInlineStart: 4, fontSize: 11 }}>含照片</Tag> : null}
            </Typography.Text>
          </>
        ) : (
          '—'
        ),
    },
    { title: '身份证号', dataIndex: 'idNumber', width: 165, render: (v: string, f) => (f.ok && v ? v : '—') },
    {
      title: '现任职务',
      dataIndex: 'currentPost',
      width: 130,
      ellipsis: { showTitle: true },
      render: (v: string, f) => (f.ok && v ? v : '—'),
    },
    {
      title: '单位',
      key: 'unit',
      width: 180,
      render: (_, f) =>
        isBlocked(f) ? null : (
          <Select<number>
            value={unitOf(f) ?? undefined}
            placeholder="请选择单位"
            options={unitOptions}
            showSearch={{ optionFilterProp: 'label' }}
            status={isIncluded(f) && unitOf(f) === null ? 'error' : undefined}
            onChange={(v) => setChoice(f, { unitId: v })}
            popupMatchSelectWidth={false}
            style={{ width: 164 }}
            data-testid={`unit-file-${f.index}`}
          />
        ),
    },
    {
      title: '正职/副职',
      key: 'position',
      width: 96,
      render: (_, f) =>
        isBlocked(f) ? null : (
          <Select<PositionCode>
            value={positionOf(f)}
            options={POSITION_OPTIONS}
            onChange={(v) => setChoice(f, { position: v })}
            style={{ width: 80 }}
            data-testid={`position-file-${f.index}`}
          />
        ),
    },
    {
      title: '提示 / 确认',
      key: 'notes',
      render: (_, f) => (
        <>
          {!f.ok ? <Lines type="danger" lines={[f.error ?? '无法读取该文件']} /> : null}
          {f.ok && f.status === 'error' && f.error ? <Lines type="danger" lines={[f.error]} /> : null}
          <Lines type="warning" lines={f.issues} />
          {f.existing && f.status === 'update' ? (
            <Typography.Text type="secondary">{`更新已有档案：${f.existing.name}（${f.existing.unitName}）`}</Typography.Text>
          ) : null}
          {f.status === 'nameMatch' && !isBlocked(f) ? (
            <>
              {f.existing ? (
                <div>
                  <Typography.Text type="warning">{`档案库中已有同名同出生年月的干部：${f.existing.name}（${f.existing.unitName}）`}</Typography.Text>
                </div>
              ) : null}
              <Checkbox
                checked={selection.isConfirmed(f)}
                onChange={(e) => setIncluded(f, e.target.checked)}
                data-testid={`confirm-file-${f.index}`}
              >
                确认为同一人并更新
              </Checkbox>
            </>
          ) : null}
          {f.stored && !isBlocked(f) ? (
            <ChangeSummary count={f.changes.length} extra={chosenChanges(f).length} />
          ) : null}
        </>
      ),
    },
  ];

  const step = run.phase.kind !== 'idle' ? 2 : preview ? 1 : 0;
  const includedCount = plan.created + plan.updated;
  const canCommit = includedCount > 0 && plan.noUnit === 0 && units !== null;

  let body;
  let footer;
  if (step === 0) {
    body =
      load.kind === 'reading' ? (
        <Flex vertical align="center" gap={12} style={{ padding: '56px 0' }} data-testid="lrmx-loading">
          <Spin size="large" />
          <Typography.Text>{`正在读取并检查 ${load.count} 个文件…`}</Typography.Text>
        </Flex>
      ) : (
        <Flex vertical align="center" gap={16} style={{ padding: '40px 0' }}>
          {load.kind === 'error' ? (
            <Alert
              type="error"
              showIcon
              title="无法读取所选文件"
              description={load.message}
              style={{ alignSelf: 'stretch' }}
              data-testid="lrmx-error"
            />
          ) : null}
          <Typography.Paragraph type="secondary" style={{ maxWidth: 600, textAlign: 'center', margin: 0 }}>
            可一次选择多个干部任免审批表（.lrmx）文件，或选择一个文件夹导入其中全部的任免审批表。系统会先逐个检查并列出结果，您为每人确认单位后点击“开始导入”才会写入档案库。
          </Typography.Paragraph>
          <Flex gap={12}>
            <Button
              type="primary"
              size="large"
              icon={<FileTextOutlined />}
              loading={picking === 'lrmx'}
              disabled={picking !== null}
              onClick={() => void choose('lrmx')}
              data-testid="lrmx-pick-files"
            >
              选择文件…
            </Button>
            <Button
              size="large"
              icon={<FolderOpenOutlined />}
              loading={picking === 'lrmxFolder'}
              disabled={picking !== null}
              onClick={() => void choose('lrmxFolder')}
              data-testid="lrmx-pick-folder"
            >
              选择文件夹…
            </Button>
          </Flex>
        </Flex>
      );
    footer = <Button onClick={run.requestClose}>关闭</Button>;
  } else if (step === 1 && preview) {
    body = (
      <Flex vertical gap={12}>
        <Flex gap={40} wrap data-testid="lrmx-counts">
          <Statistic title="可导入 · 新增" value={counts.new} />
          <Statistic title="可导入 · 更新" value={counts.update} />
          <Statistic title="同名同出生年月待确认" value={counts.nameMatch} />
          <Statistic
            title="无法读取"
            value={counts.unreadable}
            styles={counts.unreadable > 0 ? { content: { color: '#cf1322' } } : {}}
          />
        </Flex>
        {unitsError ? <Alert type="error" showIcon title="无法读取单位列表" description={unitsError} /> : null}
        {units !== null && units.length === 0 ? (
          <Alert
            type="warning"
            showIcon
            title="档案库中还没有单位"
            description="请先在“单位管理”中添加单位，再导入任免审批表。"
          />
        ) : null}
        {counts.unreadable > 0 ? (
          <Alert
            type="error"
            showIcon
            title={`有 ${counts.unreadable} 个文件无法导入，不影响其余文件`}
            description="这些文件不会导入。如需导入，请修复或重新导出后再选择一次。"
          />
        ) : null}
        {counts.nameMatch > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={`有 ${counts.nameMatch} 个文件与档案库中已有干部同名且出生年月相同，需要您确认`}
            description="这些文件默认不导入。如确认是同一人，请勾选“确认为同一人并更新”，系统将用文件中的内容更新其档案。"
          />
        ) : null}
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: `全部（${files.length}）` },
              { value: 'unreadable', label: `无法读取（${counts.unreadable}）` },
              { value: 'nameMatch', label: `待确认（${counts.nameMatch}）` },
              { value: 'noUnit', label: `未选单位（${noUnitFiles.length}）` },
              { value: 'changed', label: `有变更（${counts.changed}）` },
            ]}
            data-testid="lrmx-filter"
          />
          <Flex align="center" gap={8} wrap>
            <Typography.Text>将勾选导入的文件设为</Typography.Text>
            <Select<number>
              value={bulkUnit ?? undefined}
              placeholder="单位"
              options={unitOptions}
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
              onChange={(v) => setBulkUnit(v ?? null)}
              popupMatchSelectWidth={false}
              style={{ width: 180 }}
              data-testid="lrmx-bulk-unit"
            />
            <Select<PositionCode>
              value={bulkPosition ?? undefined}
              placeholder="正职/副职不变"
              options={POSITION_OPTIONS}
              allowClear
              onChange={(v) => setBulkPosition(v ?? null)}
              style={{ width: 130 }}
              data-testid="lrmx-bulk-position"
            />
            <Button
              disabled={(bulkUnit === null && bulkPosition === null) || plan.selected.length === 0}
              onClick={applyBulk}
              data-testid="lrmx-bulk-apply"
            >
              应用
            </Button>
          </Flex>
        </Flex>
        <ColumnKeepBar lists={changeLists} keep={keep} unit="个文件" />
        <Table<LrmxPreviewFile>
          rowKey="index"
          size="small"
          columns={columns}
          dataSource={visible as LrmxPreviewFile[]}
          pagination={{
            pageSize: 50,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (t) => `共 ${t} 个文件`,
          }}
          scroll={{ x: 1150, y: 'max(200px, calc(100vh - 520px))' }}
          expandable={{
            ...expanded.props,
            rowExpandable: hasChanges,
            expandedRowRender: (f) => (
              <ChangeLines
                rowKey={f.index}
                changes={f.changes}
                extra={chosenChanges(f)}
                keep={keep}
                testId={`changes-file-${f.index}`}
              />
            ),
          }}
          locale={{ emptyText: '没有符合条件的文件' }}
          data-testid="lrmx-files"
        />
      </Flex>
    );
    footer = (
      <ReviewFooter
        prefix="lrmx"
        summary={
          <Flex vertical align="flex-start">
            <Typography.Text strong data-testid="lrmx-plan">
              {planText(plan.created, plan.updated, plan.excludedCount, '个文件', plan.unchanged)}
            </Typography.Text>
            {plan.noUnit > 0 ? (
              <Typography.Text
                type="danger"
                data-testid="lrmx-no-unit"
              >{`有 ${plan.noUnit} 个要导入的文件还没有选择单位`}</Typography.Text>
            ) : null}
          </Flex>
        }
        onClose={run.requestClose}
        onRepick={backToPick}
        canCommit={canCommit}
        onCommit={commit}
      />
    );
  } else {
    body = (
      <CommitStepView
        run={run}
        prefix="lrmx"
        skippedUnit="个文件"
        onDone={run.requestClose}
        onBack={run.reset}
        onRepick={backToPick}
        onClose={run.requestClose}
      />
    );
    footer = null;
  }

  return (
    <ImportModalFrame
      open={open}
      title="导入干部任免审批表"
      width={1200}
      run={run}
      step={step}
      readFailed={load.kind === 'error'}
      footer={footer}
      testId="lrmx-import-modal"
    >
      {body}
    </ImportModalFrame>
  );
}
