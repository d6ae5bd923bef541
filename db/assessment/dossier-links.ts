// SEAMS for the dossier (issue 4, built on another branch): the two links of the assessment to it, empty until it lands.
import type { Kysely } from 'kysely';
import type { ArchivedResult } from '../../shared/assessment/types';
import type { Database } from '../schema';
import type { AssessmentRow } from './access';

/** A veto the dossier suggests: an entry of the assessment year matching a veto list item. */
export interface VetoProposal {
  targetId: number;
  dossierEntryId: number;
  reason: string;
}

/**
 * SEAM for the dossier (issue 4): veto proposals from dossier entries of the assessment's year that match a veto
 * list item. Filled once the dossier lands; until then there are none.
 */
export async function dossierVetoProposals(_db: Kysely<Database>, _row: AssessmentRow): Promise<VetoProposal[]> {
  return [];
}

/**
 * SEAM for the dossier (issue 4, sub-item S3.2 “双比双评”考核结果): at archive, write each cadre's result (rank, final
 * score, confirmed grade) into their dossier, in the archive's transaction. Filled once the dossier lands; until then
 * it writes nothing.
 */
export async function writeResultsToDossier(_db: Kysely<Database>, _row: AssessmentRow, _archived: ArchivedResult): Promise<number> {
  return 0;
}
