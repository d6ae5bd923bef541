// The one source of the 综合评价 texts (能力特点、性格不足、熟悉领域) that the portrait page and the printed dossier show:
// the saved evaluation when there is one; before that, a draft from the latest S3.5 整体性评价意见 entry and the
// profile's 主要特点/存在不足/熟悉领域.
import type { HolisticEvaluation } from './view';

/** The dossier's sub-item that holds 整体性评价意见 (catalog.md S3.5). */
export const HOLISTIC_SUB_ITEM = 'S3.5';

export interface HolisticSources {
  readonly saved: HolisticEvaluation | null;
  /** The latest S3.5 entry on or before the portrait's date. */
  readonly latestEntry: {
    readonly id: number;
    readonly date: string;
    readonly title: string;
    readonly content: string;
  } | null;
  readonly profile: { readonly traits: string; readonly shortcomings: string; readonly familiarFields: string };
}

export interface HolisticText {
  readonly abilities: string;
  readonly weaknesses: string;
  readonly familiarFields: string;
  /** saved: the evaluation written on the portrait page; draft: composed from the sources below; none: nothing yet. */
  readonly source: 'saved' | 'draft' | 'none';
  /** Where the texts come from, in words (shown under the form and in print). */
  readonly basis: string;
  /** The S3.5 entry the draft started from (null when none). */
  readonly entryId: number | null;
}

type Field = 'abilities' | 'weaknesses' | 'familiarFields';

// How a 整体性评价意见 usually labels its parts; either name of a pair means the same field.
const LABELS: readonly [RegExp, Field][] = [
  [/能力特点|主要特点/, 'abilities'],
  [/性格不足|存在不足|主要不足/, 'weaknesses'],
  [/熟悉领域/, 'familiarFields'],
];
const LABEL_AT = /(能力特点|主要特点|性格不足|存在不足|主要不足|熟悉领域)\s*[:：]/g;

const tidy = (s: string) => s.trim().replace(/^[；;，,。\s]+|[；;，,\s]+$/g, '');

/** Splits “能力特点：…；性格不足：…；熟悉领域：…” into fields; text before the first label (or without any) is 能力特点. */
export function splitEvaluationText(content: string): Readonly<Record<Field, string>> {
  const out: Record<Field, string[]> = { abilities: [], weaknesses: [], familiarFields: [] };
  const marks = [...content.matchAll(LABEL_AT)];
  const lead = tidy(content.slice(0, marks[0]?.index ?? content.length));
  if (lead !== '') out.abilities.push(lead);
  marks.forEach((m, i) => {
    const field = LABELS.find(([re]) => re.test(m[1]!))![1];
    const text = tidy(content.slice(m.index! + m[0].length, marks[i + 1]?.index ?? content.length));
    if (text !== '') out[field].push(text);
  });
  return {
    abilities: out.abilities.join('\n'),
    weaknesses: out.weaknesses.join('\n'),
    familiarFields: out.familiarFields.join('\n'),
  };
}

const join = (...parts: string[]) => [...new Set(parts.map((p) => p.trim()).filter((p) => p !== ''))].join('\n');

export function holisticText({ saved, latestEntry, profile }: HolisticSources): HolisticText {
  if (saved) {
    return {
      abilities: saved.abilities,
      weaknesses: saved.weaknesses,
      familiarFields: saved.familiarFields,
      source: 'saved',
      basis: `${saved.writtenBy.name} 于 ${saved.writtenAt.slice(0, 10)} 填写`,
      entryId: null,
    };
  }
  const fromEntry = latestEntry
    ? splitEvaluationText(latestEntry.content || latestEntry.title)
    : { abilities: '', weaknesses: '', familiarFields: '' };
  const text = {
    abilities: join(fromEntry.abilities, profile.traits),
    weaknesses: join(fromEntry.weaknesses, profile.shortcomings),
    familiarFields: join(fromEntry.familiarFields, profile.familiarFields),
  };
  const profileUsed = [
    profile.familiarFields.trim() !== '' ? '熟悉领域' : '',
    profile.traits.trim() !== '' ? '主要特点' : '',
    profile.shortcomings.trim() !== '' ? '存在不足' : '',
  ].filter((s) => s !== '');
  const basis = [
    latestEntry ? `${latestEntry.date} 整体性评价意见“${latestEntry.title}”` : '',
    profileUsed.length > 0 ? `干部信息中的${profileUsed.join('、')}` : '',
  ].filter((s) => s !== '');
  if (basis.length === 0)
    return {
      ...text,
      source: 'none',
      basis: '尚无整体性评价意见（S3.5）材料，干部信息中也未填写熟悉领域、主要特点、存在不足',
      entryId: null,
    };
  return { ...text, source: 'draft', basis: `根据${basis.join('和')}生成，尚未保存`, entryId: latestEntry?.id ?? null };
}
