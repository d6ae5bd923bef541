// Adding cadres to a list (bulk entry, a training class): one by name, the current cadre (当前干部) at one click, or
// every cadre in service of a unit.
import { useState } from 'react';
import { App as AntApp, Button, Select, Space } from 'antd';
import { TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import type { RosterRow } from '../../../shared/roster/views';
import { call, errorMessage } from '../../lib/api';
import { useUnitsAndCategories } from '../../lib/useCatalogLists';
import { CadrePicker } from './CadrePicker';
import { useCurrentCadre } from '../../layout/current-cadre';

export function CadreListPicker({ onAdd }: { onAdd: (rows: readonly RosterRow[]) => void }) {
  const { units } = useUnitsAndCategories();
  const [unitId, setUnitId] = useState<number | undefined>();
  const { message } = AntApp.useApp();
  const { current, choose } = useCurrentCadre();
  const currentRow = current?.row ?? null;
  const addUnit = async () => {
    if (unitId === undefined) return;
    try {
      onAdd(await call('roster.query', { unitId, status: '在职' }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Space wrap>
      <CadrePicker
        value={null}
        onChange={(id, row) => {
          choose(id, row);
          onAdd([row]);
        }}
        placeholder="按姓名添加干部"
        style={{ width: 300 }}
      />
      {currentRow ? (
        <Button icon={<UserAddOutlined />} onClick={() => onAdd([currentRow])} data-testid="add-current-cadre">
          添加当前干部：{currentRow.name}
        </Button>
      ) : null}
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="选择单位"
        style={{ width: 220 }}
        value={unitId}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
        onChange={setUnitId}
        data-testid="unit-picker"
      />
      <Button icon={<TeamOutlined />} disabled={unitId === undefined} onClick={() => void addUnit()}>
        添加该单位全部在职干部
      </Button>
    </Space>
  );
}
