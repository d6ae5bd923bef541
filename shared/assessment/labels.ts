// Chinese wording of ranking flags and invalid-ballot reasons (codes from shared/scoring).
import type { Component } from '../scoring/types';
import { COMPONENT_LABELS } from './types';

const MISSING_TEXT: Readonly<Record<Component, string>> = {
  superior: '缺少上级排名',
  peer: '缺少同级互评',
  staff: '缺少职工测评',
  service: '缺少服务对象评分',
};

export function flagText(flag: string): string {
  if (flag === 'quotaTie') return '优秀名额并列';
  if (flag === 'veto') return '一票否决';
  if (flag === 'ineligible') return '不得评为优秀';
  if (flag.startsWith('missing:')) return MISSING_TEXT[flag.slice('missing:'.length) as Component] ?? flag;
  return flag;
}

const REASON_TEXT: Readonly<Record<string, string>> = {
  unknownCadre: '评价对象或评价人不在本次考核成员中',
  'superior.notWholeGroup': '上级排名未完整覆盖本组全部干部，或有重复',
  'peer.self': '不能给本人打分',
  'peer.otherGroup': '评价人与被评价人不在同一组',
  'peer.indicators': '互评指标与当前配置不一致（配置修改后需重新录入）',
  outOfRange: '分数超出 0–100 或不是有效数字',
  duplicate: '同一评价人对同一对象重复评价，以最后一张为准',
};

export const invalidReasonText = (reason: string): string => REASON_TEXT[reason] ?? reason;

export const componentLabel = (c: Component): string => COMPONENT_LABELS[c];
