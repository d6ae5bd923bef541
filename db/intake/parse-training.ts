// Reads a 党校 list's row: a trainee's class, dates, 学时 and 结业评价. It is kept as a 待审核 row like any other (an S2.1
// 参训记录 from 培训机构), and 采纳 files it in the training classes, which give the 优秀/重修 evidence as they do today.
import { createHash } from 'node:crypto';
import type ExcelJS from 'exceljs';
import { isCalendarDate } from '../../shared/dossier/quarter';
import type { EntryCommonInput } from '../../shared/dossier/schema';
import { TRAINING_RESULT_LABELS } from '../../shared/dossier/types';
import { checkEntry } from '../../shared/dossier/validate';
import { TRAINING_RESULT_TEXT } from '../../shared/intake/channels';
import type { IntakeColumn, IntakeProblem } from '../../shared/intake/types';
import { dateOf, rowCells, type IntakeFacts, type ParsedIntakeRow, type TrainingFacts } from './parse';

export const TRAINING_SUB_ITEM = 'S2.1';
export const TRAINING_CHANNEL_CODE = 'CH09';

const RESULT_BY_TEXT = new Map(
  Object.entries(TRAINING_RESULT_TEXT).flatMap(([k, v]) => {
    const key = k as TrainingFacts['result'];
    return [
      [v, key],
      [TRAINING_RESULT_LABELS[key], key],
    ] as const;
  }),
);

/** The entry a 党校 row stands for while it waits for 审核 (title and content as the review list shows them). */
export function trainingEntry(t: TrainingFacts): EntryCommonInput {
  const label = TRAINING_RESULT_LABELS[t.result];
  return {
    date: t.endDate,
    subItemCode: TRAINING_SUB_ITEM,
    channelCode: TRAINING_CHANNEL_CODE,
    title: `${t.className}（${label}）`.slice(0, 100),
    content: `参加“${t.className}”（${t.organizer}，${t.startDate} 至 ${t.endDate}），学时 ${t.hours}，结业评价：${label}`,
    polarity: 'neutral',
    standardCodes: [],
    listItemCode: null,
  };
}

export function readTrainingRow(ws: ExcelJS.Worksheet, r: number, facts: IntakeFacts): ParsedIntakeRow | null {
  const { cell, text, values } = rowCells(ws, r, facts.layout);
  if (values.every((v) => v === '')) return null;
  const problems: IntakeProblem[] = [];
  const error = (column: IntakeColumn | null, message: string) => problems.push({ column, level: 'error', message });
  const who = facts.layout.cadre(text);
  if (who.match.problem) error(facts.layout.cadreColumn, who.match.problem);

  const className = text('培训班名称');
  if (className === '') error('培训班名称', '请填写培训班名称');
  else if (className.length > 100) error('培训班名称', '培训班名称不能超过 100 个字');
  const organizer = text('主办单位');
  if (organizer === '') error('主办单位', '请填写主办单位');
  else if (organizer.length > 60) error('主办单位', '主办单位不能超过 60 个字');
  const date = (c: '开班日期' | '结业日期') => {
    const d = dateOf(cell(c));
    if (d === '') error(c, `请填写${c}`);
    else if (!/^\d{4}-\d{2}-\d{2}$/u.test(d) || !isCalendarDate(d)) error(c, `“${d}”不是有效的日期，请写成 2025-08-14`);
    return d;
  };
  const startDate = date('开班日期');
  const endDate = date('结业日期');
  if (startDate !== '' && endDate !== '' && endDate < startDate) error('结业日期', '结业日期不能早于开班日期');
  const hoursText = text('学时');
  const hours = Number(hoursText);
  if (hoursText === '') error('学时', '请填写学时');
  else if (!Number.isFinite(hours) || hours <= 0 || hours > 2000) error('学时', `学时“${hoursText}”应为大于 0 的数字`);
  const resultText = text('结业评价');
  const result = RESULT_BY_TEXT.get(resultText);
  if (!result) error('结业评价', resultText === '' ? '请选择结业评价' : `结业评价“${resultText}”应为优秀、合格或重修`);

  let training: TrainingFacts | null = null;
  let entry: EntryCommonInput | null = null;
  if (problems.length === 0 && result) {
    training = { className, organizer, startDate, endDate, hours, result };
    entry = trainingEntry(training);
    const cadreId = who.match.cadreId;
    const issue = checkEntry(entry, {
      catalog: facts.catalog,
      today: facts.today,
      birthMonth: (cadreId !== null && facts.birthMonths.get(cadreId)) || null,
    });
    if (issue) {
      error(issue.field === 'date' ? '结业日期' : null, issue.message);
      entry = null;
      training = null;
    }
  }
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([who.match.cadreId, values]))
    .digest('hex');
  return {
    rowNo: r,
    cadreText: who.text,
    cadreId: who.match.cadreId,
    entry,
    dateText: endDate,
    title: className,
    attachmentNames: [],
    files: [],
    problems,
    fingerprint,
    candidates: who.match.candidates,
    training,
  };
}
