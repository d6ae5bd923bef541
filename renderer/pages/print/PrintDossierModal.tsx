// 打印档案: the dossier's print view in the print modal (preview, copies, recipients, save).
import { useMemo } from 'react';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/useCall';
import { loadDossierPrintData } from './dossier-data';
import { dossierDocument } from './DossierDocument';
import { PrintModal } from './PrintModal';
import { NO_ORGAN_WARNING } from './print-warnings';

export const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function PrintDossierModal({
  cadreId,
  printedBy,
  onClose,
}: {
  cadreId: number;
  printedBy: string;
  onClose: () => void;
}) {
  const { data, error } = useLoad(String(cadreId), () => loadDossierPrintData(cadreId));
  const date = useMemo(today, []);
  const doc = useMemo(() => (data ? dossierDocument(data, date) : null), [data, date]);
  return (
    <PrintModal
      title="打印政治素质档案"
      doc={doc}
      loadError={error}
      warnings={data?.organ === '' ? [NO_ORGAN_WARNING] : []}
      printedBy={printedBy}
      render={(copies, recipients, progressId) =>
        call('print.renderDossier', { cadreId, copies, recipients, progressId })
      }
      onClose={onClose}
    />
  );
}
