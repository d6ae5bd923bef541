// The ballot summary workbook: per group and kind, ballots entered, valid and invalid (with reasons), participation
// (应到/实到/有效/无效), and averages.
// It never says who rated whom: no rater appears anywhere, not even in the invalid-ballot list.
import { CONCEALED_TEXT, isConcealed } from '../../../shared/assessment/anonymity';
import { invalidReasonText } from '../../../shared/assessment/labels';
import {
  COMPONENT_LABELS,
  STAFF_GRADE_LABELS,
  groupRefOf,
  type AssessmentMember,
  type RankingsView,
} from '../../../shared/assessment/types';
import type { Component, RankingInput, RankingRow } from '../../../shared/scoring/types';
import { uniqueSheetName } from '../../excel/sheet-names';
import { addTableSheet, type TableCell, type TableColumn } from '../../excel/table-sheet';
import { newWorkbook, toBuffer } from '../../excel/workbook';
import { addParticipationSheet } from './participation-sheet';
import { STAFF_GRADES } from './template';
import { COMPONENTS } from './rankings-export';
import { commentsHiddenText, type CadreCommentsView } from '../../../shared/assessment/comments';
import { FORM_VOID_REASON_LABELS, type FormVoidReason } from '../../../shared/assessment/form-void-reasons';
import type { VoidFormsView } from '../../../shared/assessment/types';

const SCORE = '0.00';
const UNKNOWN_GROUP = '（不属于本次考核的分组）';

