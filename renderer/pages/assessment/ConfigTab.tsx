// 配置: component weights, indicators, floor, staff points, trimming, caps and grade rules, validated live as edited.
import { useMemo, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  Col,
  Descriptions,
  Divider,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import {
  COMPONENT_LABELS,
  GRADE_LABELS,
  QUOTA_SCOPE_HELP,
  QUOTA_SCOPE_LABELS,
  STAFF_GRADE_LABELS,
  configProblems,
  anonymityConfigWarnings,
  DEFAULT_PARTICIPATION_MIN_SHARE,
  quotaBasisOf,
  type AssessmentConfig,
  type AssessmentDetail,
} from '../../../shared/assessment';
import type { Component, ExcellentQuotaScope, Position, StaffGrade } from '../../../shared/scoring/types';
import { call, errorMessage } from '../../lib/api';
import { StaffCapSetting } from './StaffCapSetting';

const COMPONENTS: readonly Component[] = ['superior', 'peer', 'staff', 'service'];
const POSITIONS: readonly Position[] = ['chief', 'deputy'];
const POSITION_NAMES: Record<Position, string> = { chief: '正职', deputy: '副职' };
const STAFF: readonly StaffGrade[] = ['excellent', 'good', 'fair', 'poor'];

const clone = (c: AssessmentConfig): AssessmentConfig => JSON.parse(JSON.stringify(c)) as AssessmentConfig;

export function ConfigTab({
  detail,
  editable,
  onSaved,
}: {
  detail: AssessmentDetail;
  editable: boolean;
  onSaved: (d: AssessmentDetail) => void;
}) {
  const [config, setConfig] = useState<AssessmentConfig>(() => clone(detail.config));
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const problems = useMemo(() => configProblems(config), [config]);
  const dirty = JSON.stringify(config) !== JSON.stringify(detail.config);
  const problemAt = (path: string) => problems.find((p) => p.path === path || p.path.startsWith(`${path}.`))?.message;

  const anonymity = useMemo(() => anonymityConfigWarnings(config), [config]);
  const edit = (change: (c: AssessmentConfig) => void) =>
    setConfig((prev) => {
      const next = clone(prev);
      change(next);
      return next;
    });

  const num = (
    path: string,
    value: number | null,
    set: (c: AssessmentConfig, v: number) => void,
    props: { min?: number; max?: number; step?: number; width?: number } = {},
  ) => (
    <InputNumber
      value={value}
      disabled={!editable}
      status={problemAt(path) ? 'error' : undefined}
      min={props.min}
      max={props.max}
      step={props.step ?? 1}
      style={{ width: props.width ?? 110 }}
      data-testid={`config-${path}`}
      onChange={(v) => edit((c) => set(c, typeof v === 'number' ? v : Number.NaN))}
    />
  );

  const save = async () => {
    setBusy(true);
    try {
      const d = await call('assessments.updateConfig', { id: detail.id, version: detail.version, config });
      onSaved(d);
      setConfig(clone(d.config));
      message.success('考核配置已保存');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title="配置有误，无法保存"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.map((p) => (
                <li key={p.path + p.message}>{p.message}</li>
              ))}
            </ul>
          }
          data-testid="config-problems"
        />
      ) : null}
      {anonymity.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="匿名测评票数过少时可能推知个人评价"
          description={anonymity.join('；')}
          data-testid="config-anonymity"
        />
      ) : null}
      <Row gutter={24}>
        {POSITIONS.map((position) => {
          const sumW = COMPONENTS.reduce((s, c) => s + (config.weights[position][c] || 0), 0);
          const sumI = config.indicators[position].reduce((s, i) => s + (i.weight || 0), 0);
          return (
            <Col span={12} key={position}>
              <Typography.Title level={5}>
                {POSITION_NAMES[position]}：四项权重（合计 {sumW.toFixed(2)}，按比例折算）
              </Typography.Title>
              <Space wrap>
                {COMPONENTS.map((c) => (
                  <Space key={c} orientation="vertical" size={2}>
                    <Typography.Text type="secondary">{COMPONENT_LABELS[c]}</Typography.Text>
                    {num(
                      `weights.${position}.${c}`,
                      config.weights[position][c],
                      (x, v) => (x.weights[position][c] = v),
                      { min: 0, max: 100, step: 0.05, width: 100 },
                    )}
                  </Space>
                ))}
              </Space>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {POSITION_NAMES[position]}：互评指标（权重合计 {sumI.toFixed(2)}，须为 1）
              </Typography.Title>
              <Table
                size="small"
                pagination={false}
                rowKey="id"
                dataSource={config.indicators[position]}
                columns={[
                  { title: '编码', dataIndex: 'id', width: 80 },
                  {
                    title: '指标',
                    render: (_: unknown, i: { id: string; weight: number }) => detail.indicatorNames[i.id] ?? i.id,
                  },
                  {
                    title: '权重',
                    width: 140,
                    render: (_: unknown, i: { id: string; weight: number }, idx: number) =>
                      num(
                        `indicators.${position}.${idx}.weight`,
                        i.weight,
                        (x, v) => (x.indicators[position][idx]!.weight = v),
                        { min: 0, max: 1, step: 0.05 },
                      ),
                  },
                ]}
              />
            </Col>
          );
        })}
      </Row>
      <Divider />
      <Descriptions column={3} size="small" bordered>
        <Descriptions.Item label="上级排名末位得分">
          {num('superiorFloor', config.superiorFloor, (x, v) => (x.superiorFloor = v), { min: 0, max: 100 })}
        </Descriptions.Item>
        <Descriptions.Item label="职工测评折算分" span={2}>
          <Space wrap>
            {STAFF.map((g) => (
              <span key={g}>
                {STAFF_GRADE_LABELS[g]}{' '}
                {num(`staffPoints.${g}`, config.staffPoints[g], (x, v) => (x.staffPoints[g] = v), {
                  min: 0,
                  max: 100,
                  width: 80,
                })}
              </span>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="最少有效票数" span={3}>
          <Space wrap>
            {COMPONENTS.map((c) => (
              <span key={c}>
                {COMPONENT_LABELS[c]}{' '}
                {num(`minBallots.${c}`, config.minBallots[c], (x, v) => (x.minBallots[c] = v), { min: 1, width: 80 })}
              </span>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="参评率提醒下限" span={3}>
          <Space wrap>
            {num(
              'participationMinShare',
              Math.round((config.participationMinShare ?? DEFAULT_PARTICIPATION_MIN_SHARE) * 1000) / 10,
              (x, v) => (x.participationMinShare = v / 100),
              { min: 0, max: 100, step: 5, width: 90 },
            )}
            <Typography.Text type="secondary">
              %　汇总前，实到人数低于应到人数的这一比例时提醒（不阻止汇总）
            </Typography.Text>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="去掉一个最高分和一个最低分" span={2}>
          <Space wrap>
            {COMPONENTS.map((c) => (
              <span key={c}>
                {COMPONENT_LABELS[c]}{' '}
                <Switch
                  size="small"
                  disabled={!editable}
                  checked={config.trim[c]}
                  onChange={(v) => edit((x) => (x.trim[c] = v))}
                />
              </span>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="去高去低的最少票数">
          {num('trimMinBallots', config.trimMinBallots, (x, v) => (x.trimMinBallots = v), { min: 3 })}
        </Descriptions.Item>
        <Descriptions.Item label="加分上限">
          {num('bonusCap', config.bonusCap, (x, v) => (x.bonusCap = v), { min: 0, max: 100 })}
        </Descriptions.Item>
        <Descriptions.Item label="减分上限" span={2}>
          <Space>
            <Checkbox
              disabled={!editable}
              checked={config.penaltyCap === null}
              onChange={(e) => edit((x) => (x.penaltyCap = e.target.checked ? null : 10))}
            >
              不设上限
            </Checkbox>
            {config.penaltyCap === null
              ? null
              : num('penaltyCap', config.penaltyCap, (x, v) => (x.penaltyCap = v), { min: 0, max: 100 })}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="优秀比例">
          {num('excellentRatio', config.excellentRatio, (x, v) => (x.excellentRatio = v), {
            min: 0,
            max: 1,
            step: 0.05,
          })}
        </Descriptions.Item>
        <Descriptions.Item label="优秀最低分">
          {num('excellentMinScore', config.excellentMinScore, (x, v) => (x.excellentMinScore = v), {
            min: 0,
            max: 100,
          })}
        </Descriptions.Item>
        <Descriptions.Item label="称职最低分">
          {num('competentMinScore', config.competentMinScore, (x, v) => (x.competentMinScore = v), {
            min: 0,
            max: 100,
          })}
        </Descriptions.Item>
        <Descriptions.Item label="基本称职最低分">
          {num('basicMinScore', config.basicMinScore, (x, v) => (x.basicMinScore = v), { min: 0, max: 100 })}
        </Descriptions.Item>
        <Descriptions.Item label="一票否决后的等次" span={2}>
          <Select
            disabled={!editable}
            value={config.vetoGrade}
            style={{ width: 160 }}
            options={(Object.keys(GRADE_LABELS) as (keyof typeof GRADE_LABELS)[]).map((g) => ({
              value: g,
              label: GRADE_LABELS[g],
            }))}
            onChange={(v) => edit((x) => (x.vetoGrade = v))}
          />
        </Descriptions.Item>
        <Descriptions.Item label="职工测评票优秀比例上限" span={3}>
          <StaffCapSetting
            value={config.staffExcellentCap}
            disabled={!editable}
            invalid={problemAt('staffExcellentCap') !== undefined}
            onChange={(v) =>
              edit((x) => {
                if (v === undefined) delete x.staffExcellentCap;
                else x.staffExcellentCap = v;
              })
            }
          />
        </Descriptions.Item>
        <Descriptions.Item label="优秀名额计算范围" span={3}>
          <Radio.Group
            disabled={!editable}
            value={quotaBasisOf(config).scope}
            options={(['group', 'position'] as const).map((scope) => ({
              value: scope,
              label: QUOTA_SCOPE_LABELS[scope],
            }))}
            onChange={(e) => edit((x) => (x.excellentQuotaScope = e.target.value as ExcellentQuotaScope))}
            data-testid="config-excellentQuotaScope"
          />
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
            {QUOTA_SCOPE_HELP}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      {editable ? (
        <Space style={{ marginTop: 16 }}>
          <Button
            type="primary"
            disabled={!dirty || problems.length > 0}
            loading={busy}
            onClick={() => void save()}
            data-testid="config-save"
          >
            保存配置
          </Button>
          <Button disabled={!dirty} onClick={() => setConfig(clone(detail.config))}>
            撤销修改
          </Button>
        </Space>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          只有系统管理员在“准备”或“测评中”状态下可以修改配置。
        </Typography.Paragraph>
      )}
    </>
  );
}
