// 考核测评: the list of assessments, or one assessment's detail page.
import { useState } from 'react';
import type { Role } from '../../../shared/roles';
import { AssessmentList } from './AssessmentList';
import { AssessmentDetailPage } from './AssessmentDetailPage';

export function AssessmentPage({ role }: { role: Role }) {
  const [openId, setOpenId] = useState<number | null>(null);
  if (openId !== null) return <AssessmentDetailPage id={openId} role={role} onBack={() => setOpenId(null)} />;
  return <AssessmentList role={role} onOpen={setOpenId} />;
}
