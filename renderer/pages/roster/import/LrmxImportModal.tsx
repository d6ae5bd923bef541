// Importing 干部任免审批表 (.lrmx): pick files or a folder, review each file and choose its unit, then write in one go.
import { useMemo, useState } from 'react';
import { App as AntApp, Button, Flex, Segmented, Table, Typography } from 'antd';
import type { PositionCode } from '../../../../shared/catalog/types';
import { POSITION_NAMES } from '../../../../shared/roster/types';
import type { FieldChange, LrmxPreview, LrmxPreviewFile } from '../../../../shared/roster/views';
import { call, errorMessage } from '../../../lib/api';
import { useCall } from '../../../lib/useCall';
import { useRowSelection } from './selection';
import { ChangeLines, ColumnKeepBar, useExpandedChanges, useKeepChoices } from './changes';
import { lrmxColumns } from './lrmx-columns';
import {
  countFiles,
  filterFiles,
  initialChoices,
  isBlocked,
  LRMX_SELECTION,
  type LrmxChoice,
  type LrmxFilter,
  type LrmxLoad,
} from './lrmx-model';
import { LrmxBulkBar } from './LrmxBulkBar';
import { LrmxReviewNotices } from './LrmxReviewNotices';
import { LrmxPickStep, type LrmxPickPurpose } from './LrmxPickStep';
import {
  type ImportModalProps,
  CommitStepView,
  ImportModalFrame,
  ReviewFooter,
  planText,
  useImportRun,
  useOpenSession,
} from './shared';

export function LrmxImportModal(props: ImportModalProps) {
  const session = useOpenSession(props.open);
  return <LrmxImportDialog key={session} {...props} />;
}

function LrmxImportDialog({ open, onClose, onImported }: ImportModalProps) {
  const { message } = AntApp.useApp();
  const { data: unitList, error: unitsError } = useCall('units.list', open ? {} : null);
  const units = useMemo(
    () => (unitList ? [...unitList].sort((a, b) => a.sort - b.sort || a.id - b.id) : null),
    [unitList],
  );
  const [picking, setPicking] = useState<LrmxPickPurpose | null>(null);
  const [load, setLoad] = useState<LrmxLoad>({ kind: 'idle' });
  const [preview, setPreview] = useState<LrmxPreview | null>(null);
  /** Per file index: the unit and 正职/副职 chosen (starts from the file's suggestion). */
  const [choices, setChoices] = useState<ReadonlyMap<number, LrmxChoice>>(() => new Map());
  const [filter, setFilter] = useState<LrmxFilter>('all');
  const run = useImportRun(preview?.jobId ?? null, onClose, onImported);
  const keep = useKeepChoices();

  const unitOptions = useMemo(() => (units ?? []).map((u) => ({ value: u.id, label: u.name })), [units]);
  const unitIds = useMemo(() => new Set((units ?? []).map((u) => u.id)), [units]);

  const choose = async (purpose: LrmxPickPurpose) => {
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
        setChoices(initialChoices(p.files));
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
  const { isIncluded } = selection;
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

  const counts = useMemo(() => countFiles(files), [files]);
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
  const visible = filterFiles(files, filter, noUnitFiles);

  const setChoice = (f: LrmxPreviewFile, patch: Partial<LrmxChoice>) =>
    setChoices((m) => {
      const next = new Map(m);
      next.set(f.index, { unitId: unitOf(f), position: positionOf(f), ...patch });
      return next;
    });

  const applyBulk = (bulkUnit: number | null, bulkPosition: PositionCode | null) => {
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

  const columns = lrmxColumns({ selection, unitOptions, unitOf, positionOf, chosenChanges, setChoice });

  const step = run.phase.kind !== 'idle' ? 2 : preview ? 1 : 0;
  const includedCount = plan.created + plan.updated;
  const canCommit = includedCount > 0 && plan.noUnit === 0 && units !== null;

  let body;
  let footer;
  if (step === 0) {
    body = <LrmxPickStep load={load} picking={picking} onChoose={(p) => void choose(p)} />;
    footer = <Button onClick={run.requestClose}>关闭</Button>;
  } else if (step === 1 && preview) {
    body = (
      <Flex vertical gap={12}>
        <LrmxReviewNotices counts={counts} units={units} unitsError={unitsError} />
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Segmented<LrmxFilter>
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
          <LrmxBulkBar unitOptions={unitOptions} selectedCount={plan.selected.length} onApply={applyBulk} />
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
