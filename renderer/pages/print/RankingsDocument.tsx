// 排名表 of one assessment as blocks: a table per group (正职 per category, 副职 per unit) with the component columns,
// flags and grades, and (when chosen) the cadres' 意见建议 after each table; then the lines for 制表人/审核人/日期
// and, once archived, the result digest.
import { isConcealed } from '../../../shared/assessment/anonymity';
import { COMMENTS_MIN_FORMS, type PrintedComments } from '../../../shared/assessment/comments';
import { participationLineText } from '../../../shared/assessment/participation';
import {
  displayRows,
  eligibilityBasisOf,
  eligibilityOf,
  ELIGIBILITY_FLAGS,
  flagText,
  GRADE_LABELS,
  orderedGroups,
  poolLine,
  quotaSummary,
  smallGroupNote,
  VETO_NOTE,
  type RankingsView,
} from '../../../shared/assessment';
import type { Component, RankingGroup, RankingRow } from '../../../shared/scoring/types';
import { fmt2 } from '../assessment/groups';
import type { PrintBlock, PrintDocumentSpec, PrintTable } from './blocks';

const COMPONENTS: readonly [Component, string][] = [
  ['superior', '上级排名'],
  ['peer', '同级互评'],
  ['staff', '职工测评'],
  ['service', '服务对象'],
];

// Four-character headings in two lines of two, so the narrow columns break them where a reader expects.
const HEADER = [
  '名次',
  '姓名',
  '单位',
  '最终|得分',
  '基础分',
  ...COMPONENTS.map(([, l]) => `${l.slice(0, 2)}|${l.slice(2)}`),
  '加分',
  '减分',
  '建议|等次',
  '确认|等次',
  '评优资格|及标记',
];
// Portrait A4 holds fourteen columns only at a small size. Sized to their content: a component column holds
// “100.00” and, under it, “12票” and “去高低” on lines of their own; names and units wrap; 评优资格 (a short line,
// the other marks under it) takes what is left and wraps. The e2e test print-rankings-fit measures that nothing leaves its cell.
const COLS = [
  '4.5%',
  '8.5%',
  '9.5%',
  '6.5%',
  '6.5%',
  '6.75%',
  '6.75%',
  '6.75%',
  '6.75%',
  '6%',
  '6%',
  '6%',
  '7%',
  '12.5%',
];

function ComponentCell({ row, c, concealed }: { row: RankingRow; c: Component; concealed: boolean }) {
  const v = row.components[c];
  if (!v) return <td className="c">—</td>;
  return (
    <td className="c n">
      {fmt2(v.score)}
      {/* Fewer than 3 anonymous ballots: the score, never the count (issue 21 §5). */}
      <div className="pt-sub">{concealed ? '不公开' : `${v.ballots}票`}</div>
      {v.trimmed ? <div className="pt-sub">去高低</div> : null}
    </td>
  );
}

/** The group's participation accounts, one line per rater kind (issue 21 §3). */
function participationBlock(view: RankingsView, ref: string, tableId: string): PrintBlock | null {
  const lines = view.participation?.lines.filter((l) => l.group === ref) ?? [];
  if (lines.length === 0) return null;
  return {
    key: `${tableId}-participation`,
    kind: 'flow',
    node: (
      <div className="pb-note" data-participation={ref}>
        参评情况：
        {lines.map((l) => (
          <div key={l.kind}>{participationLineText(l)}</div>
        ))}
      </div>
    ),
  };
}

/** 意见建议 of the group's cadres, after its table, only when the user chose to print them (issue 21 §6). */
function commentsBlock(
  view: RankingsView,
  group: RankingGroup,
  tableId: string,
  comments: ReadonlyMap<string, PrintedComments>,
): PrintBlock | null {
  const rows = group.rows.flatMap((r) => {
    const c = comments.get(r.cadreId);
    return c ? [{ name: view.members[r.cadreId]?.name ?? r.cadreId, c }] : [];
  });
  if (rows.length === 0) return null;
  return {
    key: `${tableId}-comments`,
    kind: 'flow',
    node: (
      <div className="pb-note" data-comments={`${group.position}:${group.groupKey}`}>
        意见建议（不分先后，每位干部收到 {COMMENTS_MIN_FORMS} 张以上测评票时列出）：
        {rows.map(({ name, c }) => (
          <div key={c.cadreId} data-comments-of={name}>
            {name}：{c.comments.map((x) => (x.count > 1 ? `${x.text}（${x.count}条）` : x.text)).join('；')}
          </div>
        ))}
      </div>
    ),
  };
}

