// Signed 审查结论 in the store: a cadre's history (newest first) and adding one (never overwriting).
import type { Kysely, Selectable } from 'kysely';
import type { ReviewConclusion, ReviewRecord } from '../../shared/review/types';
import type { PortraitPeriod } from '../../shared/portrait/period';
import type { Database, PoliticalReviewsTable } from '../schema';

const view = (r: Selectable<PoliticalReviewsTable>): ReviewRecord => ({
  id: r.id,
  cadreId: r.cadre_id,
  conclusion: r.conclusion,
  reasons: r.reasons,
  reviewer: r.reviewer,
  rechecker: r.rechecker,
  reviewDate: r.review_date,
  periodKey: r.period_key,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  writtenBy: r.written_by,
  writtenAt: r.written_at,
});

export async function listReviews(db: Kysely<Database>, cadreId: number): Promise<ReviewRecord[]> {
  const rows = await db
    .selectFrom('political_reviews')
    .selectAll()
    .where('cadre_id', '=', cadreId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(view);
}

/** Each cadre's signed conclusions, newest first (a cadre with none is absent). */
export async function reviewHistories(
  db: Kysely<Database>,
  cadreIds: readonly number[],
): Promise<Map<number, ReviewRecord[]>> {
  const out = new Map<number, ReviewRecord[]>();
  for (let i = 0; i < cadreIds.length; i += 500) {
    const rows = await db
      .selectFrom('political_reviews')
      .selectAll()
      .where('cadre_id', 'in', cadreIds.slice(i, i + 500))
      .orderBy('id', 'desc')
      .execute();
    for (const r of rows) {
      const list = out.get(r.cadre_id) ?? [];
      list.push(view(r));
      out.set(r.cadre_id, list);
    }
  }
  return out;
}

export interface NewReview {
  readonly cadreId: number;
  readonly conclusion: ReviewConclusion;
  readonly reasons: string;
  readonly reviewer: string;
  readonly rechecker: string;
  readonly reviewDate: string;
  readonly period: { readonly key: PortraitPeriod; readonly from: string; readonly to: string };
}

export async function insertReview(
  db: Kysely<Database>,
  r: NewReview,
  by: { displayName: string; at: string },
): Promise<ReviewRecord> {
  const row = await db
    .insertInto('political_reviews')
    .values({
      cadre_id: r.cadreId,
      conclusion: r.conclusion,
      reasons: r.reasons,
      reviewer: r.reviewer,
      rechecker: r.rechecker,
      review_date: r.reviewDate,
      period_key: r.period.key,
      period_from: r.period.from,
      period_to: r.period.to,
      written_by: by.displayName,
      written_at: by.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return view(row);
}
