// Importing the roster from an Excel workbook: pick the file, review every row's check, then write in one go.
import { useMemo, useState } from 'react';
import {
  App as AntApp,
  Alert,
  Button,
  Checkbox,
  Flex,
  Segmented,
  Spin,
  Statistic,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { ExcelPreview, ExcelPreviewRow } from '../../../../shared/roster/views';
import { call, errorMessage } from '../../../lib/api';
import { useRowSelection } from './selection';
import { ChangeLines, ChangeSummary, ColumnKeepBar, useExpandedChanges, useKeepChoices } from './changes';
import { ColumnMappingStep, type ColumnChoice } from './ColumnMappingStep';
import { SuggestedPositionCell, SuggestedPositionNotice, usePositionChoices } from './SuggestedPosition';
import type { ExcelMappingNeeded } from '../../../../shared/roster/views';
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
  | { readonly kind: 'reading'; readonly fileName: string }
  | { readonly kind: 'error'; readonly fileName: string; readonly message: string };
type Filter = 'all' | 'error' | 'nameMatch' | 'changed';

/** A row that cannot be imported until the file is fixed. */
const hasError = (r: ExcelPreviewRow) => r.status === 'error' || r.issues.length > 0;

const EXCEL_SELECTION = {
  key: (r: ExcelPreviewRow) => r.rowNumber,
  blocked: hasError,
  needsConfirm: (r: ExcelPreviewRow) => r.status === 'nameMatch',
  headerTip: '勾选或取消全部可直接导入的行（同名待确认的行需逐行确认）',
};

export function ExcelImportModal(props: ImportModalProps) {
  const session = useOpenSession(props.open);
  return <ExcelImportDialog key={session} {...props} />;
}

function ExcelImportDialog({ open, onClose, onImported }: ImportModalProps) {
  const { message } = AntApp.useApp();
  const [picking, setPicking] = useState(false);
  const [load, setLoad] = useState<Load>({ kind: 'idle' });
  const [preview, setPreview] = useState<ExcelPreview | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  // The file's columns need mapping before the preview (its token is kept to check it again with the mapping).
  const [mapping, setMapping] = useState<{ token: string; fileName: string; needs: ExcelMappingNeeded } | null>(null);
  const [checking, setChecking] = useState(false);
  const [picked, setPicked] = useState<{ token: string; fileName: string } | null>(null);
  const run = useImportRun(preview?.jobId ?? null, onClose, onImported);
  const keep = useKeepChoices();

  const choose = async () => {
    setPicking(true);
    try {
      const [file] = await call('files.pickOpen', { purpose: 'excel' });
      if (!file) return; // the user closed the file dialog: keep what is shown
      run.reset();
      setPreview(null);
      setMapping(null);
      setLoad({ kind: 'reading', fileName: file.name });
      setPicked({ token: file.token, fileName: file.name });
      try {
        const p = await call('roster.previewExcel', { token: file.token });
        if (p.needsMapping) {
          setMapping({ token: file.token, fileName: file.name, needs: p.needsMapping });
          setLoad({ kind: 'idle' });
          return;
        }
        setPreview(p);
        selection.reset();
        keep.reset();
        expanded.reset();
        setFilter('all');
        setLoad({ kind: 'idle' });
      } catch (e) {
        setLoad({ kind: 'error', fileName: file.name, message: errorMessage(e) });
      }
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setPicking(false);
    }
  };

  const checkMapping = async (choice: readonly ColumnChoice[]) => {
    if (!mapping) return;
    setChecking(true);
    try {
      const p = await call('roster.previewExcel', { token: mapping.token, mapping: [...choice] });
      if (p.needsMapping) setMapping({ ...mapping, needs: p.needsMapping });
      else {
        setPreview(p);
        setMapping(null);
        selection.reset();
        keep.reset();
        expanded.reset();
        setFilter('all');
      }
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setChecking(false);
    }
  };

  /** Back from the preview to the mapping step, with the columns as they were read. */
  const adjustMapping = () => {
    if (!preview?.mapping || !picked) return;
    setMapping({ ...picked, needs: preview.mapping });
    setPreview(null);
  };

  const rows = useMemo(() => preview?.rows ?? [], [preview]);
  const positions = usePositionChoices(rows);
  const selection = useRowSelection(rows, EXCEL_SELECTION);
  const { isIncluded, setIncluded } = selection;

  const counts = useMemo(() => {
    const c = { new: 0, update: 0, nameMatch: 0, error: 0, changed: 0 };
    for (const r of rows) {
      if (hasError(r)) c.error++;
      else c[r.status]++;
      if (!hasError(r) && r.changes.length > 0) c.changed++;
    }
    return c;
  }, [rows]);

  const plan = useMemo(() => {
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const excludedRows: number[] = [];
    const confirmedRows: number[] = [];
    for (const r of rows) {
      if (!isIncluded(r)) excludedRows.push(r.rowNumber);
      else if (r.status === 'new') created++;
      else {
        // A matched row whose every change is kept (or that has none) writes nothing.
        if (keep.applied(r.rowNumber, r.changes).length > 0) updated++;
        else unchanged++;
        if (r.status === 'nameMatch') confirmedRows.push(r.rowNumber);
      }
    }
    return { created, updated, unchanged, excludedRows, confirmedRows };
  }, [rows, isIncluded, keep]);

  const changeLists = useMemo(() => rows.filter((r) => !hasError(r)).map((r) => r.changes), [rows]);
  const withChanges = useMemo(
    () => rows.filter((r) => !hasError(r) && r.changes.length > 0).map((r) => r.rowNumber),
    [rows],
  );
  const expanded = useExpandedChanges(withChanges);

  const visible = useMemo(() => {
    if (filter === 'error') return rows.filter(hasError);
    if (filter === 'nameMatch') return rows.filter((r) => !hasError(r) && r.status === 'nameMatch');
    if (filter === 'changed') return rows.filter((r) => !hasError(r) && r.changes.length > 0);
    // Rows with errors first: they are what the user has to act on.
    return [...rows.filter(hasError), ...rows.filter((r) => !hasError(r))];
  }, [rows, filter]);
  const problems = useMemo(() => rows.reduce((n, r) => n + Math.max(r.issues.length, hasError(r) ? 1 : 0), 0), [rows]);

  const commit = () => {
    if (!preview) return;
    const { excludedRows, confirmedRows } = plan;
    const keepColumns = [...keep.columns];
    const keepFields = rows
      .map((r) => ({ rowNumber: r.rowNumber, fields: keep.rowFields(r.rowNumber) }))
      .filter((k) => k.fields.length > 0);
    const chosenPositions = positions.forCommit(isIncluded);
    void run.start(() =>
      call('roster.commitExcel', {
        jobId: preview.jobId,
        excludedRows,
        confirmedRows,
        keepColumns,
        keepFields,
        ...(positions.any ? { positions: chosenPositions } : {}),
      }),
    );
  };

  const columns: TableColumnsType<ExcelPreviewRow> = [
    {
      key: 'include',
      width: 84,
      align: 'center',
      title: selection.header,
      render: (_, r) => {
        const box = (
          <Checkbox
            checked={isIncluded(r)}
            disabled={hasError(r)}
            onChange={(e) => setIncluded(r, e.target.checked)}
            data-testid={`include-row-${r.rowNumber}`}
            aria-label={`导入第 ${r.rowNumber} 行`}
          />
        );
        if (hasError(r))
          return (
            <Tooltip title="请先修改文件中的错误">
              <span>{box}</span>
            </Tooltip>
          );
        if (r.status === 'nameMatch')
          return (
            <Tooltip title="勾选即确认为同一人，将用文件内容更新其档案">
              <span>{box}</span>
            </Tooltip>
          );
        return box;
      },
    },
    { title: '行号', dataIndex: 'rowNumber', width: 80, render: (n: number) => `第 ${n} 行` },
    { title: '姓名', dataIndex: 'name', width: 96, render: (v: string) => v || '—' },
    {
      title: positions.any ? '单位 / 正职副职' : '单位',
      dataIndex: 'unitName',
      width: positions.any || rows.some((r) => r.split) ? 240 : 160,
      ellipsis: !positions.any,
      // A 单位及职务 cell shows how it was split; a suggested 正职/副职 is confirmed here (SuggestedPosition.tsx).
      render: (v: string, r) =>
        r.split || r.suggestedPosition ? (
          <Flex vertical gap={2}>
            <Typography.Text ellipsis>{r.split ? r.split.unit || '（未找到单位）' : v || '—'}</Typography.Text>
            {r.split ? (
              <Typography.Text type="secondary" ellipsis>{`职务：${r.split.post || '—'}`}</Typography.Text>
            ) : null}
            {hasError(r) ? null : <SuggestedPositionCell row={r} choices={positions} />}
          </Flex>
        ) : (
          v || '—'
        ),
    },
    { title: '身份证号', dataIndex: 'idNumber', width: 170, render: (v: string) => v || '—' },
    {
      title: '状态',
      key: 'status',
      width: 76,
      render: (_, r) => <StatusTag status={hasError(r) ? 'error' : r.status} />,
    },
    {
      title: '问题 / 确认',
      key: 'issues',
      render: (_, r) => (
        <>
          <Lines type="warning" lines={r.warnings.map((w) => `${w.column}：${w.reason}`)} />
          {rowNote(r)}
        </>
      ),
    },
  ];

  /** A row's errors, or what it will do to the store (and the same-name confirmation). */
  function rowNote(r: ExcelPreviewRow) {
    if (r.issues.length > 0) return <Lines type="danger" lines={r.issues.map((i) => `${i.column}：${i.reason}`)} />;
    if (r.status === 'error') return <Typography.Text type="danger">此行有错误，请检查文件</Typography.Text>;
    const changes = <ChangeSummary count={r.changes.length} />;
    if (r.existing && r.status === 'update')
      return (
        <>
          <Typography.Text type="secondary">{`更新已有档案：${r.existing.name}（${r.existing.unitName}）`}</Typography.Text>
          {changes}
        </>
      );
    if (r.status === 'nameMatch')
      return (
        <>
          {r.existing ? (
            <div>
              <Typography.Text type="warning">{`档案库中已有同名同出生年月的干部：${r.existing.name}（${r.existing.unitName}）`}</Typography.Text>
            </div>
          ) : null}
          <Checkbox
            checked={selection.isConfirmed(r)}
            onChange={(e) => setIncluded(r, e.target.checked)}
            data-testid={`confirm-row-${r.rowNumber}`}
          >
            确认为同一人并更新
          </Checkbox>
          {changes}
        </>
      );
    return null;
  }

  const step = run.phase.kind !== 'idle' ? 2 : preview || mapping ? 1 : 0;
  const includedCount = plan.created + plan.updated;
  const unconfirmedPositions = positions.unconfirmed(isIncluded);

  let body;
  let footer;
  if (step === 1 && mapping && !preview) {
    body = (
      <ColumnMappingStep
        key={mapping.token}
        needs={mapping.needs}
        fileName={mapping.fileName}
        checking={checking}
        onCheck={(m) => void checkMapping(m)}
      />
    );
    footer = (
      <Flex justify="space-between">
        <Button onClick={() => void choose()} loading={picking} data-testid="excel-mapping-repick">
          重新选择文件
        </Button>
        <Button onClick={run.requestClose}>关闭</Button>
      </Flex>
    );
  } else if (step === 0) {
    body =
      load.kind === 'reading' ? (
        <Flex vertical align="center" gap={12} style={{ padding: '56px 0' }} data-testid="excel-loading">
          <Spin size="large" />
          <Typography.Text>正在读取并检查…</Typography.Text>
          <Typography.Text type="secondary">{load.fileName}</Typography.Text>
        </Flex>
      ) : load.kind === 'error' ? (
        <div style={{ padding: '32px 0' }}>
          <Alert
            type="error"
            showIcon
            title={`无法导入“${load.fileName}”`}
            description={load.message}
            action={
              <Button onClick={() => void choose()} loading={picking} data-testid="excel-repick">
                重新选择
              </Button>
            }
            data-testid="excel-error"
          />
        </div>
      ) : (
        <Flex vertical align="center" gap={16} style={{ padding: '48px 0' }}>
          <Typography.Paragraph type="secondary" style={{ maxWidth: 560, textAlign: 'center', margin: 0 }}>
            请选择按导入模板填写的 Excel
            文件，也可以直接选择本单位现有的干部名单（系统会识别列标题，识别不了的列由您指定）。系统会先逐行检查并列出结果，您确认后点击“开始导入”才会写入档案库。
          </Typography.Paragraph>
          <Button
            type="primary"
            size="large"
            icon={<FileExcelOutlined />}
            loading={picking}
            onClick={() => void choose()}
            data-testid="excel-pick"
          >
            选择 Excel 文件…
          </Button>
        </Flex>
      );
    footer = <Button onClick={run.requestClose}>关闭</Button>;
  } else if (step === 1 && preview) {
    body = (
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center" gap={12}>
          <Typography.Text type="secondary">
            文件：{preview.fileName}
            {preview.mappingRemembered ? ' · 已使用上次导入时记住的列对应关系' : ''}
          </Typography.Text>
          {preview.mapping ? (
            <Button size="small" type="link" onClick={adjustMapping} data-testid="excel-adjust-mapping">
              调整列对应
            </Button>
          ) : null}
        </Flex>
        <Flex gap={40} wrap data-testid="excel-counts">
          <Statistic title="可导入 · 新增" value={counts.new} />
          <Statistic title="可导入 · 更新" value={counts.update} />
          <Statistic title="同名同出生年月待确认" value={counts.nameMatch} />
          <Statistic
            title="有错误"
            value={counts.error}
            styles={counts.error > 0 ? { content: { color: '#cf1322' } } : {}}
          />
        </Flex>
        {rows.length === 0 ? (
          <Alert
            type="warning"
            showIcon
            title="文件中没有找到干部数据"
            description="请检查是否填写在模板的第一个工作表中，修改后重新选择文件。"
          />
        ) : null}
        {counts.error > 0 ? (
          <Alert
            type="error"
            showIcon
            title={`发现 ${problems} 处错误（${counts.error} 行），这些行不会导入`}
            description="可以先导入其余各行；也可以修改文件中的错误后点击“重新选择文件”再检查一遍。"
            action={
              <Button size="small" danger onClick={() => setFilter('error')} data-testid="excel-show-errors">
                只看错误
              </Button>
            }
            data-testid="excel-errors-banner"
          />
        ) : null}
        {counts.nameMatch > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={`有 ${counts.nameMatch} 行与档案库中已有干部同名且出生年月相同，需要您确认`}
            description="这些行默认不导入。如确认是同一人，请勾选“确认为同一人并更新”，系统将用文件中的内容更新其档案；不勾选则该行不导入。"
          />
        ) : null}
        <SuggestedPositionNotice choices={positions} unconfirmed={unconfirmedPositions} />
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: `全部（${rows.length}）` },
            { value: 'error', label: `有错误（${counts.error}）` },
            { value: 'nameMatch', label: `待确认（${counts.nameMatch}）` },
            { value: 'changed', label: `有变更（${counts.changed}）` },
          ]}
          data-testid="excel-filter"
        />
        <ColumnKeepBar lists={changeLists} keep={keep} unit="行" />
        <Table<ExcelPreviewRow>
          rowKey="rowNumber"
          size="small"
          columns={columns}
          dataSource={visible as ExcelPreviewRow[]}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 行` }}
          scroll={{ y: 'max(200px, calc(100vh - 560px))' }}
          expandable={{
            ...expanded.props,
            rowExpandable: (r) => !hasError(r) && r.changes.length > 0,
            expandedRowRender: (r) => (
              <ChangeLines rowKey={r.rowNumber} changes={r.changes} keep={keep} testId={`changes-row-${r.rowNumber}`} />
            ),
          }}
          locale={{
            emptyText:
              filter === 'error'
                ? '没有错误'
                : filter === 'nameMatch'
                  ? '没有待确认的行'
                  : filter === 'changed'
                    ? '没有要修改的已有档案'
                    : '没有数据',
          }}
          data-testid="excel-rows"
        />
      </Flex>
    );
    footer = (
      <ReviewFooter
        prefix="excel"
        summary={
          <Typography.Text strong data-testid="excel-plan">
            {planText(plan.created, plan.updated, plan.excludedRows.length, '行', plan.unchanged)}
            {unconfirmedPositions > 0 ? `；${unconfirmedPositions} 行正职/副职待确认` : ''}
          </Typography.Text>
        }
        onClose={run.requestClose}
        onRepick={() => void choose()}
        picking={picking}
        canCommit={includedCount > 0 && unconfirmedPositions === 0}
        onCommit={commit}
      />
    );
  } else {
    body = (
      <CommitStepView
        run={run}
        prefix="excel"
        skippedUnit="行"
        onDone={run.requestClose}
        onBack={run.reset}
        onRepick={() => void choose()}
        onClose={run.requestClose}
      />
    );
    footer = null;
  }

  return (
    <ImportModalFrame
      open={open}
      title="从 Excel 导入干部名册"
      width={1100}
      run={run}
      step={step}
      readFailed={load.kind === 'error'}
      footer={footer}
      testId="excel-import-modal"
    >
      {body}
    </ImportModalFrame>
  );
}
