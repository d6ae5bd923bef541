// The 参评情况 sheet of the 测评汇总 export: per group and rater kind, 应到 / 实到 / 弃权 / 有效 / 无效 (by reason) / 参评率.
import type ExcelJS from 'exceljs';
import { participationReasonText, participationWarnings } from '../../../shared/assessment/participation';
import { COMPONENT_LABELS, type RankingsView } from '../../../shared/assessment/types';
import { uniqueSheetName } from '../../excel/sheet-names';
import { addTableSheet, type TableCell } from '../../excel/table-sheet';

export function addParticipationSheet(wb: ExcelJS.Workbook, name: string, view: RankingsView, used: Set<string>): void {
  const report = view.participation;
  if (!report) return;
  const rows = report.lines.map((l): TableCell[] => [
    view.groupNames[l.group] ?? l.group,
    COMPONENT_LABELS[l.kind],
    l.expected,
    l.received,
    l.abstained,
    l.valid,
    l.invalid,
    Object.entries(l.invalidByReason)
      .filter(([, n]) => n > 0)
      .map(([r, n]) => `${participationReasonText(r)} ${n}`)
      .join('；'),
    l.rate,
    l.kind === 'service' ? null : l.codesUnused,
  ]);
  const warnings = participationWarnings(report, view.groupNames);
  addTableSheet(wb, {
    name: uniqueSheetName('参评情况', used),
    title: `${name}　参评情况`,
    columns: [
      { header: '分组', width: 24 },
      { header: '测评类型', width: 12 },
      { header: '应到', width: 8, numFmt: '0' },
      { header: '实到', width: 8, numFmt: '0' },
      { header: '弃权', width: 8, numFmt: '0' },
      { header: '有效', width: 8, numFmt: '0' },
      { header: '无效', width: 8, numFmt: '0' },
      { header: '无效原因', width: 40, wrap: true },
      { header: '参评率', width: 10, numFmt: '0.0%' },
      { header: '未使用评议码', width: 12, numFmt: '0' },
    ],
    rows,
    footer: [
      '应到：同级互评为本组人数；上级排名、职工测评为已发放的评议码与录入员填写的纸质票发出数之和；服务对象为录入员填写的发出数。',
      '实到：评议终端已使用的评议码加纸质票收回数（未填写时为已录入的票数加清点的无效票和弃权票）。',
      ...warnings.map((w) => `注意：${w}`),
    ],
  });
}
