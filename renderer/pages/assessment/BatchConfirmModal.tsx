// 按建议等次批量确认: the dialog naming how many cadres per grade will be confirmed and who is left to confirm one by one.
import { useState } from 'react';
import { Alert, Modal, Typography } from 'antd';
import {
  GRADE_LABELS,
  suggestedPlan,
  type RankingsView,
  type SuggestedConfirmResult,
} from '../../../shared/assessment';
import type { Grade } from '../../../shared/scoring/types';
import { call, errorMessage } from '../../lib/api';

const GRADES: readonly Grade[] = ['excellent', 'competent', 'basicallyCompetent', 'incompetent'];

/** `group`: one group's ref (`chief:C1`), or undefined for every group. */
export function BatchConfirmModal({
  view,
  assessmentId,
  group,
  onClose,
  onDone,
}: {
  view: RankingsView;
  assessmentId: number;
  group: string | undefined;
  onClose: () => void;
  onDone: (r: SuggestedConfirmResult) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const plan = suggestedPlan(view, group);
  const nameOf = (id: number) => view.members[String(id)]?.name ?? String(id);
  const perGrade = GRADES.map((g) => [g, plan.confirm.filter((c) => c.grade === g).length] as const).filter(
    ([, n]) => n > 0,
  );
  const scope = group === undefined ? '全部分组' : (view.groupNames[group] ?? group);
  const submit = async () => {
    setBusy(true);
    try {
      onDone(
        await call('grades.confirmSuggested', {
          assessmentId,
          ...(group === undefined ? {} : { group }),
          cadreIds: plan.confirm.map((c) => c.cadreId),
        }),
      );
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`按建议等次确认：${scope}`}
      okText={`确认 ${plan.confirm.length} 人`}
      cancelText="取消"
      okButtonProps={{ disabled: plan.confirm.length === 0, loading: busy, ...{ 'data-testid': 'batch-confirm-ok' } }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <div data-testid="batch-confirm">
        {plan.confirm.length === 0 ? (
          <Typography.Paragraph>没有需要按建议等次确认的干部。</Typography.Paragraph>
        ) : (
          <Typography.Paragraph>
            将按建议等次确认 <b>{plan.confirm.length}</b> 人：
            {perGrade.map(([g, n]) => `${GRADE_LABELS[g]} ${n} 人`).join('、')}。
          </Typography.Paragraph>
        )}
        {plan.already > 0 ? (
          <Typography.Paragraph type="secondary">
            已按建议等次确认的 {plan.already} 人不再重复确认。
          </Typography.Paragraph>
        ) : null}
        {plan.skipped.length > 0 ? (
          <>
            <Typography.Paragraph>以下 {plan.skipped.length} 人不会改变，请逐人确认：</Typography.Paragraph>
            <ul style={{ maxHeight: 200, overflow: 'auto', paddingInlineStart: 20, marginTop: 0 }}>
              {plan.skipped.map((s) => (
                <li key={s.cadreId}>
                  {nameOf(s.cadreId)}：{s.reason}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {problem ? <Alert type="error" showIcon title={problem} data-testid="batch-confirm-problem" /> : null}
      </div>
    </Modal>
  );
}
