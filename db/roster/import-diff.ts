// What an import would change on a stored cadre, field by field. The preview shows these changes; the commit writes
// the stored profile plus exactly the shown changes the user did not keep, so nothing changes that the preview did
// not show.
import { createHash } from 'node:crypto';
import { formatYearMonth } from '../../shared/roster/dates';
import { CADRE_FIELD_LABELS } from '../../shared/roster/schema';
import { POSITION_NAMES, type AnnualResult, type CadreInput, type FamilyMember } from '../../shared/roster/types';
import type { ChangeField, FieldChange } from '../../shared/roster/views';

type Field = keyof CadreInput;

/** Every profile field in the profile's order (the labels' order), then the photo. */
export const PROFILE_FIELDS = Object.keys(CADRE_FIELD_LABELS) as Field[];
export const CHANGE_FIELDS: readonly ChangeField[] = [...PROFILE_FIELDS, 'photo'];
export const changeLabel = (f: ChangeField): string => (f === 'photo' ? '照片' : CADRE_FIELD_LABELS[f]);

const LINE_FIELDS: ReadonlySet<Field> = new Set(['resume', 'rewards', 'annualResults', 'family']);
/** Values kept out of the audit log as text: identifying or long. */
const DIGEST_FIELDS: ReadonlySet<ChangeField> = new Set(['idNumber', 'resume', 'rewards', 'family', 'photo']);
const AUDIT_TEXT_MAX = 60;

const YM = /^\d{4}-\d{2}$/;
const byYear = (rs: readonly AnnualResult[]) => [...rs].sort((a, b) => a.year - b.year);

const familyLine = (m: FamilyMember) =>
  [m.relation, m.name, formatYearMonth(m.birthMonth), m.politicalStatus, m.workUnitPost]
    .filter((x) => x.trim() !== '')
    .join(' ');

/** A field's value as the profile shows it (one line per period, member or year for the multi-line ones). */
export function displayValue(field: Field, c: CadreInput, unitNames: ReadonlyMap<number, string>): string {
  switch (field) {
    case 'unitId':
      return unitNames.get(c.unitId) ?? '';
    case 'position':
      return POSITION_NAMES[c.position];
    case 'annualResults':
      return byYear(c.annualResults)
        .map((r) => `${r.year}年度${r.result}`)
        .join('\n');
    case 'family':
      return c.family.map(familyLine).join('\n');
    default: {
      const v = String(c[field] ?? '');
      return YM.test(v) ? formatYearMonth(v) : v;
    }
  }
}

const comparable = (field: Field, c: CadreInput): string =>
  field === 'annualResults' ? JSON.stringify(byYear(c.annualResults)) : JSON.stringify(c[field] ?? '');

/** The lines of `a` missing from `b` and the other way round, counted as multisets (a line may repeat). */
function lineDiff(a: string, b: string): { removed: string[]; added: string[] } {
  const left = a ? a.split('\n') : [];
  const right = b ? b.split('\n') : [];
  const unmatched = new Map<string, number>();
  for (const l of right) unmatched.set(l, (unmatched.get(l) ?? 0) + 1);
  const removed: string[] = [];
  for (const l of left) {
    const n = unmatched.get(l) ?? 0;
    if (n > 0) unmatched.set(l, n - 1);
    else removed.push(l);
  }
  const kept = new Map<string, number>();
  for (const l of left) kept.set(l, (kept.get(l) ?? 0) + 1);
  const added: string[] = [];
  for (const l of right) {
    const n = kept.get(l) ?? 0;
    if (n > 0) kept.set(l, n - 1);
    else added.push(l);
  }
  return { removed, added };
}

/**
 * The profile an import proposes: a field the source does not have (`absent`) keeps the stored value, one it has,
 * even empty, takes the source's. Two rules that protect the natural key and the history: an empty 身份证号 never
 * erases a stored one (a confirmed name match, an unreadable number), and 年度考核 merges by year, the source's years
 * replacing the stored ones, so a file listing only recent years (近三年) keeps the older ones.
 */
export function proposedProfile(stored: CadreInput, incoming: CadreInput, absent: ReadonlySet<Field>): CadreInput {
  const out: Record<string, unknown> = {};
  for (const f of PROFILE_FIELDS) out[f] = absent.has(f) ? stored[f] : incoming[f];
  if (!incoming.idNumber) out.idNumber = stored.idNumber;
  if (!absent.has('annualResults')) {
    const years = new Set(incoming.annualResults.map((r) => r.year));
    out.annualResults = byYear([...stored.annualResults.filter((r) => !years.has(r.year)), ...incoming.annualResults]);
  }
  return out as unknown as CadreInput;
}

/** The fields that differ between the stored and the proposed profile, in the profile's order. */
export function profileChanges(
  stored: CadreInput,
  proposed: CadreInput,
  unitNames: ReadonlyMap<number, string>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of PROFILE_FIELDS) {
    if (comparable(field, stored) === comparable(field, proposed)) continue;
    const before = displayValue(field, stored, unitNames);
    const after = displayValue(field, proposed, unitNames);
    const change: FieldChange = { field, label: changeLabel(field), stored: before, incoming: after };
    changes.push(LINE_FIELDS.has(field) ? { ...change, lines: lineDiff(before, after) } : change);
  }
  return changes;
}

const kb = (b: Buffer) => `${Math.max(1, Math.round(b.length / 1024))} KB`;

/** A photo in the file that differs from the stored one (a file without a photo never removes one). */
export function photoChange(stored: Buffer | null, incoming: Buffer | null): FieldChange | null {
  if (!incoming || (stored && stored.equals(incoming))) return null;
  return {
    field: 'photo',
    label: changeLabel('photo'),
    stored: stored ? `已有照片（${kb(stored)}）` : '',
    incoming: `文件中的照片（${kb(incoming)}）`,
  };
}

/** The stored profile with the proposed value of every field the user did not keep. */
export function withKept(stored: CadreInput, proposed: CadreInput, kept: ReadonlySet<ChangeField>): CadreInput {
  if (kept.size === 0) return proposed;
  const out: Record<string, unknown> = { ...proposed };
  for (const f of PROFILE_FIELDS) if (kept.has(f)) out[f] = stored[f];
  return out as unknown as CadreInput;
}

const digest = (v: string | Buffer) => `摘要 ${createHash('sha256').update(v).digest('hex').slice(0, 12)}`;

/** What the audit entry says of the written changes: old → new as text, or as a digest for identifying or long values. */
export function auditChanges(
  changes: readonly FieldChange[],
  photo?: { stored: Buffer | null; incoming: Buffer },
): Record<string, [string, string]> {
  const out: Record<string, [string, string]> = {};
  for (const c of changes) {
    if (c.field === 'photo' && photo) {
      out[c.label] = [photo.stored ? digest(photo.stored) : '', digest(photo.incoming)];
      continue;
    }
    const hide = DIGEST_FIELDS.has(c.field) || c.stored.length > AUDIT_TEXT_MAX || c.incoming.length > AUDIT_TEXT_MAX;
    out[c.label] = hide
      ? [c.stored ? digest(c.stored) : '', c.incoming ? digest(c.incoming) : '']
      : [c.stored, c.incoming];
  }
  return out;
}

/** A stored profile as the input shape (the fields an import compares and writes). */
export function profileInput(p: CadreInput): CadreInput {
  const out: Record<string, unknown> = {};
  for (const f of PROFILE_FIELDS) out[f] = p[f];
  return out as unknown as CadreInput;
}
