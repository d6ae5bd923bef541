// Paper ballots entered twice (二次录入) by two clerks: an entry is checked like a ballot but only stored; the paper
// becomes a ballot when the second entry matches the first, or when a clerk picks one entry after checking the paper.
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../shared/assessment/canonical';
import {
  PAPER_KIND_LABELS,
  normalizePaperBallot,
  type PaperBallot,
  type PaperEntryResult,
  type PaperView,
} from '../../shared/assessment/paper';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import { paperBallotSchema } from '../../shared/ipc/contract-panel';
import type { Database } from '../schema';
import { parseJsonColumn } from '../store/json-column';
import type { AssessmentRow } from './access';
import {
  checkPeer,
  checkSuperior,
  refuseKioskRater,
  savePeer,
  saveSuperior,
  type CheckedPeer,
  type WriteMode,
} from './ballots';

/** A stored entry's ballot (assessment_paper_entries.content), read through the schema it was entered with. */
const paperEntryOf = (content: string): PaperBallot =>
  parseJsonColumn(paperBallotSchema, content, 'assessment_paper_entries.content');

/** The rater label a paper 上级排名 ballot gets: the paper's number (paper ballots from leaders are anonymous too). */
export const paperRaterLabel = (paperNo: string) => `纸质票 ${paperNo}`;

/** A checked entry, with what counting it needs so it is not checked again. */
type Checked =
  | { ballot: Extract<PaperBallot, { kind: 'superior' }>; groupName: string }
  | { ballot: Extract<PaperBallot, { kind: 'peer' }>; peer: CheckedPeer };

async function check(
  db: Kysely<Database>,
  row: AssessmentRow,
  b: PaperBallot,
  names: Record<string, string>,
): Promise<Checked> {
  if (b.kind === 'superior') return { ballot: b, groupName: await checkSuperior(db, row, b) };
  const peer = await checkPeer(db, row, b, names);
  // Refused at the first entry already: the paper could never be counted beside the rater's kiosk ballot.
  await refuseKioskRater(db, row, peer.rater);
  return { ballot: b, peer };
}

/** Writes the agreed ballot, checked by `check` in this same call, into the ballot tables, where rankings read it. */
async function count(
  db: Kysely<Database>,
  row: AssessmentRow,
  paperNo: string,
  checked: Checked,
  user: SessionUser,
  names: Record<string, string>,
  now: string,
): Promise<void> {
  const mode: WriteMode = { source: 'paper' };
  if ('groupName' in checked) {
    const { group, order } = checked.ballot;
    const input = { raterLabel: paperRaterLabel(paperNo), group, order, paperNo };
    await saveSuperior(db, row, input, user, now, mode, checked.groupName);
  } else {
    const input = { raterId: checked.ballot.raterId, ballots: checked.ballot.ballots, paperNo };
    await savePeer(db, row, input, user, names, now, mode, checked.peer);
  }
}

async function entriesOf(db: Kysely<Database>, assessmentId: number, paperNo: string) {
  return db
    .selectFrom('assessment_paper_entries')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('paper_no', '=', paperNo)
    .orderBy('entry_no')
    .execute();
}

export async function enterPaper(
  db: Kysely<Database>,
  row: AssessmentRow,
  paperNo: string,
  raw: PaperBallot,
  user: SessionUser,
  names: Record<string, string>,
  now = new Date().toISOString(),
): Promise<PaperEntryResult> {
  const ballot = normalizePaperBallot(raw);
  const checked = await check(db, row, ballot, names);
  const paper = await db
    .selectFrom('assessment_papers')
    .selectAll()
    .where('assessment_id', '=', row.id)
    .where('paper_no', '=', paperNo)
    .executeTakeFirst();
  const content = canonicalJson(ballot);
  const entry = (entryNo: 1 | 2) => ({
    assessment_id: row.id,
    paper_no: paperNo,
    entry_no: entryNo,
    content,
    user_id: user.id,
    entered_by: user.displayName,
    entered_at: now,
  });
  if (!paper) {
    await db
      .insertInto('assessment_papers')
      .values({
        assessment_id: row.id,
        paper_no: paperNo,
        kind: ballot.kind,
        state: 'pending',
        resolved_entry: null,
        resolved_by: null,
        resolved_at: null,
      })
      .execute();
    await db.insertInto('assessment_paper_entries').values(entry(1)).execute();
    return { paperNo, entryNo: 1, state: 'pending' };
  }
  const entries = await entriesOf(db, row.id, paperNo);
  if (entries.length >= 2) {
    const why = paper.state === 'mismatch' ? '两次录入不一致，请在“待核对”中核对纸质票后处理' : '已计入排名';
    fail('VALIDATION', `纸质票“${paperNo}”已录入两次，不能再录入第三次（${why}）`, 'paperNo');
  }
  const first = entries[0]!;
  if (first.user_id === user.id)
    fail('VALIDATION', `纸质票“${paperNo}”的第一次录入是您本人完成的，第二次录入须由另一名录入员完成`, 'paperNo');
  if (paper.kind !== ballot.kind)
    fail('VALIDATION', `纸质票“${paperNo}”第一次录入为${PAPER_KIND_LABELS[paper.kind]}票，请核对票号`, 'paperNo');
  await db.insertInto('assessment_paper_entries').values(entry(2)).execute();
  const matched = first.content === content;
  await db
    .updateTable('assessment_papers')
    .set({ state: matched ? 'matched' : 'mismatch' })
    .where('assessment_id', '=', row.id)
    .where('paper_no', '=', paperNo)
    .execute();
  if (matched) await count(db, row, paperNo, checked, user, names, now);
  return { paperNo, entryNo: 2, state: matched ? 'matched' : 'mismatch' };
}

