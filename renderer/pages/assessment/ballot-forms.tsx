// Ballot form parts shared by the kiosk and paper entry: a peer score grid, typed places, and staff grade choices with 意见建议.
import type { KeyboardEvent } from 'react';
import { Input, InputNumber, Radio, Table } from 'antd';
import { COMMENT_MAX_LENGTH } from '../../../shared/assessment/comments';
import type { StaffGrade } from '../../../shared/scoring/types';
import { STAFF_GRADE_LABELS } from '../../../shared/assessment/types';
import { fmt2 } from './groups';

export interface FormTarget {
  cadreId: number;
  name: string;
  unitName: string;
}
export interface FormIndicator {
  id: string;
  name: string;
  weight: number;
}
export type ScoreGrid = Record<number, Record<string, number | null>>;

/** Enter moves to the next cell (row by row), like Tab. */
function focusNext(current: HTMLElement | null, cell: string) {
  const cells = [...document.querySelectorAll<HTMLElement>(`[data-grid-cell="${cell}"]`)]
    .map((el) => (el instanceof HTMLInputElement ? el : el.querySelector('input')))
    .filter((el): el is HTMLInputElement => el !== null);
  const next = cells[cells.findIndex((c) => c === current) + 1];
  if (next) {
    next.focus();
    next.select();
  }
}

/** The keydown handler of a grid cell: Enter moves on to the next cell of the same grid. */
export function enterMovesOn(cell: string) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    focusNext(e.target as HTMLElement, cell);
  };
}

export function weightedTotal(
  row: Record<string, number | null> | undefined,
  indicators: readonly Pick<FormIndicator, 'id' | 'weight'>[],
): number | null {
  if (!row) return null;
  let sum = 0;
  for (const i of indicators) {
    const v = row[i.id];
    if (v === null || v === undefined) return null;
    sum += v * i.weight;
  }
  return sum;
}

export const SCORE_MIN = 0;
export const SCORE_MAX = 100;
const outOfRange = (v: number | null | undefined) => typeof v === 'number' && (v < SCORE_MIN || v > SCORE_MAX);
export const OUT_OF_RANGE = `超出 ${SCORE_MIN}–${SCORE_MAX}`;

/**
 * Targets × indicators, 0–100, keyboard-first, with the weighted total per row. A score outside 0–100 is kept as typed
 * and marked “超出 0–100” (never silently clamped: 105 might have been meant as 95 or 100).
 */
export function PeerScoreGrid(props: {
  targets: readonly FormTarget[];
  indicators: readonly FormIndicator[];
  grid: ScoreGrid;
  onChange: (g: ScoreGrid) => void;
  cell: string;
  emptyText?: string;
}) {
  const { targets, indicators, grid, onChange, cell, emptyText } = props;
  return (
    <Table<FormTarget>
      rowKey="cadreId"
      size="small"
      pagination={false}
      dataSource={[...targets]}
      {...(emptyText ? { locale: { emptyText } } : {})}
      columns={[
        { title: '被评价人', dataIndex: 'name', width: 120 },
        { title: '单位', dataIndex: 'unitName', width: 140 },
        ...indicators.map((ind) => ({
          title: `${ind.name}（${ind.weight}）`,
          width: 130,
          render: (_: unknown, t: FormTarget) => {
            const value = grid[t.cadreId]?.[ind.id] ?? null;
            const bad = outOfRange(value);
            return (
              <div>
                <InputNumber
                  value={value}
                  status={bad ? 'error' : undefined}
                  onChange={(v) =>
                    onChange({
                      ...grid,
                      [t.cadreId]: { ...(grid[t.cadreId] ?? {}), [ind.id]: typeof v === 'number' ? v : null },
                    })
                  }
                  onKeyDown={enterMovesOn(cell)}
                  data-grid-cell={cell}
                  data-testid={`${cell}-${t.name}-${ind.id}`}
                />
                {bad ? (
                  <div className="ant-form-item-explain-error" data-testid={`${cell}-${t.name}-${ind.id}-range`}>
                    {OUT_OF_RANGE}
                  </div>
                ) : null}
              </div>
            );
          },
        })),
        {
          title: '加权合计',
          width: 100,
          render: (_: unknown, t: FormTarget) => (
            <span data-testid={`${cell}-total-${t.name}`}>{fmt2(weightedTotal(grid[t.cadreId], indicators))}</span>
          ),
        },
      ]}
    />
  );
}

