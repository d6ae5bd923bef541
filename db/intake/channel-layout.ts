// A channel's 材料 sheet as the reader sees it: its columns, and its cadre named by 姓名 + 身份证号 or 姓名 + 单位.
import {
  CHANNEL_COLUMNS,
  INTAKE_CHANNEL_SPECS,
  TRAINING_COLUMNS,
  type IntakeChannel,
} from '../../shared/intake/channels';
import type { RosterCadre } from './match';
import { cadreMatcher } from './match';
import type { SheetLayout } from './parse';

export function channelLayout(
  channel: IntakeChannel,
  roster: readonly RosterCadre[],
  sectionOf: (subItemCode: string) => string | undefined,
): SheetLayout {
  const match = cadreMatcher(roster);
  const spec = INTAKE_CHANNEL_SPECS[channel];
  return {
    subItemProblem: (code) => {
      const section = sectionOf(code);
      return section === undefined || spec.sections.includes(section)
        ? null
        : `子项“${code}”不属于${spec.label}报送的范围（${spec.hint}）`;
    },
    columns: channel === 'training' ? TRAINING_COLUMNS : CHANNEL_COLUMNS,
    cadreColumn: '姓名',
    channel,
    cadre: (text) => {
      const name = text('姓名');
      const id = text('身份证号');
      const unit = text('单位');
      const shown = unit !== '' ? `${name}（${unit}）` : id !== '' ? `${name}（${id}）` : name;
      const none = (problem: string) => ({ text: shown, match: { cadreId: null, candidates: [], problem } });
      if (name === '') return none('请填写姓名');
      if (id === '' && unit === '') return none('请填写身份证号或单位，以便与花名册核对');
      return { text: shown, match: match(name, id, unit) };
    },
  };
}