async function mismatched(db: Kysely<Database>, row: AssessmentRow, paperNo: string) {
  const paper = await db
    .selectFrom('assessment_papers')
    .selectAll()
    .where('assessment_id', '=', row.id)
    .where('paper_no', '=', paperNo)
    .executeTakeFirst();
  if (!paper) return fail('NOT_FOUND', `找不到纸质票“${paperNo}”的录入记录`, 'paperNo');
  return paper;
}

/** After checking the paper, the chosen entry counts. */
export async function resolvePaper(
  db: Kysely<Database>,
  row: AssessmentRow,
  paperNo: string,
  entryNo: 1 | 2,
  user: SessionUser,
  names: Record<string, string>,
  now = new Date().toISOString(),
): Promise<PaperEntryResult> {
  const paper = await mismatched(db, row, paperNo);
  if (paper.state !== 'mismatch') fail('VALIDATION', `纸质票“${paperNo}”没有待核对的不一致录入`, 'paperNo');
  const chosen =
    (await entriesOf(db, row.id, paperNo)).find((e) => e.entry_no === entryNo) ??
    fail('NOT_FOUND', `纸质票“${paperNo}”没有第 ${entryNo} 次录入`, 'entryNo');
  const ballot = paperEntryOf(chosen.content);
  await count(db, row, paperNo, await check(db, row, ballot, names), user, names, now);
  await db
    .updateTable('assessment_papers')
    .set({ state: 'resolved', resolved_entry: entryNo, resolved_by: user.displayName, resolved_at: now })
    .where('assessment_id', '=', row.id)
    .where('paper_no', '=', paperNo)
    .execute();
  return { paperNo, entryNo, state: 'resolved' };
}

/** Drops one entry of a paper not yet counted, so it can be entered again (the other entry stays as the first). */
export async function discardEntry(
  db: Kysely<Database>,
  row: AssessmentRow,
  paperNo: string,
  entryNo: 1 | 2,
): Promise<void> {
  const paper = await mismatched(db, row, paperNo);
  if (paper.state === 'matched' || paper.state === 'resolved')
    fail('VALIDATION', `纸质票“${paperNo}”已计入排名，不能作废录入`, 'paperNo');
  const entries = await entriesOf(db, row.id, paperNo);
  if (!entries.some((e) => e.entry_no === entryNo))
    fail('NOT_FOUND', `纸质票“${paperNo}”没有第 ${entryNo} 次录入`, 'entryNo');
  await db
    .deleteFrom('assessment_paper_entries')
    .where('assessment_id', '=', row.id)
    .where('paper_no', '=', paperNo)
    .where('entry_no', '=', entryNo)
    .execute();
  if (entries.length === 1) {
    await db
      .deleteFrom('assessment_papers')
      .where('assessment_id', '=', row.id)
      .where('paper_no', '=', paperNo)
      .execute();
    return;
  }
  await db
    .updateTable('assessment_paper_entries')
    .set({ entry_no: 1 })
    .where('assessment_id', '=', row.id)
    .where('paper_no', '=', paperNo)
    .execute();
  await db
    .updateTable('assessment_papers')
    .set({ state: 'pending' })
    .where('assessment_id', '=', row.id)
    .where('paper_no', '=', paperNo)
    .execute();
}

export async function listPapers(db: Kysely<Database>, assessmentId: number): Promise<PaperView[]> {
  const papers = await db
    .selectFrom('assessment_papers')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('paper_no')
    .execute();
  const entries = await db
    .selectFrom('assessment_paper_entries')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('entry_no')
    .execute();
  return papers.map((p) => ({
    paperNo: p.paper_no,
    kind: p.kind,
    state: p.state,
    entries: entries
      .filter((e) => e.paper_no === p.paper_no)
      .map((e) => ({
        entryNo: e.entry_no,
        enteredBy: e.entered_by,
        enteredAt: e.entered_at,
        ballot: p.state === 'pending' ? null : paperEntryOf(e.content),
      })),
    resolvedEntry: p.resolved_entry,
    resolvedBy: p.resolved_by,
  }));
}
