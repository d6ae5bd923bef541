// The portrait calls of the contract: a cadre's portrait, the holistic evaluation (appended as history) and the
// confirmed grade beside the computed one.
import type { Handlers } from '../app/context';
import { fail } from '../../shared/ipc/errors';
import { isIsoDate } from '../../shared/portrait/window';
import { portraitCadre, readEvaluations, readPortrait } from './read';

export const portraitHandlers: Handlers<'portrait.get' | 'portrait.saveEvaluation' | 'portrait.confirm'> = {
  'portrait.get'({ db }, { cadreId, asOf, period }) {
    if (asOf !== undefined && !isIsoDate(asOf)) fail('VALIDATION', '评价基准日期不是有效日期', 'asOf');
    return readPortrait(db, cadreId, asOf, period);
  },

  async 'portrait.saveEvaluation'({ db, rec, store }, { cadreId, abilities, weaknesses, familiarFields, baseVersion }) {
    const cadre = await portraitCadre(db, cadreId);
    const [current] = await readEvaluations(db, cadreId);
    const currentVersion = current?.id ?? 0;
    if (currentVersion !== baseVersion) {
      fail(
        'CONFLICT',
        current
          ? `综合评价已被${current.writtenBy.name}于 ${current.writtenAt.slice(0, 16).replace('T', ' ')} 修改，请刷新后在最新版本上修改（您填写的内容未保存）`
          : '综合评价已被他人修改，请刷新后在最新版本上修改（您填写的内容未保存）',
        'baseVersion',
      );
    }
    const row = await db
      .insertInto('holistic_evaluations')
      .values({
        cadre_id: cadreId,
        abilities,
        shortcomings: weaknesses,
        familiar_fields: familiarFields,
        written_by: store.user.id,
        written_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    rec.record(`${cadre.name}（${cadre.unitName}）：综合评价`, {
      evaluationId: row.id,
      previous: currentVersion || null,
    });
    return readPortrait(db, cadreId);
  },

  async 'portrait.confirm'({ db, rec, store }, { cadreId, grade, reason }) {
    const before = await readPortrait(db, cadreId);
    const computed = before.result.classificationLabel as typeof grade;
    if (grade !== computed && reason === '') {
      fail('VALIDATION', `确认等次“${grade}”与计算等次“${computed}”不同，请填写理由`, 'reason');
    }
    await db
      .insertInto('portrait_confirmations')
      .values({
        cadre_id: cadreId,
        computed_grade: computed,
        confirmed_grade: grade,
        reason,
        confirmed_by: store.user.id,
        confirmed_at: new Date().toISOString(),
      })
      .execute();
    rec.record(`${before.cadre.name}（${before.cadre.unitName}）：政治画像等次`, {
      computed,
      confirmed: grade,
      withReason: reason !== '',
    });
    return readPortrait(db, cadreId);
  },
};
