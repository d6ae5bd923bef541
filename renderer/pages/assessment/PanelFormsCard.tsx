// 打印测评用表: blank paper ballots of one group (one per rater) for a panel that votes on paper; the clerks type them
// in afterwards on the 纸质录入 and 职工测评 tabs.
import { useMemo, useState } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import { PANEL_KIND_LABELS, type PanelKind } from '../../../shared/assessment/panel';
import type { AssessmentDetail } from '../../../shared/assessment/types';
import { call } from '../../lib/api';
import { PrintModal } from '../print/PrintModal';
import { panelDocument } from '../print/PanelDocument';
import { groupsOf } from './groups';
import { PanelPicker } from './PanelPicker';

export function PanelFormsCard({ detail, printedBy }: { detail: AssessmentDetail; printedBy: string }) {
  const groups = useMemo(() => groupsOf(detail.members), [detail.members]);
  const [kind, setKind] = useState<PanelKind>('superior');
  const [groupRef, setGroupRef] = useState(groups[0]?.ref ?? '');
  const [printing, setPrinting] = useState(false);
  const group = groups.find((g) => g.ref === groupRef) ?? null;
  const doc = useMemo(
    () => (group && printing ? panelDocument(detail, kind, group) : null),
    [detail, kind, group, printing],
  );
  return (
    <Card size="small" title="打印纸质测评表" style={{ marginBottom: 16 }}>
      <Space wrap>
        <PanelPicker
          kind={kind}
          onKind={setKind}
          groups={groups}
          groupRef={groupRef}
          onGroup={setGroupRef}
          testId="forms"
        />
        <Button type="primary" ghost disabled={!group} onClick={() => setPrinting(true)} data-testid="forms-print">
          预览并打印
        </Button>
        <Typography.Text type="secondary">每位评议人一份；领取人可不填，以保证评议不记名。</Typography.Text>
      </Space>
      {printing && group ? (
        <PrintModal
          title={`打印${PANEL_KIND_LABELS[kind]}表（${group.name}）`}
          doc={doc}
          loadError={null}
          printedBy={printedBy}
          render={(copies, recipients, progressId) =>
            call('print.renderPanel', {
              assessmentId: detail.id,
              ballot: kind,
              group: group.ref,
              copies,
              recipients,
              progressId,
            })
          }
          onClose={() => setPrinting(false)}
        />
      ) : null}
    </Card>
  );
}