function groupBlocks(
  view: RankingsView,
  group: RankingGroup,
  tableId: string,
  comments: ReadonlyMap<string, PrintedComments>,
): PrintBlock[] {
  const name = view.groupNames[`${group.position}:${group.groupKey}`] ?? group.groupKey;
  const confirmed = new Map(view.confirmations.map((c) => [String(c.cadreId), c]));
  const basis = eligibilityBasisOf(view);
  const blocks: PrintBlock[] = [
    {
      key: `${tableId}-h`,
      kind: 'flow',
      keepWithNext: true,
      node: (
        <div className="pb-h2">
          {name}
          <span className="pb-h-note">
            共 {group.size} 人，参与排名 {group.rows.length} 人，{quotaSummary(view, group)}
          </span>
        </div>
      ),
    },
  ];
  const small = smallGroupNote(view, group);
  if (small)
    blocks.push({
      key: `${tableId}-quota`,
      kind: 'flow',
      keepWithNext: true,
      node: (
        <div className="pb-note" data-quota-note="small">
          {small}
        </div>
      ),
    });
  displayRows(group).forEach(({ row: r, rank, vetoed }) => {
    const m = view.members[r.cadreId];
    const c = confirmed.get(r.cadreId);
    // 不得评优 and a tie at the last place are in the 评优资格 line with their reasons.
    const flags = r.flags.filter((f) => f !== 'veto' && !ELIGIBILITY_FLAGS.has(f)).map(flagText);
    const marks = vetoed ? [VETO_NOTE, ...flags] : flags;
    blocks.push({
      key: `${tableId}-${r.cadreId}`,
      kind: 'row',
      table: tableId,
      node: (
        <tr data-rank-row={m?.name ?? r.cadreId}>
          <td className="c">{rank ?? '—'}</td>
          <td className="c">{m?.name ?? r.cadreId}</td>
          <td>{m?.unitName ?? ''}</td>
          <td className="c n">
            <span className="pt-strong">{fmt2(r.finalScore)}</span>
          </td>
          <td className="c n">{fmt2(r.base)}</td>
          {COMPONENTS.map(([k]) => (
            <ComponentCell key={k} row={r} c={k} concealed={isConcealed(view.concealed, r.cadreId, k)} />
          ))}
          <td className="c n">{r.bonus ? `+${fmt2(r.bonus)}` : '—'}</td>
          <td className="c n">{r.penalty ? `-${fmt2(r.penalty)}` : '—'}</td>
          <td className="c">{GRADE_LABELS[r.grade]}</td>
          <td className="c">{c ? `${GRADE_LABELS[c.grade]}${c.grade !== r.grade ? '（调整）' : ''}` : '未确认'}</td>
          <td data-eligibility>
            {eligibilityOf(r, group, basis).text}
            {marks.length > 0 ? <div className="pt-sub">{marks.join('；')}</div> : null}
          </td>
        </tr>
      ),
    });
  });
  const unranked = view.result.unranked.filter((u) => {
    const m = view.members[u.cadreId];
    return (
      m &&
      (group.position === 'chief'
        ? m.position === 'chief' && m.categoryCode === group.groupKey
        : m.position === 'deputy' && String(m.unitId) === group.groupKey)
    );
  });
  const participation = participationBlock(view, `${group.position}:${group.groupKey}`, tableId);
  if (participation) blocks.push(participation);
  const said = commentsBlock(view, group, tableId, comments);
  if (said) blocks.push(said);
  if (unranked.length > 0)
    blocks.push({
      key: `${tableId}-unranked`,
      kind: 'flow',
      node: (
        <div className="pb-note">
          未参与排名（无有效测评数据）：{unranked.map((u) => view.members[u.cadreId]?.name ?? u.cadreId).join('、')}
        </div>
      ),
    });
  return blocks;
}

/** In a packet, `anchor` names the title (for the contents' page number) and the table starts on a new page. */
export function rankingsDocument(
  view: RankingsView,
  assessmentName: string,
  prefix = 'r',
  anchor?: string,
  organ = '',
  comments: readonly PrintedComments[] = [],
): PrintDocumentSpec {
  const byCadre = new Map(comments.map((c) => [String(c.cadreId), c]));
  const blocks: PrintBlock[] = [
    {
      key: `${prefix}-title`,
      kind: 'flow',
      keepWithNext: true,
      node: <div className="pb-title">{assessmentName}排名表</div>,
      ...(anchor ? { anchor, breakBefore: true } : {}),
    },
  ];
  const tables: Record<string, PrintTable> = {};
  const header = (
    <tr>
      {HEADER.map((h) => {
        const [first, second] = h.split('|');
        return (
          <th key={h}>
            {first}
            {second ? <br /> : null}
            {second}
          </th>
        );
      })}
    </tr>
  );
  for (const [position, label] of [
    ['chief', '一、正职（按单位类别排名）'],
    ['deputy', '二、副职（按单位排名）'],
  ] as const) {
    const groups = orderedGroups(view, position);
    if (groups.length === 0) continue;
    blocks.push({
      key: `${prefix}-${position}`,
      kind: 'flow',
      keepWithNext: true,
      node: <div className="pb-h1">{label}</div>,
    });
    const pool = poolLine(view, position);
    if (pool)
      blocks.push({
        key: `${prefix}-${position}-pool`,
        kind: 'flow',
        keepWithNext: true,
        node: (
          <div className="pb-note" data-quota-note="pool">
            {pool}
          </div>
        ),
      });
    groups.forEach((g) => {
      const id = `${prefix}-t-${position}-${g.groupKey}`;
      tables[id] = { cols: COLS, header, variant: 'pt-rank' };
      blocks.push(...groupBlocks(view, g, id, byCadre));
    });
  }
  blocks.push({
    key: `${prefix}-sign`,
    kind: 'flow',
    keepWithPrevious: true,
    node: (
      <div className="pb-sign">
        {organ ? <span className="pb-sign-organ">制表单位：{organ}</span> : null}
        <span>制表人：________</span>
        <span>审核人：________</span>
        <span>日期：________</span>
      </div>
    ),
  });
  if (view.state === 'archived' && view.digest)
    blocks.push({
      key: `${prefix}-digest`,
      kind: 'flow',
      keepWithPrevious: true,
      node: <div className="pb-note pb-digest">结果摘要（SHA-256）：{view.digest}</div>,
    });
  return { blocks, tables };
}
