// 政治素质档案: pick a cadre and read or add to their dossier; bulk entry and training for editors; quarterly collection and search.
import { useState } from 'react';
import { Empty, Space, Spin, Tabs } from 'antd';
import type { SessionUser } from '../../../shared/ipc/types';
import { DOSSIER_EDITORS } from '../../../shared/ipc/contract-dossier';
import { PageHeader } from '../PageHeader';
import { CadrePicker } from './CadrePicker';
import { DossierView } from './DossierView';
import { BulkEntryPanel } from './BulkEntryPanel';
import { TrainingPanel } from './TrainingPanel';
import { CompletenessPanel } from './CompletenessPanel';
import { SearchPanel } from './SearchPanel';
import { IntakeReviewPanel } from './collection/IntakeReviewPanel';
import { useDossierCatalog } from './useDossierCatalog';
import { useCurrentCadre } from '../../layout/current-cadre';

export function DossierPage({ user }: { user: SessionUser }) {
  // The cadre last chosen here or on the roster (当前干部): the dossier opens on them.
  const { current, choose } = useCurrentCadre();
  const cadreId = current?.id ?? null;
  const [tab, setTab] = useState('dossier');
  // Bulk entry and training add entries: the dossier re-reads when its tab is shown again.
  const [shown, setShown] = useState(0);
  // 季度采集 re-reads too: entries may have been added on the other tabs.
  const [collectionShown, setCollectionShown] = useState(0);
  // Entries withdrawn in a dossier change the hours batches: the training tab re-reads them when shown again.
  const [trainingShown, setTrainingShown] = useState(0);
  const [intakeShown, setIntakeShown] = useState(0);
  const catalog = useDossierCatalog();
  const canEdit = DOSSIER_EDITORS.includes(user.role);
  const openCadre = (id: number) => {
    choose(id);
    setTab('dossier');
    setShown((n) => n + 1);
  };
  if (!catalog) return <Spin />;
  const dossierTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <CadrePicker value={cadreId} onChange={(id, row) => choose(id, row)} />
      {cadreId === null ? (
        <Empty description="请先选择一名干部" />
      ) : (
        <DossierView
          key={cadreId}
          cadreId={cadreId}
          catalog={catalog}
          canEdit={canEdit}
          userId={user.id}
          refresh={shown}
          printedBy={user.displayName}
        />
      )}
    </Space>
  );
  return (
    <>
      <PageHeader
        title="政治素质档案"
        description="六大板块、三十三个子项的日常材料；可按板块、季度、性质、评价标准筛选。"
      />
      <Tabs
        activeKey={tab}
        onChange={(t) => {
          setTab(t);
          if (t === 'dossier') setShown((n) => n + 1);
          if (t === 'completeness') setCollectionShown((n) => n + 1);
          if (t === 'training') setTrainingShown((n) => n + 1);
          if (t === 'intake') setIntakeShown((n) => n + 1);
        }}
        items={[
          { key: 'dossier', label: '干部档案', children: dossierTab },
          ...(canEdit
            ? [
                {
                  key: 'bulk',
                  label: '批量录入',
                  children: <BulkEntryPanel catalog={catalog} onOpenTraining={() => setTab('training')} />,
                },
              ]
            : []),
          { key: 'training', label: '教育培训', children: <TrainingPanel canEdit={canEdit} refresh={trainingShown} /> },
          {
            key: 'completeness',
            label: '季度采集',
            children: (
              <CompletenessPanel
                onOpenCadre={openCadre}
                canEdit={canEdit}
                canChooseSections={user.role === 'admin'}
                refresh={collectionShown}
              />
            ),
          },
          ...(canEdit
            ? [
                {
                  key: 'intake',
                  label: '填报审核',
                  children: <IntakeReviewPanel catalog={catalog} refresh={intakeShown} />,
                },
              ]
            : []),
          { key: 'search', label: '全文检索', children: <SearchPanel onOpenCadre={openCadre} /> },
        ]}
      />
    </>
  );
}
