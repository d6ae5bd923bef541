// Shows a service error next to the form field it names, or as a message when it names none: the one way every form does.
import type { FormInstance } from 'antd';
import { ApiError } from '../../shared/ipc/errors';
import { errorMessage } from './api';

/** What of a form the helper uses (a test passes a small stand-in). */
export type FieldForm = Pick<FormInstance, 'getFieldInstance' | 'setFields'>;

/** A form field's name as antd spells it: `['family', 0, 'name']` for the service's `input.family.0.name`. */
export type FieldPath = (string | number)[];

/** The calls wrap a form's values in these (`cadres.create` { input }, an entry's `common`): not the form's names. */
const WRAPPERS = new Set(['input', 'common']);

/**
 * The form's names the service's `field` may mean, nearest first: the whole path, then without the call's wrapper,
 * then shorter ones (a list's item such as `postOrder.3` or `standardCodes.1` is shown under the list).
 */
export function candidateNames(field: string): FieldPath[] {
  const path: FieldPath = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  let inner = path;
  while (inner.length > 1 && typeof inner[0] === 'string' && WRAPPERS.has(inner[0])) inner = inner.slice(1);
  const prefixes = (p: FieldPath) => p.map((_, i) => p.slice(0, p.length - i));
  return inner === path ? prefixes(path) : [path, ...prefixes(inner), ...prefixes(path).slice(1)];
}

export interface FormErrorOptions {
  /** Told where the message went, e.g. to open the tab that holds the field. */
  onField?: (name: FieldPath) => void;
  /** The text under the field when it should say more than the service does (e.g. quote the bad list item). */
  text?: (e: ApiError) => string;
}

/**
 * Puts the error under the field it names when the form has that field (the form keeps everything typed for the
 * retry), else hands its Chinese text to `fallback` (usually `message.error`). Says whether a field took it.
 */
export function showFormError(
  form: FieldForm,
  e: unknown,
  fallback: (text: string) => void,
  options: FormErrorOptions = {},
): boolean {
  if (e instanceof ApiError && e.field) {
    const name = candidateNames(e.field).find((n) => form.getFieldInstance(n));
    if (name) {
      options.onField?.(name);
      form.setFields([{ name, errors: [options.text?.(e) ?? e.message] }]);
      return true;
    }
  }
  fallback(errorMessage(e));
  return false;
}

/**
 * The form's values once every rule passes, or null when one does not. antd has then shown each field's message
 * itself; catching the refusal here keeps it from surfacing as an unhandled rejection of the click's handler.
 */
export async function validValues<T>(form: Pick<FormInstance<T>, 'validateFields'>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}
