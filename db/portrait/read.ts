// Reading a cadre's portrait from the store: the dossier's evidence through the pure model, the holistic evaluations
// (newest first) and the latest confirmation.
import type { Kysely } from 'kysely';
import { localToday } from '../../shared/dossier/quarter';
import { fail } from '../../shared/ipc/errors';
import { computePortrait } from '../../shared/portrait/model';
import type { PortraitEvidence } from '../../shared/portrait/types';
import { HOLISTIC_SUB_ITEM, holisticText } from '../../shared/portrait/holistic';
import { PORTRAIT_PERIOD_LABELS, periodStart, type PortraitPeriod } from '../../shared/portrait/period';
import type { HolisticEvaluation, PortraitConfirmation, PortraitEntry, PortraitView } from '../../shared/portrait/view';
import type { Database } from '../schema';
import { readPortraitCatalog } from './catalog';
import { readPortraitConfig } from './config';

const ID_CHUNK = 500;

export async function portraitCadre(db: Kysely<Database>, cadreId: number): Promise<PortraitView['cadre']> {
  const c = await db
    .selectFrom('cadres')
    .innerJoin('units', 'units.id', 'cadres.unit_id')
    .select(['cadres.id', 'cadres.name', 'units.name as unit_name'])
    .where('cadres.id', '=', cadreId)
    .executeTakeFirst();
  if (!c) return fail('NOT_FOUND', '找不到该干部，可能已被删除', 'cadreId');
  return { id: c.id, name: c.name, unitName: c.unit_name };
}

/** The cadre's entries as evidence for the model and as titles for display. */
async function readEvidence(
  db: Kysely<Database>,
  cadreId: number,
): Promise<{ entries: PortraitEntry[]; evidence: PortraitEvidence[] }> {
  const rows = await db
    .selectFrom('dossier_entries')
    .select(['id', 'date', 'title', 'polarity', 'list_item_code'])
    .where('cadre_id', '=', cadreId)
    .orderBy('date')
    .orderBy('id')
    .execute();
  const standards = new Map<number, string[]>();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const chunk = ids.slice(i, i + ID_CHUNK);
    const st = await db
      .selectFrom('dossier_entry_standards')
      .select(['entry_id', 'standard_code'])
      .where('entry_id', 'in', chunk)
      .execute();
    for (const s of st) {
      const list = standards.get(s.entry_id);
      if (list) list.push(s.standard_code);
      else standards.set(s.entry_id, [s.standard_code]);
    }
  }
  return {
    entries: rows.map((r) => ({
      id: r.id,
      date: r.date,
      title: r.title,
      polarity: r.polarity,
      listItemCode: r.list_item_code,
    })),
    evidence: rows.map((r) => ({
      id: r.id,
      date: r.date,
      listItemCode: r.list_item_code,
      standards: standards.get(r.id) ?? [],
      polarity: r.polarity,
    })),
  };
}

async function userNames(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export async function readEvaluations(db: Kysely<Database>, cadreId: number): Promise<HolisticEvaluation[]> {
  const rows = await db
    .selectFrom('holistic_evaluations')
    .selectAll()
    .where('cadre_id', '=', cadreId)
    .orderBy('id', 'desc')
    .execute();
  const names = await userNames(
    db,
    rows.map((r) => r.written_by),
  );
  return rows.map((r) => ({
    id: r.id,
    abilities: r.abilities,
    weaknesses: r.shortcomings,
    familiarFields: r.familiar_fields,
    writtenBy: { id: r.written_by, name: names.get(r.written_by) ?? `用户${r.written_by}` },
    writtenAt: r.written_at,
  }));
}

export async function readConfirmation(db: Kysely<Database>, cadreId: number): Promise<PortraitConfirmation | null> {
  const r = await db
    .selectFrom('portrait_confirmations')
    .selectAll()
    .where('cadre_id', '=', cadreId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!r) return null;
  const names = await userNames(db, [r.confirmed_by]);
  return {
    id: r.id,
    computedGrade: r.computed_grade,
    confirmedGrade: r.confirmed_grade,
    reason: r.reason,
    confirmedBy: { id: r.confirmed_by, name: names.get(r.confirmed_by) ?? `用户${r.confirmed_by}` },
    confirmedAt: r.confirmed_at,
  };
}

/** The profile fields the portrait reads: 任职时间 for 任现职以来, and the three texts of the 综合评价 draft. */
async function portraitProfile(db: Kysely<Database>, cadreId: number) {
  return db
    .selectFrom('cadres')
    .select(['post_since', 'traits', 'shortcomings', 'familiar_fields'])
    .where('id', '=', cadreId)
    .executeTakeFirstOrThrow();
}

/** The latest 整体性评价意见 (S3.5) entry on or before asOf. */
async function latestEvaluationEntry(db: Kysely<Database>, cadreId: number, asOf: string) {
  const r = await db
    .selectFrom('dossier_entries')
    .select(['id', 'date', 'title', 'content'])
    .where('cadre_id', '=', cadreId)
    .where('sub_item_code', '=', HOLISTIC_SUB_ITEM)
    .where('date', '<=', asOf)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ?? null;
}

/**
 * The portrait as of `asOf` (default: today on the host's clock; the model itself never reads a clock), over the
 * configured number of years or over a named period (本年度 / 近三年 / 任现职以来).
 */
export async function readPortrait(
  db: Kysely<Database>,
  cadreId: number,
  asOf: string = localToday(),
  period?: PortraitPeriod,
): Promise<PortraitView> {
  const cadre = await portraitCadre(db, cadreId);
  const [catalog, config, { entries, evidence }, evaluations, confirmation, profile, latestEntry] = await Promise.all([
    readPortraitCatalog(db),
    readPortraitConfig(db),
    readEvidence(db, cadreId),
    readEvaluations(db, cadreId),
    readConfirmation(db, cadreId),
    portraitProfile(db, cadreId),
    latestEvaluationEntry(db, cadreId, asOf),
  ]);
  const start = period === undefined ? null : periodStart(period, asOf, profile.post_since);
  const result = computePortrait({ catalog, config, asOf, evidence, ...(start ? { from: start.from } : {}) });
  const holistic = holisticText({
    saved: evaluations[0] ?? null,
    latestEntry,
    profile: { traits: profile.traits, shortcomings: profile.shortcomings, familiarFields: profile.familiar_fields },
  });
  return {
    cadre,
    result,
    entries,
    listItemNames: Object.fromEntries(catalog.listItems.map((i) => [i.code, i.name])),
    evaluations,
    evaluationVersion: evaluations[0]?.id ?? 0,
    holistic,
    period:
      period === undefined
        ? { key: null, label: `近${config.windowYears}年`, note: null }
        : { key: period, label: PORTRAIT_PERIOD_LABELS[period], note: start!.note },
    confirmation,
  };
}
