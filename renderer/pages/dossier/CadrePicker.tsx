// Choosing a cadre by name (or pinyin initials, or any roster text) for the dossier.
import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import type { RosterRow } from '../../../shared/roster/views';
import { call } from '../../lib/api';

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
  const [rows, setRows] = useState<readonly RosterRow[]>([]);
  const [text, setText] = useState('');
  const seq = useRef(0);
  // A cadre chosen elsewhere (the roster drawer, the quarterly list) may not be among the search results: name it.
  const [chosen, setChosen] = useState<{ value: number; label: string } | null>(null);
  useEffect(() => {
    if (value === null || rows.some((r) => r.id === value) || chosen?.value === value) return;
    call('cadres.get', { id: value })
      .then((p) => setChosen({ value, label: `${p.name}（${p.unitName}，${p.currentPost || '—'}）` }))
      .catch(() => undefined);
  }, [value, rows, chosen]);
  useEffect(() => {
    const mine = ++seq.current;
    const t = setTimeout(() => {
      void call('roster.query', text.trim() ? { text: text.trim() } : {}).then((r) => {
        if (mine === seq.current) setRows(r.slice(0, 50));
      });
    }, 150);
    return () => clearTimeout(t);
  }, [text]);
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
