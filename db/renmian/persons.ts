// The cadres of a 干部任免审批表 print as the .lrmx persons the export writes: profile, photo and latest 任免事项.
import type { Kysely } from 'kysely';
import { fail } from '../../shared/ipc/errors';
import type { LrmxPerson } from '../../shared/roster/lrmx-types';
import type { Database } from '../schema';
import { cadreToPerson, readCadres } from '../roster';
import { latestMatters } from './matters';

/** A profile's photo (a data: URL) as bytes. */
const photoBytes = (url: string | null): Buffer | null => {
  const comma = url?.indexOf(',') ?? -1;
  return url && comma > 0 ? Buffer.from(url.slice(comma + 1), 'base64') : null;
};

/**
 * In the order asked. Ages are computed at `ageAt` (YYYY-MM) when given, else at each matter's 计算年龄时间, else
 * this month (what the export writes without a matter).
 */
export async function renmianPersons(
  db: Kysely<Database>,
  cadreIds: readonly number[],
  ageAt: string | null,
  today: Date,
): Promise<LrmxPerson[]> {
  const [profiles, matters] = await Promise.all([
    readCadres(db, cadreIds, { showIdNumber: false, today, withPhoto: true }),
    latestMatters(db, cadreIds),
  ]);
  return cadreIds.map((id) => {
    const profile = profiles.get(id) ?? fail('NOT_FOUND', '所选干部中有人已被删除，请刷新后重新选择', 'cadreIds');
    const person = cadreToPerson(profile, photoBytes(profile.photo), { today, matter: matters.get(id) ?? null });
    return ageAt ? { ...person, jiSuanNianLingShiJian: ageAt.replace('-', '') } : person;
  });
}
