// 测评用表: the blank paper ballot of one group that a rater fills in by hand, laid out so the clerks can type it in
// from the paper (PaperTab, StaffTab) row by row: the same members in the same order as the entry screens.
import type { PanelKind } from '../../../shared/assessment/panel';
import { PANEL_KIND_LABELS } from '../../../shared/assessment/panel';
import { STAFF_GRADE_LABELS, type AssessmentDetail } from '../../../shared/assessment/types';
import type { MemberGroup } from '../../../shared/assessment/groups';
import type { PrintBlock, PrintDocumentSpec, PrintTable } from './blocks';

const STAFF_GRADES = ['excellent', 'good', 'fair', 'poor'] as const;

const INSTRUCTIONS: Readonly<Record<PanelKind, readonly string[]>> = {
  superior: [
    '请对本组干部按综合表现排出名次，在“名次”栏填写 1、2、3……，每个名次只能填一次，不得并列、不得空缺。',
    '本表不署名，填好后折叠投入票箱。',
  ],
  peer: [
    '请在“评议人”处填写本人姓名（同级互评须核对评议人，统计时不公开）。本人所在一行不填写，不得给自己打分。',
    '各项指标按百分制打分（0—100 分，可保留一位小数），“合计”由工作人员按权重计算，可不填。',
  ],
  staff: [
    '请对每名干部在“优秀、较好、一般、较差”中选择一项，在对应方格内划“√”；每行只能选一项，多选或不选视为无效。',
    '本表不署名，填好后折叠投入票箱。',
  ],
};

export function panelDocument(detail: AssessmentDetail, kind: PanelKind, group: MemberGroup): PrintDocumentSpec {
  const indicators = detail.config.indicators[group.position];
  const cols =
    kind === 'superior'
      ? ['10%', '22%', '48%', '20%']
      : kind === 'staff'
        ? ['8%', '16%', '36%', '10%', '10%', '10%', '10%']
        : ['8%', '12%', '20%', ...indicators.map(() => `${Math.floor(48 / Math.max(1, indicators.length))}%`), '12%'];
  const header = (
    <tr>
      <th>序号</th>
      <th>{kind === 'peer' ? '被评议人' : '姓名'}</th>
      <th>单位</th>
      {kind === 'superior' && <th>名次</th>}
      {kind === 'staff' && STAFF_GRADES.map((g) => <th key={g}>{STAFF_GRADE_LABELS[g]}</th>)}
      {kind === 'peer' &&
        indicators.map((i) => (
          <th key={i.id}>
            {detail.indicatorNames[i.id] ?? i.id}
            <div className="pt-sub">权重 {Math.round(i.weight * 100)}%</div>
          </th>
        ))}
      {kind === 'peer' && <th>合计</th>}
    </tr>
  );
  // Rows tall enough to write in by hand (pt-form).
  const tables: Record<string, PrintTable> = { form: { cols, header, variant: 'pt-form' } };
  const blocks: PrintBlock[] = [
    { key: 'f-title', kind: 'flow', keepWithNext: true, node: <div className="pb-title">{detail.name}</div> },
    {
      key: 'f-sub',
      kind: 'flow',
      keepWithNext: true,
      node: (
        <div className="pb-h1" style={{ textAlign: 'center' }}>
          {PANEL_KIND_LABELS[kind]}表（{group.name}，共 {group.members.length} 人）
        </div>
      ),
    },
    ...INSTRUCTIONS[kind].map((text, i): PrintBlock => ({
      key: `f-i${i}`,
      kind: 'flow',
      keepWithNext: true,
      node: <div className="pb-note">{`${i + 1}. ${text}`}</div>,
    })),
  ];
  if (kind === 'peer')
    blocks.push({
      key: 'f-rater',
      kind: 'flow',
      keepWithNext: true,
      node: (
        <div className="pb-sign">
          <span>评议人：______________</span>
        </div>
      ),
    });
  group.members.forEach((m, i) =>
    blocks.push({
      key: `f-${m.cadreId}`,
      kind: 'row',
      table: 'form',
      node: (
        <tr data-form-row={m.name}>
          <td className="c">{i + 1}</td>
          <td className="c">{m.name}</td>
          <td>{m.unitName}</td>
          {kind === 'superior' && <td />}
          {kind === 'staff' &&
            STAFF_GRADES.map((g) => (
              <td key={g} className="c">
                □
              </td>
            ))}
          {kind === 'peer' && indicators.map((ind) => <td key={ind.id} />)}
          {kind === 'peer' && <td />}
        </tr>
      ),
    }),
  );
  blocks.push({
    key: 'f-date',
    kind: 'flow',
    node: (
      <div className="pb-sign">
        <span>填表日期：______年____月____日</span>
      </div>
    ),
  });
  return { blocks, tables };
}
