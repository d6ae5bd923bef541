// Which profile fields a 任免审批表 file says nothing about, so a re-import keeps their stored values.
import type { LrmxPerson } from '../../../shared/roster/lrmx-types';
import type { CadreInput } from '../../../shared/roster/types';
import type { LrmxCadreFields } from './map';

type Field = keyof CadreInput;

/** The profile fields each element fills (a field filled from two elements is absent only when both are). */
const FILLED_BY: readonly (readonly [Field, readonly (keyof LrmxPerson)[]])[] = [
  ['name', ['xingMing']],
  ['gender', ['xingBie']],
  ['birthMonth', ['chuShengNianYue']],
  ['ethnicity', ['minZu']],
  ['nativePlace', ['jiGuan']],
  ['birthPlace', ['chuShengDi']],
  ['partyJoin', ['ruDangShiJian']],
  ['workStart', ['canJiaGongZuoShiJian']],
  ['health', ['jianKangZhuangKuang']],
  ['techTitle', ['zhuanYeJiShuZhiWu']],
  ['expertise', ['shuXiZhuanYeYouHeZhuanChang']],
  ['fulltimeEducation', ['quanRiZhiJiaoYuXueLi']],
  ['fulltimeDegree', ['quanRiZhiJiaoYuXueWei']],
  ['fulltimeSchool', ['quanRiZhiJiaoYuXueLiBiYeYuanXiaoXi', 'quanRiZhiJiaoYuXueWeiBiYeYuanXiaoXi']],
  ['parttimeEducation', ['zaiZhiJiaoYuXueLi']],
  ['parttimeDegree', ['zaiZhiJiaoYuXueWei']],
  ['parttimeSchool', ['zaiZhiJiaoYuXueLiBiYeYuanXiaoXi', 'zaiZhiJiaoYuXueWeiBiYeYuanXiaoXi']],
  ['currentPost', ['xianRenZhiWu']],
  ['resume', ['jianLi']],
  ['rewards', ['jiangChengQingKuang']],
  ['annualResults', ['nianDuKaoHeJieGuo']],
  ['annualResultsNote', ['nianDuKaoHeJieGuo']],
  ['family', ['jiaTingChengYuan']],
  ['idNumber', ['shenFenZheng']],
];

/** Not in the format at all: the roster's own fields (职级, status, the staff's evaluations). */
const NOT_IN_FORMAT: readonly Field[] = ['rank', 'status', 'familiarFields', 'traits', 'shortcomings'];

/** Date fields whose text the mapper could not read: it gives '', which must not erase a stored date. */
const DATES: readonly (readonly [
  'birthMonth' | 'partyJoin' | 'workStart',
  'chuShengNianYue' | 'ruDangShiJian' | 'canJiaGongZuoShiJian',
])[] = [
  ['birthMonth', 'chuShengNianYue'],
  ['partyJoin', 'ruDangShiJian'],
  ['workStart', 'canJiaGongZuoShiJian'],
];

/**
 * The profile fields to keep as stored: those whose elements the file lacks, those the format does not have,
 * dates it has but could not read (the preview names them as issues), a 性别 it did not give (the mapper puts in a
 * stand-in), and 任职时间 when the 简历 does not show it (it is only ever derived from the 简历's open last line).
 */
export function absentProfileFields(
  person: LrmxPerson,
  absent: ReadonlySet<keyof LrmxPerson>,
  fields: LrmxCadreFields,
): ReadonlySet<Field> {
  const out = new Set<Field>(NOT_IN_FORMAT);
  for (const [field, elements] of FILLED_BY) if (elements.every((e) => absent.has(e))) out.add(field);
  for (const [field, element] of DATES) if (person[element].trim() && !fields[field]) out.add(field);
  if (!['男', '女', '男性', '女性'].includes(person.xingBie.trim())) out.add('gender');
  if (!fields.postSince) out.add('postSince');
  return out;
}
