// The cadre picker of a channel's row the roster could not settle: the same-name cadres with unit and 职务, never guessed.
import { Select, Space, Typography } from 'antd';
import type { IntakePreviewRow } from '../../../../shared/intake/types';

export function CadrePick({
  row,
  value,
  onChange,
}: {
  row: IntakePreviewRow;
  value: number | undefined;
  onChange: (cadreId: number | undefined) => void;
}) {
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      <Typography.Text type="warning">{`${row.cadre}：同名 ${row.candidates.length} 人，请选择`}</Typography.Text>
      <Select<number>
        size="small"
        allowClear
        style={{ width: '100%' }}
        // Unit and 职务 tell same-name cadres apart: the list is as wide as they need.
        popupMatchSelectWidth={false}
        placeholder="选择干部（不选则不导入）"
        value={value}
        onChange={(v) => onChange(v ?? undefined)}
        options={row.candidates.map((c) => ({
          value: c.id,
          label: `${c.name}（${c.unitName}${c.post ? `，${c.post}` : ''}）`,
        }))}
        data-testid={`intake-pick-${row.rowNo}`}
      />
    </Space>
  );
}
