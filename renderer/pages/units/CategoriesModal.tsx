// Renaming the unit categories or adding one (codes stay stable).
import { useState } from 'react';
import { App as AntApp, Button, Input, List, Modal, Space, Typography } from 'antd';
import type { CatalogCategory } from '../../../shared/catalog/types';
import { call, errorMessage } from '../../lib/api';

export function CategoriesModal({
  open,
  categories,
  onClose,
  onChanged,
}: {
  open: boolean;
  categories: readonly CatalogCategory[];
  onClose: () => void;
  onChanged: () => void | Promise<void>;
}) {
  const [names, setNames] = useState<Record<string, string>>({});
  const [adding, setAdding] = useState('');
  const { message } = AntApp.useApp();
  const save = async (code: string | undefined, name: string) => {
    try {
      await call('categories.save', { ...(code ? { code } : {}), name });
      message.success('单位类别已保存');
      if (!code) setAdding('');
      await onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal open={open} title="单位类别" footer={<Button onClick={onClose}>关闭</Button>} onCancel={onClose} width={560}>
      <Typography.Paragraph type="secondary">类别编码固定不变；修改名称不影响已有单位和历史考核。</Typography.Paragraph>
      <List
        dataSource={categories as CatalogCategory[]}
        renderItem={(c) => (
          <List.Item>
            <Space.Compact style={{ width: '100%' }}>
              <Input
                addonBefore={c.code}
                value={names[c.code] ?? c.name}
                onChange={(e) => setNames({ ...names, [c.code]: e.target.value })}
              />
              <Button
                disabled={(names[c.code] ?? c.name) === c.name}
                onClick={() => void save(c.code, names[c.code] ?? c.name)}
              >
                保存
              </Button>
            </Space.Compact>
          </List.Item>
        )}
      />
      <Space.Compact style={{ width: '100%', marginTop: 12 }}>
        <Input placeholder="新类别名称" value={adding} onChange={(e) => setAdding(e.target.value)} />
        <Button type="primary" disabled={!adding.trim()} onClick={() => void save(undefined, adding)}>
          新增类别
        </Button>
      </Space.Compact>
    </Modal>
  );
}
