// 考核测评: the list of assessments, or one assessment's detail page.
import { useState } from 'react';
import type { Role } from '../../../shared/roles';
import { AssessmentList } from './AssessmentList';
import { AssessmentDetailPage } from './AssessmentDetailPage';

/** `onStatusChange`: the host's status changed (评议终端 started), so the window re-reads it. */
/** `userName` goes into the watermark of what the user prints. */
/** `openId`: an assessment to show first, on its 评议码 tab (after leaving the 评议终端 started from it). */
export function AssessmentPage({
  role,
  userName,
  onStatusChange,
  openId: first = null,
}: {
  role: Role;
  userName: string;
  onStatusChange: () => void;
  openId?: number | null;
}) {
  const [openId, setOpenId] = useState<number | null>(first);
  if (openId !== null) {
    return (
      <AssessmentDetailPage
        id={openId}
        role={role}
        userName={userName}
        onBack={() => setOpenId(null)}
        onStatusChange={onStatusChange}
        {...(openId === first ? { initialTab: 'codes' } : {})}
      />
    );
  }
  return <AssessmentList role={role} onOpen={setOpenId} />;
}
