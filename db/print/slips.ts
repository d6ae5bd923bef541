// The slips a print job may carry: codes of unused seats of the named assessment, kind and group, so a slip never
// shows a code that would not open a ballot (or text that is not a code at all).
import type { Kysely } from 'kysely';
import { normalizeCode, PANEL_KIND_LABELS, type PanelKind } from '../../shared/assessment/panel';
import { fail } from '../../shared/ipc/errors';
import type { Database } from '../schema';
import type { Store } from '../store/store';
import { codeHasher } from '../assessment';

interface SlipsInput {
  readonly assessmentId: number;
  readonly kind: PanelKind;
  readonly group: string;
  readonly slips: readonly { readonly code: string }[];
}

export async function checkFreshCodes(
  db: Kysely<Database>,
  store: Store,
  input: SlipsInput,
): Promise<{ assessmentName: string; kindLabel: string }> {
  const a = await db.selectFrom('assessments').select('name').where('id', '=', input.assessmentId).executeTakeFirst();
  if (!a) return fail('NOT_FOUND', '考核不存在或已被删除', 'assessmentId');
  const hash = codeHasher(store);
  const hashes = input.slips.map((s) => hash(normalizeCode(s.code) ?? ''));
  const found = new Set<string>();
  // In chunks: SQLite limits the number of bound parameters.
  for (let i = 0; i < hashes.length; i += 200) {
    const rows = await db
      .selectFrom('assessment_panel_codes')
      .select('code_hash')
      .where('assessment_id', '=', input.assessmentId)
      .where('kind', '=', input.kind)
      .where('group_ref', '=', input.group)
      .where('state', '=', 'unused')
      .where('code_hash', 'in', hashes.slice(i, i + 200))
      .execute();
    for (const r of rows) found.add(r.code_hash);
  }
  const bad = hashes.findIndex((h) => !found.has(h));
  if (bad >= 0)
    fail(
      'VALIDATION',
      `第 ${bad + 1} 张评议码不是本组未使用的评议码（可能已作废、已使用或已补发），请重新生成后再打印`,
      'slips',
    );
  return { assessmentName: a.name, kindLabel: PANEL_KIND_LABELS[input.kind] };
}
