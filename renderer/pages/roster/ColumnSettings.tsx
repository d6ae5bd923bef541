// 列设置: which roster columns a user sees. Kept in this computer's localStorage per user: it is a display preference
// of one person at one screen, not a record of the department, so it needs no store write, audit entry or IPC call.
import { useCallback, useState } from 'react';
import { Button, Checkbox, Popover, Space, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { ALWAYS_SHOWN, DEFAULT_HIDDEN, ROSTER_COLUMNS, type RosterColumnKey } from './roster-columns';

const storageKey = (userId: number) => `ganbu.roster.hiddenColumns.${userId}`;

function readHidden(userId: number): readonly RosterColumnKey[] {
  try {
    const raw = localStorage.getItem(storageKey(userId));
    if (raw === null) return DEFAULT_HIDDEN;
    const parsed: unknown = JSON.parse(raw);
    // Keys of columns that no longer exist are dropped; a damaged value falls back to the default.
    return Array.isArray(parsed) ? ROSTER_COLUMNS.map((c) => c.key).filter((k) => parsed.includes(k)) : DEFAULT_HIDDEN;
  } catch {
    return DEFAULT_HIDDEN;
  }
}

/** The hidden columns of this user, and a setter that remembers the choice. */
export function useHiddenColumns(
  userId: number,
): [readonly RosterColumnKey[], (hidden: readonly RosterColumnKey[]) => void] {
  const [hidden, setHidden] = useState(() => readHidden(userId));
  const update = useCallback(
    (next: readonly RosterColumnKey[]) => {
      setHidden(next);
      try {
        localStorage.setItem(storageKey(userId), JSON.stringify(next));
      } catch {
        // Storage full or unavailable: the choice still holds until the page closes.
      }
    },
    [userId],
  );
  return [hidden, update];
}

export function ColumnSettings({
  hidden,
  onChange,
}: {
  hidden: readonly RosterColumnKey[];
  onChange: (hidden: readonly RosterColumnKey[]) => void;
}) {
  const shown = ROSTER_COLUMNS.filter((c) => ALWAYS_SHOWN.has(c.key) || !hidden.includes(c.key)).map((c) => c.key);
  const content = (
    <Space direction="vertical" size={8} data-testid="column-settings">
      <Typography.Text type="secondary">勾选要显示的列（本机为您记住）</Typography.Text>
      <Checkbox.Group
        value={shown}
        onChange={(keys) =>
          onChange(ROSTER_COLUMNS.map((c) => c.key).filter((k) => !keys.includes(k) && !ALWAYS_SHOWN.has(k)))
        }
        style={{ display: 'grid', gridTemplateColumns: 'repeat(2, 110px)', rowGap: 6 }}
        options={ROSTER_COLUMNS.map((c) => ({ value: c.key, label: c.title, disabled: ALWAYS_SHOWN.has(c.key) }))}
      />
      <Button size="small" onClick={() => onChange(DEFAULT_HIDDEN)} data-testid="column-settings-reset">
        恢复默认
      </Button>
    </Space>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title="列设置" content={content}>
      <Button icon={<SettingOutlined />} data-testid="column-settings-open">
        列设置
      </Button>
    </Popover>
  );
}
