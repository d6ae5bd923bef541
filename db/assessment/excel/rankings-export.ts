// The rankings workbook: a sheet per group (正职 by category, 副职 by unit) with every column of the rankings tab, in the
// order and with the vetoed cadres placed as the screen and the printed 排名表 show them (ranking-display.ts).
import { eligibilityBasisOf, eligibilityOf, ELIGIBILITY_FLAGS } from '../../../shared/assessment/eligibility';
import { flagText } from '../../../shared/assessment/labels';
import { CONCEALED_TEXT, isConcealed } from '../../../shared/assessment/anonymity';
import { poolLine, quotaSummary, smallGroupNote } from '../../../shared/assessment/quota-note';
import { displayRows, orderedGroups, VETO_NOTE } from '../../../shared/assessment/ranking-display';
import { COMPONENT_LABELS, GRADE_LABELS, STATE_LABELS, type RankingsView } from '../../../shared/assessment/types';
import type { Component } from '../../../shared/scoring/types';
import { uniqueSheetName } from '../../excel/sheet-names';
import { addTableSheet, type TableCell, type TableColumn } from '../../excel/table-sheet';
import { newWorkbook, toBuffer } from '../../excel/workbook';

export const COMPONENTS: readonly Component[] = ['superior', 'peer', 'staff', 'service'];
const SCORE = '0.00';

export const RANKING_COLUMNS: readonly TableColumn[] = [
  { header: '名次', width: 6, numFmt: '0', align: 'center' },
  { header: '姓名', width: 12 },
  { header: '单位', width: 22, wrap: true },
  { header: '最终得分', width: 10, numFmt: SCORE },
  { header: '基础分', width: 10, numFmt: SCORE },
  ...COMPONENTS.flatMap((c): TableColumn[] => [
    { header: `${COMPONENT_LABELS[c]}得分`, width: 11, numFmt: SCORE },
    { header: `${COMPONENT_LABELS[c]}票数`, width: 9, numFmt: '0', align: 'center' },
    { header: `${COMPONENT_LABELS[c]}去极值`, width: 9, align: 'center' },
  ]),
  { header: '加分', width: 8, numFmt: SCORE },
  { header: '减分', width: 8, numFmt: SCORE },
  { header: '建议等次', width: 10, align: 'center' },
  { header: '确认等次', width: 10, align: 'center' },
  { header: '评优资格', width: 34, wrap: true },
  { header: '标记', width: 24, wrap: true },
];

export const digestLine = (digest: string) => `结果摘要（SHA-256）：${digest}`;

export async function rankingsWorkbook(name: string, view: RankingsView, exportedAt: string): Promise<Buffer> {
  const wb = newWorkbook();
  const used = new Set<string>();
  const confirmed = new Map(view.confirmations.map((c) => [String(c.cadreId), c]));
  const basis = eligibilityBasisOf(view);
  const footer = [
    `考核状态：${STATE_LABELS[view.state]}；导出时间：${exportedAt}`,
    ...(view.digest ? [digestLine(view.digest)] : ['结果尚未归档，数据可能还会变化']),
  ];
  for (const g of [...orderedGroups(view, 'chief'), ...orderedGroups(view, 'deputy')]) {
    const groupName = view.groupNames[`${g.position}:${g.groupKey}`] ?? `${g.position}:${g.groupKey}`;
    // A vetoed cadre comes last without a 名次; the others' 名次 count only those not vetoed.
    const rows = displayRows(g).map(({ row: r, rank, vetoed }): TableCell[] => {
      const m = view.members[r.cadreId];
      const c = confirmed.get(r.cadreId);
      // 不得评优 and a tie at the last place are said by 评优资格 with their reasons; 标记 keeps the rest.
      const flags = r.flags.filter((f) => f !== 'veto' && !ELIGIBILITY_FLAGS.has(f)).map(flagText);
      return [
        rank,
        m?.name ?? r.cadreId,
        m?.unitName ?? '',
        r.finalScore,
        r.base,
        ...COMPONENTS.flatMap((k): TableCell[] => {
          const x = r.components[k];
          if (!x) return [null, null, ''];
          // Fewer than 3 anonymous ballots: the score, never the count (issue 21 §5).
          return isConcealed(view.concealed, r.cadreId, k)
            ? [x.score, CONCEALED_TEXT, '']
            : [x.score, x.ballots, x.trimmed ? '是' : ''];
        }),
        r.bonus,
        r.penalty,
        GRADE_LABELS[r.grade],
        c ? GRADE_LABELS[c.grade] : '',
        eligibilityOf(r, g, basis).text,
        (vetoed ? [VETO_NOTE, ...flags] : flags).join('、'),
      ];
    });
    // Why this group has the quota it has: its position's pool, or too few cadres for a place of its own.
    const quotaNote = poolLine(view, g.position) ?? smallGroupNote(view, g);
    addTableSheet(wb, {
      name: uniqueSheetName(groupName, used),
      title: `${name}　${groupName}排名（${quotaSummary(view, g)}，共 ${g.size} 人）`,
      columns: RANKING_COLUMNS,
      rows,
      footer: quotaNote ? [quotaNote, ...footer] : footer,
    });
  }
  if (view.result.unranked.length > 0) {
    addTableSheet(wb, {
      name: uniqueSheetName('未排名', used),
      title: `${name}　未排名干部`,
      columns: [
        { header: '姓名', width: 12 },
        { header: '单位', width: 26 },
        { header: '原因', width: 30 },
      ],
      rows: view.result.unranked.map((u) => [
        view.members[u.cadreId]?.name ?? u.cadreId,
        view.members[u.cadreId]?.unitName ?? '',
        '没有任何有效测评票',
      ]),
      footer,
    });
  }
  if (wb.worksheets.length === 0) {
    addTableSheet(wb, {
      name: '排名',
      title: `${name}　排名`,
      columns: RANKING_COLUMNS,
      rows: [],
      footer: ['本考核还没有可排名的干部', ...footer],
    });
  }
  return toBuffer(wb);
}
