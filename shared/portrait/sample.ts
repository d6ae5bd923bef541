// A fixed, made-up evidence list used to show the model on the catalog page (no real person behind it).
import type { EvidencePolarity, PortraitEvidence } from './types';

export interface SampleEntry extends PortraitEvidence {
  readonly title: string;
}

const e = (
  id: number,
  date: string,
  listItemCode: string | null,
  polarity: EvidencePolarity,
  standards: string[],
  title: string,
): SampleEntry => ({
  id,
  date,
  listItemCode,
  polarity,
  standards,
  title,
});

/** Dates are relative to SAMPLE_AS_OF so the example never changes with the clock. */
export const SAMPLE_AS_OF = '2025-12-31';

export const SAMPLE_EVIDENCE: readonly SampleEntry[] = [
  e(1, '2025-07-20', 'P1', 'positive', ['D3.2'], '防汛抢险一线连续值守 20 天'),
  e(2, '2025-03-15', 'P3', 'positive', ['D4.2'], '中青班优秀学员'),
  e(3, '2024-11-02', 'P2', 'positive', ['D3.4'], '获评市级优秀共产党员'),
  e(4, '2024-06-18', 'N4', 'negative', ['D5.2'], '因公务接待超标准受到提醒谈话'),
  e(5, '2024-01-09', 'N6', 'negative', ['D4.3'], '审计反馈问题整改推进缓慢'),
  e(6, '2023-09-30', null, 'neutral', ['D1.1'], '签订政治公开承诺书'),
  e(7, '2022-05-10', 'N2', 'negative', ['D1.4'], '（统计期外）落实部署打折扣'),
];
