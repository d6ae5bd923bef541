// What an import would change on stored cadres, and the user's “保留已有值” choices: per field of one row or file,
// per column (every row), or everything at once. Both import dialogs show and send these.
import { useMemo, useState } from 'react';
import { Button, Checkbox, Flex, Tag, Tooltip, Typography } from 'antd';
import type { ChangeField, FieldChange } from '../../../../shared/roster/views';

export interface KeepChoices {
  /** Whether the stored value of `field` is kept for the row or file `key`. */
  isKept(key: number, field: ChangeField): boolean;
  /** Kept for every row (a whole column). */
  isColumnKept(field: ChangeField): boolean;
  setKept(key: number, field: ChangeField, keep: boolean): void;
  setColumnKept(field: ChangeField, keep: boolean): void;
  /** Keeps every field of one row or file, or of all of them. */
  keepRow(key: number, fields: readonly ChangeField[], keep: boolean): void;
  keepAll(fields: readonly ChangeField[]): void;
  reset(): void;
  /** The changes of a row that will be written. */
  applied(key: number, changes: readonly FieldChange[]): FieldChange[];
  readonly columns: ReadonlySet<ChangeField>;
  /** Per row or file, the fields kept for it alone (what the commit call sends). */
  rowFields(key: number): ChangeField[];
}

export function useKeepChoices(): KeepChoices {
  const [columns, setColumns] = useState<ReadonlySet<ChangeField>>(() => new Set());
  const [rows, setRows] = useState<ReadonlyMap<number, ReadonlySet<ChangeField>>>(() => new Map());
  const isKept = (key: number, field: ChangeField) => columns.has(field) || (rows.get(key)?.has(field) ?? false);
  const updateRow = (key: number, fields: readonly ChangeField[], keep: boolean) =>
    setRows((m) => {
      const next = new Map(m);
      const set = new Set(next.get(key) ?? []);
      for (const f of fields) {
        if (keep) set.add(f);
        else set.delete(f);
      }
      next.set(key, set);
      return next;
    });
  return {
    isKept,
    isColumnKept: (f) => columns.has(f),
    setKept: (key, field, keep) => updateRow(key, [field], keep),
    setColumnKept: (field, keep) =>
      setColumns((s) => {
        const next = new Set(s);
        if (keep) next.add(field);
        else next.delete(field);
        return next;
      }),
    keepRow: updateRow,
    keepAll: (fields) => setColumns(new Set(fields)),
    reset: () => {
      setColumns(new Set());
      setRows(new Map());
    },
    applied: (key, changes) => changes.filter((c) => !isKept(key, c.field)),
    columns,
    rowFields: (key) => [...(rows.get(key) ?? [])].filter((f) => !columns.has(f)),
  };
}

const EMPTY = '（空）';

/** One side of a change: the value, or for multi-line values the lines only this side has. */
function Side({ change, side, kept }: { change: FieldChange; side: 'stored' | 'incoming'; kept: boolean }) {
  // The side that will not be in the profile after the import is struck through.
  const loses = side === 'stored' ? !kept : kept;
  if (change.lines) {
    const lines = side === 'stored' ? change.lines.removed : change.lines.added;
    if (lines.length === 0) return <Typography.Text type="secondary">（无不同的行）</Typography.Text>;
    const mark = side === 'stored' ? '−' : '+';
    return (
      <div>
        {lines.map((l, i) => (
          <div key={i}>
            <Typography.Text
              type={loses ? 'secondary' : side === 'stored' ? 'danger' : 'success'}
              delete={loses}
            >{`${mark} ${l}`}</Typography.Text>
          </div>
        ))}
      </div>
    );
  }
  const value = change[side];
  return (
    <Typography.Text type={loses ? 'secondary' : undefined} strong={!loses && side === 'incoming'} delete={loses}>
      {value || EMPTY}
    </Typography.Text>
  );
}

/**
 * The changes of one row or file as a small table (field, stored value, value in the file), each with its 保留已有值
 * box; a column kept for every row shows as such and cannot be undone here. `extra` lines (the unit chosen in the
 * preview) have no box: the choice itself is made in the row.
 */