/** The group each ballot of the input belongs to, by kind and index (a superior ballot by its first place). */
function ballotGroups(
  input: RankingInput,
  members: ReadonlyMap<string, AssessmentMember>,
): Record<Component, (string | null)[]> {
  const of = (id: string | undefined) => {
    const m = id === undefined ? undefined : members.get(id);
    return m ? groupRefOf(m) : null;
  };
  return {
    superior: input.superiorBallots.map((b) => of(b.order[0])),
    peer: input.peerBallots.map((b) => of(b.targetId)),
    staff: input.staffBallots.map((b) => of(b.targetId)),
    service: input.serviceBallots.map((b) => of(b.targetId)),
  };
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

export async function summaryWorkbook(
  name: string,
  view: RankingsView,
  input: RankingInput,
  exportedAt: string,
  forms: { comments: readonly CadreCommentsView[]; voidForms: readonly VoidFormsView[] } = {
    comments: [],
    voidForms: [],
  },
): Promise<Buffer> {
  const wb = newWorkbook();
  const used = new Set<string>();
  const members = new Map(Object.entries(view.members));
  const groupOf = ballotGroups(input, members);
  const invalid = new Map<string, number>(); // `${group}|${kind}|${reason}` → count
  const invalidPer = new Map<string, number>(); // `${group}|${kind}` → count
  for (const b of view.invalidBallots) {
    const g = groupOf[b.kind][b.index] ?? UNKNOWN_GROUP;
    invalid.set(`${g}|${b.kind}|${b.reason}`, (invalid.get(`${g}|${b.kind}|${b.reason}`) ?? 0) + 1);
    invalidPer.set(`${g}|${b.kind}`, (invalidPer.get(`${g}|${b.kind}`) ?? 0) + 1);
  }
  const entered = new Map<string, number>();
  for (const k of COMPONENTS)
    for (const g of groupOf[k])
      entered.set(`${g ?? UNKNOWN_GROUP}|${k}`, (entered.get(`${g ?? UNKNOWN_GROUP}|${k}`) ?? 0) + 1);
  const nameOfGroup = (ref: string) => view.groupNames[ref] ?? ref;
  const staffCounts = new Map<string, Record<string, number>>();
  for (const b of input.staffBallots) {
    const c = staffCounts.get(b.targetId) ?? { excellent: 0, good: 0, fair: 0, poor: 0 };
    c[b.grade] = (c[b.grade] ?? 0) + 1;
    staffCounts.set(b.targetId, c);
  }

  const totals: TableCell[][] = [];
  for (const g of view.result.groups) {
    const ref = `${g.position}:${g.groupKey}`;
    for (const k of COMPONENTS) {
      const n = entered.get(`${ref}|${k}`) ?? 0;
      const bad = invalidPer.get(`${ref}|${k}`) ?? 0;
      const scores = g.rows.flatMap((r) => (r.components[k] ? [r.components[k]!.score] : []));
      totals.push([nameOfGroup(ref), COMPONENT_LABELS[k], n, n - bad, bad, mean(scores)]);
    }
  }
  addTableSheet(wb, {
    name: uniqueSheetName('汇总', used),
    title: `${name}　测评票汇总`,
    columns: [
      { header: '分组', width: 24 },
      { header: '测评类型', width: 12 },
      { header: '录入票数', width: 10, numFmt: '0' },
      { header: '有效票数', width: 10, numFmt: '0' },
      { header: '无效票数', width: 10, numFmt: '0' },
      { header: '平均得分', width: 10, numFmt: SCORE },
    ],
    rows: totals,
    footer: [`导出时间：${exportedAt}`, '平均得分为本组各干部该项得分的平均值；本表只列票数和得分，不列打分的人。'],
  });

  if (view.participation) addParticipationSheet(wb, name, view, used);

  addTableSheet(wb, {
    name: uniqueSheetName('无效票', used),
    title: `${name}　无效测评票`,
    columns: [
      { header: '分组', width: 24 },
      { header: '测评类型', width: 12 },
      { header: '原因', width: 50, wrap: true },
      { header: '张数', width: 8, numFmt: '0' },
    ],
    rows: [
      ...[...invalid].map(([key, n]): TableCell[] => {
        const [g, kind, reason] = key.split('|') as [string, Component, string];
        return [g === UNKNOWN_GROUP ? g : nameOfGroup(g), COMPONENT_LABELS[kind], invalidReasonText(reason), n];
      }),
      // Whole forms voided where they were entered (never reached scoring), summed over their sources.
      ...voidedForms(forms.voidForms).map(([g, kind, reason, n]): TableCell[] => [
        nameOfGroup(g),
        COMPONENT_LABELS[kind],
        FORM_VOID_REASON_LABELS[reason],
        n,
      ]),
    ],
    footer: view.invalidBallots.length === 0 && forms.voidForms.length === 0 ? ['没有无效测评票'] : [],
  });

  addTableSheet(wb, {
    name: uniqueSheetName('意见建议', used),
    title: `${name}　意见建议`,
    columns: [
      { header: '姓名', width: 12 },
      { header: '单位', width: 22, wrap: true },
      { header: '收到测评票', width: 10, numFmt: '0' },
      { header: '意见建议', width: 60, wrap: true },
      { header: '份数', width: 8, numFmt: '0' },
    ],
    rows: forms.comments.flatMap((c): TableCell[][] => {
      const m = view.members[String(c.cadreId)];
      const who = [m?.name ?? String(c.cadreId), m?.unitName ?? '', c.forms];
      return c.comments === null
        ? [[...who, commentsHiddenText, null]]
        : c.comments.map((x) => [...who, x.text, x.count]);
    }),
    footer: [forms.comments.length === 0 ? '没有意见建议' : '按内容排序，不代表填写先后；不记录出自哪张测评票。'],
  });

  // Fewer than 3 anonymous ballots behind a component: its score only, no count and no distribution (issue 21 §5).
  const hidden = (r: RankingRow, k: Component) => isConcealed(view.concealed, r.cadreId, k);
  const componentCells = (r: RankingRow, k: Component): TableCell[] => {
    const x = r.components[k];
    if (!x) return [null, null];
    return [hidden(r, k) ? CONCEALED_TEXT : x.ballots, x.score];
  };
  for (const g of view.result.groups) {
    const ref = `${g.position}:${g.groupKey}`;
    const rows = g.rows.map((r): TableCell[] => {
      const m = view.members[r.cadreId];
      const counts = staffCounts.get(r.cadreId);
      return [
        m?.name ?? r.cadreId,
        m?.unitName ?? '',
        ...componentCells(r, 'superior'),
        ...componentCells(r, 'peer'),
        ...STAFF_GRADES.map((s): TableCell => (hidden(r, 'staff') ? '不公开' : (counts?.[s] ?? 0))),
        ...componentCells(r, 'staff'),
        ...componentCells(r, 'service'),
      ];
    });
    const pair = (k: Component): TableColumn[] => [
      { header: `${COMPONENT_LABELS[k]}有效票`, width: 10, numFmt: '0' },
      { header: `${COMPONENT_LABELS[k]}得分`, width: 10, numFmt: SCORE },
    ];
    addTableSheet(wb, {
      name: uniqueSheetName(nameOfGroup(ref), used),
      title: `${name}　${nameOfGroup(ref)}测评汇总`,
      columns: [
        { header: '姓名', width: 12 },
        { header: '单位', width: 22, wrap: true },
        ...pair('superior'),
        ...pair('peer'),
        ...STAFF_GRADES.map((s) => ({ header: `职工测评${STAFF_GRADE_LABELS[s]}`, width: 10, numFmt: '0' })),
        ...pair('staff'),
        ...pair('service'),
      ],
      rows,
    });
  }
  return toBuffer(wb);
}

/** Voided forms per group, kind and reason, summed over sources. */
function voidedForms(rows: readonly VoidFormsView[]): [string, Component, FormVoidReason, number][] {
  const sum = new Map<string, number>();
  for (const v of rows)
    sum.set(`${v.group}|${v.kind}|${v.reason}`, (sum.get(`${v.group}|${v.kind}|${v.reason}`) ?? 0) + v.count);
  return [...sum].map(([k, n]) => {
    const [g, kind, reason] = k.split('|') as [string, Component, FormVoidReason];
    return [g, kind, reason, n];
  });
}
