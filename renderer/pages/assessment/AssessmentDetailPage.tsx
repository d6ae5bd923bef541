// One assessment: state and transitions on top, then tabs for members, configuration, ballot entry (one 测评录入 tab
// with a tab per ballot kind, the codes and the terminal packages), the lists that adjust the result and the rankings.
import { useCallback, useState } from 'react';
import { App as AntApp, Button, Card, Space, Spin, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { BallotPart } from '../../../shared/assessment/ballot-parts';
import type { AssessmentBallots, AssessmentDetail, AssessmentState } from '../../../shared/assessment/types';
import { STATE_LABELS } from '../../../shared/assessment/types';
import type { Role } from '../../../shared/roles';
import { call, errorMessage } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { useBallots } from './useBallots';
import { StateTag } from './StateTag';
import { MembersTab } from './MembersTab';
import { CommentsTab } from './CommentsTab';
import { ConfigTab } from './ConfigTab';
import { SuperiorTab } from './SuperiorTab';
import { PeerTab } from './PeerTab';
import { StaffTab } from './StaffTab';
import { ServiceTab } from './ServiceTab';
import { ParticipationTab } from './ParticipationTab';
import { summarizeWarnings, TransitionContent } from './summarize-warnings';
import { AdjustmentsTab } from './AdjustmentsTab';
import { IneligibleTab } from './IneligibleTab';
import { VetoesTab } from './VetoesTab';
import { RankingsTab } from './RankingsTab';
import { RANKINGS_PRINTERS } from '../../../shared/ipc/contract-print';
import { PanelCodesTab } from './PanelCodesTab';
import { TerminalsTab } from './TerminalsTab';
import { PaperTab } from './PaperTab';
import { BallotExcelBar } from './BallotExcelBar';
import { ENTRY_TAB, ENTRY_TABS, isEntryTab, type EntryTabKey } from './entry-tabs';

/** What each entry form needs: the assessment, its ballots, whether it may be edited now, and how to store a change. */
export interface EntryProps {
  detail: AssessmentDetail;
  ballots: AssessmentBallots;
  editable: boolean;
  /** Reads again the lists a change touched (name every list the call's service writes, or the tab shows stale data). */
  onChanged: (parts: readonly BallotPart[]) => Promise<void>;
}

const TRANSITION_TEXT: Partial<Record<AssessmentState, { label: string; confirm: string }>> = {
  collecting: { label: '开始测评', confirm: '开始测评后成员名单将冻结，不再随干部名册变化。确定开始？' },
  summarized: { label: '汇总', confirm: '汇总后将计算并保存排名结果，停止录入测评票。确定汇总？' },
};

export function AssessmentDetailPage({
  id,
  role,
  userName,
  onBack,
  onStatusChange,
  initialTab = 'members',
}: {
  id: number;
  role: Role;
  userName: string;
  onBack: () => void;
  onStatusChange: () => void;
  initialTab?: string;
}) {
  const { message, modal } = AntApp.useApp();
  const seesBallots = role !== 'reviewer';
  const isAdmin = role === 'admin';
  const showError = useCallback((text: string) => void message.error(text), [message]);
  const detailCall = useCall('assessments.get', { id }, { onError: showError });
  const detail = detailCall.data ?? null;
  const { patch: patchDetail, reload: reloadDetail } = detailCall;
  // A change's answer is the new detail: shown as it is rather than read again.
  const setDetail = useCallback((d: AssessmentDetail) => patchDetail(() => d), [patchDetail]);
  const { ballots, reload: reloadBallots } = useBallots(id, seesBallots, showError);
  // A ballot-entry key opens 测评录入 on that inner tab (e.g. 评议码 after the kiosk).
  const [tab, setTab] = useState<string>(isEntryTab(initialTab) ? ENTRY_TAB.key : initialTab);
  const [entryTab, setEntryTab] = useState<string>(isEntryTab(initialTab) ? initialTab : ENTRY_TABS[0].key);
  const [rankingsKey, setRankingsKey] = useState(0);

  if (!detail) return <Spin tip="正在读取…" />;
  const canEnter = (role === 'admin' || role === 'assessmentClerk') && detail.state === 'collecting';

  const transition = async (to: AssessmentState, text: { label: string; confirm: string }) => {
    // Before 汇总: low turnout and paper counts that do not add up are named, but do not block (issue 21 §3).
    const warnings = to === 'summarized' ? await summarizeWarnings(id) : [];
    modal.confirm({
      title: `${text.label}：${detail.name}`,
      content: <TransitionContent text={text.confirm} warnings={warnings} />,
      width: warnings.length > 0 ? 560 : undefined,
      okText: text.label,
      cancelText: '取消',
      onOk: async () => {
        try {
          const d = await call('assessments.setState', { id, version: detail.version, state: to });
          setDetail(d);
          setRankingsKey((k) => k + 1);
          message.success(`考核已变为“${STATE_LABELS[to]}”`);
        } catch (e) {
          message.error(errorMessage(e));
          await reloadDetail();
        }
      },
    });
  };

  const archive = () =>
    modal.confirm({
      title: `归档：${detail.name}`,
      content: '归档后考核结果将永久保存并生成摘要（SHA-256），任何内容都不能再修改。确定归档？',
      okText: '归档',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          const d = await call('assessments.archive', { id, version: detail.version });
          setDetail(d);
          setRankingsKey((k) => k + 1);
          modal.success({
            title: '考核已归档',
            content: (
              <Typography.Text copyable code data-testid="archive-digest-dialog">
                {d.digest}
              </Typography.Text>
            ),
            okText: '知道了',
            width: 640,
          });
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  const startKiosk = () =>
    modal.confirm({
      title: `进入评议终端：${detail.name}`,
      content: '进入后本窗口只显示评议码输入界面，评议人凭评议码填写本人的评议票；退出时须输入您的登录密码。确定进入？',
      okText: '进入评议终端',
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('kiosk.start', { assessmentId: id });
          onStatusChange();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  const refreshMembers = async () => {
    try {
      const d = await call('assessments.refreshMembers', { id, version: detail.version });
      setDetail(d);
      message.success(`成员已按干部名册刷新，共 ${d.memberCount} 人`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const actions = isAdmin ? (
    <Space>
      {detail.state === 'preparing' ? <Button onClick={() => void refreshMembers()}>刷新成员</Button> : null}
      {detail.state === 'preparing' ? (
        <Button type="primary" onClick={() => void transition('collecting', TRANSITION_TEXT.collecting!)}>
          开始测评
        </Button>
      ) : null}
      {detail.state === 'collecting' ? (
        <Button
          type="primary"
          onClick={() => void transition('summarized', TRANSITION_TEXT.summarized!)}
          data-testid="assessment-summarize"
        >
          汇总
        </Button>
      ) : null}
      {detail.state === 'summarized' ? (
        <Button
          onClick={() =>
            void transition('collecting', {
              label: '重新打开测评',
              confirm: '重新打开后已汇总的结果和已确认的等次将清除，可继续录入。确定？',
            })
          }
        >
          重新打开测评
        </Button>
      ) : null}
      {detail.state === 'summarized' ? (
        <Button type="primary" danger onClick={archive}>
          归档
        </Button>
      ) : null}
    </Space>
  ) : null;

  const entry = (node: (p: EntryProps) => React.ReactNode) =>
    ballots ? node({ detail, ballots, editable: canEnter, onChanged: reloadBallots }) : <Spin />;

  const entryTabs: Record<EntryTabKey, React.ReactNode> = {
    superior: entry((p) => <SuperiorTab {...p} />),
    peer: entry((p) => <PeerTab {...p} />),
    staff: entry((p) => <StaffTab {...p} />),
    service: entry((p) => <ServiceTab {...p} />),
    paper: entry((p) => <PaperTab {...p} />),
    codes: (
      <PanelCodesTab detail={detail} isAdmin={isAdmin} canKiosk={canEnter} onKiosk={startKiosk} printedBy={userName} />
    ),
    terminals: <TerminalsTab detail={detail} isAdmin={isAdmin} onChanged={reloadBallots} />,
  };

  const items = [
    { key: 'members', label: '成员', children: <MembersTab detail={detail} /> },
    {
      key: 'config',
      label: '配置',
      children: (
        <ConfigTab
          detail={detail}
          editable={isAdmin && (detail.state === 'preparing' || detail.state === 'collecting')}
          onSaved={setDetail}
        />
      ),
    },
    ...(seesBallots
      ? [
          {
            ...ENTRY_TAB,
            children: (
              <Tabs
                size="small"
                activeKey={entryTab}
                onChange={setEntryTab}
                items={ENTRY_TABS.map((t) => ({ ...t, children: entryTabs[t.key] }))}
                destroyOnHidden
              />
            ),
          },
          { key: 'comments', label: '意见建议', children: entry((p) => <CommentsTab {...p} />) },
          {
            key: 'adjustments',
            label: '加减分',
            children: entry((p) => <AdjustmentsTab {...p} seesDossier={isAdmin} />),
          },
          {
            key: 'vetoes',
            label: '一票否决',
            children: entry((p) => <VetoesTab {...p} editable={p.editable && isAdmin} seesDossier={isAdmin} />),
          },
          {
            key: 'ineligible',
            label: '不得评优',
            // Unlike ballots, known before voting starts: administrators may list it while preparing too.
            children: entry((p) => (
              <IneligibleTab
                {...p}
                editable={isAdmin && (detail.state === 'preparing' || detail.state === 'collecting')}
                seesDossier={isAdmin}
              />
            )),
          },
        ]
      : []),
    {
      key: 'participation',
      label: '参评情况',
      children: (
        <ParticipationTab
          key={`${rankingsKey}-${tab === 'participation' ? 'on' : 'off'}`}
          detail={detail}
          canEnter={canEnter}
        />
      ),
    },
    {
      key: 'rankings',
      label: '排名结果',
      children: (
        <RankingsTab
          key={`${rankingsKey}-${tab === 'rankings' ? 'on' : 'off'}`}
          detail={detail}
          canConfirm={isAdmin && detail.state === 'summarized'}
          printedBy={RANKINGS_PRINTERS.includes(role) ? userName : null}
        />
      ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
            返回列表
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="assessment-title">
            {detail.name}
          </Typography.Title>
          <StateTag state={detail.state} />
          <Typography.Text type="secondary">
            {detail.year} 年度 · 成员 {detail.memberCount} 人
          </Typography.Text>
        </Space>
        {actions}
      </Space>
      {detail.digest ? (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">归档摘要（SHA-256）：</Typography.Text>
          <Typography.Text code copyable data-testid="archive-digest">
            {detail.digest}
          </Typography.Text>
        </Card>
      ) : null}
      {detail.state !== 'collecting' && seesBallots && tab !== 'members' && tab !== 'config' && tab !== 'rankings' ? (
        <Typography.Paragraph type="warning">
          当前为“{STATE_LABELS[detail.state]}”状态，只有“测评中”才能录入或修改测评票。
        </Typography.Paragraph>
      ) : null}
      {seesBallots ? (
        // Beside the tab bar it would push the last tabs into an overflow menu; its own row keeps every tab visible.
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
          <BallotExcelBar
            detail={detail}
            role={role}
            onImported={(parts) => {
              void reloadBallots(parts);
              setRankingsKey((k) => k + 1);
            }}
          />
        </div>
      ) : null}
      <Card>
        <Tabs activeKey={tab} onChange={setTab} items={items} destroyOnHidden />
      </Card>
    </>
  );
}
