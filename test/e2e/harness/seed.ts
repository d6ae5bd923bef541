// Seeding the e2e tests share. The panel, ballot-import and 评议终端包 tests: three 正职 of 苏木镇（街道）, one in each
// of three units (and, when asked, two 副职 of 乌兰镇), and an assessment over them taking ballots (测评中). The
// rankings and print tests: scoring.md's worked example.
import type { CallInput } from '../../../shared/ipc/contract';
import type { PanelCodeSheet } from '../../../shared/assessment/panel';
import { enterWorkedExample, seedRoster, startCollecting, type SmallRoster } from '../../helpers/assessment';
import type { TestHost } from '../../helpers/host';
import { minimalCadre } from '../../helpers/roster';
import type { TestApp } from './app';

export const ASSESSMENT_NAME = '2025年度科级干部“双比双评”考核';
export const CHIEFS = ['阿古拉', '巴特尔', '朝鲁'] as const;

export const DEPUTIES = ['德力格尔', '额尔敦'] as const;

export async function seedCollectingAssessment(
  app: TestApp,
  opts: { deputies?: boolean } = {},
): Promise<{ assessmentId: number; ids: Record<string, number>; units: Record<string, number> }> {
  const ids: Record<string, number> = {};
  const units: Record<string, number> = {};
  for (const [i, name] of ['乌兰镇', '棋盘井镇', '阿尔巴斯苏木'].entries())
    units[name] = (await app.call('units.save', { name, categoryCode: 'C1', sort: i + 1 })).id;
  const unitIds = Object.values(units);
  for (const [i, name] of CHIEFS.entries())
    ids[name] = (await app.call('cadres.create', { input: minimalCadre(unitIds[i]!, { name, position: 'chief' }) })).id;
  if (opts.deputies) {
    for (const name of DEPUTIES)
      ids[name] = (
        await app.call('cadres.create', { input: minimalCadre(units['乌兰镇']!, { name, position: 'deputy' }) })
      ).id;
  }
  const a = await app.call('assessments.create', {
    name: ASSESSMENT_NAME,
    year: 2025,
    scope: { categoryCodes: ['C1'], unitIds: [] },
  });
  await app.call('assessments.setState', { id: a.id, version: a.version, state: 'collecting' });
  return { assessmentId: a.id, ids, units };
}

/** The 评议终端包 tests: the assessment above and four codes of one rater kind for its 正职 group (the seats). */
export async function seedTerminalAssessment(
  app: TestApp,
  kind: CallInput<'codes.generate'>['kind'],
): Promise<{ assessmentId: number; ids: Record<string, number>; sheet: PanelCodeSheet }> {
  const { assessmentId, ids } = await seedCollectingAssessment(app);
  const sheet = await app.call('codes.generate', { assessmentId, kind, group: 'chief:C1', count: 4 });
  return { assessmentId, ids, sheet };
}

/**
 * The worked example of scoring.md (test/helpers/assessment) in an e2e app's store: its small roster and an assessment
 * over `categoryCodes` taking ballots (测评中) with the example's ballots entered.
 */
export async function seedWorkedExample(
  app: TestApp,
  name: string,
  categoryCodes: readonly string[] = ['C1'],
): Promise<{ assessmentId: number; roster: SmallRoster }> {
  // The shared assessment helpers only call `ok`: the same calls go through the app's dispatcher.
  const h = { ok: (call: string, input: unknown) => app.must(call, input) } as unknown as TestHost;
  const roster = await seedRoster(h);
  const created = await app.call('assessments.create', {
    name,
    year: 2025,
    scope: { categoryCodes: [...categoryCodes], unitIds: [] },
  });
  const a = await startCollecting(h, created);
  await enterWorkedExample(h, a.id, roster);
  return { assessmentId: a.id, roster };
}
