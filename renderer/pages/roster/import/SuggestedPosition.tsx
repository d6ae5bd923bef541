// 正职/副职 suggested from 现任职务 (the file has no such column): shown per row, written only once the user confirms.
import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Flex, Select, Tag } from 'antd';
import type { PositionCode } from '../../../../shared/catalog/types';
import type { ExcelPreviewRow } from '../../../../shared/roster/views';

const EMPTY: ReadonlyMap<number, PositionCode> = new Map();
const NAMES: Readonly<Record<PositionCode, string>> = { chief: '正职', deputy: '副职' };

export interface PositionChoices {
  /** The file has no 正职/副职 column: some rows carry a suggestion. */
  readonly any: boolean;
  readonly chosen: ReadonlyMap<number, PositionCode>;
  readonly choose: (rowNumber: number, position: PositionCode) => void;
  readonly acceptAll: () => void;
  /** What commitExcel receives for the included rows. */
  readonly forCommit: (included: (r: ExcelPreviewRow) => boolean) => { rowNumber: number; position: PositionCode }[];
  /** Included rows whose suggestion the user has not confirmed yet. */
  readonly unconfirmed: (included: (r: ExcelPreviewRow) => boolean) => number;
}

export function usePositionChoices(rows: readonly ExcelPreviewRow[]): PositionChoices {
  // Choices belong to one preview: a new file (new rows) starts with none confirmed.
  const [state, setState] = useState<{ rows: readonly ExcelPreviewRow[]; chosen: ReadonlyMap<number, PositionCode> }>({
    rows,
    chosen: new Map(),
  });
  const chosen = state.rows === rows ? state.chosen : EMPTY;
  const suggested = useMemo(() => rows.filter((r) => r.suggestedPosition), [rows]);
  const choose = useCallback(
    (rowNumber: number, position: PositionCode) =>
      setState((s) => ({ rows, chosen: new Map(s.rows === rows ? s.chosen : EMPTY).set(rowNumber, position) })),
    [rows],
  );
  const acceptAll = useCallback(
    () =>
      setState((s) => ({
        rows,
        chosen: new Map([
          ...suggested.map((r) => [r.rowNumber, r.suggestedPosition!] as const),
          ...(s.rows === rows ? s.chosen : EMPTY),
        ]),
      })),
    [rows, suggested],
  );
  return {
    any: suggested.length > 0,
    chosen,
    choose,
    acceptAll,
    forCommit: (included) =>
      suggested
        .filter((r) => included(r) && chosen.has(r.rowNumber))
        .map((r) => ({ rowNumber: r.rowNumber, position: chosen.get(r.rowNumber)! })),
    unconfirmed: (included) => suggested.filter((r) => included(r) && !chosen.has(r.rowNumber)).length,
  };
}

/** The preview's 正职/副职 cell: the suggestion as a tag, and the user's choice. */
export function SuggestedPositionCell({ row, choices }: { row: ExcelPreviewRow; choices: PositionChoices }) {
  if (!row.suggestedPosition) return null;
  const value = choices.chosen.get(row.rowNumber);
  return (
    <Flex gap={4} align="center">
      <Tag
        color={value ? 'default' : 'gold'}
        style={{ marginInlineEnd: 0 }}
      >{`按职务推断：${NAMES[row.suggestedPosition]}`}</Tag>
      <Select<PositionCode>
        size="small"
        value={value}
        placeholder="请确认"
        status={value ? undefined : 'warning'}
        style={{ width: 76 }}
        options={[
          { value: 'chief', label: '正职' },
          { value: 'deputy', label: '副职' },
        ]}
        onChange={(v) => choices.choose(row.rowNumber, v)}
        aria-label={`第 ${row.rowNumber} 行的正职/副职`}
        data-testid={`position-row-${row.rowNumber}`}
      />
    </Flex>
  );
}

/** Above the table: why the column is there, and one button to accept every suggestion. */
export function SuggestedPositionNotice({ choices, unconfirmed }: { choices: PositionChoices; unconfirmed: number }) {
  if (!choices.any) return null;
  return (
    <Alert
      type={unconfirmed > 0 ? 'warning' : 'success'}
      showIcon
      title={
        unconfirmed > 0
          ? `文件中没有“正职/副职”列，已按职务推断：请逐行确认或修改，还有 ${unconfirmed} 行待确认（未确认的行不能导入）`
          : '按职务推断的正职/副职均已确认'
      }
      action={
        unconfirmed > 0 ? (
          <Button size="small" onClick={choices.acceptAll} data-testid="positions-accept-all">
            全部采用推断结果
          </Button>
        ) : null
      }
      data-testid="excel-positions"
    />
  );
}
