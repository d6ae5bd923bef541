// The .lrmx import's bulk setting: one unit and/or 正职/副职 for every file ticked for import.
import { useState } from 'react';
import { Button, Flex, Select, Typography } from 'antd';
import type { PositionCode } from '../../../../shared/catalog/types';
import { POSITION_OPTIONS } from './lrmx-model';

export function LrmxBulkBar({
  unitOptions,
  selectedCount,
  onApply,
}: {
  unitOptions: { value: number; label: string }[];
  selectedCount: number;
  /** null leaves that choice of each file as it is. */
  onApply: (unitId: number | null, position: PositionCode | null) => void;
}) {
  const [bulkUnit, setBulkUnit] = useState<number | null>(null);
  const [bulkPosition, setBulkPosition] = useState<PositionCode | null>(null);
  return (
    <Flex align="center" gap={8} wrap>
      <Typography.Text>将勾选导入的文件设为</Typography.Text>
      <Select<number>
        value={bulkUnit ?? undefined}
        placeholder="单位"
        options={unitOptions}
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        onChange={(v) => setBulkUnit(v ?? null)}
        popupMatchSelectWidth={false}
        style={{ width: 180 }}
        data-testid="lrmx-bulk-unit"
      />
      <Select<PositionCode>
        value={bulkPosition ?? undefined}
        placeholder="正职/副职不变"
        options={POSITION_OPTIONS}
        allowClear
        onChange={(v) => setBulkPosition(v ?? null)}
        style={{ width: 130 }}
        data-testid="lrmx-bulk-position"
      />
      <Button
        disabled={(bulkUnit === null && bulkPosition === null) || selectedCount === 0}
        onClick={() => onApply(bulkUnit, bulkPosition)}
        data-testid="lrmx-bulk-apply"
      >
        应用
      </Button>
    </Flex>
  );
}
