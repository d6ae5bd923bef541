// Units (单位) and their categories: list with 正职/副职 counts, add, edit, delete; rename or add categories.
import { useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Popconfirm, Radio, Space, Table, Tag } from 'antd';
import { FileExcelOutlined, PlusOutlined, TagsOutlined } from '@ant-design/icons';
import type { Unit } from '../../../shared/roster/types';
import { call, errorMessage } from '../../lib/api';
import { useUnitsAndCategories } from '../../lib/useCatalogLists';
import { PageHeader } from '../PageHeader';
import { EmptyWithHelp } from '../../layout/help';
import { UnitFormModal } from './UnitFormModal';
import { CategoriesModal } from './CategoriesModal';
import { UnitsImportModal } from './UnitsImportModal';

export function UnitsPage({ canEdit }: { canEdit: boolean }) {
  const { units, categories, loading, reload } = useUnitsAndCategories();
  const [category, setCategory] = useState<string>('all');
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [categoriesOpen, setCategoriesOpen] = useState(false);
  const [importing, setImporting] = useState(false);
  const { message } = AntApp.useApp();
  const categoryName = useMemo(() => new Map(categories.map((c) => [c.code, c.name])), [categories]);
  const shown = category === 'all' ? units : units.filter((u) => u.categoryCode === category);

  const remove = async (u: Unit) => {
    try {
      await call('units.delete', { id: u.id });
      message.success(`已删除单位“${u.name}”`);
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeader
        title="单位管理"
        description="正职按单位类别跨单位排名，副职在本单位内排名，请为每个单位选定类别。"
        extra={
          canEdit ? (
            <Space>
              <Button icon={<TagsOutlined />} onClick={() => setCategoriesOpen(true)}>
                单位类别
              </Button>
              <Button icon={<FileExcelOutlined />} onClick={() => setImporting(true)} data-testid="units-import-open">
                从 Excel 导入
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                新增单位
              </Button>
            </Space>
          ) : null
        }
      />
      <Card>
        <Radio.Group
          optionType="button"
          style={{ marginBottom: 16, display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
          value={category}
          onChange={(e) => setCategory(String(e.target.value))}
          options={[
            { value: 'all', label: `全部（${units.length}）` },
            ...categories.map((c) => ({
              value: c.code,
              label: `${c.name}（${units.filter((u) => u.categoryCode === c.code).length}）`,
            })),
          ]}
        />
        <Table<Unit>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={shown as Unit[]}
          locale={{ emptyText: <EmptyWithHelp text="还没有单位" /> }}
          pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (t) => `共 ${t} 个单位` }}
          columns={[
            { title: '排序号', dataIndex: 'sort', width: 90, sorter: (a, b) => a.sort - b.sort },
            {
              title: '单位名称',
              dataIndex: 'name',
              sorter: (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
            },
            {
              title: '单位类别',
              dataIndex: 'categoryCode',
              width: 220,
              render: (c: string) => <Tag>{categoryName.get(c) ?? c}</Tag>,
              sorter: (a, b) => (a.categoryCode < b.categoryCode ? -1 : a.categoryCode > b.categoryCode ? 1 : 0),
            },
            { title: '正职', dataIndex: 'chiefCount', width: 90, sorter: (a, b) => a.chiefCount - b.chiefCount },
            { title: '副职', dataIndex: 'deputyCount', width: 90, sorter: (a, b) => a.deputyCount - b.deputyCount },
            ...(canEdit
              ? [
                  {
                    title: '操作',
                    width: 150,
                    render: (_: unknown, u: Unit) => (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setEditing(u)}>
                          修改
                        </Button>
                        <Popconfirm
                          title={`删除单位“${u.name}”？`}
                          okText="删除"
                          cancelText="取消"
                          onConfirm={() => remove(u)}
                        >
                          <Button type="link" size="small" danger>
                            删除
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing ? (
        <UnitFormModal
          unit={editing === 'new' ? null : editing}
          categories={categories}
          defaultCategory={category === 'all' ? undefined : category}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await reload();
          }}
        />
      ) : null}
      {importing ? (
        <UnitsImportModal
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false);
            void reload();
          }}
        />
      ) : null}
      <CategoriesModal
        open={categoriesOpen}
        categories={categories}
        onClose={() => setCategoriesOpen(false)}
        onChanged={reload}
      />
    </>
  );
}
