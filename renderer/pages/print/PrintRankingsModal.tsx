// 打印排名表: the assessment's ranking tables, as the rankings tab shows them, in the print modal.
import { useMemo } from 'react';
import type { RankingsView } from '../../../shared/assessment';
import { call } from '../../lib/api';
import { PrintModal } from './PrintModal';
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
  const doc = useMemo(() => rankingsDocument(view, name), [view, name]);
  return (
    <PrintModal
      title="打印排名表"
      doc={doc}
      loadError={null}
      printedBy={printedBy}
      render={(copies, recipients, progressId) => call('print.renderRankings', { assessmentId, copies, recipients, progressId })}
      onClose={onClose}
    />
  );
}