/** The scores of a grid as a ballot, or what is missing (every target and indicator must be filled when `complete`). */
export function gridBallots(
  targets: readonly FormTarget[],
  indicators: readonly FormIndicator[],
  grid: ScoreGrid,
  complete: boolean,
): { targetId: number; scores: Record<string, number> }[] | string {
  const out: { targetId: number; scores: Record<string, number> }[] = [];
  for (const t of targets) {
    const row = grid[t.cadreId] ?? {};
    const missing = indicators.find((i) => row[i.id] === null || row[i.id] === undefined);
    const given = indicators.some((i) => row[i.id] !== null && row[i.id] !== undefined);
    if (!given && !complete) continue;
    if (missing) return `对“${t.name}”的“${missing.name}”未填写分数`;
    const wrong = indicators.find((i) => outOfRange(row[i.id]));
    if (wrong) return `对“${t.name}”的“${wrong.name}”分数 ${row[wrong.id]} ${OUT_OF_RANGE}，请核对后改正`;
    out.push({ targetId: t.cadreId, scores: Object.fromEntries(indicators.map((i) => [i.id, row[i.id] as number])) });
  }
  if (out.length === 0) return '请至少填写一名被评价人的分数';
  return out;
}

/** Places typed per cadre (1…n), keyboard-first. */
export function PlacesTable(props: {
  targets: readonly FormTarget[];
  places: ReadonlyMap<number, number | null>;
  onChange: (p: Map<number, number | null>) => void;
  cell: string;
}) {
  const { targets, places, onChange, cell } = props;
  return (
    <Table<FormTarget>
      rowKey="cadreId"
      size="small"
      pagination={false}
      dataSource={[...targets]}
      columns={[
        {
          title: '名次',
          width: 110,
          render: (_: unknown, t) => (
            <InputNumber
              min={1}
              max={targets.length}
              precision={0}
              value={places.get(t.cadreId) ?? null}
              onChange={(v) => onChange(new Map(places).set(t.cadreId, typeof v === 'number' ? v : null))}
              onKeyDown={enterMovesOn(cell)}
              data-grid-cell={cell}
              data-testid={`${cell}-${t.name}`}
            />
          ),
        },
        { title: '姓名', dataIndex: 'name' },
        { title: '单位', dataIndex: 'unitName' },
      ]}
    />
  );
}

const GRADES: readonly StaffGrade[] = ['excellent', 'good', 'fair', 'poor'];

/** One grade per cadre (优秀/较好/一般/较差), and an optional 意见建议 per cadre when `comments` is given. */
export function StaffVotes(props: {
  targets: readonly FormTarget[];
  votes: ReadonlyMap<number, StaffGrade>;
  onChange: (v: Map<number, StaffGrade>) => void;
  cell: string;
  comments?: ReadonlyMap<number, string>;
  onComments?: (c: Map<number, string>) => void;
}) {
  const { targets, votes, onChange, cell, comments, onComments } = props;
  return (
    <Table<FormTarget>
      rowKey="cadreId"
      size="small"
      pagination={false}
      dataSource={[...targets]}
      columns={[
        { title: '姓名', dataIndex: 'name', width: 140 },
        { title: '单位', dataIndex: 'unitName', width: 160 },
        {
          title: '评价等次',
          render: (_: unknown, t) => (
            <Radio.Group
              value={votes.get(t.cadreId) ?? null}
              onChange={(e) => onChange(new Map(votes).set(t.cadreId, e.target.value as StaffGrade))}
              options={GRADES.map((g) => ({ value: g, label: STAFF_GRADE_LABELS[g] }))}
              data-testid={`${cell}-${t.name}`}
            />
          ),
        },
        ...(comments && onComments
          ? [
              {
                title: '意见建议（选填）',
                width: 320,
                render: (_: unknown, t: FormTarget) => (
                  <CommentInput
                    value={comments.get(t.cadreId) ?? ''}
                    onChange={(text) => onComments(new Map(comments).set(t.cadreId, text))}
                    testId={`${cell}-comment-${t.name}`}
                  />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** An optional 意见建议: one line that grows, bounded as the store bounds it. */
export function CommentInput(props: { value: string; onChange: (v: string) => void; testId: string }) {
  return (
    <Input.TextArea
      value={props.value}
      autoSize={{ minRows: 1, maxRows: 3 }}
      maxLength={COMMENT_MAX_LENGTH}
      placeholder="可不填"
      onChange={(e) => props.onChange(e.target.value)}
      data-testid={props.testId}
    />
  );
}
