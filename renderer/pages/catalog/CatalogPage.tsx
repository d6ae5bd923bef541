// Read-only view of the catalogs in the store: sections and sub-items, dimensions and standards, the 12-item list,
// categories, indicators and source channels, each with its stable code.
import { useState } from 'react';
import { App as AntApp, Button, Card, Descriptions, List, Spin, Table, Tabs, Tag, Typography } from 'antd';
import type { Catalogs, CatalogIndicator, CatalogListItem } from '../../../shared/catalog/types';
import { POLARITY_LABELS, POSITION_LABELS } from '../../../shared/catalog/types';
import { useCall } from '../../lib/useCall';
import { PageHeader } from '../PageHeader';
import type { PortraitConfig } from '../../../shared/portrait/types';
import { ModelConfigModal } from './ModelConfigModal';
import { ModelTab } from './ModelTab';
import { CatalogAdminTab } from './admin/CatalogAdminTab';

const Code = ({ children }: { children: string }) => <Typography.Text code>{children}</Typography.Text>;

function Sections({ c }: { c: Catalogs }) {
  const count = c.sections.reduce((n, s) => n + s.subItems.length, 0);
  return (
    <>
      <Typography.Paragraph type="secondary">
        {c.sections.length} 大板块，{count} 个子项
      </Typography.Paragraph>
      <Table
        rowKey="code"
        pagination={false}
        size="small"
        dataSource={c.sections as Catalogs['sections'][number][]}
        columns={[
          { title: '编码', dataIndex: 'code', width: 80, render: (v: string) => <Code>{v}</Code> },
          { title: '板块', dataIndex: 'name', width: 120 },
          {
            title: '子项',
            render: (_, s) => (
              <List
                size="small"
                split={false}
                dataSource={s.subItems as { code: string; name: string }[]}
                renderItem={(i) => (
                  <List.Item style={{ padding: '2px 0' }}>
                    <Code>{i.code}</Code> {i.name}
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
    </>
  );
}

function Dimensions({ c }: { c: Catalogs }) {
  const count = c.dimensions.reduce((n, d) => n + d.standards.length, 0);
  return (
    <>
      <Typography.Paragraph type="secondary">
        {c.dimensions.length} 个维度，{count} 项政治素质评价标准
      </Typography.Paragraph>
      {c.dimensions.map((d) => (
        <Descriptions
          key={d.code}
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 12 }}
          title={
            <span>
              <Code>{d.code}</Code> {d.name}
            </span>
          }
          items={d.standards.map((s) => ({ key: s.code, label: <Code>{s.code}</Code>, children: s.name }))}
        />
      ))}
    </>
  );
}

function ListItems({ c }: { c: Catalogs }) {
  const dimName = new Map(c.dimensions.map((d) => [d.code, d.name]));
  return (
    <Table<CatalogListItem>
      rowKey="code"
      pagination={false}
      size="small"
      dataSource={c.listItems as CatalogListItem[]}
      columns={[
        { title: '编码', dataIndex: 'code', width: 80, render: (v: string) => <Code>{v}</Code> },
        {
          title: '清单',
          dataIndex: 'polarity',
          width: 80,
          render: (p: CatalogListItem['polarity']) => (
            <Tag color={p === 'positive' ? 'green' : 'volcano'}>{POLARITY_LABELS[p]}</Tag>
          ),
        },
        { title: '事项', dataIndex: 'name' },
        {
          title: '对应维度',
          dataIndex: 'dimensions',
          width: 200,
          render: (ds: string[]) => ds.map((d) => dimName.get(d) ?? d).join('、'),
        },
        { title: '分值', dataIndex: 'points', width: 80, render: (p: number) => (p > 0 ? `+${p}` : String(p)) },
        {
          title: '一票否决',
          dataIndex: 'veto',
          width: 90,
          render: (v: boolean) => (v ? <Tag color="red">是</Tag> : '—'),
        },
      ]}
    />
  );
}

function Indicators({ c }: { c: Catalogs }) {
  return (
    <Table<CatalogIndicator>
      rowKey="code"
      pagination={false}
      size="small"
      dataSource={c.indicators as CatalogIndicator[]}
      columns={[
        { title: '编码', dataIndex: 'code', width: 80, render: (v: string) => <Code>{v}</Code> },
        {
          title: '职务',
          dataIndex: 'position',
          width: 80,
          render: (p: CatalogIndicator['position']) => POSITION_LABELS[p],
        },
        { title: '指标', dataIndex: 'name' },
        { title: '权重', dataIndex: 'weight', width: 100, render: (w: number) => w.toFixed(2) },
      ]}
    />
  );
}

function CodeNameTable({ rows, nameTitle }: { rows: readonly { code: string; name: string }[]; nameTitle: string }) {
  return (
    <Table
      rowKey="code"
      pagination={false}
      size="small"
      dataSource={rows as { code: string; name: string }[]}
      columns={[
        { title: '编码', dataIndex: 'code', width: 80, render: (v: string) => <Code>{v}</Code> },
        { title: nameTitle, dataIndex: 'name' },
      ]}
    />
  );
}

export function CatalogPage({ isAdmin }: { isAdmin: boolean }) {
  const [editingConfig, setEditingConfig] = useState(false);
  const { message } = AntApp.useApp();
  const onError = (t: string) => message.error(t);
  const { data: catalogs, reload } = useCall('catalog.get', {}, { onError });
  const { data: config, patch: patchConfig } = useCall('portrait.getConfig', {}, { onError });
  const reloadCatalogs = () => void reload();
  const setConfig = (saved: PortraitConfig) => patchConfig(() => saved);

  return (
    <>
      <PageHeader
        title="基础目录"
        description="档案板块、评价标准、正负面清单、单位类别和考核指标。编码固定不变，导出和统计均以编码为准。"
      />
      <Card>
        {catalogs && config ? (
          <Tabs
            items={[
              { key: 'sections', label: '档案板块', children: <Sections c={catalogs} /> },
              { key: 'dimensions', label: '评价维度与标准', children: <Dimensions c={catalogs} /> },
              { key: 'list', label: '正负面清单', children: <ListItems c={catalogs} /> },
              {
                key: 'categories',
                label: '单位类别',
                children: <CodeNameTable rows={catalogs.categories} nameTitle="类别" />,
              },
              { key: 'indicators', label: '考核指标', children: <Indicators c={catalogs} /> },
              {
                key: 'channels',
                label: '材料来源',
                children: <CodeNameTable rows={catalogs.channels} nameTitle="来源渠道" />,
              },
              {
                key: 'model',
                label: '评价模型',
                children: (
                  <ModelTab
                    catalogs={catalogs}
                    config={config}
                    configEditor={
                      isAdmin ? (
                        <Button size="small" onClick={() => setEditingConfig(true)}>
                          修改参数
                        </Button>
                      ) : null
                    }
                  />
                ),
              },
              ...(isAdmin
                ? [{ key: 'admin', label: '目录维护', children: <CatalogAdminTab onChanged={reloadCatalogs} /> }]
                : []),
            ]}
          />
        ) : (
          <Spin />
        )}
      </Card>
      {config ? (
        <ModelConfigModal
          open={editingConfig}
          config={config}
          onClose={() => setEditingConfig(false)}
          onSaved={(c) => {
            setConfig(c);
            setEditingConfig(false);
          }}
        />
      ) : null}
    </>
  );
}
