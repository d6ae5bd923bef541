// 打印排名表: the assessment's ranking tables, as the rankings tab shows them, in the print modal; 意见建议 only when
// the user turns on 打印意见建议 (issue 21 §6).
import { useEffect, useMemo, useState } from 'react';
import { Form, Switch } from 'antd';
import type { RankingsView } from '../../../shared/assessment';
import { printableComments, type PrintedComments } from '../../../shared/assessment/comments';
import { call, errorMessage } from '../../lib/api';
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
  const [organ, setOrgan] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [withComments, setWithComments] = useState(false);
  // Read when the switch is first turned on: the same lists the print job will carry.
  const [comments, setComments] = useState<PrintedComments[] | null>(null);
  useEffect(() => {
    loadIssuingOrgan()
      .then(setOrgan)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(() => {
    if (!withComments || comments !== null) return;
    call('ballots.list', { assessmentId })
      .then((b) => setComments(printableComments(b.comments)))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [withComments, comments, assessmentId]);
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
          <Switch checked={withComments} onChange={setWithComments} data-testid="print-comments" />
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
