// The page the print window loads (#/print/<jobId>): the job's document laid out for every copy, then a flag on
// <html> tells the printer (Electron's printToPDF, or page.pdf in tests) that the pages are final.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PrintJobView } from '../../../shared/print/types';
import { call, errorMessage } from '../../lib/api';
import { loadDossierPrintData, type DossierPrintData } from './dossier-data';
import { dossierDocument } from './DossierDocument';
import { Paginated } from './Paginated';

export const PRINT_ROUTE_PREFIX = '#/print/';
export const READY_ATTRIBUTE = 'printReady';

const flag = (value: string) => {
  document.documentElement.dataset[READY_ATTRIBUTE] = value;
};

export function PrintRoute({ jobId }: { jobId: string }) {
  const [state, setState] = useState<{ job: PrintJobView; data: DossierPrintData } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = '打印';
    document.body.style.background = '#fff';
    call('print.job', { jobId })
      .then(async (job) => setState({ job, data: await loadDossierPrintData(job.cadreId) }))
      .catch((e: unknown) => {
        setError(errorMessage(e));
        flag('error');
      });
  }, [jobId]);
  const doc = useMemo(() => (state ? dossierDocument(state.data, state.job.date) : null), [state]);
  const onLaid = useCallback(() => requestAnimationFrame(() => flag('true')), []);
  if (error) return <div style={{ padding: 40 }}>无法生成打印文件：{error}</div>;
  if (!state || !doc) return null;
  return <Paginated doc={doc} copies={state.job.copies} printedBy={state.job.printedBy} onLaid={onLaid} />;
}
