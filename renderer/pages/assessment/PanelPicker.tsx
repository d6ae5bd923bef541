// The 评议类型 and 分组 a panel task works on (生成评议码, 打印纸质测评表): two labelled selects side by side.
import { Select, Space } from 'antd';
import { PANEL_KINDS, PANEL_KIND_LABELS, type PanelKind } from '../../../shared/assessment/panel';
import type { MemberGroup } from './groups';

export interface PanelPickerProps {
  readonly kind: PanelKind;
  readonly onKind: (kind: PanelKind) => void;
  readonly groups: readonly MemberGroup[];
  readonly groupRef: string;
  readonly onGroup: (ref: string) => void;
  /** Prefix of the two selects' test ids (`${prefix}-kind`, `${prefix}-group`). */
  readonly testId: string;
}

export function PanelPicker({ kind, onKind, groups, groupRef, onGroup, testId }: PanelPickerProps) {
  // One item of the caller's <Space>, spaced inside like it (a fragment would count as one item, unspaced).
  return (
    <Space wrap>
      <span>评议类型</span>
      <Select<PanelKind>
        style={{ width: 180 }}
        value={kind}
        onChange={onKind}
        options={PANEL_KINDS.map((k) => ({ value: k, label: PANEL_KIND_LABELS[k] }))}
        data-testid={`${testId}-kind`}
      />
      <span>分组</span>
      <Select
        style={{ width: 260 }}
        value={groupRef}
        onChange={onGroup}
        options={groups.map((g) => ({ value: g.ref, label: `${g.name}（${g.members.length} 人）` }))}
        data-testid={`${testId}-group`}
      />
    </Space>
  );
}
