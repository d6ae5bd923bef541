// Writes one cadre's dossier as .docx to the path picked in the save dialog (atomically: never a half-written file).
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { writeFileAtomic } from '../fs/atomic';
import { dossierDocx, readDossierDocxData } from './docx/dossier-docx';

export async function exportDossierDocx(db: Kysely<Database>, path: string, cadreId: number) {
  const data = await readDossierDocxData(db, cadreId);
  writeFileAtomic(path, await dossierDocx(data));
  return {
    fileName: basename(path),
    name: data.profile.name,
    unitName: data.profile.unitName,
    entries: data.entries.length,
  };
}
