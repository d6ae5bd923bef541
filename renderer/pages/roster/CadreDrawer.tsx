// A cadre's profile laid out like a 任免审批表, with edit, photo and .lrmx export for editors.
import { useState } from 'react';
import { App as AntApp, Button, Descriptions, Drawer, Empty, Image, Space, Spin, Table, Tag, Typography } from 'antd';
import { AuditOutlined, EditOutlined, ExportOutlined, FileTextOutlined, PictureOutlined } from '@ant-design/icons';
import type { CadreProfile } from '../../../shared/roster/views';
import { POSITION_NAMES, type FamilyMember, type Unit } from '../../../shared/roster/types';
import { formatYearMonth } from '../../../shared/roster/dates';
import { call, errorMessage } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { saveWithDialog } from '../../lib/save-file';
import { CadreFormModal } from './CadreFormModal';
import { MatterSection } from '../renmian/MatterSection';
import { PrintRenmianModal } from '../renmian/PrintRenmianModal';
import { ReviewModal } from '../review/ReviewModal';

const ym = formatYearMonth;
const or = (v: string) => v || '—';

export function CadreDrawer({
  cadreId,
  canEdit,
  userName,
  units,
  onClose,
  onChanged,
  onOpenDossier,
}: {
  cadreId: number;
  canEdit: boolean;
  /** The signed-in user's name: printed as 打印人, offered as 审查人. */
  userName: string;
  units: readonly Unit[];
  onClose: () => void;
  onChanged: () => void | Promise<void>;
  /** Shown to the dossier's readers: opens this cadre's 政治素质档案. */
  onOpenDossier?: (cadreId: number) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const { message } = AntApp.useApp();

  // A profile that cannot be read (deleted meanwhile) closes the drawer with the message.
  const { data: profile, patch } = useCall(
    'cadres.get',
    { id: cadreId },
    {
      onError: (t) => {
        message.error(t);
        onClose();
      },
    },
  );
  const setProfile = (saved: CadreProfile) => patch(() => saved);

  const changePhoto = async () => {
    try {
      const [file] = await call('files.pickOpen', { purpose: 'photo' });
      if (!file) return;
      setProfile(await call('cadres.setPhoto', { id: cadreId, token: file.token }));
      message.success('照片已更换');
      await onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const exportLrmx = () =>
    profile &&
    saveWithDialog(
      'lrmx',
      profile.name,
      (token) => call('cadres.exportLrmx', { id: cadreId, token }),
      message,
      (r) => `已导出任免审批表 ${r.fileName}`,
    );

  const p = profile;
  return (
    <Drawer
      open
      width={920}
      title={p ? `${p.name}（${p.unitName}）` : '干部信息'}
      onClose={onClose}
      extra={
        p && (canEdit || onOpenDossier) ? (
          <Space>
            {onOpenDossier ? (
              <Button icon={<FileTextOutlined />} onClick={() => onOpenDossier(cadreId)} data-testid="open-dossier">
                查看档案
              </Button>
            ) : null}
            {onOpenDossier ? (
              <Button icon={<AuditOutlined />} onClick={() => setReviewing(true)} data-testid="open-review">
                审查意见
              </Button>
            ) : null}
            {canEdit ? (
              <>
                <Button icon={<PictureOutlined />} onClick={() => void changePhoto()}>
                  更换照片
                </Button>
                <Button icon={<ExportOutlined />} onClick={() => void exportLrmx()}>
                  导出任免审批表
                </Button>
                <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  编辑
                </Button>
              </>
            ) : null}
          </Space>
        ) : null
      }
    >
      {!p ? (
        <Spin />
      ) : (
        <>
          <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
            <Descriptions bordered size="small" column={3} style={{ flex: 1 }}>
              <Descriptions.Item label="姓名">{p.name}</Descriptions.Item>
              <Descriptions.Item label="性别">{p.gender}</Descriptions.Item>
              <Descriptions.Item label="出生年月">
                {ym(p.birthMonth)}（{p.age}岁）
              </Descriptions.Item>
              <Descriptions.Item label="民族">{or(p.ethnicity)}</Descriptions.Item>
              <Descriptions.Item label="籍贯">{or(p.nativePlace)}</Descriptions.Item>
              <Descriptions.Item label="出生地">{or(p.birthPlace)}</Descriptions.Item>
              <Descriptions.Item label="入党时间">
                {or(/^\d{4}-\d{2}$/.test(p.partyJoin) ? ym(p.partyJoin) : p.partyJoin)}
              </Descriptions.Item>
              <Descriptions.Item label="参加工作时间">{or(ym(p.workStart))}</Descriptions.Item>
              <Descriptions.Item label="健康状况">{or(p.health)}</Descriptions.Item>
              <Descriptions.Item label="专业技术职务">{or(p.techTitle)}</Descriptions.Item>
              <Descriptions.Item label="熟悉专业有何专长" span={2}>
                {or(p.expertise)}
              </Descriptions.Item>
              <Descriptions.Item label="全日制教育">
                {or([p.fulltimeEducation, p.fulltimeDegree].filter(Boolean).join(' '))}
              </Descriptions.Item>
              <Descriptions.Item label="毕业院校系及专业" span={2}>
                {or(p.fulltimeSchool)}
              </Descriptions.Item>
              <Descriptions.Item label="在职教育">
                {or([p.parttimeEducation, p.parttimeDegree].filter(Boolean).join(' '))}
              </Descriptions.Item>
              <Descriptions.Item label="毕业院校系及专业" span={2}>
                {or(p.parttimeSchool)}
              </Descriptions.Item>
              <Descriptions.Item label="现任职务" span={2}>
                {p.currentPost}
              </Descriptions.Item>
              <Descriptions.Item label="任职时间">{or(ym(p.postSince))}</Descriptions.Item>
              <Descriptions.Item label="单位">{p.unitName}</Descriptions.Item>
              <Descriptions.Item label="单位类别">{p.categoryName}</Descriptions.Item>
              <Descriptions.Item label="正职/副职">
                <Tag color={p.position === 'chief' ? 'red' : 'default'}>{POSITION_NAMES[p.position]}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="职级">{or(p.rank)}</Descriptions.Item>
              <Descriptions.Item label="状态">{p.status}</Descriptions.Item>
              <Descriptions.Item label="身份证号">
                <span style={{ whiteSpace: 'nowrap' }}>{or(p.idNumber)}</span>
              </Descriptions.Item>
            </Descriptions>
            <div style={{ width: 132, textAlign: 'center' }}>
              {p.photo ? (
                <Image src={p.photo} width={120} alt={`${p.name}的照片`} />
              ) : (
                <Empty description="无照片" image={Empty.PRESENTED_IMAGE_SIMPLE} />
              )}
            </div>
          </div>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            简历
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>
            {or(p.resume)}
          </Typography.Paragraph>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="奖惩情况">{or(p.rewards)}</Descriptions.Item>
            <Descriptions.Item label="年度考核结果">
              {p.annualResults.length
                ? p.annualResults.map((r) => <Tag key={r.year}>{`${r.year}年度 ${r.result}`}</Tag>)
                : '—'}
            </Descriptions.Item>
            {p.annualResultsNote ? (
              <Descriptions.Item label="年度考核结果（原文）">
                <span style={{ whiteSpace: 'pre-wrap' }}>{p.annualResultsNote}</span>
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label="熟悉领域">{or(p.familiarFields)}</Descriptions.Item>
            <Descriptions.Item label="主要特点">{or(p.traits)}</Descriptions.Item>
            <Descriptions.Item label="存在不足">{or(p.shortcomings)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            家庭主要成员
          </Typography.Title>
          <Table<FamilyMember>
            size="small"
            rowKey={(f) => `${f.relation}-${f.name}`}
            pagination={false}
            dataSource={p.family as FamilyMember[]}
            locale={{ emptyText: '未填写' }}
            columns={[
              { title: '称谓', dataIndex: 'relation', width: 80 },
              { title: '姓名', dataIndex: 'name', width: 100 },
              { title: '出生年月', dataIndex: 'birthMonth', width: 100, render: (v: string) => or(ym(v)) },
              { title: '政治面貌', dataIndex: 'politicalStatus', width: 110 },
              { title: '工作单位及职务', dataIndex: 'workUnitPost' },
            ]}
          />
          <MatterSection
            cadreId={cadreId}
            name={p.name}
            canEdit={canEdit}
            onPrint={canEdit ? () => setPrinting(true) : undefined}
          />
        </>
      )}
      {printing && p ? (
        <PrintRenmianModal cadreIds={[cadreId]} names={[p.name]} onClose={() => setPrinting(false)} />
      ) : null}
      {reviewing && p ? (
        <ReviewModal
          cadreId={cadreId}
          name={p.name}
          canEdit={canEdit}
          printedBy={userName}
          onClose={() => setReviewing(false)}
        />
      ) : null}
      {editing && p ? (
        <CadreFormModal
          profile={p}
          units={units}
          onClose={() => setEditing(false)}
          onSaved={async (saved) => {
            setEditing(false);
            setProfile(saved);
            await onChanged();
          }}
        />
      ) : null}
    </Drawer>
  );
}
