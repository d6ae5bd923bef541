// What the 汇总 confirmation adds: the participation warnings (low turnout, paper counts that do not add up), named
// by group and kind; they inform the decision and never block it (issue 21 §3).
import { Alert, Typography } from 'antd';
import { participationWarnings } from '../../../shared/assessment/participation';
import { call } from '../../lib/api';

/** The warnings of the assessment's participation accounts; none when they cannot be read (汇总 itself will say why). */
export async function summarizeWarnings(assessmentId: number): Promise<string[]> {
  try {
    const view = await call('rankings.get', { assessmentId });
    return view.participation ? participationWarnings(view.participation, view.groupNames) : [];
  } catch {
    return [];
  }
}

export function TransitionContent({ text, warnings }: { text: string; warnings: readonly string[] }) {
  if (warnings.length === 0) return <>{text}</>;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        title="参评情况提醒（不影响汇总）"
        style={{ margin: '8px 0 12px' }}
        description={
          <ul
            style={{ margin: 0, paddingLeft: 18, maxHeight: 240, overflowY: 'auto' }}
            data-testid="summarize-warnings"
          >
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        }
      />
      <Typography.Text>{text}</Typography.Text>
    </>
  );
}
