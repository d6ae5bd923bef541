// The 政治素质审查意见 as ordered sections of text, in the order a 部务会 reads it (一票否决 first when there is one):
// the one layout the printed page and the .docx both follow.
import { quarterLabel } from '../dossier/quarter';
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

/** `record`: the signed conclusion to print under the draft (null: the blanks are left for signing by hand). */
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
        `统计期：${d.period.label}（${dotted(d.period.from)}—${dotted(d.period.to)}）。${d.period.note ?? ''}`,
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

  add(
    '审查结论',
    {
      paragraphs: record
        ? [
            `审查结论：${REVIEW_CONCLUSION_LABELS[record.conclusion]}。`,
            `理由：${record.reasons}`,
            `审查人：${record.reviewer}　　复核人：${record.rechecker || '　　　　'}　　日期：${dotted(record.reviewDate)}`,
          ]
        : // Short enough that each line fits the printed width (no option or blank breaks across lines).
          [
            '审查结论：',
            `□${REVIEW_CONCLUSION_LABELS.good}　□${REVIEW_CONCLUSION_LABELS.verify}　□${REVIEW_CONCLUSION_LABELS.notForPromotion}`,
            '理由：',
            SIGNATURE_BLANKS,
          ],
    },
    'conclusion',
  );

  return out.map(({ title, ...s }, i) => ({ ...s, heading: `${CN[i] ?? i + 1}、${title}` }));
}
