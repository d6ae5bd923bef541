// The 上级排名 order: rows dragged by their handle (with a drop line), moved with the arrows, or places typed.
import { useState, type DragEvent } from 'react';
import { Button, InputNumber, Space, Table } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import { testId } from '../../lib/test-id';
import { placesFromRows, reorderRows } from '../../../shared/assessment/superior-order';
import { enterMovesOn, type FormTarget } from './ballot-forms';

interface Props<T extends FormTarget> {
  rows: readonly T[];
  places: ReadonlyMap<number, number | null>;
  /** A drag or an arrow gives new rows and the places that match them; typing a place keeps the rows. */
  onChange: (rows: T[], places: Map<number, number | null>) => void;
  /** Prefix of the inputs' test ids and Enter-to-next group. */
  cell: string;
}

interface DragState {
  from: number;
  over: number | null;
  after: boolean;
}

export function OrderTable<T extends FormTarget>({ rows, places, onChange, cell }: Props<T>) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const reorder = (next: T[]) => onChange(next, placesFromRows(next));

  const rowEvents = (index: number) => ({
    onDragOver: (e: DragEvent<HTMLElement>) => {
      if (!drag) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      const box = e.currentTarget.getBoundingClientRect();
      const after = e.clientY > box.top + box.height / 2;
      if (drag.over !== index || drag.after !== after) setDrag({ ...drag, over: index, after });
    },
    onDrop: (e: DragEvent<HTMLElement>) => {
      if (!drag) return;
      e.preventDefault();
      const box = e.currentTarget.getBoundingClientRect();
      reorder(reorderRows(rows, drag.from, index, e.clientY > box.top + box.height / 2));
      setDrag(null);
    },
  });

  const rowClass = (_: T, index: number) => {
    if (!drag) return '';
    if (index === drag.from) return 'order-dragging';
    if (index !== drag.over) return '';
    return drag.after ? 'order-drop-after' : 'order-drop-before';
  };

  return (
    <Table<T>
      rowKey="cadreId"
      size="small"
      pagination={false}
      dataSource={[...rows]}
      rowClassName={rowClass}
      onRow={(t, i) => ({ ...rowEvents(i ?? 0), ...testId(`${cell}-row-${t.name}`) })}
      columns={[
        {
          title: '',
          width: 36,
          render: (_: unknown, t, i) => (
            <span
              className="order-handle"
              draggable
              title="按住拖动以调整顺序"
              aria-label={`拖动调整“${t.name}”的顺序`}
              onDragStart={(e) => {
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', t.name);
                const tr = e.currentTarget.closest('tr');
                if (tr) e.dataTransfer.setDragImage(tr, 16, 16);
                setDrag({ from: i, over: null, after: false });
              }}
              onDragEnd={() => setDrag(null)}
              data-testid={`${cell}-drag-${t.name}`}
            >
              <HolderOutlined />
            </span>
          ),
        },
        {
          title: '名次',
          width: 110,
          render: (_: unknown, t) => (
            <InputNumber
              min={1}
              max={rows.length}
              precision={0}
              value={places.get(t.cadreId) ?? null}
              onChange={(v) => onChange([...rows], new Map(places).set(t.cadreId, typeof v === 'number' ? v : null))}
              onKeyDown={enterMovesOn(cell)}
              data-grid-cell={cell}
              data-testid={`${cell}-${t.name}`}
            />
          ),
        },
        { title: '姓名', dataIndex: 'name' },
        { title: '单位', dataIndex: 'unitName' },
        {
          title: '调整顺序',
          width: 100,
          render: (_: unknown, _t, i) => (
            <Space size={0}>
              <Button
                type="text"
                size="small"
                tabIndex={-1}
                icon={<ArrowUpOutlined />}
                disabled={i === 0}
                onClick={() => reorder(reorderRows(rows, i, i - 1, false))}
                aria-label="上移"
              />
              <Button
                type="text"
                size="small"
                tabIndex={-1}
                icon={<ArrowDownOutlined />}
                disabled={i === rows.length - 1}
                onClick={() => reorder(reorderRows(rows, i, i + 1, true))}
                aria-label="下移"
              />
            </Space>
          ),
        },
      ]}
    />
  );
}
