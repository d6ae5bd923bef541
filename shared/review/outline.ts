// The 政治素质审查意见 as ordered sections of text, in the order a 部务会 reads it (一票否决 first when there is one):
// the one layout the printed page and the .docx both follow.
import { quarterLabel } from '../dossier/quarter';
import { PORTRAIT_PERIOD_LABELS } from '../portrait/period';
import { REVIEW_CONCLUSION_LABELS, type ReviewDraft, type ReviewRecord } from './types';

export interface OutlineTable {
  readonly header: readonly string[];
  /** Relative column widths (sum 100). */
  readonly widths: readonly number[];
  readonly rows: readonly (readonly string[])[];
}

export interface OutlineSection {
  readonly key: string;
  /** With its number: “一、一票否决事项”. */
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly table?: OutlineTable;
  /** Drawn to stand out (a veto). */
  readonly alert?: boolean;
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const dotted = (d: string) => d.replace(/-/g, '.');
const material = (title: string, content: string) => (content ? `${title}：${content}` : title);

/** The signature line left to fill in by hand. */
export const SIGNATURE_BLANKS = '审查人：　　　　复核人：　　　　日期：　年　月　日';

export const reviewTitle = (name: string) => `${name}同志政治素质审查意见`;

/** “近三年（2023.12.08—2026.12.07）”: a 统计期 as the page names it. */
export const periodText = (label: string, from: string, to: string) => `${label}（${dotted(from)}—${dotted(to)}）`;

/** Whether `r` was signed on exactly this draft's 统计期 (same kind, same first and last day). */
export const signedForPeriod = (r: ReviewRecord, p: ReviewDraft['period']) =>
  r.periodKey === p.key && r.periodFrom === p.from && r.periodTo === p.to;

/**
 * The signed conclusion to put under a draft: the newest signed for exactly its 统计期; else the newest of all, which
 * the page then shows as another period's (never as this draft's own). `history` is newest first.
 */
export function conclusionFor(period: ReviewDraft['period'], history: readonly ReviewRecord[]): ReviewRecord | null {
  return history.find((r) => signedForPeriod(r, period)) ?? history[0] ?? null;
}

const recordPeriod = (r: ReviewRecord) => periodText(PORTRAIT_PERIOD_LABELS[r.periodKey], r.periodFrom, r.periodTo);
const signedLine = (r: ReviewRecord) =>
  `审查人：${r.reviewer}　　复核人：${r.rechecker || '　　　　'}　　日期：${dotted(r.reviewDate)}`;
/** The check boxes and blanks left for signing by hand; each line short enough to fit the printed width. */
const BLANK_CONCLUSION = [
  '审查结论：',
  `□${REVIEW_CONCLUSION_LABELS.good}　□${REVIEW_CONCLUSION_LABELS.verify}　□${REVIEW_CONCLUSION_LABELS.notForPromotion}`,
  '理由：',
  SIGNATURE_BLANKS,
];

/**
 * The 审查结论 section's lines. A conclusion signed on this very 统计期 is printed as the draft's, with its period; one
 * signed on another period is printed only as a reference, named with its own period and date, under a plain “not yet
 * concluded for this period” and the blanks (a reader must never take it for a conclusion on the materials above).
 */
export function conclusionLines(d: ReviewDraft, record: ReviewRecord | null): string[] {
  if (!record) return BLANK_CONCLUSION;
  if (signedForPeriod(record, d.period))
    return [
      `审查结论：${REVIEW_CONCLUSION_LABELS[record.conclusion]}。`,
      `结论所依据的统计期：${recordPeriod(record)}。`,
      `理由：${record.reasons}`,
      signedLine(record),
    ];
  return [
    `本意见统计期${periodText(d.period.label, d.period.from, d.period.to)}尚未签署审查结论。`,
    `最近一次审查结论系针对另一统计期${recordPeriod(record)}作出，于${dotted(record.reviewDate)}签署：` +
      `${REVIEW_CONCLUSION_LABELS[record.conclusion]}（审查人：${record.reviewer}）。` +
      '该结论不是对本意见所列材料的结论，仅供参考。',
    ...BLANK_CONCLUSION,
  ];
}

/** `record`: the signed conclusion to print under the draft (conclusionFor; null: blanks for signing by hand). */
export function reviewOutline(d: ReviewDraft, record: ReviewRecord | null): OutlineSection[] {
  const c = d.cadre;
  const out: (Omit<OutlineSection, 'heading'> & { readonly title: string })[] = [];
  const add = (title: string, s: Omit<OutlineSection, 'heading' | 'key'>, key: string) =>
    out.push({ key, title, ...s });

  if (d.vetoes.length > 0)
    add(
      '一票否决事项',
      {
        alert: true,
        paragraphs: [`统计期内存在一票否决事项 ${d.vetoes.length} 项，请部务会审议时首先关注。`],
        table: {
          header: ['日期', '事项', '情况'],
          widths: [16, 30, 54],
          rows: d.vetoes.map((v) => [dotted(v.date), v.item, v.text]),
        },
      },
      'vetoes',
    );

  add(
    '基本情况',
    {
      paragraphs: [
        `${c.name}，${c.gender}，${c.ethnicity}，${c.birthMonth.replace('-', '年')}月生（${c.age}岁），` +
          `${c.nativePlace ? `${c.nativePlace}人，` : ''}${c.partyJoin ? `${c.partyJoin.replace('-', '年')}月入党，` : ''}` +
          `${c.workStart ? `${c.workStart.replace('-', '年')}月参加工作，` : ''}${c.education ? `${c.education}，` : ''}` +
          `现任${c.unitName}${c.currentPost}。`,
        `统计期：${periodText(d.period.label, d.period.from, d.period.to)}。${d.period.note ?? ''}`,
      ],
    },
    'basic',
  );

  const p = d.portrait;
  const confirmed = p.confirmedGrade && p.confirmedGrade !== p.grade ? `（确认等次：${p.confirmedGrade}）` : '';
  add(
    '政治画像',
    {
      paragraphs: [`综合指数 ${p.overall.toFixed(2)}，画像等次：${p.grade}${confirmed}。${p.reason}`],
      table: {
        header: ['维度', '指数'],
        widths: [60, 40],
        rows: p.dimensions.map((x) => [x.name, x.index.toFixed(2)]),
      },
    },
    'portrait',
  );

  add(
    '正负面清单事项',
    d.listHits.length === 0
      ? { paragraphs: ['统计期内未命中正负面清单事项。'] }
      : {
          paragraphs: [],
          table: {
            header: ['日期', '清单事项', '材料'],
            widths: [16, 30, 54],
            rows: d.listHits.map((h) => [
              dotted(h.date),
              `${h.polarity === 'positive' ? '正面' : '负面'}·${h.code} ${h.name}`,
              material(h.title, h.content),
            ]),
          },
        },
    'list',
  );

  add(
    '负面信息',
    d.negatives.length === 0
      ? { paragraphs: ['统计期内无负面信息。'] }
      : {
          paragraphs: [],
          table: {
            header: ['日期', '类别', '材料'],
            widths: [16, 20, 64],
            rows: d.negatives.map((n) => [dotted(n.date), n.kind, material(n.title, n.content)]),
          },
        },
    'negatives',
  );

  add(
    '考核情况',
    {
      paragraphs: [
        d.annualResults.length === 0
          ? '年度考核：暂无记录。'
          : `年度考核：${d.annualResults.map((a) => `${a.year}年度${a.result}`).join('，')}。`,
        ...(d.assessments.length === 0
          ? ['“双比双评”：暂无归档结果。']
          : d.assessments.map(
              (a) => `“双比双评”（${dotted(a.date)}）：${material(a.title, a.content.split('\n')[0] ?? '')}`,
            )),
      ],
    },
    'assessments',
  );

  add(
    '教育培训',
    d.training.length === 0
      ? { paragraphs: ['统计期内无参训记录。'] }
      : {
          paragraphs: [],
          table: {
            header: ['班次', '时间', '学时', '结业评价'],
            widths: [44, 28, 10, 18],
            rows: d.training.map((t) => [
              t.className,
              `${dotted(t.startDate)}—${dotted(t.endDate)}`,
              String(t.hours),
              t.result,
            ]),
          },
        },
    'training',
  );

  const h = d.holistic;
  add(
    '整体性评价意见',
    {
      paragraphs: h
        ? [
            `能力特点：${h.abilities || '无'}`,
            `性格不足：${h.weaknesses || '无'}`,
            `熟悉领域：${h.familiarFields || '无'}`,
            `（${h.basis}）`,
          ]
        : ['尚无整体性评价意见。'],
    },
    'holistic',
  );

  const k = d.completeness;
  add(
    '档案完整性',
    {
      paragraphs: [
        k.gaps.length === 0
          ? `统计期内已结束的 ${k.quarters} 个季度，各必填板块均有材料或经核查无材料。`
          : `统计期内已结束的 ${k.quarters} 个季度中，${k.gaps.length} 个季度有板块缺少材料：` +
            k.gaps.map((g) => `${quarterLabel(g.quarter)}（${g.missing.join('、')}）`).join('；') +
            '。',
      ],
    },
    'completeness',
  );

  add('审查结论', { paragraphs: conclusionLines(d, record) }, 'conclusion');

  return out.map(({ title, ...s }, i) => ({ ...s, heading: `${CN[i] ?? i + 1}、${title}` }));
}