export function ChangeLines({
  rowKey,
  changes,
  keep,
  testId,
  extra = [],
}: {
  rowKey: number;
  changes: readonly FieldChange[];
  keep: KeepChoices;
  testId: string;
  extra?: readonly FieldChange[];
}) {
  if (changes.length === 0 && extra.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        与档案库中一致，不会修改
      </Typography.Text>
    );
  }
  const open = changes.filter((c) => !keep.isColumnKept(c.field)).map((c) => c.field);
  const allKept = open.length > 0 && open.every((f) => keep.isKept(rowKey, f));
  return (
    <div data-testid={testId} className="import-changes">
      <Typography.Text type="secondary">保留已有值</Typography.Text>
      <Typography.Text type="secondary">项目</Typography.Text>
      <Typography.Text type="secondary">档案库中的值</Typography.Text>
      <Typography.Text type="secondary">文件中的值</Typography.Text>
      {changes.map((c) => {
        const byColumn = keep.isColumnKept(c.field);
        const kept = keep.isKept(rowKey, c.field);
        return (
          <div key={c.field} className="import-change" data-testid={`${testId}-${c.field}`}>
            <Tooltip title={byColumn ? '该项已设为全部保留已有值' : '勾选后保留档案库中的值，不采用文件中的值'}>
              <Checkbox
                checked={kept}
                disabled={byColumn}
                onChange={(e) => keep.setKept(rowKey, c.field, e.target.checked)}
                data-testid={`${testId}-keep-${c.field}`}
                aria-label={`保留${c.label}的已有值`}
              />
            </Tooltip>
            <Typography.Text strong>{c.label}</Typography.Text>
            <Side change={c} side="stored" kept={kept} />
            <Side change={c} side="incoming" kept={kept} />
          </div>
        );
      })}
      {extra.map((c) => (
        <div key={c.field} className="import-change" data-testid={`${testId}-${c.field}`}>
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            已选
          </Tag>
          <Typography.Text strong>{c.label}</Typography.Text>
          <Side change={c} side="stored" kept={false} />
          <Side change={c} side="incoming" kept={false} />
        </div>
      ))}
      {open.length > 1 ? (
        <Button
          type="link"
          size="small"
          className="import-changes-all"
          onClick={() => keep.keepRow(rowKey, open, !allKept)}
          data-testid={`${testId}-keep-all`}
        >
          {allKept ? '改为采用文件中的值' : '本条全部保留已有值'}
        </Button>
      ) : null}
    </div>
  );
}

/** The row's note: how many fields it would change (the list is in the row's expansion). */
export function ChangeSummary({ count, extra = 0 }: { count: number; extra?: number }) {
  const n = count + extra;
  return (
    <div>
      <Typography.Text type={n > 0 ? 'warning' : 'secondary'}>
        {n > 0 ? `${n} 项与档案库不同（见下方）` : '与档案库中一致，不会修改'}
      </Typography.Text>
    </div>
  );
}

/**
 * Which rows show their changes: every row with changes starts open (a user sees every difference before the
 * import), and the user may fold any of them.
 */
export function useExpandedChanges(withChanges: readonly number[]) {
  const [folded, setFolded] = useState<ReadonlySet<number>>(() => new Set());
  const expandedRowKeys = withChanges.filter((k) => !folded.has(k));
  return {
    reset: () => setFolded(new Set()),
    props: {
      expandedRowKeys,
      onExpand: (open: boolean, row: { rowNumber?: number; index?: number }) => {
        const key = row.rowNumber ?? row.index ?? -1;
        setFolded((s) => {
          const next = new Set(s);
          if (open) next.delete(key);
          else next.add(key);
          return next;
        });
      },
    },
  };
}

/** Per field: how many rows or files would change it. */
export function changeCounts(
  lists: readonly (readonly FieldChange[])[],
): { field: ChangeField; label: string; count: number }[] {
  const by = new Map<ChangeField, { field: ChangeField; label: string; count: number }>();
  for (const list of lists) {
    for (const c of list) {
      const e = by.get(c.field) ?? { field: c.field, label: c.label, count: 0 };
      e.count += 1;
      by.set(c.field, e);
    }
  }
  return [...by.values()];
}

/** Above the table: keep a whole column as stored, or everything (the file then only adds new cadres). */
export function ColumnKeepBar({
  lists,
  keep,
  unit,
}: {
  lists: readonly (readonly FieldChange[])[];
  keep: KeepChoices;
  unit: string;
}) {
  const counts = useMemo(() => changeCounts(lists), [lists]);
  if (counts.length === 0) return null;
  const all = counts.map((c) => c.field);
  const everything = all.every((f) => keep.isColumnKept(f));
  return (
    <Flex align="center" gap={8} wrap data-testid="keep-columns">
      <Typography.Text>将更新的项目（勾选则该项全部保留档案库中的值）：</Typography.Text>
      {counts.map((c) => (
        <Checkbox
          key={c.field}
          checked={keep.isColumnKept(c.field)}
          onChange={(e) => keep.setColumnKept(c.field, e.target.checked)}
          data-testid={`keep-column-${c.field}`}
        >{`${c.label}（${c.count} ${unit}）`}</Checkbox>
      ))}
      <Button size="small" onClick={() => keep.keepAll(everything ? [] : all)} data-testid="keep-everything">
        {everything ? '取消全部保留' : '全部保留已有值（只新增）'}
      </Button>
    </Flex>
  );
}
