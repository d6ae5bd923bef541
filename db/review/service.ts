// The 政治素质审查意见 calls: the draft with the signed history, signing a 审查结论 (audited), the .docx export.
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { localToday } from '../../shared/dossier/quarter';
import { fail } from '../../shared/ipc/errors';
import type { PortraitPeriod } from '../../shared/portrait/period';
import { conclusionFor } from '../../shared/review/outline';
import { REVIEW_CONCLUSION_LABELS, type ReviewDraft, type ReviewRecord } from '../../shared/review/types';
import type { Handlers } from '../app/context';
import { writeFileAtomic } from '../fs/atomic';
import type { Database } from '../schema';
import { reviewsDocx } from './docx';
import { readReviewDraft } from './draft';
import { insertReview, listReviews, reviewHistories } from './records';

type ReviewCalls = 'reviews.get' | 'reviews.conclude' | 'reviews.exportDocx';

export const DEFAULT_REVIEW_PERIOD: PortraitPeriod = 'threeYears';

/** The drafts of several candidates in the order asked, each with the signed conclusion to print under it. */
export async function readReviews(
  db: Kysely<Database>,
  cadreIds: readonly number[],
  asOf: string,
  period: PortraitPeriod,
): Promise<{ draft: ReviewDraft; record: ReviewRecord | null }[]> {
  const histories = await reviewHistories(db, cadreIds);
  const out: { draft: ReviewDraft; record: ReviewRecord | null }[] = [];
  for (const id of cadreIds) {
    const draft = await readReviewDraft(db, id, asOf, period);
    out.push({ draft, record: conclusionFor(draft.period, histories.get(id) ?? []) });
  }
  return out;
}

export const reviewHandlers: Handlers<ReviewCalls> = {
  async 'reviews.get'({ db }, { cadreId, period, asOf }) {
    const draft = await readReviewDraft(db, cadreId, asOf ?? localToday(), period ?? DEFAULT_REVIEW_PERIOD);
    return { draft, history: await listReviews(db, cadreId) };
  },

  async 'reviews.conclude'({ db, rec, store }, input) {
    const draft = await readReviewDraft(
      db,
      input.cadreId,
      input.asOf ?? localToday(),
      input.period ?? DEFAULT_REVIEW_PERIOD,
    );
    // A 一票否决 item in the period rules out 可以使用: the conclusion would contradict the draft it signs.
    if (input.conclusion === 'good' && draft.vetoes.length > 0)
      fail(
        'VALIDATION',
        `统计期内存在一票否决事项 ${draft.vetoes.length} 项，审查结论不能为“${REVIEW_CONCLUSION_LABELS.good}”`,
        'conclusion',
      );
    const record = await insertReview(
      db,
      {
        cadreId: input.cadreId,
        conclusion: input.conclusion,
        reasons: input.reasons,
        reviewer: input.reviewer,
        rechecker: input.rechecker,
        reviewDate: input.reviewDate,
        period: { key: draft.period.key, from: draft.period.from, to: draft.period.to },
      },
      { displayName: store.user.displayName, at: new Date().toISOString() },
    );
    rec.record(`${draft.cadre.name}（${draft.cadre.unitName}）：政治素质审查意见`, {
      reviewId: record.id,
      cadreId: input.cadreId,
      conclusion: REVIEW_CONCLUSION_LABELS[record.conclusion],
      periodLabel: `${draft.period.label}（${draft.period.from}至${draft.period.to}）`,
      reviewer: record.reviewer,
      rechecker: record.rechecker,
      reviewDate: record.reviewDate,
    });
    return record;
  },

  async 'reviews.exportDocx'({ db, rec, io }, { cadreIds, period, asOf, token }) {
    const parts = await readReviews(db, cadreIds, asOf ?? localToday(), period ?? DEFAULT_REVIEW_PERIOD);
    const path = io.savePath(token);
    writeFileAtomic(path, await reviewsDocx(parts));
    const first = parts[0]?.draft.cadre;
    const fileName = basename(path);
    rec.record(parts.length === 1 && first ? `${first.name}（${first.unitName}）：${fileName}` : fileName, {
      cadreIds: [...cadreIds],
      fileName,
    });
    return { fileName, cadres: parts.length };
  },
};
