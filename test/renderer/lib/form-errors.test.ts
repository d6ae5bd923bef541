// A service error goes under the field it names (the call's path mapped to the form's names), else to a message.
import { describe, expect, test } from 'vitest';
import { ApiError } from '../../../shared/ipc/errors';
import { candidateNames, showFormError, type FieldForm, type FieldPath } from '../../../renderer/lib/form-errors';

/** A form with these fields; what it was told to show is kept in `shown`. */
function fakeForm(fields: string[]) {
  const shown: { name: FieldPath; errors: string[] }[] = [];
  const form: FieldForm = {
    getFieldInstance: (name: FieldPath) => (fields.includes(name.join('.')) ? { focus: () => undefined } : undefined),
    setFields: (list) => {
      for (const f of list) shown.push({ name: [f.name].flat(), errors: [...(f.errors ?? [])] });
    },
  };
  return { form, shown };
}

const refused = (field: string | undefined, message = '姓名不能为空') =>
  new ApiError({ code: 'VALIDATION', message, ...(field === undefined ? {} : { field }) });

describe('a service error in a form', () => {
  test('goes under the named field; the message is not shown as well', () => {
    const { form, shown } = fakeForm(['name', 'birthMonth']);
    const messages: string[] = [];
    expect(showFormError(form, refused('name'), (t) => messages.push(t))).toBe(true);
    expect(shown).toEqual([{ name: ['name'], errors: ['姓名不能为空'] }]);
    expect(messages).toEqual([]);
  });

  test('a call’s wrapper (input., common.) is not a form name; a list row’s field is found at its full path', () => {
    const { form, shown } = fakeForm(['title', 'family.0.name', 'family']);
    showFormError(form, refused('input.title', '标题不能为空'), () => undefined);
    showFormError(form, refused('input.family.0.name', '家庭成员姓名不能为空'), () => undefined);
    showFormError(form, refused('common.title', '标题过长'), () => undefined);
    expect(shown).toEqual([
      { name: ['title'], errors: ['标题不能为空'] },
      { name: ['family', 0, 'name'], errors: ['家庭成员姓名不能为空'] },
      { name: ['title'], errors: ['标题过长'] },
    ]);
  });

  test('an item of a list the form edits as one field goes under that field, with the text the screen words', () => {
    const { form, shown } = fakeForm(['postOrder']);
    const list = ['镇长', '书记'];
    const where: FieldPath[] = [];
    showFormError(form, refused('postOrder.1', '关键词重复'), () => undefined, {
      text: (e) => `“${list[Number(e.field?.split('.')[1])]}”：${e.message}`,
      onField: (name) => where.push(name),
    });
    expect(shown).toEqual([{ name: ['postOrder'], errors: ['“书记”：关键词重复'] }]);
    expect(where).toEqual([['postOrder']]);
  });

  test('a field the form does not have, no field, or not a service error: the Chinese text goes to the message', () => {
    const { form, shown } = fakeForm(['name']);
    const messages: string[] = [];
    expect(showFormError(form, refused('cadreId', '干部不存在'), (t) => messages.push(t))).toBe(false);
    showFormError(form, refused(undefined, '数据库已锁定'), (t) => messages.push(t));
    showFormError(form, new Error('网络中断'), (t) => messages.push(t));
    expect(shown).toEqual([]);
    expect(messages).toHaveLength(3);
    expect(messages.slice(0, 2)).toEqual(['干部不存在', '数据库已锁定']);
  });

  test('the names tried, nearest first', () => {
    expect(candidateNames('input.standardCodes.1')).toEqual([
      ['input', 'standardCodes', 1],
      ['standardCodes', 1],
      ['standardCodes'],
      ['input', 'standardCodes'],
      ['input'],
    ]);
    expect(candidateNames('name')).toEqual([['name']]);
  });
});
