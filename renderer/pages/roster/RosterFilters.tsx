// The roster's filter bar: free-text search (name, pinyin initials, 身份证号, any text) and the structured filters.
import { Input, InputNumber, Select, Space } from 'antd';
import type { CatalogCategory } from '../../../shared/catalog/types';
import type { RosterFilter } from '../../../shared/roster/views';
import { CADRE_STATUSES, EDUCATION_LEVELS, RANKS, type Unit } from '../../../shared/roster/types';

const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

export function RosterFilters({
  filter,
  onChange,
  units,
  categories,
}: {
  filter: RosterFilter;
  onChange: (f: RosterFilter) => void;
  units: readonly Unit[];
  categories: readonly CatalogCategory[];
}) {
  const set = (patch: Partial<RosterFilter>) => onChange({ ...filter, ...patch });
  const unitOptions = units
    .filter((u) => !filter.categoryCode || u.categoryCode === filter.categoryCode)
    .map((u) => ({ value: u.id, label: u.name }));
  return (
    <Space wrap size={[8, 8]}>
      <Input.Search
        allowClear
        placeholder="姓名、拼音首字母、身份证号或任意文字"
        style={{ width: 300 }}
        defaultValue={filter.text}
        onChange={(e) => set({ text: e.target.value || undefined })}
        data-testid="roster-search"
      />
      <Select
        allowClear
        placeholder="单位类别"
        style={{ width: 170 }}
        value={filter.categoryCode}
        onChange={(v?: string) => set({ categoryCode: v, unitId: undefined })}
        options={categories.map((c) => ({ value: c.code, label: c.name }))}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder="单位"
        style={{ width: 200 }}
        value={filter.unitId}
        onChange={(v?: number) => set({ unitId: v })}
        options={unitOptions}
      />
      <Select
        allowClear
        placeholder="正职/副职"
        style={{ width: 110 }}
        value={filter.position}
        onChange={(v?: 'chief' | 'deputy') => set({ position: v })}
        options={[
          { value: 'chief', label: '正职' },
          { value: 'deputy', label: '副职' },
        ]}
      />
      <Select
        allowClear
        placeholder="职级"
        style={{ width: 130 }}
        value={filter.rank}
        onChange={(v?: string) => set({ rank: v })}
        options={opts(RANKS)}
      />
      <Select
        allowClear
        placeholder="学历"
        style={{ width: 110 }}
        value={filter.education}
        onChange={(v?: RosterFilter['education']) => set({ education: v })}
        options={opts(EDUCATION_LEVELS)}
      />
      <Select
        allowClear
        placeholder="状态"
        style={{ width: 100 }}
        value={filter.status}
        onChange={(v?: RosterFilter['status']) => set({ status: v })}
        options={opts(CADRE_STATUSES)}
      />
      <Space.Compact>
        <InputNumber
          placeholder="年龄从"
          min={16}
          max={80}
          precision={0}
          style={{ width: 90 }}
          value={filter.ageMin}
          onChange={(v) => set({ ageMin: v ?? undefined })}
        />
        <InputNumber
          placeholder="到"
          min={16}
          max={80}
          precision={0}
          style={{ width: 70 }}
          value={filter.ageMax}
          onChange={(v) => set({ ageMax: v ?? undefined })}
        />
      </Space.Compact>
    </Space>
  );
}
