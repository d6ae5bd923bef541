// 政治素质审查意见 (issue 20 §2): the draft lists exactly the materials of the 统计期 (none outside), a veto comes
// first; signed 审查结论 are kept as history and audited; bad input is refused in Chinese, naming the field, with the
// store left as it was; the .docx export holds the draft's text in the printed order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CallInput } from '../../../shared/ipc/contract';
import { conclusionFor, reviewOutline, SIGNATURE_BLANKS } from '../../../shared/review/outline';
import type { ReviewRecord } from '../../../shared/review/types';
import { newHostWithStore, type TestHost } from '../../helpers/host';
import { addEntry, newestAudit, type EntryForm } from '../../helpers/dossier';
import { addUnit, cadreInput } from '../../helpers/roster';
import { tempDir } from '../../helpers/tmp-store';
import { unzip } from '../../helpers/docx';

const AS_OF = '2025-12-31';
const negative = (over: Partial<EntryForm>): Partial<EntryForm> => ({
  polarity: 'negative',
  channelCode: 'CH10',
  standardCodes: ['D5.1'],
  listItemCode: null,
  ...over,
});

/** 巴特尔: materials inside 近三年 to 2025-12-31 (from 2023-01-01) and just outside it on both sides. */
async function seeded(h: TestHost) {
  const unit = await addUnit(h, '阿尔巴斯苏木');
  const annualResults = [2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({
    year,
    result: year === 2024 ? '优秀' : '称职',
  }));
  const cadreId = (await h.ok('cadres.create', { input: cadreInput(unit.id, { idNumber: '', annualResults }) })).id;
  await addEntry(h, cadreId, negative({ date: '2022-12-31', subItemCode: 'S6.2', title: '函询（期前）' }));
  await addEntry(h, cadreId, negative({ date: '2023-01-01', subItemCode: 'S6.1', title: '提醒谈话（期初）' }));
  await addEntry(
    h,
    cadreId,
    negative({
      date: '2024-03-10',
      subItemCode: 'S6.3',
      title: '诫勉',
      listItemCode: 'N4',
      content: '因工作失职受到诫勉',
    }),
  );
  await addEntry(h, cadreId, { date: '2025-08-14', title: '2025年春季中青班优秀学员' }); // P3 正面清单
  await addEntry(h, cadreId, negative({ date: '2026-01-05', subItemCode: 'S6.4', title: '组织处理（期后）' }));
  await addEntry(h, cadreId, {
    date: '2025-06-01',
    subItemCode: 'S3.5',
    channelCode: 'CH04',
    polarity: 'neutral',
    standardCodes: [],
    listItemCode: null,
    title: '2025年整体性评价意见',
    content: '能力特点：统筹协调能力强。\n性格不足：有时急于求成。\n熟悉领域：基层党建。',
  });
  for (const [date, title] of [
    ['2023-01-20', '2022年度“双比双评”：好（第 5 名）'],
    ['2024-01-20', '2023年度“双比双评”：好（第 3 名）'],
    ['2025-01-20', '2024年度“双比双评”：较好（第 6 名）'],
    ['2026-01-20', '2025年度“双比双评”：好（第 1 名）'],
  ])
    await addEntry(h, cadreId, {
      date,
      subItemCode: 'S3.2',
      channelCode: 'CH04',
      polarity: 'neutral',
      standardCodes: [],
      listItemCode: null,
      title,
      content: '在苏木镇正职（12人）中排名。',
    });
  const inside = await h.ok('classes.save', {
    name: '2024年秋季中青班',
    startDate: '2024-09-01',
    endDate: '2024-09-20',
    hours: 40,
    organizer: '旗委党校',
  });
  const outside = await h.ok('classes.save', {
    name: '2022年春季培训班',
    startDate: '2022-03-01',
    endDate: '2022-03-10',
    hours: 24,
    organizer: '旗委党校',
  });
  await h.ok('classes.saveRecords', { classId: inside.id, rows: [{ cadreId, hours: 40, result: 'qualified' }] });
  await h.ok('classes.saveRecords', { classId: outside.id, rows: [{ cadreId, hours: 24, result: 'qualified' }] });
  return cadreId;
}

