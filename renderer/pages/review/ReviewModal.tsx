// 政治素质审查意见 of one candidate: the draft for the chosen 统计期 (一票否决 first), the signed 审查结论 history, a form
// to sign a new one (editors), and printing / the Word version.
import { useEffect, useMemo, useState } from 'react';
import {
  App as AntApp,
  Alert,
  Button,
  DatePicker,
  Divider,
  Form,
  Input,
  Modal,
  Radio,
  Segmented,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { PORTRAIT_PERIOD_LABELS, PORTRAIT_PERIODS, type PortraitPeriod } from '../../../shared/portrait/period';
import { conclusionFor, periodText, reviewOutline, signedForPeriod } from '../../../shared/review/outline';
import {
  REVIEW_CONCLUSION_LABELS,
  REVIEW_CONCLUSIONS,
  REVIEW_LIMITS,
  type ReviewConclusion,
  type ReviewDraft,
  type ReviewRecord,
} from '../../../shared/review/types';
import { call, errorMessage } from '../../lib/api';
import { LONG_DIALOG } from '../../lib/FormModal';
import { testId } from '../../lib/test-id';
import { useCall } from '../../lib/useCall';
import { today } from '../print/PrintDossierModal';
import { PrintReviewModal } from './PrintReviewModal';
import { ReviewSections } from './ReviewSections';

interface ConclusionForm {
  conclusion: ReviewConclusion;
  reasons: string;
  reviewer: string;
  rechecker: string;
}

const FIELDS = ['conclusion', 'reasons', 'reviewer', 'rechecker', 'reviewDate'] as const;

export function ReviewModal({
  cadreId,
  name,
  canEdit,
  printedBy,
  onClose,
}: {
  cadreId: number;
  name: string;
  canEdit: boolean;
  printedBy: string;
  onClose: () => void;
}) {
  const [period, setPeriod] = useState<PortraitPeriod>('threeYears');
  const [asOf, setAsOf] = useState(today);
  const [reviewDate, setReviewDate] = useState(today);
  const [version, setVersion] = useState(0);
  const [saving, setSaving] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [problem, setProblem] = useState<{ field: string | null; message: string } | null>(null);
  const [form] = Form.useForm<ConclusionForm>();
  const { message } = AntApp.useApp();
  const { data, error, loading } = useCall('reviews.get', { cadreId, period, asOf }, { version });
  const sections = useMemo(() => (data ? reviewOutline(data.draft, null) : []), [data]);
  // The conclusion is signed below, not drafted: the screen leaves the blank section out.
  const drafted = sections.filter((s) => s.key !== 'conclusion');
  const vetoes = data?.draft.vetoes.length ?? 0;
  // A veto rules out 可以使用 (the store refuses it): the form starts on 不宜提拔使用 once the draft shows one.
  useEffect(() => {
    if (canEdit && vetoes > 0 && !form.isFieldTouched('conclusion'))
      form.setFieldValue('conclusion', 'notForPromotion');
  }, [canEdit, vetoes, form]);

  const sign = async () => {
    const v = form.getFieldsValue();
    setProblem(null);
    setSaving(true);
    try {
      await call('reviews.conclude', {
        cadreId,
        period,
        asOf,
        conclusion: v.conclusion,
        reasons: v.reasons ?? '',
        reviewer: v.reviewer ?? '',
        rechecker: v.rechecker ?? '',
        reviewDate,
      });
      message.success('审查结论已保存');
      form.resetFields(['reasons']);
      setVersion((n) => n + 1);
    } catch (e) {
      const field = (e as { field?: string }).field ?? null;
      setProblem({ field, message: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };
  const status = (f: (typeof FIELDS)[number]) => (problem?.field === f ? ('error' as const) : undefined);
  const help = (f: (typeof FIELDS)[number]) => (problem?.field === f ? problem.message : undefined);

  return (
    <Modal
      open
      width={980}
      {...LONG_DIALOG}
      title={`政治素质审查意见：${name}`}
      onCancel={onClose}
      {...testId('review-modal')}
      footer={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          {canEdit ? (
            <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)} {...testId('review-print')}>
              打印 / 导出 Word
            </Button>
          ) : null}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <span>统计期</span>
        <Segmented<PortraitPeriod>
          value={period}
          onChange={setPeriod}
          options={PORTRAIT_PERIODS.map((p) => ({ value: p, label: PORTRAIT_PERIOD_LABELS[p] }))}
        />
        <span>截止日期</span>
        <DatePicker allowClear={false} value={dayjs(asOf)} onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))} />
      </Space>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      {!data ? (
        <Spin />
      ) : (
        <Spin spinning={loading}>
          <ReviewSections sections={drafted} />
        </Spin>
      )}
      <Divider style={{ margin: '12px 0' }} />
      <Typography.Title level={5}>审查结论</Typography.Title>
      {data ? <PeriodConclusion draft={data.draft} history={data.history} /> : null}
      {canEdit ? (
        <Form<ConclusionForm>
          form={form}
          layout="vertical"
          initialValues={{ conclusion: 'good', reviewer: printedBy, rechecker: '' }}
          {...testId('review-form')}
        >
          <Form.Item name="conclusion" label="审查结论" validateStatus={status('conclusion')} help={help('conclusion')}>
            <Radio.Group options={REVIEW_CONCLUSIONS.map((c) => ({ value: c, label: REVIEW_CONCLUSION_LABELS[c] }))} />
          </Form.Item>
          <Form.Item name="reasons" label="理由" validateStatus={status('reasons')} help={help('reasons')}>
            <Input.TextArea rows={3} maxLength={REVIEW_LIMITS.reasons} showCount {...testId('review-reasons')} />
          </Form.Item>
          <Space align="start" wrap>
            <Form.Item name="reviewer" label="审查人" validateStatus={status('reviewer')} help={help('reviewer')}>
              <Input style={{ width: 160 }} {...testId('review-reviewer')} />
            </Form.Item>
            <Form.Item name="rechecker" label="复核人" validateStatus={status('rechecker')} help={help('rechecker')}>
              <Input style={{ width: 160 }} {...testId('review-rechecker')} />
            </Form.Item>
            <Form.Item label="审查日期" validateStatus={status('reviewDate')} help={help('reviewDate')}>
              <DatePicker
                allowClear={false}
                value={dayjs(reviewDate)}
                onChange={(d) => d && setReviewDate(d.format('YYYY-MM-DD'))}
              />
            </Form.Item>
            <Form.Item label=" ">
              <Button type="primary" loading={saving} onClick={() => void sign()} {...testId('review-sign')}>
                保存审查结论
              </Button>
            </Form.Item>
          </Space>
          {problem && !FIELDS.some((f) => f === problem.field) ? (
            <Alert type="error" showIcon message={problem.message} />
          ) : null}
        </Form>
      ) : null}
      <Table<ReviewRecord>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={(data?.history ?? []) as ReviewRecord[]}
        locale={{ emptyText: '尚未签署审查结论' }}
        {...testId('review-history')}
        columns={[
          { title: '审查日期', dataIndex: 'reviewDate', width: 100 },
          {
            title: '结论',
            dataIndex: 'conclusion',
            width: 150,
            render: (c: ReviewConclusion) => REVIEW_CONCLUSION_LABELS[c],
          },
          { title: '理由', dataIndex: 'reasons' },
          { title: '审查人', dataIndex: 'reviewer', width: 80 },
          { title: '复核人', dataIndex: 'rechecker', width: 80 },
          {
            title: '统计期',
            key: 'period',
            width: 200,
            render: (_: unknown, r: ReviewRecord) => (
              <>
                {`${PORTRAIT_PERIOD_LABELS[r.periodKey]}（${r.periodFrom}至${r.periodTo}）`}
                {data && signedForPeriod(r, data.draft.period) ? <Tag color="blue">本统计期</Tag> : null}
              </>
            ),
          },
          {
            title: '录入',
            key: 'by',
            width: 150,
            render: (_: unknown, r: ReviewRecord) => `${r.writtenBy} ${r.writtenAt.slice(0, 16).replace('T', ' ')}`,
          },
        ]}
      />
      {printing ? (
        <PrintReviewModal
          cadreIds={[cadreId]}
          printedBy={printedBy}
          initialPeriod={period}
          initialAsOf={asOf}
          onClose={() => setPrinting(false)}
        />
      ) : null}
    </Modal>
  );
}

const dotted = (d: string) => d.replace(/-/g, '.');

/** Which signed conclusion belongs to the 统计期 on screen: the page prints the same (shared/review/outline.ts). */
function PeriodConclusion({ draft, history }: { draft: ReviewDraft; history: readonly ReviewRecord[] }) {
  const record = conclusionFor(draft.period, history);
  if (!record) return null;
  const here = periodText(draft.period.label, draft.period.from, draft.period.to);
  const label = REVIEW_CONCLUSION_LABELS[record.conclusion];
  if (signedForPeriod(record, draft.period))
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 12 }}
        title={`本统计期${here}已于 ${dotted(record.reviewDate)} 签署审查结论：${label}`}
        {...testId('review-period-conclusion')}
      />
    );
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={`本统计期${here}尚未签署审查结论`}
      description={
        `最近一次审查结论（${label}，${dotted(record.reviewDate)} 签署）系针对另一统计期` +
        `${periodText(PORTRAIT_PERIOD_LABELS[record.periodKey], record.periodFrom, record.periodTo)}作出，` +
        '打印和导出时只作为参考列出，不作为本统计期的结论。'
      }
      {...testId('review-period-conclusion')}
    />
  );
}
