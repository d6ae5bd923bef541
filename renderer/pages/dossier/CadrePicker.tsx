// Choosing a cadre by name (or pinyin initials, or any roster text) for the dossier.
import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import type { RosterRow } from '../../../shared/roster/views';
import { useCall } from '../../lib/useCall';

export function CadrePicker({
  value,
  onChange,
  style,
  placeholder = '输入姓名或拼音首字母查找干部',
}: {
  value: number | null;
  onChange: (id: number, row: RosterRow) => void;
  style?: React.CSSProperties;
  placeholder?: string;
}) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  // The roster is searched once typing pauses for 150 ms; an answer to an older search is dropped.
  useEffect(() => {
    const t = setTimeout(() => setQuery(text.trim()), 150);
    return () => clearTimeout(t);
  }, [text]);
  const found = useCall('roster.query', query ? { text: query } : {}).data;
  const rows = useMemo(() => (found ?? []).slice(0, 50), [found]);
  // A cadre chosen elsewhere (the roster drawer, the quarterly list) may not be among the search results: name it.
  const missing = value !== null && !rows.some((r) => r.id === value) ? value : null;
  const profile = useCall('cadres.get', missing === null ? null : { id: missing }).data;
  const chosen =
    profile && profile.id === value
      ? { value, label: `${profile.name}（${profile.unitName}，${profile.currentPost || '—'}）` }
      : null;
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      data-testid="cadre-picker"
      value={value ?? undefined}
      placeholder={placeholder}
      style={{ width: 360, ...style }}
      notFoundContent="没有找到干部"
      options={[
        ...rows.map((r) => ({ value: r.id, label: `${r.name}（${r.unitName}，${r.currentPost || '—'}）` })),
        ...(chosen && !rows.some((r) => r.id === chosen.value) ? [chosen] : []),
      ]}
      onChange={(id: number) => {
        const row = rows.find((r) => r.id === id);
        if (row) onChange(id, row);
      }}
    />
  );
}
