// 家庭成员 of a layout-B .lrm file: five @-joined columns (称谓, 姓名, 出生日期, 政治面貌, 工作单位及职务), one entry per member.
import type { LrmxFamilyMember } from '../../../shared/roster/lrmx-types';
import { FAMILY_LABELS } from './lrm-layouts';
import { trimXmlSpace } from '../../fs/xml';

// A writer puts '#' for a missing value (and usually strips it again): either way the entry is empty.
const entries = (column: string): string[] =>
  column === '' ? [] : column.split('@').map((s) => trimXmlSpace(s).replace(/^#$/, ''));

/** How many members a column names: up to its last non-empty entry (writers pad every column with trailing @). */
const named = (col: readonly string[]) => {
  let n = col.length;
  while (n > 0 && !col[n - 1]) n -= 1;
  return n;
};

/**
 * The members, or a warning when the columns cannot be lined up: a column that stops while another still names
 * someone leaves it unknown whose value is whose. Then no member is read (the caller keeps the stored ones), since
 * pairing a name with someone else's 出生日期 would be worse than importing none.
 */
export function lrmFamilyFromColumns(
  columns: readonly string[],
): { members: LrmxFamilyMember[] } | { warning: string } {
  const cols = columns.map(entries);
  const width = Math.max(0, ...cols.map(named));
  const short = cols.some((col) => col.length > 0 && col.length < width);
  if (short) {
    const counts = cols.map((col, i) => `${FAMILY_LABELS[i]} ${named(col)} 人`).join('、');
    return { warning: `家庭成员五列的人数不一致（${counts}），无法确定各项的对应关系，家庭成员未导入（保留原有记录）` };
  }
  const members: LrmxFamilyMember[] = [];
  for (let i = 0; i < width; i += 1) {
    const [chengWei = '', xingMing = '', chuShengRiQi = '', zhengZhiMianMao = '', gongZuoDanWeiJiZhiWu = ''] = cols.map(
      (col) => col[i] ?? '',
    );
    if (chengWei || xingMing || chuShengRiQi || zhengZhiMianMao || gongZuoDanWeiJiZhiWu) {
      members.push({ chengWei, xingMing, chuShengRiQi, zhengZhiMianMao, gongZuoDanWeiJiZhiWu });
    }
  }
  return { members };
}
