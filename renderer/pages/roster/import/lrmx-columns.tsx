// The .lrmx import's review table columns: include/confirm, what the file says, and the unit and 正职/副职 to use.
import { Checkbox, Select, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PositionCode } from '../../../../shared/catalog/types';
import type { FieldChange, LrmxPreviewFile } from '../../../../shared/roster/views';
import { ChangeSummary } from './changes';
import { isBlocked, POSITION_OPTIONS, type LrmxChoice } from './lrmx-model';
import type { useRowSelection } from './selection';
import { Lines, StatusTag } from './shared';

export interface LrmxColumnsContext {
  selection: ReturnType<typeof useRowSelection<LrmxPreviewFile>>;
  unitOptions: { value: number; label: string }[];
  unitOf: (f: LrmxPreviewFile) => number | null;
  positionOf: (f: LrmxPreviewFile) => PositionCode;
  chosenChanges: (f: LrmxPreviewFile) => FieldChange[];
  setChoice: (f: LrmxPreviewFile, patch: Partial<LrmxChoice>) => void;
}

export function lrmxColumns({
  selection,
  unitOptions,
  unitOf,
  positionOf,
  chosenChanges,
  setChoice,
}: LrmxColumnsContext): TableColumnsType<LrmxPreviewFile> {
  const { isIncluded, setIncluded } = selection;
  return [
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
}
