// Reading the audit log page by page with filters, and verifying its chain.
import type { Handlers } from '../app/context';
import { currentAnchor } from './session-signing';
import { verifyAudit } from './verify';

/** A local calendar date (the user's day) as the UTC instant it starts at, matching the stored ISO times. */
const localDayStart = (isoDate: string, plusDays = 0): string => {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
};

export const auditHandlers: Handlers<'audit.list' | 'audit.verify'> = {
  async 'audit.list'({ db }, input) {
    let q = db.selectFrom('audit_log');
    if (input.username) q = q.where('username', '=', input.username.toLowerCase());
    if (input.action) q = q.where('action', '=', input.action);
    if (input.from) q = q.where('at', '>=', localDayStart(input.from));
    if (input.to) q = q.where('at', '<', localDayStart(input.to, 1));
    const [{ total }] = (await q.select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [{ total: number }];
    const rows = await q
      .select(['id', 'at', 'username', 'action', 'target', 'detail'])
      .orderBy('id', 'desc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute();
    return { rows, total: Number(total) };
  },
  'audit.verify': ({ store }) => verifyAudit(store.db, store.auditChainKey, currentAnchor(store)),
};
