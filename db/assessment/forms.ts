// What staff and service forms carry beside their votes: 意见建议 (stored apart from any code, form or time) and the
// count of forms voided as a whole (无效票), per group, reason and source.
import { sql, type Kysely } from 'kysely';
import { COMMENTS_MIN_FORMS, type CadreCommentsView } from '../../shared/assessment/comments';
import type { FormVoidReason } from '../../shared/assessment/form-void-reasons';
import type { GroupRef, VoidFormsView } from '../../shared/assessment/types';
import type { Database } from '../schema';

export type CommentSource = 'kiosk' | 'paper' | 'excel';
export interface CommentInput {
  targetId: number;
  /** Already trimmed by the call's schema; empty means none. */
  comment?: string | undefined;
}

/** Adds one to each (cadre, text)'s count: the row holds no id, time or form, so nothing says whose it was. */
export async function addComments(
  db: Kysely<Database>,
  assessmentId: number,
  items: readonly CommentInput[],
  source: CommentSource,
): Promise<number> {
  let n = 0;
  for (const { targetId, comment } of items) {
    const text = comment?.trim();
    if (!text) continue;
    await db
      .insertInto('assessment_comments')
      .values({ assessment_id: assessmentId, target_cadre_id: targetId, text, source, count: 1 })
      .onConflict((oc) =>
        oc
          .columns(['assessment_id', 'target_cadre_id', 'text', 'source'])
          .doUpdateSet((eb) => ({ count: eb(eb.ref('assessment_comments.count'), '+', 1) })),
      )
      .execute();
    n++;
  }
  return n;
}

/** Removes one source's comments on the given cadres (an Excel import replacing what an earlier one brought). */
export async function clearComments(
  db: Kysely<Database>,
  assessmentId: number,
  targetIds: readonly number[],
  source: CommentSource,
): Promise<void> {
  for (let i = 0; i < targetIds.length; i += 500)
    await db
      .deleteFrom('assessment_comments')
      .where('assessment_id', '=', assessmentId)
      .where('source', '=', source)
      .where('target_cadre_id', 'in', targetIds.slice(i, i + 500))
      .execute();
}

/**
 * Each cadre's comments, shown only once COMMENTS_MIN_FORMS staff and service forms came in for the cadre; sorted by
 * text and merged over sources, so the list says nothing of when or how each arrived.
 */
export async function commentViews(
  db: Kysely<Database>,
  assessmentId: number,
  formsOf: ReadonlyMap<number, number>,
): Promise<CadreCommentsView[]> {
  const rows = await db
    .selectFrom('assessment_comments')
    .select(['target_cadre_id', 'text'])
    .select((eb) => eb.fn.sum<number>('count').as('count'))
    .where('assessment_id', '=', assessmentId)
    .groupBy(['target_cadre_id', 'text'])
    .orderBy('target_cadre_id')
    .orderBy('text')
    .execute();
  const byCadre = new Map<number, { text: string; count: number }[]>();
  for (const r of rows) {
    const list = byCadre.get(r.target_cadre_id) ?? [];
    list.push({ text: r.text, count: Number(r.count) });
    byCadre.set(r.target_cadre_id, list);
  }
  return [...byCadre.entries()].map(([cadreId, comments]) => {
    const forms = formsOf.get(cadreId) ?? 0;
    return { cadreId, forms, comments: forms >= COMMENTS_MIN_FORMS ? comments : null };
  });
}

/** Adds to the count of voided forms of a group (a paper form entered one at a time). */
export async function addVoidForms(
  db: Kysely<Database>,
  assessmentId: number,
  group: GroupRef,
  reason: FormVoidReason,
  source: 'paper' | 'excel',
  n = 1,
): Promise<void> {
  await db
    .insertInto('assessment_void_forms')
    .values({ assessment_id: assessmentId, group_ref: group, kind: 'staff', reason, source, count: n })
    .onConflict((oc) =>
      oc
        .columns(['assessment_id', 'group_ref', 'kind', 'reason', 'source'])
        .doUpdateSet((eb) => ({ count: eb(eb.ref('assessment_void_forms.count'), '+', n) })),
    )
    .execute();
}

/** Sets one source's count of voided staff forms of a group (the clerk's count beside a tally sheet; Excel replacing). */
export async function setVoidForms(
  db: Kysely<Database>,
  assessmentId: number,
  group: GroupRef,
  reason: FormVoidReason,
  source: 'manual' | 'excel',
  count: number,
): Promise<void> {
  await db
    .deleteFrom('assessment_void_forms')
    .where('assessment_id', '=', assessmentId)
    .where('group_ref', '=', group)
    .where('kind', '=', 'staff')
    .where('reason', '=', reason)
    .where('source', '=', source)
    .execute();
  if (count > 0)
    await db
      .insertInto('assessment_void_forms')
      .values({ assessment_id: assessmentId, group_ref: group, kind: 'staff', reason, source, count })
      .execute();
}

export async function voidFormViews(db: Kysely<Database>, assessmentId: number): Promise<VoidFormsView[]> {
  const rows = await db
    .selectFrom('assessment_void_forms')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('group_ref')
    .orderBy('kind')
    .orderBy('reason')
    .orderBy('source')
    .execute();
  return rows.map((r) => ({ group: r.group_ref, kind: r.kind, reason: r.reason, source: r.source, count: r.count }));
}

/**
 * Staff and service forms received per cadre, counted in SQL (for exports and lists that do not read every ballot);
 * `commentedOnly`: just the cadres with 意见建议, which is all the comments list needs.
 */
export async function formsReceived(
  db: Kysely<Database>,
  assessmentId: number,
  commentedOnly = false,
): Promise<Map<number, number>> {
  const commented = db
    .selectFrom('assessment_comments')
    .select('target_cadre_id')
    .where('assessment_id', '=', assessmentId);
  const [staff, service] = await Promise.all([
    db
      .selectFrom('assessment_staff_counts')
      .select('target_cadre_id')
      .select((eb) => eb.fn.sum<number>(sql`excellent + good + fair + poor`).as('n'))
      .where('assessment_id', '=', assessmentId)
      .$if(commentedOnly, (q) => q.where('target_cadre_id', 'in', commented))
      .groupBy('target_cadre_id')
      .execute(),
    db
      .selectFrom('assessment_service_ballots')
      .select('target_cadre_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('assessment_id', '=', assessmentId)
      .$if(commentedOnly, (q) => q.where('target_cadre_id', 'in', commented))
      .groupBy('target_cadre_id')
      .execute(),
  ]);
  const out = new Map<number, number>();
  for (const r of [...staff, ...service]) out.set(r.target_cadre_id, (out.get(r.target_cadre_id) ?? 0) + Number(r.n));
  return out;
}
