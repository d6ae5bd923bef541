// Creating or editing a cadre profile: every 任免审批表 field, validated as the user types and again by the store.
import { useState } from 'react';
import { FormModal } from '../../lib/FormModal';
import { App as AntApp, Button, Col, Form, Input, InputNumber, Row, Select, Space, Tabs } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormRule } from 'antd';
import type { CadreProfile } from '../../../shared/roster/views';
import {
  CADRE_STATUSES,
  EDUCATION_LEVELS,
  GENDERS,
  RANKS,
  type CadreInput,
  type Unit,
} from '../../../shared/roster/types';
import { formatYearMonth, parseYearMonth, yearMonthOf } from '../../../shared/roster/dates';
import { validateIdNumber } from '../../../shared/roster/idcard';
import { RESULT_WORDS } from '../../../shared/roster/annual-results';
import { call } from '../../lib/api';
import { showFormError } from '../../lib/form-errors';

type FormValues = Omit<CadreInput, 'birthMonth' | 'workStart' | 'postSince' | 'family'> & {
  birthMonth: string;
  workStart: string;
  postSince: string;
  family: { relation: string; name: string; birthMonth: string; politicalStatus: string; workUnitPost: string }[];
};

const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/** A year-month typed as 1975.03, 197503, 1975-3 …; `required` decides whether empty is allowed. */
const ymRule = (label: string, required: boolean): FormRule => ({
  validator: async (_, v: string | undefined) => {
    if (!v?.trim()) {
      if (required) throw new Error(`请填写${label}`);
      return;
    }
    const r = parseYearMonth(v, label, { max: yearMonthOf(new Date()) });
    if (!r.ok) throw new Error(r.reason);
  },
});
const toYm = (v: string | undefined) => {
  if (!v?.trim()) return '';
  const r = parseYearMonth(v, '');
  return r.ok ? r.value : v;
};

const idRule: FormRule = {
  validator: async (_, v: string | undefined) => {
    if (!v?.trim()) return;
    const r = validateIdNumber(v);
    if (!r.ok) throw new Error(r.reason);
  },
};

function toFormValues(p: CadreProfile | null): Partial<FormValues> {
  if (!p) return { status: '在职', gender: '男', position: 'deputy', annualResults: [], family: [], idNumber: '' };
  return {
    ...p,
    birthMonth: formatYearMonth(p.birthMonth),
    workStart: formatYearMonth(p.workStart),
    postSince: formatYearMonth(p.postSince),
    partyJoin: /^\d{4}-\d{2}$/.test(p.partyJoin) ? formatYearMonth(p.partyJoin) : p.partyJoin,
    idNumber: p.idNumberMasked ? '' : p.idNumber,
    family: p.family.map((f) => ({ ...f, birthMonth: formatYearMonth(f.birthMonth) })),
    annualResults: [...p.annualResults],
  };
}

function toInput(v: FormValues): CadreInput {
  const s = (x: string | undefined) => (x ?? '').trim();
  const party = s(v.partyJoin);
  const partyYm = party ? parseYearMonth(party, '') : null;
  return {
    name: s(v.name),
    gender: v.gender,
    ethnicity: s(v.ethnicity),
    birthMonth: toYm(v.birthMonth),
    nativePlace: s(v.nativePlace),
    birthPlace: s(v.birthPlace),
    partyJoin: partyYm?.ok ? partyYm.value : party,
    workStart: toYm(v.workStart),
    health: s(v.health),
    techTitle: s(v.techTitle),
    expertise: s(v.expertise),
    fulltimeEducation: s(v.fulltimeEducation),
    fulltimeDegree: s(v.fulltimeDegree),
    fulltimeSchool: s(v.fulltimeSchool),
    parttimeEducation: s(v.parttimeEducation),
    parttimeDegree: s(v.parttimeDegree),
    parttimeSchool: s(v.parttimeSchool),
    currentPost: s(v.currentPost),
    postSince: toYm(v.postSince),
    rank: s(v.rank),
    unitId: v.unitId,
    position: v.position,
    resume: (v.resume ?? '').replace(/\r\n/g, '\n').trim(),
    rewards: s(v.rewards),
    idNumber: s(v.idNumber).toUpperCase(),
    familiarFields: s(v.familiarFields),
    traits: s(v.traits),
    shortcomings: s(v.shortcomings),
    status: v.status,
    annualResults: (v.annualResults ?? []).map((r) => ({ year: Number(r.year), result: s(r.result) })),
    annualResultsNote: s(v.annualResultsNote),
    family: (v.family ?? []).map((f) => ({
      relation: s(f.relation),
      name: s(f.name),
      birthMonth: toYm(f.birthMonth),
      politicalStatus: s(f.politicalStatus),
      workUnitPost: s(f.workUnitPost),
    })),
  };
}

