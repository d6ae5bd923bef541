// The parent's account of what the writers committed, and its comparison with a reopened store.
import type { Store } from '../../db';
import { readSettings } from '../../db/settings/service';
import { KINDS, cadreForm, cadreIdentity, expertiseTag, unitName, type Committed, type Intent } from './protocol';

interface CadreModel {
  readonly createdBy: number;
  /** The transaction whose profile the cadre must show now (its create or its latest update). */
  lastWrite: number;
  updates: number;
}

/** Where the kill landed, judged from the writer's last line. */
export type Landing = 'startup' | 'between' | 'beforeBegin' | 'inside';

export class Ledger {
  /** Transactions whose commit a writer reported, by number. */
  readonly reported = new Map<number, Committed>();
  /** Transactions in flight at a kill that turned out committed (the commit beat the kill, the report did not). */
  readonly committedUnreported: Intent[] = [];
  /** Transactions in flight at a kill that left nothing behind. */
  rolledBack = 0;
  private readonly auditByAction = new Map<string, number>();
  private readonly units = new Map<number, number>(); // unit id → its transaction
  private readonly cadres = new Map<number, CadreModel>();
  private loginsAtLeast = 0;
  private loginsAtMost = 0;

  constructor(private setting: number) {
    this.auditByAction.set('setup.createStore', 1);
  }

  /** A login that certainly happened (a writer's `ready`, the parent's own open) or that may have (a kill during start-up). */
  login(certain: boolean): void {
    if (certain) this.loginsAtLeast += 1;
    this.loginsAtMost += 1;
  }

  commit(c: Committed): void {
    if (this.reported.has(c.n)) throw new Error(`transaction ${c.n} was reported twice`);
    this.reported.set(c.n, c);
    this.apply(c, c.entityId);
  }

  private apply(t: Intent, entityId: number | undefined): void {
    const action = KINDS[t.kind];
    this.auditByAction.set(action, (this.auditByAction.get(action) ?? 0) + 1);
    if (t.kind === 'unit') this.units.set(entityId!, t.n);
    else if (t.kind === 'create') this.cadres.set(entityId!, { createdBy: t.n, lastWrite: t.n, updates: 0 });
    else if (t.kind === 'update') {
      const c = this.cadres.get(t.cadreId!);
      if (!c) throw new Error(`transaction ${t.n} updated cadre ${t.cadreId}, which no known transaction created`);
      c.lastWrite = t.n;
      c.updates += 1;
    } else this.setting = t.value!;
  }

  /**
   * Decides from the data alone whether the transaction in flight at the kill committed; if so it joins the
   * account (its audit entry is then expected too). Transaction numbers make each kind's effect unambiguous.
   */
  async resolveInFlight(store: Store, t: Intent): Promise<boolean> {
    const raw = store.raw;
    let entityId: number | undefined;
    let applied: boolean;
    if (t.kind === 'unit') {
      entityId = raw.prepare('SELECT id FROM units WHERE name = ?').pluck().get(unitName(t.n)) as number | undefined;
      applied = entityId !== undefined;
    } else if (t.kind === 'create') {
      entityId = raw.prepare('SELECT id FROM cadres WHERE id_number = ?').pluck().get(cadreIdentity(t.n).idNumber) as
        number | undefined;
      applied = entityId !== undefined;
    } else if (t.kind === 'update') {
      applied = raw.prepare('SELECT expertise FROM cadres WHERE id = ?').pluck().get(t.cadreId) === expertiseTag(t.n);
    } else {
      // The writer never sets the value already there, so the value shows whether the change landed.
      applied = (await readSettings(store.db)).idleLockMinutes === t.value;
    }
    if (applied) {
      this.committedUnreported.push(t);
      this.apply(t, entityId);
    } else this.rolledBack += 1;
    return applied;
  }

