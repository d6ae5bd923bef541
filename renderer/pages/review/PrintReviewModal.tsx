// 打印政治素质审查意见 for one candidate or a chosen list: the 统计期, a preview of the pages, copies with 份号 written to
// the print register (PrintModal), and the Word version for editing.
import { useMemo, useState } from 'react';
import { App as AntApp, Button, DatePicker, Form, Segmented } from 'antd';
import dayjs from 'dayjs';
import { PORTRAIT_PERIOD_LABELS, PORTRAIT_PERIODS, type PortraitPeriod } from '../../../shared/portrait/period';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/useCall';
import { saveWithDialog } from '../../lib/save-file';
import { PrintModal } from '../print/PrintModal';
import { today } from '../print/PrintDossierModal';
import { loadReviewPrintData } from '../print/review-data';
import { reviewsDocument } from '../print/ReviewDocument';

export function PrintReviewModal({
  cadreIds,
  printedBy,
  initialPeriod = 'threeYears',
  initialAsOf,
  onClose,
}: {
  cadreIds: readonly number[];
  printedBy: string;
  /** The 统计期 the candidate's screen shows, carried over. */
  initialPeriod?: PortraitPeriod;
  initialAsOf?: string;
  onClose: () => void;
}) {
  const [period, setPeriod] = useState<PortraitPeriod>(initialPeriod);
  const [asOf, setAsOf] = useState(() => initialAsOf ?? today());
  const { message } = AntApp.useApp();
  // Another 统计期 shows the loading text again, not the pages of the last one.
  const { data: parts, error } = useLoad(
    JSON.stringify([cadreIds, period, asOf]),
    () => loadReviewPrintData(cadreIds, period, asOf),
    { clearOnNewInput: true },
  );
  const doc = useMemo(() => (parts ? reviewsDocument(parts) : null), [parts]);
  const first = parts?.[0]?.draft.cadre.name ?? '';
  const exportDocx = () =>
    void saveWithDialog(
      'dossierDocx',
      cadreIds.length === 1 ? `${first}同志政治素质审查意见` : `政治素质审查意见（${cadreIds.length} 人）`,
      (token) => call('reviews.exportDocx', { cadreIds: [...cadreIds], period, asOf, token }),
      message,
      (r) => `已导出 ${r.fileName}（${r.cadres} 人）`,
    );
  const vetoes = parts?.filter((p) => p.draft.vetoes.length > 0).map((p) => p.draft.cadre.name) ?? [];
  return (
    <PrintModal
      title={`打印政治素质审查意见（${cadreIds.length} 人）`}
      doc={doc}
      loadError={error}
      loadingText={`正在汇总 ${cadreIds.length} 人的审查材料…`}
      warnings={vetoes.length ? [`${vetoes.join('、')}在统计期内有一票否决事项，已列在其审查意见之首。`] : []}
      options={
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label="统计期">
            <Segmented<PortraitPeriod>
              value={period}
              onChange={setPeriod}
              options={PORTRAIT_PERIODS.map((p) => ({ value: p, label: PORTRAIT_PERIOD_LABELS[p] }))}
              data-testid="review-period"
            />
          </Form.Item>
          <Form.Item label="截止日期">
            <DatePicker
              allowClear={false}
              value={dayjs(asOf)}
              onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))}
              data-testid="review-as-of"
            />
          </Form.Item>
          <Form.Item>
            <Button onClick={exportDocx} disabled={!parts} data-testid="review-docx">
              导出 Word
            </Button>
          </Form.Item>
        </Form>
      }
      printedBy={printedBy}
      render={(copies, recipients, progressId) =>
        call('print.renderReview', { cadreIds: [...cadreIds], period, asOf, copies, recipients, progressId })
      }
      onClose={onClose}
    />
  );
}
