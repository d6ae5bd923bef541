// 考核测评: the list of assessments, or one assessment's detail page.
import { useState } from 'react';
import type { Role } from '../../../shared/roles';
import { AssessmentList } from './AssessmentList';
import { AssessmentDetailPage } from './AssessmentDetailPage';

/** `onStatusChange`: the host's status changed (评议终端 started), so the window re-reads it. */
/** `userName` goes into the watermark of what the user prints. */
export function AssessmentPage({ role, userName, onStatusChange }: { role: Role; userName: string; onStatusChange: () => void }) {
  const [openId, setOpenId] = useState<number | null>(null);
  if (openId !== null) return <AssessmentDetailPage id={openId} role={role} userName={userName} onBack={() => setOpenId(null)} onStatusChange={onStatusChange} />;
  return <AssessmentList role={role} onOpen={setOpenId} />;
}
