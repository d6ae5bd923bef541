// 导入填报表: pick the returned .xlsx or .zip (a unit's, or a channel's list: 纪检监察, 巡察/审计, 党校, 表彰), see every
// row with its problems by column, pick the cadre where the roster could not settle it, see what a re-submission
// replaces and removes, leave rows out, import the rest as 待审核 (with progress and 取消).
import { useState } from 'react';
import { Alert, App as AntApp, Button, Checkbox, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import { INTAKE_CHANNEL_SPECS } from '../../../../shared/intake/channels';
import { quarterLabel } from '../../../../shared/dossier/quarter';
import { movedCadre, pickedOutcome } from '../../../../shared/intake/outcome';
import type { IntakePreview, IntakePreviewRow } from '../../../../shared/intake/types';
import { call, errorMessage } from '../../../lib/api';
import { SCROLLING_BODY } from '../../../lib/FormModal';
import { useJobProgress } from '../../../lib/useJobProgress';
import { CadrePick } from './IntakeCadrePick';
import { ResubmissionNotice } from './IntakeResubmission';

const OUTCOME: Readonly<Record<IntakePreviewRow['outcome'], string>> = {
  new: '新增',
  replace: '替换待审核',
  same: '已导入过，无变化',
  decided: '已采纳，不再导入',
};

const hasError = (r: IntakePreviewRow) => r.problems.some((p) => p.level === 'error');
/** A row whose cadre the user still has to pick among the same-name candidates. */
const needsPick = (r: IntakePreviewRow) => r.cadreId === null && r.candidates.length > 0;
/** The earlier import's picks, kept when the same list comes back (the user changes them here if they were wrong). */
const earlierPicks = (p: IntakePreview) =>
  new Map(
    p.rows.flatMap((r) =>
      needsPick(r) && r.stored && r.candidates.some((c) => c.id === r.stored?.cadreId)
        ? [[r.rowNo, r.stored.cadreId] as const]
        : [],
    ),
  );

export function IntakeImportModal({
  quarter,
  onClose,
  onDone,
}: {
  quarter: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [preview, setPreview] = useState<IntakePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [leftOut, setLeftOut] = useState<ReadonlySet<number>>(new Set());
  const [picks, setPicks] = useState<ReadonlyMap<number, number>>(new Map());
  const [busy, setBusy] = useState(false);
  const [committing, setCommitting] = useState(false);
  const progress = useJobProgress(preview?.jobId, committing);
  const { message } = AntApp.useApp();

  const pick = async () => {
    setBusy(true);
    setError(null);
    try {
      const [file] = await call('files.pickOpen', { purpose: 'intakePackage' });
      if (!file) return;
      const p = await call('intake.preview', { quarter, token: file.token });
      setPreview(p);
      setLeftOut(new Set());
      setPicks(earlierPicks(p));
    } catch (e) {
      setPreview(null);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setCommitting(true);
    try {
      const r = await call('intake.commit', {
        jobId: preview.jobId,
        leaveOut: [...leftOut],
        picks: [...picks].map(([rowNo, cadreId]) => ({ rowNo, cadreId })),
      });
      const parts = [
        `新增 ${r.added} 条待审核`,
        r.replaced > 0 ? `替换 ${r.replaced} 条尚未审核的材料` : '',
        r.removed > 0 ? `移除 ${r.removed} 条新表中已删去的待审核材料` : '',
        r.unchanged > 0 ? `${r.unchanged} 条已导入过，未重复导入` : '',
        r.leftOut > 0 ? `略过 ${r.leftOut} 行` : '',
      ].filter((x) => x !== '');
      message.success({ content: `已导入${preview.unitName}的填报表：${parts.join('，')}`, duration: 8 });
      onDone();
    } catch (e) {
      message.error({ content: errorMessage(e), duration: 8 });
    } finally {
      setCommitting(false);
    }
  };

  const rows = preview?.rows ?? [];
  const pickOf = (r: IntakePreviewRow) => r.cadreId ?? picks.get(r.rowNo);
  const outcomeOf = (r: IntakePreviewRow) => pickedOutcome(r, pickOf(r));
  const movedOf = (r: IntakePreviewRow) => {
    const id = pickOf(r);
    return movedCadre(
      r.stored,
      r.candidates.find((c) => c.id === id),
      id,
    );
  };
  const outcomeText = (r: IntakePreviewRow) => {
    const o = outcomeOf(r);
    const moved = movedOf(r);
    if (!moved) return OUTCOME[o];
    return o === 'replace' ? `替换待审核：${moved}` : `已采纳为${r.stored?.cadre ?? ''}的材料，不随本次选择改动`;
  };
  const errors = rows.filter(hasError).length;
  const coming = rows.filter((r) => !hasError(r) && !leftOut.has(r.rowNo) && (!needsPick(r) || picks.has(r.rowNo)));
  const importable = coming.length;
  const unpicked = rows.filter((r) => !hasError(r) && needsPick(r) && !picks.has(r.rowNo)).length;
  const owner = preview?.channel ? `${INTAKE_CHANNEL_SPECS[preview.channel].label}名单` : (preview?.unitName ?? '');
  return (
    <Modal
      open
      width={1120}
      title={`导入填报表（${quarterLabel(quarter)}）`}
      onCancel={committing ? () => void call('jobs.cancel', { jobId: preview!.jobId }) : onClose}
      styles={{ body: SCROLLING_BODY }}
      footer={
        <Space>
          {committing ? (
            <Button onClick={() => void call('jobs.cancel', { jobId: preview!.jobId })} data-testid="intake-cancel">
              取消导入
            </Button>
          ) : (
            <Button onClick={onClose}>关闭</Button>
          )}
          <Button
            type="primary"
            disabled={!preview || importable === 0}
            loading={committing}
            onClick={() => void commit()}
            data-testid="intake-commit"
          >
            {`导入 ${importable} 条为待审核`}
          </Button>
        </Space>
      }
      destroyOnHidden
      data-testid="intake-import"
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <Button onClick={() => void pick()} loading={busy} data-testid="intake-pick">
            选择交回的填报表（.xlsx 或 .zip）
          </Button>
          {preview ? null : (
            <Typography.Text type="secondary">
              各单位的填报表和纪检监察、巡察/审计、党校、表彰的名单都在这里导入，按文件自动识别
            </Typography.Text>
          )}
          {preview ? (
            <Typography.Text data-testid="intake-summary">
              {`${preview.fileName}：${owner}，共 ${rows.length} 行，其中 ${errors} 行有错误（将略过）`}
            </Typography.Text>
          ) : null}
        </Space>
        {error ? <Alert type="error" showIcon title={error} data-testid="intake-error" /> : null}
        {preview && unpicked > 0 ? (
          <Alert
            type="info"
            showIcon
            data-testid="intake-unpicked"
            title={`${unpicked} 行的干部在花名册中有同名或与单位、身份证号对不上，请在“干部”一栏中选择；未选择的行不导入`}
          />
        ) : null}
        {preview ? (
          <ResubmissionNotice preview={preview} coming={coming} outcomeOf={outcomeOf} movedOf={movedOf} />
        ) : null}
        {committing ? <Progress percent={progress.percent} data-testid="intake-progress" /> : null}
        {preview ? (
          <Table<IntakePreviewRow>
            size="small"
            rowKey="rowNo"
            dataSource={rows as IntakePreviewRow[]}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            data-testid="intake-rows"
            columns={[
              {
                title: '导入',
                width: 56,
                render: (_v, r) => (
                  <Checkbox
                    disabled={hasError(r)}
                    checked={!hasError(r) && !leftOut.has(r.rowNo)}
                    onChange={(e) =>
                      setLeftOut((s) => {
                        const next = new Set(s);
                        if (e.target.checked) next.delete(r.rowNo);
                        else next.add(r.rowNo);
                        return next;
                      })
                    }
                    data-testid={`intake-keep-${r.rowNo}`}
                  />
                ),
              },
              { title: '行', dataIndex: 'rowNo', width: 50 },
              {
                title: '干部',
                width: 230,
                render: (_v, r) =>
                  needsPick(r) && !hasError(r) ? (
                    <CadrePick
                      row={r}
                      value={picks.get(r.rowNo)}
                      onChange={(id) =>
                        setPicks((m) => {
                          const next = new Map(m);
                          if (id === undefined) next.delete(r.rowNo);
                          else next.set(r.rowNo, id);
                          return next;
                        })
                      }
                    />
                  ) : (
                    r.cadre
                  ),
              },
              { title: '日期', dataIndex: 'date', width: 100 },
              { title: '标题', dataIndex: 'title', ellipsis: true },
              { title: '附件', width: 150, render: (_v, r) => r.attachments.join('；') },
              {
                title: '问题',
                width: 330,
                render: (_v, r) =>
                  r.problems.length === 0 ? (
                    <Typography.Text
                      type={movedOf(r) ? 'warning' : 'secondary'}
                      data-testid={`intake-outcome-${r.rowNo}`}
                    >
                      {outcomeText(r)}
                    </Typography.Text>
                  ) : (
                    <Space direction="vertical" size={2} data-testid={`intake-problems-${r.rowNo}`}>
                      {r.problems.map((p, i) => (
                        <Typography.Text key={i} type={p.level === 'error' ? 'danger' : 'warning'}>
                          <Tag color={p.level === 'error' ? 'red' : 'orange'}>{p.column ?? '整行'}</Tag>
                          {p.message}
                        </Typography.Text>
                      ))}
                    </Space>
                  ),
              },
            ]}
          />
        ) : null}
      </Space>
    </Modal>
  );
}
