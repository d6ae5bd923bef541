// Remembered column mappings of roster workbooks: the settings row `rosterMapping:<header signature>` holds the
// fields chosen for a file with those headers, so the next such file goes straight to the preview.
import type { Kysely } from 'kysely';
import { EXCEL_FIELD_KEYS } from '../../shared/roster/excel-fields';
import type { Database } from '../schema';
import type { FieldKey } from './excel/headers';
import type { SheetLayout } from './excel/layout';
import type { ColumnMapping } from './excel/parse';

const PREFIX = 'rosterMapping:';
const FIELD_SET: ReadonlySet<string> = new Set(EXCEL_FIELD_KEYS);

/** The settings key of a header list's mapping. */
export const mappingKey = (layout: SheetLayout): string => `${PREFIX}${layout.signature}`;

interface StoredMapping {
  readonly v: 1;
  /** Per header column, in order: the field, or null for 不导入. */
  readonly fields: readonly (FieldKey | null)[];
}

/** The remembered mapping for this header list, or undefined (none, or a value that no longer fits the headers). */
export async function rememberedMapping(db: Kysely<Database>, layout: SheetLayout): Promise<ColumnMapping | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', mappingKey(layout)).executeTakeFirst();
  if (!row) return undefined;
  let stored: unknown;
  try {
    stored = JSON.parse(row.value);
  } catch {
    return undefined;
  }
  const fields = (stored as Partial<StoredMapping> | null)?.fields;
  if (!Array.isArray(fields) || fields.length !== layout.columns.length) return undefined;
  if (!fields.every((f) => f === null || (typeof f === 'string' && FIELD_SET.has(f)))) return undefined;
  return new Map(layout.columns.map((c, i) => [c.column, fields[i] as FieldKey | null]));
}

/** The mapping as it will be stored: every header column's final field. */
export function storedMapping(layout: SheetLayout, mapping: ColumnMapping): string {
  const value: StoredMapping = {
    v: 1,
    fields: layout.columns.map((c) => (mapping.has(c.column) ? (mapping.get(c.column) ?? null) : (c.field ?? null))),
  };
  return JSON.stringify(value);
}

export async function rememberMapping(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
