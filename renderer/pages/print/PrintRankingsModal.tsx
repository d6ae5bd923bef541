// 打印排名表: the assessment's ranking tables, as the rankings tab shows them, in the print modal.
import { useEffect, useMemo, useState } from 'react';
import type { RankingsView } from '../../../shared/assessment';
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
  useEffect(() => {
    loadIssuingOrgan()
      .then(setOrgan)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  const doc = useMemo(
    () => (organ === null ? null : rankingsDocument(view, name, 'r', undefined, organ)),
    [view, name, organ],
  );
  const warnings = [unconfirmedWarning(view, name), organ === '' ? NO_ORGAN_WARNING : null].filter(
    (w): w is string => w !== null,
  );
  return (
    <PrintModal
      title="打印排名表"
      doc={doc}
      loadError={error}
      warnings={warnings}
      printedBy={printedBy}
      render={(copies, recipients, progressId) =>
        call('print.renderRankings', { assessmentId, copies, recipients, progressId })
      }
      onClose={onClose}
    />
  );
}