const conclusion = (
  cadreId: number,
  over: Partial<CallInput<'reviews.conclude'>> = {},
): CallInput<'reviews.conclude'> => ({
  cadreId,
  period: 'threeYears',
  asOf: AS_OF,
  conclusion: 'verify',
  reasons: '统计期内受到诫勉，需进一步核实整改情况。',
  reviewer: '王干事',
  rechecker: '李科长',
  reviewDate: '2026-01-08',
  ...over,
});

const reviewRows = (h: TestHost) =>
  h.host.session().db.selectFrom('political_reviews').selectAll().orderBy('id').execute();
const auditCount = async (h: TestHost) =>
  (await h.host.session().db.selectFrom('audit_log').select('id').execute()).length;

describe('the 审查意见 draft', () => {
  test('lists exactly the materials of the period, none outside, with the last three results', async () => {
    const h = await newHostWithStore();
    const cadreId = await seeded(h);
    const { draft, history } = await h.ok('reviews.get', { cadreId, period: 'threeYears', asOf: AS_OF });
    expect(history).toEqual([]);
    expect(draft.period).toMatchObject({ key: 'threeYears', label: '近三年', from: '2023-01-01', to: AS_OF });
    expect(draft.cadre).toMatchObject({ name: '巴特尔', unitName: '阿尔巴斯苏木', education: '大学农学学士' });
    expect(draft.vetoes).toEqual([]);
    expect(draft.negatives.map((n) => [n.date, n.kind, n.title])).toEqual([
      ['2023-01-01', '提醒谈话', '提醒谈话（期初）'],
      ['2024-03-10', '诫勉', '诫勉'],
    ]);
    expect(draft.listHits.map((x) => [x.date, x.code, x.title, x.content])).toEqual([
      ['2024-03-10', 'N4', '诫勉', '因工作失职受到诫勉'],
      ['2025-08-14', 'P3', '2025年春季中青班优秀学员', expect.any(String)],
    ]);
    expect(draft.annualResults).toEqual([
      { year: 2025, result: '称职' },
      { year: 2024, result: '优秀' },
      { year: 2023, result: '称职' },
    ]);
    // The last three 双比双评 up to the period's end: the one archived after it is not yet known.
    expect(draft.assessments.map((a) => a.title)).toEqual([
      '2024年度“双比双评”：较好（第 6 名）',
      '2023年度“双比双评”：好（第 3 名）',
      '2022年度“双比双评”：好（第 5 名）',
    ]);
    expect(draft.training).toEqual([
      { className: '2024年秋季中青班', startDate: '2024-09-01', endDate: '2024-09-20', hours: 40, result: '合格学员' },
    ]);
    // The latest 整体性评价意见 (S3.5), with the profile's texts as the portrait page drafts them.
    expect(draft.holistic?.abilities).toContain('统筹协调能力强。');
    expect(draft.holistic?.weaknesses).toContain('有时急于求成。');
    expect(draft.portrait.dimensions.map((d) => d.name)).toEqual([
      '政治忠诚',
      '政治定力',
      '政治担当',
      '政治能力',
      '政治自律',
    ]);
    // Twelve ended quarters; those without material in a required section are named.
    expect(draft.completeness.quarters).toBe(12);
    expect(draft.completeness.gaps.find((g) => g.quarter === '2024Q1')?.missing).toContain('政治思想');
    expect(draft.completeness.gaps.find((g) => g.quarter === '2024Q1')?.missing).not.toContain('负面信息');
    // No veto: the 部务会 reads the basic information first.
    expect(reviewOutline(draft, null).map((s) => s.heading.slice(2))).toEqual([
      '基本情况',
      '政治画像',
      '正负面清单事项',
      '负面信息',
      '考核情况',
      '教育培训',
      '整体性评价意见',
      '档案完整性',
      '审查结论',
    ]);
    // 本年度 holds only 2025's materials.
    const year = (await h.ok('reviews.get', { cadreId, period: 'year', asOf: AS_OF })).draft;
    expect(year.negatives).toEqual([]);
    expect(year.listHits.map((x) => x.code)).toEqual(['P3']);
    expect(year.training).toEqual([]);
  });

  test('a cadre with a veto: the 一票否决 section comes first, and 可以使用 is refused', async () => {
    const h = await newHostWithStore();
    const cadreId = await seeded(h);
    await addEntry(
      h,
      cadreId,
      negative({
        date: '2025-05-06',
        subItemCode: 'S6.5',
        title: '党纪处分',
        listItemCode: 'N1',
        content: '受到党内警告处分',
      }),
    );
    await addEntry(
      h,
      cadreId,
      negative({ date: '2022-05-06', subItemCode: 'S6.5', title: '旧处分', listItemCode: 'N1' }),
    );
    const { draft } = await h.ok('reviews.get', { cadreId, asOf: AS_OF });
    expect(draft.vetoes).toEqual([
      {
        date: '2025-05-06',
        source: 'listItem',
        item: expect.stringMatching(/^N1 /),
        text: '党纪处分：受到党内警告处分',
      },
    ]);
    const outline = reviewOutline(draft, null);
    expect(outline[0]).toMatchObject({ key: 'vetoes', heading: '一、一票否决事项', alert: true });
    expect(outline[0]!.table!.rows[0]).toEqual([
      '2025.05.06',
      expect.stringMatching(/^N1 /),
      '党纪处分：受到党内警告处分',
    ]);
    expect(outline[1]!.heading).toBe('二、基本情况');

    const audits = await auditCount(h);
    const e = await h.err('reviews.conclude', conclusion(cadreId, { conclusion: 'good' }));
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'conclusion' });
    expect(e.message).toContain('一票否决');
    expect(await reviewRows(h)).toEqual([]);
    expect(await auditCount(h)).toBe(audits);
    await h.ok(
      'reviews.conclude',
      conclusion(cadreId, { conclusion: 'notForPromotion', reasons: '统计期内受到党纪处分。' }),
    );
  });
});

