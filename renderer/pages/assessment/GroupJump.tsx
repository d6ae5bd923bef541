// 跳转到单位: a select over a long list of ranking groups (副职 per unit) that scrolls the chosen group's card into view.
import { Select } from 'antd';

export const groupAnchorId = (ref: string) => `ranking-group-${ref.replace(':', '-')}`;

export function GroupJump({ groups }: { groups: readonly { ref: string; label: string }[] }) {
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="跳转到单位"
      style={{ width: 240, marginBottom: 12 }}
      options={groups.map((g) => ({ value: g.ref, label: g.label }))}
      onChange={(ref: string) =>
        document.getElementById(groupAnchorId(ref))?.scrollIntoView({ behavior: 'smooth', block: 'start' })
      }
      value={null}
      data-testid="ranking-group-jump"
    />
  );
}
