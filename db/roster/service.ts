// The roster's calls: the query, one cadre's profile (read, create, edit, photo), picked files and jobs.
import { readUserFile } from '../fs/user-file';
import type { Role } from '../../shared/roles';
import { ROSTER_EDITORS } from '../../shared/ipc/call';
import { CADRE_FIELD_LABELS } from '../../shared/roster/schema';
import type { Handlers } from '../app/context';
import { MAX_PHOTO_BYTES, readCadre, setPhoto, insertCadre, updateCadre } from './write';
import { queryRoster } from './query';

/** Roles that see 身份证号 in full; everyone else sees it masked. */
export const canSeeIdNumber = (role: Role) => ROSTER_EDITORS.includes(role);

type CadreCalls =
  | 'roster.query'
  | 'cadres.get'
  | 'cadres.create'
  | 'cadres.update'
  | 'cadres.setPhoto'
  | 'cadres.removePhoto'
  | 'jobs.status'
  | 'jobs.cancel';

export const cadreHandlers: Handlers<CadreCalls> = {
  'roster.query': ({ store, db }, filter) => queryRoster(db, filter, { showIdNumber: canSeeIdNumber(store.user.role) }),

  'cadres.get': ({ store, db }, input) => readCadre(db, input.id, { showIdNumber: canSeeIdNumber(store.user.role) }),

  async 'cadres.create'({ db, rec }, { input }) {
    const id = await insertCadre(db, input);
    const profile = await readCadre(db, id, { showIdNumber: true });
    rec.record(`${input.name}（${profile.unitName}）`, { cadreId: id });
    return profile;
  },

  async 'cadres.update'({ db, rec }, { id, version, input }) {
    const before = await readCadre(db, id, { showIdNumber: true });
    await updateCadre(db, id, input, version);
    const after = await readCadre(db, id, { showIdNumber: true });
    rec.record(`${after.name}（${after.unitName}）`, { cadreId: id, changed: changedFields(before, after) });
    return after;
  },

  async 'cadres.setPhoto'({ db, rec, io }, input) {
    const before = await readCadre(db, input.id, { showIdNumber: true });
    const bytes = readUserFile(io.openedPath(input.token), {
      maxBytes: MAX_PHOTO_BYTES,
      tooLarge: () => '照片不能超过 2 MB',
      field: 'photo',
    });
    await setPhoto(db, input.id, bytes);
    rec.record(`${before.name}（${before.unitName}）`, { cadreId: input.id, photo: '更换' });
    return readCadre(db, input.id, { showIdNumber: true });
  },

  async 'cadres.removePhoto'({ db, rec }, input) {
    const before = await readCadre(db, input.id, { showIdNumber: true });
    await db.deleteFrom('cadre_photos').where('cadre_id', '=', input.id).execute();
    rec.record(`${before.name}（${before.unitName}）`, { cadreId: input.id, photo: '删除' });
    return readCadre(db, input.id, { showIdNumber: true });
  },

  'jobs.status': async ({ jobs }, input) => jobs.status(input.jobId),
  'jobs.cancel': async ({ jobs }, input) => {
    jobs.cancel(input.jobId);
    return null;
  },
};

/** The profile fields an edit changed, by their Chinese labels, for the audit entry (values stay out of the log). */
function changedFields(before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const labels: Readonly<Record<string, string>> = CADRE_FIELD_LABELS;
  return Object.keys(b)
    .filter((k) => k in labels && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => labels[k]!);
}
