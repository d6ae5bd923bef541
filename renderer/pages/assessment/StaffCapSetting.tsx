// The configuration's 优秀 cap per staff form: on or off, the share, and the rounding spelled out with an example.
import { InputNumber, Space, Switch, Typography } from 'antd';
import { EXCELLENT_CAP_ROUNDING, excellentAllowed, percentText } from '../../../shared/assessment/excellent-cap';

const DEFAULT_CAP = 0.3;

export function StaffCapSetting(props: {
  value: number | undefined;
  disabled: boolean;
  invalid: boolean;
  onChange: (v: number | undefined) => void;
}) {
  const { value, disabled } = props;
  return (
    <>
      <Space wrap>
        <Switch
          checked={value !== undefined}
          disabled={disabled}
          checkedChildren="限制"
          unCheckedChildren="不限"
          onChange={(on) => props.onChange(on ? DEFAULT_CAP : undefined)}
          data-testid="config-staffExcellentCap-on"
        />
        {value !== undefined ? (
          <InputNumber
            value={value}
            disabled={disabled}
            min={0.01}
            max={1}
            step={0.05}
            status={props.invalid ? 'error' : undefined}
            style={{ width: 110 }}
            onChange={(v) => props.onChange(typeof v === 'number' ? v : Number.NaN)}
            data-testid="config-staffExcellentCap"
          />
        ) : null}
      </Space>
      <Typography.Paragraph
        type="secondary"
        style={{ margin: '4px 0 0', fontSize: 12 }}
        data-testid="config-staffExcellentCap-note"
      >
        {value !== undefined && Number.isFinite(value) && value > 0
          ? `一张干部职工测评票评“优秀”的人数不得超过本票干部人数的 ${percentText(value)}（${EXCELLENT_CAP_ROUNDING}，` +
            `如 10 人可评 ${excellentAllowed(10, value)} 个、3 人可评 ${excellentAllowed(3, value)} 个），超过的为无效票。`
          : '不限制一张干部职工测评票中“优秀”的人数。'}
      </Typography.Paragraph>
    </>
  );
}
