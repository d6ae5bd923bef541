// An assessment's state as a coloured tag: 准备 / 测评中 / 已汇总 / 已归档.
import { Tag } from 'antd';
import { STATE_LABELS, type AssessmentState } from '../../../shared/assessment/types';

const COLORS: Readonly<Record<AssessmentState, string>> = {
  preparing: 'default',
  collecting: 'processing',
  summarized: 'warning',
  archived: 'success',
};

export const StateTag = ({ state }: { state: AssessmentState }) => (
  <Tag color={COLORS[state]} data-testid="state-tag">
    {STATE_LABELS[state]}
  </Tag>
);
