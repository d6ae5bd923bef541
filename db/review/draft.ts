// The draft of a 政治素质审查意见: for one cadre and a 统计期, everything issue 20 §2 lists, read from the store.
// Only reads; the order a 部务会 reads it in is shared/review/outline.ts's.
import type { Kysely } from 'kysely';
import { quarterOf, quarterRange } from '../../shared/dossier/quarter';
import { TRAINING_RESULT_LABELS } from '../../shared/dossier/types';
import { fail } from '../../shared/ipc/errors';
import { PORTRAIT_PERIOD_LABELS, periodStart, type PortraitPeriod } from '../../shared/portrait/period';
import type { ReviewDraft, ReviewMaterial, ReviewQuarterGap, ReviewVeto } from '../../shared/review/types';
import { requiredSections } from '../dossier';
import { readPortrait } from '../portrait';
import { readCadres } from '../roster';
import type { Database } from '../schema';

/** 负面信息 (catalog.md S6) and the sub-item 双比双评 results are archived into (S3.2). */
const NEGATIVE_SECTION = 'S6';
const ASSESSMENT_SUB_ITEM = 'S3.2';
const LAST_RESULTS = 3;

const byDateThenId = (a: { date: string; entryId: number }, b: { date: string; entryId: number }) =>
  a.date.localeCompare(b.date) || a.entryId - b.entryId;

/** Quarters from `from`'s to `to`'s that have ended by `to`. */
function endedQuarters(from: string, to: string): string[] {
  const out: string[] = [];
  let q = quarterOf(from);
  const last = quarterOf(to);
  while (q <= last) {
    if (quarterRange(q)[1] <= to) out.push(q);
    const y = Number(q.slice(0, 4));
    const n = Number(q.slice(5));
    q = n === 4 ? `${y + 1}Q1` : `${y}Q${n + 1}`;
  }
  return out;
}

async function quarterGaps(
  db: Kysely<Database>,
  cadreId: number,
  quarters: readonly string[],
): Promise<ReviewQuarterGap[]> {
  if (quarters.length === 0) return [];
  const [covered, attested] = await Promise.all([
    db
      .selectFrom('dossier_entries')
      .select(['quarter', 'section_code'])
      .distinct()
      .where('cadre_id', '=', cadreId)
      .where('quarter', 'in', [...quarters])
      .execute(),
    db
      .selectFrom('quarter_attestations')
      .select(['quarter', 'section_code'])
      .where('cadre_id', '=', cadreId)
      .where('quarter', 'in', [...quarters])
      .execute(),
  ]);
  const has = new Set([...covered, ...attested].map((r) => `${r.quarter}:${r.section_code}`));
  const gaps: ReviewQuarterGap[] = [];
  for (const quarter of quarters) {
    const { live, required } = await requiredSections(db, quarter);
    const missing = live.filter((s) => required.has(s.code) && !has.has(`${quarter}:${s.code}`)).map((s) => s.name);
    if (missing.length > 0) gaps.push({ quarter, missing });
  }
  return gaps;
}

/**
 * The draft for `cadreId` over `period` ending on `asOf` (YYYY-MM-DD): the materials dated inside the period and
 * none outside; the last three 年度考核 and 双比双评 results up to `asOf`.
 */
