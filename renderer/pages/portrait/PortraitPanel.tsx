// 政治画像 of one cadre inside their dossier: radar and numbers (each linking to its entries), the holistic
// evaluation with its history, and the computed grade beside the confirmed one.
import { useState } from 'react';
import { Alert, App as AntApp, Card, Col, List, Modal, Row, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { EVIDENCE_POLARITY_LABELS } from '../../../shared/portrait/types';
import { PORTRAIT_PERIOD_LABELS, PORTRAIT_PERIODS, type PortraitPeriod } from '../../../shared/portrait/period';
import { useCall } from '../../lib/useCall';
import { PortraitConfirm } from './PortraitConfirm';
import { PortraitEvaluation } from './PortraitEvaluation';
import { PortraitRadar } from './PortraitRadar';
import { PortraitSummary } from './PortraitSummary';

type CountKind = 'positive' | 'negative' | 'neutral' | 'all';

export function PortraitPanel({
  cadreId,
  canEdit,
  refresh,
  onOpenEntry,
}: {
  cadreId: number;
  canEdit: boolean;
  /** Bumped when the dossier's entries may have changed: the portrait is read again. */
  refresh?: number;
  /** Opens an entry in the dossier view. */
  onOpenEntry: (entryId: number) => void;
}) {
  const [listing, setListing] = useState<CountKind | null>(null);
  // Which entries count is decided by the store (portrait.get takes the period), not filtered here.
  const [period, setPeriod] = useState<PortraitPeriod>('threeYears');
  const { message } = AntApp.useApp();

  const { data: view, reload } = useCall(
    'portrait.get',
    { cadreId, period },
    { onError: (t) => message.error(t), version: refresh },
  );
  // A save answers with the default period's portrait: read it again for the chosen one.
  const saved = () => void reload();

  if (!view) return <Spin />;
  const { result } = view;
  const titles = new Map(view.entries.map((e) => [e.id, e.title]));
  const titleOf = (id: number) => titles.get(id) ?? `材料 ${id}`;
  const inWindow = view.entries.filter((e) => e.date >= result.windowFrom && e.date <= result.asOf);
  const listed = listing === null ? [] : inWindow.filter((e) => listing === 'all' || e.polarity === listing);
  const open = (id: number) => {
    setListing(null);
    onOpenEntry(id);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="portrait-panel">
      <Card
        size="small"
        title={`政治画像（${view.period.label}：${result.windowFrom} 至 ${result.asOf}）`}
        extra={
          <Segmented<PortraitPeriod>
            size="small"
            value={period}
            onChange={setPeriod}
            options={PORTRAIT_PERIODS.map((p) => ({ value: p, label: PORTRAIT_PERIOD_LABELS[p] }))}
            data-testid="portrait-period"
          />
        }
      >
        {view.period.note ? (
          <Alert
            type="warning"
            showIcon
            title={view.period.note}
            style={{ marginBottom: 12 }}
            data-testid="portrait-period-note"
          />
        ) : null}
        <Row gutter={[24, 16]} wrap>
          <Col flex="440px">
            <PortraitRadar result={result} />
          </Col>
          <Col flex="1 1 420px" style={{ minWidth: 0 }}>
            <PortraitSummary
              result={result}
              titleOf={titleOf}
              listItemName={(c) => view.listItemNames[c]}
              onOpenEntry={open}
              onShowCounted={setListing}
            />
          </Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <PortraitEvaluation view={view} canEdit={canEdit} onSaved={saved} />
        </Col>
        <Col xs={24} xl={10}>
          <PortraitConfirm view={view} canEdit={canEdit} onSaved={saved} />
        </Col>
      </Row>
      <Modal
        open={listing !== null}
        title={
          listing === null || listing === 'all'
            ? '统计期内全部材料'
            : `统计期内${EVIDENCE_POLARITY_LABELS[listing]}材料`
        }
        footer={null}
        onCancel={() => setListing(null)}
      >
        <List
          size="small"
          data-testid="portrait-count-list"
          locale={{ emptyText: '没有材料' }}
          dataSource={listed}
          renderItem={(e) => (
            <List.Item
              extra={
                e.listItemCode ? <Tag>{`${e.listItemCode} ${view.listItemNames[e.listItemCode] ?? ''}`}</Tag> : null
              }
            >
              <Space size="small">
                <Typography.Text type="secondary">{e.date}</Typography.Text>
                <Typography.Link onClick={() => open(e.id)}>{e.title}</Typography.Link>
              </Space>
            </List.Item>
          )}
        />
      </Modal>
    </Space>
  );
}
