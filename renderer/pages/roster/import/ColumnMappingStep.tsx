// The column-mapping step of the Excel import: each column of the file → a roster field or 不导入, with samples.
import { useMemo, useState } from 'react';
import { Alert, Button, Flex, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ExcelFieldKey } from '../../../../shared/roster/excel-fields';
import type { ExcelMappingColumn, ExcelMappingNeeded } from '../../../../shared/roster/views';

export interface ColumnChoice {
  readonly column: number;
  readonly field: ExcelFieldKey | null;
}

const SKIP = '__skip';

// One combined column gives two required fields (the server splits it the same way).
const COVERS: Partial<Record<ExcelFieldKey, readonly ExcelFieldKey[]>> = { unitAndPost: ['unit', 'currentPost'] };

/** The required fields no column is mapped to yet, by label. */
function unmappedRequired(needs: ExcelMappingNeeded, choice: ReadonlyMap<number, ExcelFieldKey | null>): string[] {
  const chosen = new Set<ExcelFieldKey>();
  for (const f of choice.values()) if (f) [f, ...(COVERS[f] ?? [])].forEach((k) => chosen.add(k));
  return needs.fields.filter((f) => f.required && !chosen.has(f.key)).map((f) => f.label);
}

/** Fields chosen for more than one column, by label. */
function doubled(needs: ExcelMappingNeeded, choice: ReadonlyMap<number, ExcelFieldKey | null>): string[] {
  const count = new Map<ExcelFieldKey, number>();
  for (const f of choice.values()) if (f) count.set(f, (count.get(f) ?? 0) + 1);
  return needs.fields.filter((f) => (count.get(f.key) ?? 0) > 1).map((f) => f.label);
}

export function ColumnMappingStep({
  needs,
  fileName,
  checking,
  onCheck,
}: {
  needs: ExcelMappingNeeded;
  fileName: string;
  checking: boolean;
  onCheck: (mapping: readonly ColumnChoice[]) => void;
}) {
  const [choice, setChoice] = useState<ReadonlyMap<number, ExcelFieldKey | null>>(
    () => new Map(needs.columns.map((c) => [c.column, c.field])),
  );
  const missing = useMemo(() => unmappedRequired(needs, choice), [needs, choice]);
  const twice = useMemo(() => doubled(needs, choice), [needs, choice]);
  const options = useMemo(
    () => [
      { value: SKIP, label: '不导入' },
      ...needs.fields.map((f) => ({ value: f.key, label: f.required ? `${f.label}（必填）` : f.label })),
    ],
    [needs],
  );

  const columns: TableColumnsType<ExcelMappingColumn> = [
    { title: '列', dataIndex: 'letter', width: 48, align: 'center' },
    {
      title: '文件中的列标题',
      dataIndex: 'header',
      width: 170,
      ellipsis: true,
      render: (v: string) => v || <Typography.Text type="secondary">（无标题）</Typography.Text>,
    },
    {
      title: '示例（前 3 个值）',
      key: 'samples',
      ellipsis: true,
      render: (_, c) =>
        c.samples.length > 0 ? c.samples.join('；') : <Typography.Text type="secondary">（空）</Typography.Text>,
    },
    {
      title: '导入为',
      key: 'field',
      width: 220,
      render: (_, c) => {
        const value = choice.get(c.column) ?? null;
        return (
          <Select<string>
            value={value ?? SKIP}
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
            status={
              value && twice.length > 0 && needs.fields.some((f) => f.key === value && twice.includes(f.label))
                ? 'error'
                : undefined
            }
            onChange={(v) => setChoice(new Map(choice).set(c.column, v === SKIP ? null : (v as ExcelFieldKey)))}
            aria-label={`第 ${c.letter} 列“${c.header}”导入为`}
            data-testid={`map-column-${c.column}`}
          />
        );
      },
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="excel-mapping">
      <Typography.Text type="secondary">
        文件：{fileName} · 工作表“{needs.sheetName}”，第 {needs.headerRow} 行为列标题
      </Typography.Text>
      <Alert type="info" showIcon title="请告诉系统文件中的各列分别是什么" description={needs.message} />
      <Table<ExcelMappingColumn>
        rowKey="column"
        size="small"
        columns={columns}
        dataSource={needs.columns as ExcelMappingColumn[]}
        pagination={false}
        scroll={{ y: 300 }}
        data-testid="excel-mapping-columns"
      />
      <Flex justify="space-between" align="center" gap={12}>
        <Space orientation="vertical" size={0}>
          {missing.length > 0 ? (
            <Typography.Text type="danger" data-testid="excel-mapping-missing">
              尚未对应的必填项：{missing.join('、')}
            </Typography.Text>
          ) : (
            <Typography.Text type="success">必填项均已对应</Typography.Text>
          )}
          {twice.length > 0 ? (
            <Typography.Text type="danger">{`“${twice.join('”“')}”对应了多列，每项只能对应一列`}</Typography.Text>
          ) : null}
          <Typography.Text type="secondary">
            对应关系会在导入后记住，下次导入相同列标题的文件时自动使用。
          </Typography.Text>
        </Space>
        <Button
          type="primary"
          loading={checking}
          disabled={missing.length > 0 || twice.length > 0}
          onClick={() => onCheck(needs.columns.map((c) => ({ column: c.column, field: choice.get(c.column) ?? null })))}
          data-testid="excel-mapping-check"
        >
          按此对应关系检查
        </Button>
      </Flex>
    </Flex>
  );
}
