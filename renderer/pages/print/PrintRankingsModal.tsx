// 打印排名表: the assessment's ranking tables, as the rankings tab shows them, in the print modal; 意见建议 only when
// the user turns on 打印意见建议 (issue 21 §6).
import { useMemo, useState } from 'react';
import { Form, Switch } from 'antd';
import type { RankingsView } from '../../../shared/assessment';
import { printableComments } from '../../../shared/assessment/comments';
import { call } from '../../lib/api';
import { useCall, useLoad } from '../../lib/useCall';
import { loadIssuingOrgan } from './dossier-data';
import { PrintModal } from './PrintModal';
import { NO_ORGAN_WARNING, unconfirmedWarning } from './print-warnings';
import { rankingsDocument } from './RankingsDocument';

export function PrintRankingsModal({
  assessmentId,
  name,
  view,
  printedBy,
  onClose,
}: {
  assessmentId: number;
  name: string;
  view: RankingsView;
  printedBy: string;
  onClose: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [withComments, setWithComments] = useState(false);
  const organ = useLoad('issuingOrgan', loadIssuingOrgan, { onError: setError }).data ?? null;
  // Read when the switch is first turned on, and kept: the same lists the print job will carry.
  const [commentsWanted, setCommentsWanted] = useState(false);
  const ballots = useCall('ballots.list', commentsWanted ? { assessmentId, parts: ['comments'] } : null, {
    onError: setError,
  }).data;
  const comments = useMemo(() => (ballots ? printableComments(ballots.comments) : null), [ballots]);
  const doc = useMemo(() => {
    if (organ === null || (withComments && comments === null)) return null;
    return rankingsDocument(view, name, 'r', undefined, organ, withComments ? (comments ?? []) : []);
  }, [view, name, organ, withComments, comments]);
  const warnings = [unconfirmedWarning(view, name), organ === '' ? NO_ORGAN_WARNING : null].filter(
    (w): w is string => w !== null,
  );
  return (
    <PrintModal
      title="打印排名表"
      doc={doc}
      loadError={error}
      warnings={warnings}
      options={
        <Form.Item label="打印意见建议" tooltip="每位干部收到 3 张以上测评票时，在本组表后列出其意见建议（不分先后）">
          <Switch
            checked={withComments}
            onChange={(on) => {
              setWithComments(on);
              if (on) setCommentsWanted(true);
            }}
            data-testid="print-comments"
          />
        </Form.Item>
      }
      printedBy={printedBy}
      render={(copies, recipients, progressId) =>
        call('print.renderRankings', { assessmentId, copies, recipients, progressId, comments: withComments })
      }
      onClose={onClose}
    />
  );
}
