// The 任免事项 calls: list a cadre's history, add one (audited with what it proposes).
import { fail } from '../../shared/ipc/errors';
import type { Handlers } from '../app/context';
import { insertMatter, listMatters } from './matters';
import { renmianPersons } from './persons';

type MatterCalls = 'appointments.list' | 'appointments.forms' | 'appointments.create';

export const matterHandlers: Handlers<MatterCalls> = {
  async 'appointments.list'({ db }, { cadreId }) {
    const cadre = await db.selectFrom('cadres').select('id').where('id', '=', cadreId).executeTakeFirst();
    if (!cadre) fail('NOT_FOUND', '找不到该干部，可能已被删除', 'cadreId');
    return listMatters(db, cadreId);
  },

  'appointments.forms': ({ db }, { cadreIds, ageAt }) => renmianPersons(db, cadreIds, ageAt ?? null, new Date()),

  async 'appointments.create'({ db, rec, store }, input) {
    const cadre = await db
      .selectFrom('cadres')
      .innerJoin('units', 'units.id', 'cadres.unit_id')
      .select(['cadres.name', 'units.name as unitName'])
      .where('cadres.id', '=', input.cadreId)
      .executeTakeFirst();
    if (!cadre) return fail('NOT_FOUND', '找不到该干部，可能已被删除', 'cadreId');
    const at = new Date().toISOString();
    const matter = await insertMatter(db, input, { displayName: store.user.displayName, at });
    if (!matter) return fail('INTERNAL', '任免事项未能保存');
    rec.record(`${cadre.name}（${cadre.unitName}）`, {
      cadreId: input.cadreId,
      matterDate: matter.matterDate,
      proposedPost: matter.proposedPost,
      proposedRemoval: matter.proposedRemoval,
      reportingUnit: matter.reportingUnit,
      ageAt: matter.ageAt,
    });
    return matter;
  },
};
