// JSON text columns read back through a schema at the edge of the store, so a corrupt value is a clear error
// naming the column instead of a wrong shape travelling on under a cast.
import type { z } from 'zod';

/** Thrown when a JSON column holds text that is not JSON or not the shape the schema describes. */
export class CorruptColumnError extends Error {
  constructor(
    readonly column: string,
    detail: string,
  ) {
    super(`存储中的数据已损坏（${column}）：${detail}`);
    this.name = 'CorruptColumnError';
  }
}

/** Parses `text` (the value of the JSON column `what`, e.g. 'assessments.config') with `schema`. */
export function parseJsonColumn<S extends z.ZodType>(schema: S, text: string, what: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CorruptColumnError(what, '不是有效的 JSON');
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const at = issue && issue.path.length > 0 ? `${issue.path.join('.')}：` : '';
    throw new CorruptColumnError(what, `${at}${issue?.message ?? '内容不符合预期'}`);
  }
  return result.data;
}
