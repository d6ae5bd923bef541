// 年度学时核查 preview: who falls short, their counted hours and where they come from; 确认生成 writes exactly this list.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Modal, Space, Spin, Table, Tag, Typography } from 'antd';
import { LONG_DIALOG } from '../../lib/FormModal';
import type { HoursShortCadre, HoursSource } from '../../../shared/dossier/hours-check';
import { ApiError } from '../../../shared/ipc/errors';
import { call, errorMessage } from '../../lib/api';
import { useCall } from '../../lib/useCall';

function Source({ s }: { s: HoursSource }) {
  const label = `${s.kind === 'class' ? '培训班' : '参训记录'}“${s.name}” ${s.hours} 学时`;
  return s.counted ? (
    <div>{label}</div>
  ) : (
    <div>
      <Typography.Text delete type="secondary">
        {label}
      </Typography.Text>
      <Typography.Text type="secondary">（{s.note}）</Typography.Text>
    </div>
  );
}

export function HoursCheckModal({
  year,
  onClose,
  onDone,
}: {
  year: number;
  onClose: () => void;
  onDone: (count: number) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState<string | null>(null);
  const { message } = AntApp.useApp();
  const { data, loading, reload } = useCall(
    'training.previewYear',
    { year },
    {
      onError: (t) => {
        message.error({ content: t, duration: 8 });
        onClose();
      },
    },
  );
  // While the preview is (re)read the dialog shows a spinner, not the list that may be out of date.
  const preview = loading ? null : (data ?? null);

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const r = await call('training.commitYear', { year, token: preview.token });
      onDone(r.count);
    } catch (e) {
      // The data changed since the preview: show the fresh list instead of writing the old one.
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        setStale(e.message);
        await reload();
      } else message.error({ content: errorMessage(e), duration: 8 });
    } finally {
      setBusy(false);
    }
  };

  const n = preview?.cadres.length ?? 0;
  return (
    <Modal
      {...LONG_DIALOG}
      open
      width={980}
      centered
      title={`${year}年度学时核查 — 预览`}
      onCancel={onClose}
      destroyOnHidden
      data-testid="hours-preview"
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            danger
            loading={busy}
            disabled={!preview || n === 0}
            onClick={() => void commit()}
            data-testid="hours-confirm"
          >
            确认生成
          </Button>
        </Space>
      }
    >
      {!preview ? (
        <Spin />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size={8}>
          {stale ? (
            <Alert type="error" showIcon message={stale} description="下面是按最新数据重新生成的预览。" />
          ) : null}
          {preview.beforeYearEnd ? (
            <Alert
              type="warning"
              showIcon
              message={`${year}年度尚未结束（至 ${year}-12-31），之后录入的学时不会计入本次核查；如无特殊需要，请在年度结束后再核查。`}
            />
          ) : null}
          <Typography.Text strong style={{ fontSize: 15 }} data-testid="hours-summary">
            {n > 0 ? `将为 ${n} 人生成负面材料` : '没有需要生成负面材料的干部'}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8 }}>
              （应修 {preview.requiredHours} 学时；计入培训班和带学时的参训记录，同一班次只计一次
              {preview.alreadyRecorded > 0
                ? `；另有 ${preview.alreadyRecorded} 人已有本年度学时材料，不再重复生成`
                : ''}
              ）
            </Typography.Text>
          </Typography.Text>
          {preview.stale.length > 0 ? (
            <Alert
              type="info"
              showIcon
              message={
                `${preview.stale.length} 人已有本年度学时不达标材料，` +
                `但现计学时已达标：${preview.stale.map((s) => `${s.name}（${s.hours} 学时）`).join('、')}。请在其档案中撤回该材料。`
              }
            />
          ) : null}
          <Table<HoursShortCadre>
            size="small"
            rowKey="cadreId"
            dataSource={preview.cadres as HoursShortCadre[]}
            pagination={false}
            scroll={{ y: preview.beforeYearEnd || preview.stale.length > 0 || stale ? 300 : 380 }}
            columns={[
              { title: '序号', width: 60, render: (_v, _r, i) => i + 1 },
              { title: '姓名', dataIndex: 'name', width: 100 },
              { title: '单位', dataIndex: 'unitName', width: 200 },
              {
                title: '计入学时',
                width: 110,
                render: (_v, r) => (
                  <Tag color="red">
                    {r.hours} / {preview.requiredHours}
                  </Tag>
                ),
              },
              {
                title: '学时来源',
                render: (_v, r) =>
                  r.sources.length === 0 ? (
                    <Typography.Text type="secondary">本年度无培训记录</Typography.Text>
                  ) : (
                    r.sources.map((s) => <Source key={`${s.kind}${s.refId}`} s={s} />)
                  ),
              },
            ]}
          />
        </Space>
      )}
    </Modal>
  );
}