export async function readReviewDraft(
  db: Kysely<Database>,
  cadreId: number,
  asOf: string,
  period: PortraitPeriod,
): Promise<ReviewDraft> {
  const profile = (await readCadres(db, [cadreId], { showIdNumber: false })).get(cadreId);
  if (!profile) return fail('NOT_FOUND', '找不到该干部，可能已被删除', 'cadreId');
  const start = periodStart(period, asOf, profile.postSince);
  const from = start.from;
  const [portrait, rows, listItems, subItems, training, assessmentVetoes, results] = await Promise.all([
    readPortrait(db, cadreId, asOf, period),
    db
      .selectFrom('dossier_entries')
      .select(['id', 'date', 'section_code', 'sub_item_code', 'title', 'content', 'list_item_code'])
      .where('cadre_id', '=', cadreId)
      .where('date', '>=', from)
      .where('date', '<=', asOf)
      .orderBy('date')
      .orderBy('id')
      .execute(),
    db.selectFrom('catalog_list_items').select(['code', 'name', 'polarity', 'veto']).execute(),
    db.selectFrom('catalog_sub_items').select(['code', 'name']).execute(),
    db
      .selectFrom('training_records')
      .innerJoin('training_classes', 'training_classes.id', 'training_records.class_id')
      .select(['training_classes.name', 'start_date', 'end_date', 'training_records.hours', 'result'])
      .where('training_records.cadre_id', '=', cadreId)
      .where('end_date', '>=', from)
      .where('end_date', '<=', asOf)
      .orderBy('end_date')
      .orderBy('training_records.id')
      .execute(),
    db
      .selectFrom('assessment_vetoes')
      .innerJoin('assessments', 'assessments.id', 'assessment_vetoes.assessment_id')
      .select(['assessments.name', 'assessment_vetoes.reason', 'assessment_vetoes.entered_at', 'dossier_entry_id'])
      .where('target_cadre_id', '=', cadreId)
      .orderBy('assessment_vetoes.entered_at')
      .execute(),
    db
      .selectFrom('dossier_entries')
      .select(['id', 'date', 'sub_item_code', 'title', 'content'])
      .where('cadre_id', '=', cadreId)
      .where('sub_item_code', '=', ASSESSMENT_SUB_ITEM)
      .where('date', '<=', asOf)
      .orderBy('date', 'desc')
      .orderBy('id', 'desc')
      .limit(LAST_RESULTS)
      .execute(),
  ]);
  const items = new Map(listItems.map((i) => [i.code, i]));
  const kinds = new Map(subItems.map((s) => [s.code, s.name]));
  const material = (r: {
    id: number;
    date: string;
    sub_item_code: string;
    title: string;
    content: string;
  }): ReviewMaterial => ({
    entryId: r.id,
    date: r.date,
    kind: kinds.get(r.sub_item_code) ?? r.sub_item_code,
    title: r.title,
    content: r.content,
  });

  const vetoes: (ReviewVeto & { entryId: number })[] = [];
  const listHits: ReviewDraft['listHits'][number][] = [];
  for (const r of rows) {
    const item = r.list_item_code === null ? undefined : items.get(r.list_item_code);
    if (!item) continue;
    listHits.push({ ...material(r), code: item.code, name: item.name, polarity: item.polarity });
    if (item.veto)
      vetoes.push({
        entryId: r.id,
        date: r.date,
        source: 'listItem',
        item: `${item.code} ${item.name}`,
        text: r.content ? `${r.title}：${r.content}` : r.title,
      });
  }
  // A veto adopted in an assessment from a dossier entry is that entry's veto, listed once.
  const fromEntries = new Set(vetoes.map((v) => v.entryId));
  for (const v of assessmentVetoes) {
    const date = v.entered_at.slice(0, 10);
    if (date < from || date > asOf || (v.dossier_entry_id !== null && fromEntries.has(v.dossier_entry_id))) continue;
    vetoes.push({ entryId: 0, date, source: 'assessment', item: `“双比双评”一票否决（${v.name}）`, text: v.reason });
  }
  vetoes.sort(byDateThenId);

  const r = portrait.result;
  const quarters = endedQuarters(from, asOf);
  const education = [profile.fulltimeEducation, profile.fulltimeDegree].filter(Boolean).join('');
  const asOfYear = Number(asOf.slice(0, 4));
  return {
    cadre: {
      id: profile.id,
      name: profile.name,
      gender: profile.gender,
      birthMonth: profile.birthMonth,
      age: profile.age,
      ethnicity: profile.ethnicity,
      nativePlace: profile.nativePlace,
      partyJoin: /^\d{4}-\d{2}$/.test(profile.partyJoin) ? profile.partyJoin : '',
      workStart: profile.workStart,
      education,
      unitName: profile.unitName,
      currentPost: profile.currentPost,
    },
    period: { key: period, label: PORTRAIT_PERIOD_LABELS[period], from, to: asOf, note: start.note },
    vetoes: vetoes.map(({ entryId: _, ...v }) => v),
    portrait: {
      dimensions: r.dimensions.map((d) => ({ name: d.name, index: d.index })),
      overall: r.overall,
      grade: r.classificationLabel,
      reason: r.reason,
      confirmedGrade: portrait.confirmation?.confirmedGrade ?? null,
    },
    listHits,
    negatives: rows.filter((x) => x.section_code === NEGATIVE_SECTION).map(material),
    annualResults: [...profile.annualResults]
      .filter((a) => a.year <= asOfYear)
      .sort((a, b) => b.year - a.year)
      .slice(0, LAST_RESULTS),
    assessments: results.map(material),
    training: training.map((t) => ({
      className: t.name,
      startDate: t.start_date,
      endDate: t.end_date,
      hours: t.hours,
      result: TRAINING_RESULT_LABELS[t.result],
    })),
    holistic:
      portrait.holistic.source === 'none'
        ? null
        : {
            abilities: portrait.holistic.abilities,
            weaknesses: portrait.holistic.weaknesses,
            familiarFields: portrait.holistic.familiarFields,
            basis: portrait.holistic.basis,
          },
    completeness: { quarters: quarters.length, gaps: await quarterGaps(db, cadreId, quarters) },
  };
}
