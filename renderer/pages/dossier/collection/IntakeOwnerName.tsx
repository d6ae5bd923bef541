// The name of a 填报表 counts row: a unit's name, or a channel's label marked as a channel (纪检监察 is no unit).
import { Space, Tag } from 'antd';
import type { IntakeUnitCounts } from '../../../../shared/intake/types';

export function IntakeOwnerName({ row }: { row: IntakeUnitCounts }) {
  return row.channel === null ? (
    row.unitName
  ) : (
    <Space size={4}>
      {row.unitName}
      <Tag color="purple">报送渠道</Tag>
    </Space>
  );
}
