// The 评议终端包 交接单's content: what the store keeps of an exported package (digest, groups, seats, who and when),
// with the password the export showed once. A package never exported cannot have a 交接单.
import type { Kysely } from 'kysely';
import { fail } from '../../shared/ipc/errors';
import type { HandoverJobView } from '../../shared/print/types';
import { parseJsonColumn } from '../store/json-column';
import { z } from 'zod';
import type { Database } from '../schema';

const groupsColumn = z.array(z.object({ ref: z.string(), name: z.string() }).passthrough());

export async function handoverView(
  db: Kysely<Database>,
  input: { assessmentId: number; terminalNo: number; password: string },
): Promise<HandoverJobView> {
  const a = await db
    .selectFrom('assessments')
    .select(['name', 'year'])
    .where('id', '=', input.assessmentId)
    .executeTakeFirst();
  if (!a) return fail('NOT_FOUND', '考核不存在或已被删除', 'assessmentId');
  const p = await db
    .selectFrom('terminal_packages')
    .select(['digest', 'groups', 'seats', 'exported_on', 'exported_by'])
    .where('assessment_id', '=', input.assessmentId)
    .where('terminal_no', '=', input.terminalNo)
    .executeTakeFirst();
  if (!p) return fail('NOT_FOUND', `终端 ${input.terminalNo} 尚未导出评议终端包，没有交接单可打印`, 'terminalNo');
  return {
    kind: 'handover',
    title: `${a.name}评议终端包交接单（终端 ${input.terminalNo}）`,
    assessmentName: a.name,
    year: a.year,
    terminalNo: input.terminalNo,
    digest: p.digest,
    groups: parseJsonColumn(groupsColumn, p.groups, 'terminal_packages.groups').map((g) => g.name),
    seats: p.seats,
    exportedOn: p.exported_on,
    exportedBy: p.exported_by,
    password: input.password,
  };
}