  /**
   * Everything the account says must be in the store, and nothing else; returns what does not match.
   * `extraLogins`: logins made on this copy of the store only (the parent's own open of a copy).
   */
  async check(store: Store, extraLogins = 0): Promise<string[]> {
    const raw = store.raw;
    const problems: string[] = [];
    const audit = raw.prepare('SELECT id, action, target, detail FROM audit_log ORDER BY id').all() as {
      id: number;
      action: string;
      target: string;
      detail: string;
    }[];
    const auditById = new Map(audit.map((a) => [a.id, a]));

    // Audit entries by action: exactly one per committed change, whether or not its commit was reported.
    const actual = new Map<string, number>();
    for (const a of audit) actual.set(a.action, (actual.get(a.action) ?? 0) + 1);
    for (const [action, n] of actual) {
      if (action === 'session.login' || action === 'backup.auto') continue;
      if (n !== (this.auditByAction.get(action) ?? 0))
        problems.push(`audit log has ${n} ${action} entries, expected ${this.auditByAction.get(action) ?? 0}`);
    }
    for (const [action, n] of this.auditByAction)
      if (!actual.has(action)) problems.push(`audit log has no ${action} entry, expected ${n}`);
    // The day's automatic backup runs after a writer's login, on its own; killed, it is retried at the next login.
    const autoBackups = actual.get('backup.auto') ?? 0;
    if (autoBackups > 1) problems.push(`audit log has ${autoBackups} automatic backups, expected at most one a day`);
    const logins = actual.get('session.login') ?? 0;
    if (logins < this.loginsAtLeast + extraLogins || logins > this.loginsAtMost + extraLogins) {
      problems.push(
        `audit log has ${logins} logins, expected ${this.loginsAtLeast + extraLogins}..${this.loginsAtMost + extraLogins}`,
      );
    }

    const units = new Map(
      (raw.prepare('SELECT id, name FROM units').all() as { id: number; name: string }[]).map((u) => [u.id, u.name]),
    );
    const cadres = new Map(
      (
        raw.prepare('SELECT id, id_number, expertise, version, unit_id FROM cadres').all() as {
          id: number;
          id_number: string;
          expertise: string;
          version: number;
          unit_id: number;
        }[]
      ).map((c) => [c.id, c]),
    );

    // Each reported commit: its audit entry (by the id the writer read after COMMIT) and its rows.
    for (const c of this.reported.values()) {
      const a = auditById.get(c.auditId);
      const label = `transaction ${c.n} (${c.kind}, reported committed)`;
      if (!a) {
        problems.push(`${label}: audit entry ${c.auditId} is missing`);
        continue;
      }
      if (a.action !== KINDS[c.kind]) problems.push(`${label}: audit entry ${c.auditId} is ${a.action}`);
      const detail = JSON.parse(a.detail) as Record<string, unknown>;
      if (c.kind === 'unit') {
        if (a.target !== unitName(c.n)) problems.push(`${label}: audit entry ${c.auditId} names ${a.target}`);
        if (units.get(c.entityId!) !== unitName(c.n))
          problems.push(`${label}: unit ${c.entityId} is ${units.get(c.entityId!) ?? 'missing'}`);
      } else if (c.kind === 'create' || c.kind === 'update') {
        if (detail.cadreId !== c.entityId)
          problems.push(`${label}: audit entry ${c.auditId} is about cadre ${String(detail.cadreId)}`);
        if (!cadres.has(c.entityId!)) problems.push(`${label}: cadre ${c.entityId} is missing`);
      }
      // A setting's entry is checked by its action alone; the value is compared with the store's below.
    }
    // A change that committed unreported has its audit entry too (the counts above cover updates and settings).
    for (const t of this.committedUnreported) {
      if (t.kind === 'unit' && !audit.some((a) => a.action === KINDS.unit && a.target === unitName(t.n))) {
        problems.push(`transaction ${t.n} (unit, committed unreported): no audit entry`);
      }
    }

    // The data: exactly the units and cadres of the account, each cadre showing its latest write whole.
    if (units.size !== this.units.size) problems.push(`${units.size} units in the store, expected ${this.units.size}`);
    for (const [id, n] of this.units)
      if (units.get(id) !== unitName(n))
        problems.push(`unit ${id} is ${units.get(id) ?? 'missing'}, expected ${unitName(n)}`);
    if (cadres.size !== this.cadres.size)
      problems.push(`${cadres.size} cadres in the store, expected ${this.cadres.size}`);
    const results = groupBy(
      raw.prepare('SELECT cadre_id, year, result FROM cadre_annual_results ORDER BY cadre_id, year').all() as {
        cadre_id: number;
        year: number;
        result: string;
      }[],
    );
    const family = groupBy(
      raw.prepare('SELECT cadre_id, sort, name FROM cadre_family ORDER BY cadre_id, sort').all() as {
        cadre_id: number;
        sort: number;
        name: string;
      }[],
    );
    for (const [id, model] of this.cadres) {
      const row = cadres.get(id);
      if (!row) {
        problems.push(`cadre ${id} (transaction ${model.createdBy}) is missing`);
        continue;
      }
      const want = cadreForm(model.lastWrite, row.unit_id, cadreIdentity(model.createdBy));
      const got = {
        idNumber: row.id_number,
        expertise: row.expertise,
        version: row.version,
        results: (results.get(id) ?? []).map((r) => `${r.year}:${r.result}`),
        family: (family.get(id) ?? []).map((f) => `${f.sort}:${f.name}`),
      };
      const expected = {
        idNumber: want.idNumber,
        expertise: want.expertise,
        version: 1 + model.updates,
        results: want.annualResults.map((r) => `${r.year}:${r.result}`),
        family: want.family.map((f, i) => `${i}:${f.name}`),
      };
      if (JSON.stringify(got) !== JSON.stringify(expected))
        problems.push(`cadre ${id}: ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
    }
    if (results.size > this.cadres.size || family.size > this.cadres.size)
      problems.push('yearly results or family rows of unknown cadres');

    const setting = (await readSettings(store.db)).idleLockMinutes;
    if (setting !== this.setting) problems.push(`idle-lock time is ${setting}, expected ${this.setting}`);
    return problems;
  }

  get cadreCount(): number {
    return this.cadres.size;
  }
}

function groupBy<R extends { cadre_id: number }>(rows: readonly R[]): Map<number, R[]> {
  const m = new Map<number, R[]>();
  for (const r of rows) {
    const list = m.get(r.cadre_id);
    if (list) list.push(r);
    else m.set(r.cadre_id, [r]);
  }
  return m;
}
