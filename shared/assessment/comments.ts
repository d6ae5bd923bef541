// 意见建议 on staff and service forms: the text's bounds, when a cadre's comments may be shown, and the view's shape.
import { z } from 'zod';

export const COMMENT_MAX_LENGTH = 200;
/** Fewer forms than this for a cadre, and a comment could be traced to the one or two people who wrote it. */
export const COMMENTS_MIN_FORMS = 3;

/** An optional comment as typed: trimmed, empty means none. */
export const commentSchema = z
  .string({ error: '意见建议必须是文字' })
  .trim()
  .max(COMMENT_MAX_LENGTH, `意见建议不能超过 ${COMMENT_MAX_LENGTH} 个字`)
  .optional();

/** One cadre's comments as shown: sorted by text (an unordered list), or hidden below COMMENTS_MIN_FORMS forms. */
export interface CadreCommentsView {
  cadreId: number;
  /** Staff and service forms received for the cadre. */
  forms: number;
  /** null while fewer than COMMENTS_MIN_FORMS forms were received (nothing about them is shown then). */
  comments: { text: string; count: number }[] | null;
}

export const commentsHiddenText = `收到的测评票不足 ${COMMENTS_MIN_FORMS} 张，意见建议暂不显示`;

/** A cadre's comments as printed with the 排名表 (issue 21 §6): only lists that may be shown, none below the threshold. */
export interface PrintedComments {
  cadreId: number;
  comments: { text: string; count: number }[];
}

/**
 * The comments a print may carry: cadres with at least COMMENTS_MIN_FORMS forms and at least one comment. Takes
 * ballots.list's `comments` as it comes: absent only when a caller asked for other lists (then none to print).
 */
export const printableComments = (views: readonly CadreCommentsView[] | undefined): PrintedComments[] =>
  (views ?? []).flatMap((v) =>
    v.comments !== null && v.forms >= COMMENTS_MIN_FORMS && v.comments.length > 0
      ? [{ cadreId: v.cadreId, comments: v.comments }]
      : [],
  );
