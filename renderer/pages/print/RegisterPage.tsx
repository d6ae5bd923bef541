// 打印登记: every printed copy with its 份号 and recipient; a copy handed back is marked returned; export to .xlsx.
import { App as AntApp, Button, Card, Table, Tag } from 'antd';
import { PRINT_DOC_KIND_LABELS, type PrintRegisterRow } from '../../../shared/print/types';
import { call, errorMessage } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { saveWithDialog } from '../../lib/save-file';

const stamp = (iso: string) => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

export function RegisterPage() {
  const { message, modal } = AntApp.useApp();
  const { data: rows, reload: load } = useCall('prints.list', {}, { onError: (t) => message.error(t) });

  const markReturned = (r: PrintRegisterRow) =>
    modal.confirm({
      title: `登记收回：${r.title} 份号 ${r.serial}`,
      content: r.recipient ? `领取人：${r.recipient}` : undefined,
      okText: '确认收回',
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('prints.markReturned', { id: r.id });
          message.success(`份号 ${r.serial} 已登记收回`);
          await load();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  return (
    <Card
      title="打印登记"
      extra={
        <Button
          data-testid="register-export"
          onClick={() =>
            void saveWithDialog(
              'printRegister',
              '打印登记',
              (token) => call('prints.export', { token }),
              message,
              (r) => `已导出 ${r.fileName}（${r.rows} 条）`,
            )
          }
        >
          导出 Excel
        </Button>
      }
    >
      <Table<PrintRegisterRow>
        rowKey="id"
        loading={rows === undefined}
        dataSource={rows ?? []}
        size="middle"
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="register-table"
        columns={[
          {
            title: '文件类别',
            dataIndex: 'kind',
            width: 130,
            render: (k: PrintRegisterRow['kind']) => PRINT_DOC_KIND_LABELS[k],
          },
          { title: '文件名称', dataIndex: 'title' },
          { title: '份号', dataIndex: 'serial', width: 70, align: 'center' },
          { title: '领取人', dataIndex: 'recipient', width: 110 },
          { title: '打印人', dataIndex: 'printedBy', width: 100 },
          { title: '打印时间', dataIndex: 'printedAt', width: 150, render: stamp },
          {
            title: '收回',
            width: 190,
            render: (_, r) =>
              r.returnedAt ? (
                <Tag color="green">已收回 {stamp(r.returnedAt).slice(0, 10)}</Tag>
              ) : (
                <Button size="small" onClick={() => markReturned(r)} data-testid={`return-${r.id}`}>
                  登记收回
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
