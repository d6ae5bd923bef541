// 已保存的审议材料: open a selection saved under a name (“12月部务会”), save the current one under a name, delete one.
import { useState } from 'react';
import { App as AntApp, Button, Input, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { MAX_SELECTION_NAME, type PacketSelection, type PacketSelections } from '../../../shared/print/selections';
import { call, errorMessage } from '../../lib/api';

export interface CurrentSelection {
  readonly title: string;
  readonly cadreIds: readonly number[];
  readonly assessmentIds: readonly number[];
}

export function PacketSelectionsBar({
  named,
  current,
  onOpen,
  onChanged,
}: {
  named: readonly PacketSelection[];
  current: CurrentSelection;
  onOpen: (s: PacketSelection) => void;
  onChanged: (s: PacketSelections) => void;
}) {
  const { message } = AntApp.useApp();
  const [picked, setPicked] = useState<string | null>(null);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    try {
      const replaced = named.some((s) => s.name === name.trim());
      onChanged(
        await call('packets.saveSelection', {
          name,
          title: current.title,
          cadreIds: [...current.cadreIds],
          assessmentIds: [...current.assessmentIds],
        }),
      );
      message.success(`${replaced ? '已更新' : '已保存'}“${name.trim()}”：${current.cadreIds.length} 名干部`);
      setPicked(name.trim());
      setNaming(false);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };
  const remove = async () => {
    if (!picked) return;
    try {
      onChanged(await call('packets.deleteSelection', { name: picked }));
      message.success(`已删除“${picked}”`);
      setPicked(null);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Typography.Text>已保存的材料：</Typography.Text>
      <Select
        value={picked}
        placeholder={named.length ? '选择后载入' : '暂无'}
        disabled={named.length === 0}
        style={{ width: 260 }}
        options={named.map((s) => ({ value: s.name!, label: `${s.name}（${s.cadres.length} 人）` }))}
        // onSelect, not onChange: loading the selection just saved (already the value) must load it again.
        onSelect={(v: string) => {
          setPicked(v);
          const s = named.find((x) => x.name === v);
          if (s) onOpen(s);
        }}
        data-testid="packet-saved"
      />
      <Popconfirm
        title={`删除“${picked ?? ''}”？`}
        okText="删除"
        cancelText="取消"
        onConfirm={() => void remove()}
        disabled={!picked}
      >
        <Button disabled={!picked} data-testid="packet-saved-delete">
          删除
        </Button>
      </Popconfirm>
      <Button
        onClick={() => {
          setName(picked ?? '');
          setProblem(null);
          setNaming(true);
        }}
        disabled={current.cadreIds.length === 0}
        data-testid="packet-save-as"
      >
        保存当前选择…
      </Button>
      <Modal
        open={naming}
        title="保存审议材料选择"
        okText="保存"
        cancelText="取消"
        onOk={() => void save()}
        onCancel={() => setNaming(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          保存标题、排名表和干部顺序，以后可在“已保存的材料”中载入再次打印。同名的将被更新。
        </Typography.Paragraph>
        <Input
          value={name}
          maxLength={MAX_SELECTION_NAME}
          showCount
          placeholder="例如：12月部务会"
          onChange={(e) => setName(e.target.value)}
          data-testid="packet-save-name"
        />
        {problem ? (
          <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }}>
            {problem}
          </Typography.Paragraph>
        ) : null}
      </Modal>
    </Space>
  );
}