const TAB_OF_FIELD: Record<string, string> = {
  fulltimeEducation: 'edu',
  fulltimeDegree: 'edu',
  fulltimeSchool: 'edu',
  parttimeEducation: 'edu',
  parttimeDegree: 'edu',
  parttimeSchool: 'edu',
  resume: 'resume',
  rewards: 'resume',
  annualResults: 'resume',
  annualResultsNote: 'resume',
  family: 'family',
  familiarFields: 'eval',
  traits: 'eval',
  shortcomings: 'eval',
};

export function CadreFormModal({
  profile,
  units,
  onClose,
  onSaved,
}: {
  profile: CadreProfile | null;
  units: readonly Unit[];
  onClose: () => void;
  onSaved: (p: CadreProfile) => void | Promise<void>;
}) {
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState('basic');
  const { message } = AntApp.useApp();

  const submit = async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name[0];
      if (typeof first === 'string') setTab(TAB_OF_FIELD[first] ?? 'basic');
      return;
    }
    setBusy(true);
    try {
      const parsed = toInput(values);
      const input = { ...parsed, annualResults: [...parsed.annualResults], family: [...parsed.family] };
      const saved = profile
        ? await call('cadres.update', { id: profile.id, version: profile.version, input })
        : await call('cadres.create', { input });
      message.success(profile ? '已保存修改' : `已新增干部“${saved.name}”`);
      await onSaved(saved);
    } catch (e) {
      // The store names the field as input.<field>; the message goes beside it, on the tab that holds it.
      showFormError(form, e, (t) => message.error(t), {
        onField: ([first]) => setTab(typeof first === 'string' ? (TAB_OF_FIELD[first] ?? 'basic') : 'basic'),
      });
    } finally {
      setBusy(false);
    }
  };

  const text = (name: keyof FormValues, label: string, rules: FormRule[] = [], span = 8, extra?: string) => (
    <Col span={span}>
      <Form.Item name={name} label={label} rules={rules} extra={extra}>
        <Input />
      </Form.Item>
    </Col>
  );

  const basic = (
    <Row gutter={16}>
      {text('name', '姓名', [{ required: true, whitespace: true, message: '请填写姓名' }])}
      <Col span={8}>
        <Form.Item name="gender" label="性别" rules={[{ required: true, message: '请选择性别' }]}>
          <Select options={opts(GENDERS)} />
        </Form.Item>
      </Col>
      {text('ethnicity', '民族')}
      {text('birthMonth', '出生年月', [ymRule('出生年月', true)], 8, '例如 1975.03')}
      {text('nativePlace', '籍贯')}
      {text('birthPlace', '出生地')}
      {text('partyJoin', '入党时间', [], 8, '年月，或民主党派名称')}
      {text('workStart', '参加工作时间', [ymRule('参加工作时间', false)])}
      {text('health', '健康状况')}
      {text('idNumber', '身份证号', [idRule], 8)}
      {text('techTitle', '专业技术职务')}
      {text('expertise', '熟悉专业有何专长')}
      {text('currentPost', '现任职务', [{ required: true, whitespace: true, message: '请填写现任职务' }], 16)}
      {text('postSince', '任职时间', [ymRule('任职时间', false)])}
      <Col span={8}>
        <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <Select showSearch optionFilterProp="label" options={units.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
      </Col>
      <Col span={5}>
        <Form.Item name="position" label="正职/副职" rules={[{ required: true, message: '请选择正职或副职' }]}>
          <Select
            options={[
              { value: 'chief', label: '正职' },
              { value: 'deputy', label: '副职' },
            ]}
          />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="rank" label="职级">
          <Select allowClear options={opts(RANKS)} />
        </Form.Item>
      </Col>
      <Col span={5}>
        <Form.Item name="status" label="状态" rules={[{ required: true, message: '请选择状态' }]}>
          <Select options={opts(CADRE_STATUSES)} />
        </Form.Item>
      </Col>
    </Row>
  );

  const edu = (
    <Row gutter={16}>
      <Col span={8}>
        <Form.Item name="fulltimeEducation" label="全日制学历">
          <Select allowClear options={opts(EDUCATION_LEVELS)} />
        </Form.Item>
      </Col>
      {text('fulltimeDegree', '全日制学位')}
      {text('fulltimeSchool', '全日制毕业院校系及专业', [], 24)}
      <Col span={8}>
        <Form.Item name="parttimeEducation" label="在职学历">
          <Select allowClear options={opts(EDUCATION_LEVELS)} />
        </Form.Item>
      </Col>
      {text('parttimeDegree', '在职学位')}
      {text('parttimeSchool', '在职毕业院校系及专业', [], 24)}
    </Row>
  );

  const resume = (
    <>
      <Form.Item name="resume" label="简历" extra="每段经历一行，如：2013.11--2019.05  鄂托克旗农牧局副局长">
        <Input.TextArea autoSize={{ minRows: 6, maxRows: 14 }} />
      </Form.Item>
      <Form.Item name="rewards" label="奖惩情况">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item label="年度考核结果">
        <Form.List name="annualResults">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'year']} rules={[{ required: true, message: '请填写年度' }]}>
                    <InputNumber min={1950} max={2100} precision={0} addonAfter="年度" style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'result']} rules={[{ required: true, message: '请选择结果' }]}>
                    <Select style={{ width: 140 }} options={opts(RESULT_WORDS)} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ year: new Date().getFullYear() - 1, result: '称职' })}
              >
                添加年度考核结果
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item
        name="annualResultsNote"
        label="年度考核结果（原文）"
        extra="导入时无法识别为逐年结果的原文，保存在此；可改为上方的逐年结果后删去"
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </>
  );

  const family = (
    <Form.List name="family">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Row key={f.key} gutter={8} align="top">
              <Col span={3}>
                <Form.Item name={[f.name, 'relation']} rules={[{ required: true, message: '称谓' }]}>
                  <Input placeholder="称谓" />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '姓名' }]}>
                  <Input placeholder="姓名" />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[f.name, 'birthMonth']} rules={[ymRule('出生年月', false)]}>
                  <Input placeholder="出生年月" />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[f.name, 'politicalStatus']}>
                  <Input placeholder="政治面貌" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={[f.name, 'workUnitPost']}>
                  <Input placeholder="工作单位及职务" />
                </Form.Item>
              </Col>
              <Col span={1}>
                <MinusCircleOutlined style={{ marginTop: 8 }} onClick={() => remove(f.name)} />
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ relation: '', name: '', birthMonth: '', politicalStatus: '', workUnitPost: '' })}
          >
            添加家庭成员
          </Button>
        </>
      )}
    </Form.List>
  );

  const evaluation = (
    <>
      <Form.Item name="familiarFields" label="熟悉领域">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.Item name="traits" label="主要特点">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Form.Item name="shortcomings" label="存在不足">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
    </>
  );

  return (
    <FormModal
      open
      width={1000}
      title={profile ? `编辑干部信息：${profile.name}` : '新增干部'}
      okText="保存"
      cancelText="取消"
      onOk={() => void submit()}
      confirmLoading={busy}
      onCancel={onClose}
      dirty={() => form.isFieldsTouched()}
      destroyOnHidden
      data-testid="cadre-form"
    >
      {profile?.idNumberMasked ? (
        <div style={{ color: '#999', marginBottom: 8 }}>当前角色不能查看身份证号；留空将保持原号码不变。</div>
      ) : null}
      <Form form={form} layout="vertical" initialValues={toFormValues(profile)} requiredMark>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'basic', label: '基本信息', children: basic, forceRender: true },
            { key: 'edu', label: '学历学位', children: edu, forceRender: true },
            { key: 'resume', label: '简历与考核', children: resume, forceRender: true },
            { key: 'family', label: '家庭主要成员', children: family, forceRender: true },
            { key: 'eval', label: '评价', children: evaluation, forceRender: true },
          ]}
        />
      </Form>
    </FormModal>
  );
}
