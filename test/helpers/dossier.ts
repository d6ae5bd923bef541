// Helpers for dossier tests: a valid entry input, a cadre to file it under, files to attach.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { entryCommonSchema } from '../../shared/dossier/schema';
import type { TestHost } from './host';
import { addUnit, cadreInput, tinyPng } from './roster';
import { tempDir } from './tmp-store';

export type EntryForm = z.input<typeof entryCommonSchema>;

/** A valid entry: a positive 优秀学员 result (S2.2, 培训机构, P3) in August 2025. */
export function entryForm(over: Partial<EntryForm> = {}): EntryForm {
  return {
    date: '2025-08-14',
    subItemCode: 'S2.2',
    channelCode: 'CH09',
    title: '2025年春季中青班优秀学员',
    content: '在县委党校中青年干部培训班学习期间表现突出，被评为优秀学员。',
    polarity: 'positive',
    standardCodes: ['D2.1', 'D4.2'],
    listItemCode: 'P3',
    ...over,
  };
}

/** A unit and one cadre (born 1978-03) in it; returns the cadre's id. */
export async function dossierCadre(h: TestHost, name = '巴特尔', unitName = '阿尔巴斯苏木'): Promise<number> {
  const units = await h.ok('units.list', {});
  const unit = units.find((u) => u.name === unitName) ?? (await addUnit(h, unitName));
  const c = await h.ok('cadres.create', { input: cadreInput(unit.id, { name, idNumber: '' }) });
  return c.id;
}

export const addEntry = (h: TestHost, cadreId: number, over: Partial<EntryForm> = {}) =>
  h.ok('entries.create', { input: { cadreId, ...entryForm(over) } });

/** Writes bytes to a temp file named `name` and picks it in the open dialog as an attachment: the token. */
export async function pickAttachment(h: TestHost, name: string, bytes: Buffer): Promise<string> {
  const path = join(tempDir('ganbu-att-'), name);
  writeFileSync(path, bytes);
  const [picked] = await h.pickOpen('attachment', path);
  return picked!.token;
}

export const samplePng = tinyPng;
/** The smallest well-formed-looking PDF header and body (the check reads the magic bytes). */
export const samplePdf = (): Buffer =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );

/** Every dossier table and the audit log's length: what a refused call must leave exactly as it was. */
export async function dossierState(h: TestHost) {
  const db = h.host.session().db;
  const [entries, standards, sources, attachments, classes, records, audit, settings] = await Promise.all([
    db.selectFrom('dossier_entries').selectAll().orderBy('id').execute(),
    db.selectFrom('dossier_entry_standards').selectAll().orderBy('entry_id').orderBy('standard_code').execute(),
    db.selectFrom('dossier_entry_sources').selectAll().orderBy('entry_id').orderBy('record_id').execute(),
    db.selectFrom('dossier_attachments').select(['id', 'entry_id', 'sha256']).orderBy('id').execute(),
    db.selectFrom('training_classes').selectAll().orderBy('id').execute(),
    db.selectFrom('training_records').selectAll().orderBy('id').execute(),
    db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id').execute(),
    db.selectFrom('settings').selectAll().orderBy('key').execute(),
  ]);
  return { entries, standards, sources, attachments, classes, records, audit, settings };
}

/** The newest audit entry's action, target and parsed detail. */
export async function newestAudit(h: TestHost) {
  const row = await h.host
    .session()
    .db.selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { action: row.action, target: row.target, detail: JSON.parse(row.detail) as Record<string, unknown> };
}
