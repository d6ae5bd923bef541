// A new password and its confirmation, as every form that sets a password asks for them.
import { Form, Input } from 'antd';
import { confirmPasswordRules, newPasswordRules } from '../../lib/account-rules';
import { PASSWORD_RULE_TEXT } from '../../../shared/account/password-policy';

export function NewPasswordFields({
  name,
  label,
  confirmLabel,
  extra,
}: {
  name: string;
  label: string;
  confirmLabel: string;
  extra?: string;
}) {
  return (
    <>
      <Form.Item
        label={label}
        name={name}
        rules={newPasswordRules(label)}
        extra={`密码须${PASSWORD_RULE_TEXT}。${extra ?? ''}`}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item label={confirmLabel} name="confirm" dependencies={[name]} rules={confirmPasswordRules(name)}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