describe('the 审查结论', () => {
  test('stored with its date and author, kept as history newest first, audited with Chinese labels', async () => {
    const h = await newHostWithStore();
    const cadreId = await seeded(h);
    const first = await h.ok('reviews.conclude', conclusion(cadreId));
    expect(first).toMatchObject({
      cadreId,
      conclusion: 'verify',
      reviewer: '王干事',
      rechecker: '李科长',
      reviewDate: '2026-01-08',
      periodKey: 'threeYears',
      periodFrom: '2023-01-01',
      periodTo: AS_OF,
      writtenBy: expect.any(String),
      writtenAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(await newestAudit(h)).toEqual({
      action: 'reviews.conclude',
      target: '巴特尔（阿尔巴斯苏木）：政治素质审查意见',
      detail: {
        reviewId: first.id,
        cadreId,
        conclusion: '需进一步核实',
        periodLabel: '近三年（2023-01-01至2025-12-31）',
        reviewer: '王干事',
        rechecker: '李科长',
        reviewDate: '2026-01-08',
      },
    });
    const second = await h.ok(
      'reviews.conclude',
      conclusion(cadreId, {
        conclusion: 'good',
        reasons: '经核实已整改到位。',
        rechecker: '',
        reviewDate: '2026-02-01',
      }),
    );
    const { history } = await h.ok('reviews.get', { cadreId });
    expect(history.map((r) => [r.id, r.conclusion, r.reasons])).toEqual([
      [second.id, 'good', '经核实已整改到位。'],
      [first.id, 'verify', '统计期内受到诫勉，需进一步核实整改情况。'],
    ]);
    // History is never rewritten, not even from outside the calls.
    await expect(
      h.host
        .session()
        .db.updateTable('political_reviews')
        .set({ reasons: '改写' })
        .where('id', '=', first.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
    // The signed conclusion is printed under the draft of its 统计期, with that period.
    const outline = reviewOutline((await h.ok('reviews.get', { cadreId, asOf: AS_OF })).draft, history[0]!);
    expect(outline.at(-1)!.paragraphs).toEqual([
      '审查结论：政治素质好、可以使用。',
      '结论所依据的统计期：近三年（2023.01.01—2025.12.31）。',
      '理由：经核实已整改到位。',
      expect.stringMatching(/^审查人：王干事　　复核人：　+　　日期：2026\.02\.01$/),
    ]);
  });

  test('bad input: a Chinese message naming the field, nothing stored or audited', async () => {
    const h = await newHostWithStore();
    const cadreId = await seeded(h);
    const cases: [Partial<CallInput<'reviews.conclude'>>, string, RegExp][] = [
      [{ reasons: '  ' }, 'reasons', /请填写理由/],
      [{ reasons: '长'.repeat(2001) }, 'reasons', /理由不能超过 2000 个字/],
      [{ reviewer: '' }, 'reviewer', /请填写审查人/],
      [{ rechecker: '长'.repeat(21) }, 'rechecker', /复核人不能超过 20 个字/],
      [{ reviewDate: '2026-02-30' }, 'reviewDate', /审查日期不是有效的日期/],
      [{ reviewDate: '2026.01.08' }, 'reviewDate', /审查日期格式应为/],
      [
        { conclusion: 'fine' as 'good' },
        'conclusion',
        /审查结论必须是政治素质好、可以使用、需进一步核实、不宜提拔使用之一/,
      ],
      [{ period: 'decade' as 'year' }, 'period', /统计期必须是本年度、近三年、任现职以来之一/],
    ];
    const audits = await auditCount(h);
    for (const [over, field, message] of cases) {
      const e = await h.err('reviews.conclude', conclusion(cadreId, over));
      expect(e, field).toMatchObject({ code: 'VALIDATION', field });
      expect(e.message, field).toMatch(message);
    }
    expect(await h.err('reviews.conclude', conclusion(9999))).toMatchObject({ code: 'NOT_FOUND', field: 'cadreId' });
    expect(await h.err('reviews.get', { cadreId: 9999 })).toMatchObject({ code: 'NOT_FOUND', field: 'cadreId' });
    expect(await reviewRows(h)).toEqual([]);
    expect(await auditCount(h)).toBe(audits);
  });
});

describe('the .docx for editing', () => {
  test('one file for a list of candidates, each in the printed order, with the signed conclusion', async () => {
    const h = await newHostWithStore();
    const cadreId = await seeded(h);
    const unit = (await h.ok('units.list', {}))[0]!;
    const other = (
      await h.ok('cadres.create', { input: cadreInput(unit.id, { name: '李秀梅', idNumber: '', gender: '女' }) })
    ).id;
    await h.ok('reviews.conclude', conclusion(cadreId));
    const out = join(tempDir('ganbu-review-'), '审查意见.docx');
    const token = await h.pickSave('dossierDocx', out, '政治素质审查意见');
    expect(await h.ok('reviews.exportDocx', { cadreIds: [cadreId, other], asOf: AS_OF, token })).toEqual({
      fileName: '审查意见.docx',
      cadres: 2,
    });
    expect(await newestAudit(h)).toMatchObject({
      action: 'reviews.exportDocx',
      detail: { cadreIds: [cadreId, other], fileName: '审查意见.docx' },
    });
    const doc = (await unzip(readFileSync(out))).get('word/document.xml')!.toString('utf8');
    const text = [...doc.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    const at = (s: string, from = 0) => text.indexOf(s, from);
    expect(at('巴特尔同志政治素质审查意见')).toBeGreaterThan(0);
    expect(at('李秀梅同志政治素质审查意见')).toBeGreaterThan(at('巴特尔同志政治素质审查意见'));
    const heads = ['一、基本情况', '四、负面信息', '九、审查结论'].map((s) => at(s));
    expect(heads).toEqual([...heads].sort((a, b) => a - b));
    expect(text).toContain('诫勉');
    expect(text).not.toContain('函询（期前）');
    expect(text).toContain('审查结论：需进一步核实。');
    // The second candidate has no signed conclusion: the blanks are left to sign by hand.
    expect(at(SIGNATURE_BLANKS, at('李秀梅同志'))).toBeGreaterThan(0);
    expect(await h.err('reviews.exportDocx', { cadreIds: [cadreId, cadreId], token })).toMatchObject({
      code: 'VALIDATION',
      field: 'cadreIds',
    });
  });
});

describe('the conclusion a printed or exported 审查意见 carries (issue 20 follow-up)', () => {
  /** The .docx text of one candidate's 审查意见 for a period. */
  async function exported(h: TestHost, cadreId: number, input: Partial<CallInput<'reviews.exportDocx'>>) {
    const out = join(tempDir('ganbu-review-'), '审查意见.docx');
    const token = await h.pickSave('dossierDocx', out, '政治素质审查意见');
    await h.ok('reviews.exportDocx', { cadreIds: [cadreId], token, ...input });
    const doc = (await unzip(readFileSync(out))).get('word/document.xml')!.toString('utf8');
    const text = [...doc.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    return text.slice(text.indexOf('、审查结论'));
  }

  test('each period prints its own signed conclusion with that period; another period’s only as a marked reference', async () => {
    const h = await newHostWithStore();
    const cadreId = await seeded(h);
    // 近三年 to 2025-12-31 signed first, then 本年度 to 2025-12-31: the newest is not 近三年's.
    await h.ok('reviews.conclude', conclusion(cadreId));
    await h.ok(
      'reviews.conclude',
      conclusion(cadreId, {
        period: 'year',
        conclusion: 'good',
        reasons: '本年度表现较好。',
        reviewDate: '2026-01-09',
      }),
    );

    const threeYears = await exported(h, cadreId, { period: 'threeYears', asOf: AS_OF });
    expect(threeYears).toContain('审查结论：需进一步核实。');
    expect(threeYears).toContain('结论所依据的统计期：近三年（2023.01.01—2025.12.31）。');
    expect(threeYears).not.toContain('政治素质好、可以使用。');

    const year = await exported(h, cadreId, { period: 'year', asOf: AS_OF });
    expect(year).toContain('审查结论：政治素质好、可以使用。');
    expect(year).toContain('结论所依据的统计期：本年度（2025.01.01—2025.12.31）。');

    // Another last day: no conclusion was signed on these materials. The newest is named with its own period and
    // date, said not to be this draft's, and the blanks are left to sign.
    const later = await exported(h, cadreId, { period: 'year', asOf: '2026-03-31' });
    expect(later).toContain('本意见统计期本年度（2026.01.01—2026.03.31）尚未签署审查结论。');
    expect(later).toContain(
      '最近一次审查结论系针对另一统计期本年度（2025.01.01—2025.12.31）作出，于2026.01.09签署：政治素质好、可以使用' +
        '（审查人：王干事）。该结论不是对本意见所列材料的结论，仅供参考。',
    );
    expect(later).not.toContain('审查结论：政治素质好、可以使用。');
    expect(later).toContain(SIGNATURE_BLANKS);
  });

  test('the outline: no conclusion leaves the blanks; the one for exactly the period is the draft’s own', async () => {
    const h = await newHostWithStore();
    const cadreId = await seeded(h);
    const signed = await h.ok('reviews.conclude', conclusion(cadreId));
    const { draft, history } = await h.ok('reviews.get', { cadreId, period: 'threeYears', asOf: AS_OF });
    expect(conclusionFor(draft.period, history)).toEqual(signed);
    const lines = (record: ReviewRecord | null) =>
      reviewOutline(draft, record).find((s) => s.key === 'conclusion')?.paragraphs;
    expect(lines(null)).toContain(SIGNATURE_BLANKS);
    expect(lines(signed)).toEqual([
      '审查结论：需进一步核实。',
      '结论所依据的统计期：近三年（2023.01.01—2025.12.31）。',
      '理由：统计期内受到诫勉，需进一步核实整改情况。',
      '审查人：王干事　　复核人：李科长　　日期：2026.01.08',
    ]);
    const other = await h.ok('reviews.get', { cadreId, period: 'sincePost', asOf: '2025-12-30' });
    expect(conclusionFor(other.draft.period, other.history)).toEqual(signed);
    expect(reviewOutline(other.draft, signed).find((s) => s.key === 'conclusion')?.paragraphs[0]).toMatch(
      /^本意见统计期任现职以来（.+—2025\.12\.30）尚未签署审查结论。$/u,
    );
  });
});
