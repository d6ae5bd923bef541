// 导出评议终端包 on the main PC: one sealed 测评包 for one terminal number, covering all groups or a chosen set, with
// its password (shown once, on the 交接单) and the file's digest.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { groupsOf } from '../../shared/assessment/groups';
import { groupRefOf } from '../../shared/assessment/types';
import { fail } from '../../shared/ipc/errors';
import type { SessionUser } from '../../shared/ipc/types';
import { type AssessmentRow, indicatorNames, readMembers } from '../assessment';
import type { Database } from '../schema';
import { deriveKey, newKdfParams, DEFAULT_KDF } from '../store/kdf';
import {
  CODE_COST,
  manySeatSecrets,
  newPackageId,
  newPackagePassword,
  normalizePackagePassword,
  type CodeCost,
} from './codes';
import type { PackageContent } from './formats';
import { fileDigest, seal } from './seal';
import { configOf } from '../assessment';

export interface ExportedPackage {
  readonly bytes: Buffer;
  /** Shown once: printed on the 交接单, never stored. */
  readonly password: string;
  readonly digest: string;
  readonly terminalNo: number;
  readonly groups: readonly { ref: string; name: string }[];
  readonly seats: number;
  readonly exportedOn: string;
}

export interface ExportOptions {
  readonly codeKey: Buffer;
  readonly storeId: string;
  readonly user: SessionUser;
  /** Tests lower these; the app uses the key slots' and CODE_COST's. */
  readonly kdfCost?: { N: number; r: number; p: number };
  readonly codeCost?: CodeCost;
  readonly today?: string;
}

export async function exportPackage(
  db: Kysely<Database>,
  row: AssessmentRow,
  input: { terminalNo: number; groups?: readonly string[] | undefined },
  opts: ExportOptions,
): Promise<ExportedPackage> {
  const taken = await db
    .selectFrom('terminal_packages')
    .select('id')
    .where('assessment_id', '=', row.id)
    .where('terminal_no', '=', input.terminalNo)
    .executeTakeFirst();
  if (taken) fail('VALIDATION', `终端 ${input.terminalNo} 已导出过评议终端包，请换一个终端编号`, 'terminalNo');
  const members = await readMembers(db, row.id);
  const all = groupsOf(members);
  const chosen =
    input.groups === undefined || input.groups.length === 0 ? all.map((g) => g.ref) : [...new Set(input.groups)];
  const stranger = chosen.find((ref) => !all.some((g) => g.ref === ref));
  if (stranger !== undefined) fail('VALIDATION', `所选分组“${stranger}”不是本次考核的分组`, 'groups');
  const groups = all.filter((g) => chosen.includes(g.ref));
  const codes = await db
    .selectFrom('assessment_panel_codes')
    .select(['id', 'kind', 'group_ref', 'seat_no', 'rater_cadre_id', 'code_hash'])
    .where('assessment_id', '=', row.id)
    .where('state', '=', 'unused')
    .where('group_ref', 'in', chosen)
    .orderBy('id')
    .execute();
  if (codes.length === 0)
    fail('VALIDATION', '所选分组没有未使用的评议码，请先在“评议码”中生成评议码再导出评议终端包', 'groups');
  const codeCost = opts.codeCost ?? CODE_COST;
  const salt = randomBytes(16);
  const secrets = await manySeatSecrets(
    codes.map((c) => c.code_hash),
    salt,
    codeCost,
  );
  const config = configOf(row.config);
  const names = await indicatorNames(db);
  const indicators = (p: 'chief' | 'deputy') =>
    config.indicators[p].map((i) => ({ id: i.id, name: names[i.id] ?? i.id, weight: i.weight }));
  const packageId = newPackageId();
  const exportedOn = opts.today ?? new Date().toISOString().slice(0, 10);
  const content: PackageContent = {
    packageId,
    terminalNo: input.terminalNo,
    assessment: { id: row.id, name: row.name, year: row.year },
    exportedOn,
    groups: groups.map((g) => ({ ref: g.ref, name: g.name })),
    // Name, unit and 职务 (and the group they make), nothing else of the roster.
    members: members
      .filter((m) => chosen.includes(groupRefOf(m)))
      .map((m) => ({
        cadreId: m.cadreId,
        name: m.name,
        position: m.position,
        unitId: m.unitId,
        unitName: m.unitName,
        categoryCode: m.categoryCode,
        categoryName: m.categoryName,
      })),
    indicators: { chief: indicators('chief'), deputy: indicators('deputy') },
    codeKey: opts.codeKey.toString('hex'),
    codeSalt: salt.toString('hex'),
    codeCost: { N: codeCost.N, r: codeCost.r, p: 1 },
    seats: codes.map((c, i) => ({
      lookup: secrets[i]!.lookup,
      kind: c.kind,
      group: c.group_ref,
      seatNo: c.seat_no,
      raterCadreId: c.rater_cadre_id,
    })),
  };
  const password = newPackagePassword();
  const kdf = newKdfParams(opts.kdfCost ?? DEFAULT_KDF);
  const key = await deriveKey(normalizePackagePassword(password), kdf);
  const bytes = seal(
    {
      format: 'ganbu-terminal',
      version: 1,
      kind: 'package',
      packageId,
      terminalNo: input.terminalNo,
      assessmentId: row.id,
      storeId: opts.storeId,
      kdf,
    },
    key,
    content,
  );
  const digest = fileDigest(bytes);
  const inserted = await db
    .insertInto('terminal_packages')
    .values({
      assessment_id: row.id,
      package_id: packageId,
      terminal_no: input.terminalNo,
      groups: JSON.stringify(content.groups),
      package_key: key.toString('hex'),
      code_salt: salt.toString('hex'),
      code_cost: JSON.stringify(content.codeCost),
      digest,
      seats: codes.length,
      exported_by: opts.user.displayName,
      exported_on: exportedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < codes.length; i += 300)
    await db
      .insertInto('terminal_package_seats')
      .values(
        codes
          .slice(i, i + 300)
          .map((c, j) => ({ package_id: inserted.id, code_id: c.id, lookup: secrets[i + j]!.lookup })),
      )
      .execute();
  return {
    bytes,
    password,
    digest,
    terminalNo: input.terminalNo,
    groups: content.groups,
    seats: codes.length,
    exportedOn,
  };
}
