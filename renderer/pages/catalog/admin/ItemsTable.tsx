// One maintained list (sub-items of a section, standards of a dimension, channels, categories, list items): codes,
// names, retired flag, and the administrator's actions (move up/down, edit, retire or restore).
import type { ReactNode } from 'react';
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AdminItem } from '../../../../shared/catalog/admin';

export interface ItemActions<T extends AdminItem> {
  readonly onMove: (item: T, direction: 'up' | 'down') => void;
  readonly onEdit: (item: T) => void;
  readonly onRetire: (item: T, retired: boolean) => void;
}

export function ItemsTable<T extends AdminItem>({
  items,
  nameTitle,
  extraColumns = [],
  actions,
  testId,
}: {
  items: readonly T[];
  nameTitle: string;
  extraColumns?: TableColumnsType<T>;
  actions: ItemActions<T>;
  testId: string;
}) {
  const columns: TableColumnsType<T> = [
    { title: '编码', dataIndex: 'code', width: 80, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    {
      title: nameTitle,
      dataIndex: 'name',
      render: (name: string, item) => (
        <span data-testid="admin-item-name">
          <Typography.Text delete={item.retired} type={item.retired ? 'secondary' : undefined}>
            {name}
          </Typography.Text>
          {item.retired ? (
            <Tag style={{ marginLeft: 8 }} color="default">
              已停用
            </Tag>
          ) : null}
        </span>
      ),
    },
    ...extraColumns,
    {
      title: '操作',
      key: 'actions',
      width: 250,
      render: (_: unknown, item, index): ReactNode => (
        <Space size={0}>
          <Button type="link" size="small" disabled={index === 0} onClick={() => actions.onMove(item, 'up')}>
            上移
          </Button>
          <Button
            type="link"
            size="small"
            disabled={index === items.length - 1}
            onClick={() => actions.onMove(item, 'down')}
          >
            下移
          </Button>
          <Button type="link" size="small" onClick={() => actions.onEdit(item)}>
            修改
          </Button>
          {item.retired ? (
            <Button type="link" size="small" onClick={() => actions.onRetire(item, false)}>
              重新启用
            </Button>
          ) : (
            <Button type="link" size="small" danger onClick={() => actions.onRetire(item, true)}>
              停用
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table<T>
      data-testid={testId}
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={items as T[]}
      columns={columns}
    />
  );
}
