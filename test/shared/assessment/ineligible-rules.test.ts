// Which dossier entries propose 不得评优 for a year, and the 影响期 of a 处分 (shared/assessment/ineligible-rules.ts).
import { describe, expect, it } from 'vitest';
import {
  inquiryConfirmed,
  ineligibleProposalOf,
  sanctionPeriod,
  sanctionReaches,
} from '../../../shared/assessment/ineligible-rules';

const entry = (subItemCode: string, date: string, title: string, content = '', polarity = 'negative') => ({
  subItemCode,
  date,
  title,
  content,
  polarity,
});

describe('不得评优 proposals by rule', () => {
  it('诫勉 and 学时不达标 of the year only', () => {
    expect(ineligibleProposalOf(entry('S6.3', '2025-03-14', '诫勉谈话'), 2025)).toStrictEqual({
      kind: 'admonition',
      reason: '本年度受诫勉',
    });
    expect(ineligibleProposalOf(entry('S6.3', '2024-12-31', '诫勉谈话'), 2025)).toBeNull();
    expect(ineligibleProposalOf(entry('S2.4', '2025-12-31', '2025年度学时不达标'), 2025)).toStrictEqual({
      kind: 'hours',
      reason: '本年度学时不达标',
    });
    expect(ineligibleProposalOf(entry('S2.4', '2025-12-31', '学时达标', '', 'positive'), 2025)).toBeNull();
    expect(ineligibleProposalOf(entry('S6.1', '2025-03-14', '提醒谈话'), 2025)).toBeNull();
  });

  it('函询 only when found true, in the title or the content', () => {
    expect(ineligibleProposalOf(entry('S6.2', '2025-05-01', '函询', '经核实，反映问题属实。'), 2025)).toMatchObject({
      kind: 'inquiry',
      reason: '本年度函询反映问题属实',
    });
    expect(inquiryConfirmed('反映问题基本属实')).toBe(true);
    expect(inquiryConfirmed('反映问题部分属实')).toBe(true);
    expect(inquiryConfirmed('经核实，反映问题不属实')).toBe(false);
    expect(ineligibleProposalOf(entry('S6.2', '2025-05-01', '函询', '本人已作出说明，予以了结。'), 2025)).toBeNull();
    expect(ineligibleProposalOf(entry('S6.2', '2024-05-01', '函询问题属实'), 2025)).toBeNull();
  });

  it('处分: the period by kind, from the entry date; a 处分 whose 影响期 ended before the year is not proposed', () => {
    expect(sanctionPeriod('2024-06-01', '给予记过处分')).toStrictEqual({
      label: '记过',
      months: 12,
      lastDay: '2025-06-01',
    });
    expect(sanctionPeriod('2024-03-31', '给予严重警告处分').lastDay).toBe('2025-09-30'); // no 09-31: the month's last day
    expect(sanctionPeriod('2024-08-31', '给予记大过处分').lastDay).toBe('2026-02-28');
    expect(sanctionPeriod('2024-01-10', '政务警告').months).toBe(6);
    expect(sanctionPeriod('2024-01-10', '党内警告').months).toBe(12);
    expect(sanctionPeriod('2023-01-10', '撤职').months).toBe(24);
    expect(sanctionPeriod('2020-01-10', '开除党籍').lastDay).toBeNull();
    expect(sanctionPeriod('2024-02-01', '党纪处分')).toStrictEqual({ label: '', months: 12, lastDay: '2025-02-01' });

    expect(ineligibleProposalOf(entry('S6.5', '2024-06-01', '给予记过处分'), 2025)).toStrictEqual({
      kind: 'sanction',
      reason: '处分影响期内（2024-06-01 受记过处分，影响期至 2025-06-01）',
    });
    expect(ineligibleProposalOf(entry('S6.5', '2025-11-20', '警告'), 2025)).toMatchObject({ kind: 'sanction' });
    expect(ineligibleProposalOf(entry('S6.5', '2024-03-01', '给予政务警告处分'), 2025)).toBeNull();
    expect(ineligibleProposalOf(entry('S6.5', '2026-01-05', '记过'), 2025)).toBeNull();
    const p = sanctionPeriod('2023-12-31', '警告');
    expect(p.lastDay).toBe('2024-12-31');
    expect(sanctionReaches('2023-12-31', p, 2025)).toBe(false);
    expect(sanctionReaches('2024-01-01', sanctionPeriod('2024-01-01', '警告'), 2025)).toBe(true);
  });
});
