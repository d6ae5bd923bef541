// intake.generate: one 填报表 per chosen unit for a quarter, written into the picked folder, each recorded by its
// serial so the returned file can be matched to it.
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { quarterLabel } from '../../shared/dossier/quarter';
import { fail } from '../../shared/ipc/errors';
import type { IntakeGenerated } from '../../shared/intake/types';
import type { Database } from '../schema';
import { quarterCompleteness } from '../dossier';
import { writeFileAtomic } from '../fs/atomic';
import { yieldToEventLoop } from '../app/jobs';
import { INTAKE_CHANNEL_SPECS, channelPackageFileName, type IntakeChannel } from '../../shared/intake/channels';
import { packageFileName } from './layout';
import { buildChannelPackage } from './channel-template';
import { buildIntakePackage } from './template';
import type { IntakeOptions } from './package-book';

export interface GenerateRequest {
  readonly quarter: string;
  readonly unitIds: readonly number[];
  readonly deadline: string;
  readonly returnTo: string;
  readonly folder: string;
  readonly storeId: string;
  readonly userId: number;
}

async function liveOptions(db: Kysely<Database>, channel?: IntakeChannel): Promise<IntakeOptions> {
  const spec = channel ? INTAKE_CHANNEL_SPECS[channel] : null;
  let subs = db.selectFrom('catalog_sub_items').select(['code', 'name']).where('retired', '=', 0);
  if (spec) subs = subs.where('section_code', 'in', spec.sections);
  let chans = db.selectFrom('catalog_channels').select(['code', 'name']).where('retired', '=', 0);
  if (spec && spec.channelCodes.length > 0) chans = chans.where('code', 'in', spec.channelCodes);
  let items = db.selectFrom('catalog_list_items').select(['code', 'name']).where('retired', '=', 0);
  const kinds = spec ? spec.polarities.filter((x) => x !== 'neutral') : [];
  if (spec && kinds.length > 0) items = items.where('polarity', 'in', kinds);
  const [subItems, standards, listItems, channels] = await Promise.all([
    subs.orderBy('sort').execute(),
    db.selectFrom('catalog_standards').select(['code', 'name']).where('retired', '=', 0).orderBy('sort').execute(),
    items.orderBy('sort').execute(),
    chans.orderBy('sort').execute(),
  ]);
  return { subItems, standards, listItems, channels };
}

const assertFolder = (folder: string) => {
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    fail('VALIDATION', '所选位置不是文件夹，请重新选择保存填报表的文件夹', 'token');
};

/** One channel's 填报表 for a quarter (纪检监察, 巡察/审计, 党校, 表彰), recorded by its serial like a unit's. */
export async function generateChannelPackage(
  db: Kysely<Database>,
  req: Omit<GenerateRequest, 'unitIds'> & { readonly channel: IntakeChannel },
): Promise<IntakeGenerated> {
  assertFolder(req.folder);
  const serial = randomBytes(12).toString('hex');
  const quarterText = quarterLabel(req.quarter);
  const bytes = await buildChannelPackage({
    storeId: req.storeId,
    serial,
    channel: req.channel,
    quarter: req.quarter,
    quarterText,
    deadline: req.deadline,
    returnTo: req.returnTo,
    options: await liveOptions(db, req.channel),
  });
  const fileName = channelPackageFileName(quarterText, req.channel);
  writeFileAtomic(join(req.folder, fileName), bytes);
  await db
    .insertInto('intake_packages')
    .values({
      serial,
      unit_id: null,
      channel: req.channel,
      quarter: req.quarter,
      deadline: req.deadline,
      return_to: req.returnTo,
      created_by: req.userId,
      created_at: new Date().toISOString(),
    })
    .execute();
  return { folder: req.folder, files: [fileName] };
}

export async function generatePackages(
  db: Kysely<Database>,
  req: GenerateRequest,
): Promise<IntakeGenerated & { units: string[] }> {
  assertFolder(req.folder);
  const unitIds = [...new Set(req.unitIds)];
  const units = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute();
  if (units.length < unitIds.length) fail('NOT_FOUND', '所选单位中有的已被删除，请刷新后重试', 'unitIds');
  const byId = new Map(units.map((u) => [u.id, u.name]));
  const [options, completeness, cadres] = await Promise.all([
    liveOptions(db),
    quarterCompleteness(db, req.quarter),
    db
      .selectFrom('cadres')
      .select(['id', 'name', 'current_post', 'unit_id'])
      .where('status', '=', '在职')
      .where('unit_id', 'in', unitIds)
      .orderBy('id')
      .execute(),
  ]);
  const sectionName = new Map(completeness.sections.map((s) => [s.code, s.name]));
  const gaps = new Map(completeness.gaps.map((g) => [g.cadreId, g.missing.map((c) => sectionName.get(c) ?? c)]));
  const quarterText = quarterLabel(req.quarter);
  const now = new Date().toISOString();
  const files: string[] = [];
  for (const unitId of unitIds) {
    const unitName = byId.get(unitId)!;
    const serial = randomBytes(12).toString('hex');
    const bytes = await buildIntakePackage({
      storeId: req.storeId,
      serial,
      unitId,
      unitName,
      quarter: req.quarter,
      quarterText,
      deadline: req.deadline,
      returnTo: req.returnTo,
      cadres: cadres
        .filter((c) => c.unit_id === unitId)
        .map((c) => ({ id: c.id, name: c.name, post: c.current_post, gaps: gaps.get(c.id) ?? [] })),
      options,
    });
    const fileName = packageFileName(quarterText, unitName);
    writeFileAtomic(join(req.folder, fileName), bytes);
    await db
      .insertInto('intake_packages')
      .values({
        serial,
        unit_id: unitId,
        quarter: req.quarter,
        deadline: req.deadline,
        return_to: req.returnTo,
        created_by: req.userId,
        created_at: now,
      })
      .execute();
    files.push(fileName);
    // Many units: let progress polls and other calls through.
    if (files.length % 20 === 0) await yieldToEventLoop();
  }
  return { folder: req.folder, files, units: unitIds.map((id) => byId.get(id)!) };
}
