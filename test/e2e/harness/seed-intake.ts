// Seeding the 填报审核 tests share: the units 阿尔巴斯苏木 and 乌兰镇 (类别 C1) and the cadres each test names, without
// 身份证号 (as a unit's 填报表 names them by 姓名 and post).
import { cadreInput } from '../../helpers/roster';
import type { TestApp } from './app';

export const INTAKE_UNITS = ['阿尔巴斯苏木', '乌兰镇'] as const;

export interface IntakeCadre {
  /** The key of the cadre's id in the answer. */
  readonly key: string;
  readonly unit: (typeof INTAKE_UNITS)[number];
  readonly name: string;
  /** 现任职务; cadreInput's own when left out. */
  readonly currentPost?: string;
}

/** Creates the two units and the cadres; the answer holds the units' ids by name and the cadres' by key. */
export async function seedIntakeRoster(
  app: TestApp,
  cadres: readonly IntakeCadre[],
): Promise<{ units: Record<(typeof INTAKE_UNITS)[number], number>; ids: Record<string, number> }> {
  const [sumu, wulan] = INTAKE_UNITS;
  const units = {
    [sumu]: (await app.call('units.save', { name: sumu, categoryCode: 'C1', sort: 1 })).id,
    [wulan]: (await app.call('units.save', { name: wulan, categoryCode: 'C1', sort: 2 })).id,
  };
  const ids: Record<string, number> = {};
  for (const c of cadres) {
    const over = { name: c.name, idNumber: '', ...(c.currentPost === undefined ? {} : { currentPost: c.currentPost }) };
    ids[c.key] = (await app.call('cadres.create', { input: cadreInput(units[c.unit], over) })).id;
  }
  return { units, ids };
}
