// Shows a service error next to the form field it names, or as a message when it names none.
import type { FormInstance } from 'antd';
import { ApiError } from '../../shared/ipc/errors';
import { errorMessage } from './api';

export function showFormError(form: FormInstance, e: unknown, fallback: (text: string) => void): void {
  if (e instanceof ApiError && e.field && form.getFieldInstance(e.field) !== undefined) {
    form.setFields([{ name: e.field, errors: [e.message] }]);
    return;
  }
  fallback(errorMessage(e));
}
