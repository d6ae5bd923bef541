// Which preview rows (Excel rows or .lrmx files) go into an import: plain rows are in until the user leaves them
// out; a same-name match is out until the user confirms it; a blocked row never goes in.
import { useMemo, useState, type ReactNode } from 'react';
import { Checkbox, Tooltip } from 'antd';

export interface RowSelection<T> {
  isIncluded(item: T): boolean;
  /** A same-name match the user confirmed as the same person. */
  isConfirmed(item: T): boolean;
  setIncluded(item: T, on: boolean): void;
  /** Back to the defaults, for a new preview. */
  reset(): void;
  /** The column header that includes or leaves out every plain row at once. */
  header: ReactNode;
}

interface SelectionRules<T> {
  readonly key: (item: T) => number;
  readonly blocked: (item: T) => boolean;
  readonly needsConfirm: (item: T) => boolean;
  readonly headerTip: string;
}

const toggle = (set: ReadonlySet<number>, n: number, on: boolean): ReadonlySet<number> => {
  const next = new Set(set);
  if (on) next.add(n);
  else next.delete(n);
  return next;
};

export function useRowSelection<T>(items: readonly T[], rules: SelectionRules<T>): RowSelection<T> {
  const { key, blocked, needsConfirm, headerTip } = rules;
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(() => new Set());
  const [confirmed, setConfirmed] = useState<ReadonlySet<number>>(() => new Set());
  // The rows the header toggles: plain new/update ones (same-name rows need a confirmation each).
  const plain = useMemo(
    () => items.filter((i) => !blocked(i) && !needsConfirm(i)).map(key),
    [items, blocked, needsConfirm, key],
  );
  const plainIncluded = plain.filter((n) => !excluded.has(n)).length;
  return {
    isIncluded: (i) => !blocked(i) && (needsConfirm(i) ? confirmed.has(key(i)) : !excluded.has(key(i))),
    isConfirmed: (i) => confirmed.has(key(i)),
    setIncluded: (i, on) =>
      needsConfirm(i) ? setConfirmed((s) => toggle(s, key(i), on)) : setExcluded((s) => toggle(s, key(i), !on)),
    reset: () => {
      setExcluded(new Set());
      setConfirmed(new Set());
    },
    header: (
      <Tooltip title={headerTip}>
        <Checkbox
          checked={plain.length > 0 && plainIncluded === plain.length}
          indeterminate={plainIncluded > 0 && plainIncluded < plain.length}
          disabled={plain.length === 0}
          onChange={(e) => setExcluded(e.target.checked ? new Set() : new Set(plain))}
          data-testid="include-all"
        >
          导入
        </Checkbox>
      </Tooltip>
    ),
  };
}
