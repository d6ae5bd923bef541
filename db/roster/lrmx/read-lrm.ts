// Reader of the older 任免审批表 .lrm (2.0) files: quoted, comma-separated GB18030 text + a .pic photo.
//
// Files come in two field orders (see lrm-layouts.ts); the order is chosen by what the fields contain, and a file
// that fits neither, or both, is refused rather than read with shifted fields.
// Fields are "…"-quoted ("" inside is one quote) and may span lines (简历); unquoted fields are accepted too.
// A file with fewer than the first nine fields is refused; fields past a file's end are `absent` (kept on re-import).
import {
  emptyLrmxPerson,
  LRMX_ELEMENTS,
  type LrmxFamilyMember,
  type LrmxPerson,
  type LrmxReadResult,
} from '../../../shared/roster/lrmx-types';
import { lrmFamilyFromColumns } from './lrm-family';
import { A_FAMILY_FROM, B_FAMILY_FROM, chooseLrmLayout, LRM_LAYOUTS, shown, type LrmLayoutId } from './lrm-layouts';
import { LRMX_MAX_BYTES } from './read';
import { trimXmlSpace } from '../../fs/xml';

export const NOT_LRM = '不是有效的任免审批表文件（.lrm）';
const MIN_FIELDS = 9;

function decodeText(b: Uint8Array): { text: string; warnings: string[] } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), warnings: [] };
    } catch {
      return null;
    }
  }
  // Valid UTF-8 with Chinese in it is practically never GB18030, so try it first (re-saved files are often UTF-8).
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), warnings: [] };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(b), warnings: [] };
    } catch {
      return null;
    }
  }
}

/** Splits the quoted, comma-separated text; null when a quote is never closed or junk sits between fields. */
export function splitLrmFields(text: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  const n = text.length;
  const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
  for (;;) {
    while (i < n && isSpace(text[i])) i += 1;
    if (i >= n) break;
    if (text[i] === '"') {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return null;
        value += text.slice(from, q);
        if (text[q + 1] === '"') {
          value += '"';
          from = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      fields.push(value);
    } else {
      const comma = text.indexOf(',', i);
      const end = comma < 0 ? n : comma;
      const raw = text.slice(i, end);
      if (raw.includes('"')) return null;
      fields.push(raw.trim());
      i = end;
    }
    while (i < n && isSpace(text[i])) i += 1;
    if (i >= n) break;
    if (text[i] !== ',') return null;
    i += 1;
  }
  return fields;
}

/** “a#b@c#d” → [a, b, c, d] (全日制 学历/学位, 在职 学历/学位). */
function splitEducation(s: string): [string, string, string, string] {
  const [full = '', part = ''] = s.split('@');
  const [a = '', b = ''] = full.split('#');
  const [c = '', d = ''] = part.split('#');
  return [a, b, c, d].map(trimXmlSpace) as [string, string, string, string];
}

type Built = { person: LrmxPerson; warnings: string[]; absent: Set<keyof LrmxPerson> };

/** Fills a person from the fields in the given layout; what the layout or the file lacks goes to `absent`. */
function build(f: readonly string[], layout: LrmLayoutId): Built {
  const slots = LRM_LAYOUTS[layout];
  const person: Record<string, unknown> = { ...emptyLrmxPerson(), version: '2.0' };
  const warnings: string[] = [];
  // Every field the layout has no position for is absent, and so is every position past the file's end.
  const carried = new Set<keyof LrmxPerson>();
  const absent = new Set<keyof LrmxPerson>();
  slots.forEach((slot, k) => {
    const keys: (keyof LrmxPerson)[] =
      'key' in slot
        ? [slot.key]
        : 'education' in slot && slot.education === 'level'
          ? ['quanRiZhiJiaoYuXueLi', 'quanRiZhiJiaoYuXueWei', 'zaiZhiJiaoYuXueLi', 'zaiZhiJiaoYuXueWei']
          : 'education' in slot
            ? [
                'quanRiZhiJiaoYuXueLiBiYeYuanXiaoXi',
                'quanRiZhiJiaoYuXueWeiBiYeYuanXiaoXi',
                'zaiZhiJiaoYuXueLiBiYeYuanXiaoXi',
                'zaiZhiJiaoYuXueWeiBiYeYuanXiaoXi',
              ]
            : [];
    keys.forEach((key) => (k < f.length ? carried.add(key) : absent.add(key)));
    if (k >= f.length) return;
    if ('key' in slot) person[slot.key] = slot.key === 'jianLi' ? f[k]!.replace(/\r\n?/g, '\n') : f[k];
    else if ('education' in slot) keys.forEach((key, i) => (person[key] = splitEducation(f[k]!)[i]));
    else if ('unknown' in slot && f[k]) warnings.push(`第 ${k + 1} 项的含义不明，其内容“${shown(f[k]!)}”未导入`);
  });
  for (const e of LRMX_ELEMENTS) {
    if (!carried.has(e.key) && e.key !== 'jiaTingChengYuan' && e.key !== 'zhaoPian' && e.key !== 'version')
      absent.add(e.key);
  }

  if (layout === 'A') {
    const family: LrmxFamilyMember[] = [];
    for (let k = A_FAMILY_FROM; k + 4 < f.length; k += 5) {
      family.push({
        chengWei: f[k]!,
        xingMing: f[k + 1]!,
        chuShengRiQi: f[k + 2]!,
        zhengZhiMianMao: f[k + 3]!,
        gongZuoDanWeiJiZhiWu: f[k + 4]!,
      });
    }
    person.jiaTingChengYuan = family;
    if (f.length > A_FAMILY_FROM && (f.length - A_FAMILY_FROM) % 5 !== 0)
      warnings.push('家庭成员的项数不完整，最后一位家庭成员未读取');
    if (f.length <= A_FAMILY_FROM) absent.add('jiaTingChengYuan');
    if (f.length <= 24) warnings.push('缺少“身份证号”项');
    if (f.length <= 13) warnings.push('缺少“现任职务”项');
  } else {
    const family = lrmFamilyFromColumns(f.slice(B_FAMILY_FROM, B_FAMILY_FROM + 5));
    if ('members' in family) person.jiaTingChengYuan = family.members;
    else {
      warnings.push(family.warning);
      absent.add('jiaTingChengYuan');
    }
    warnings.push('这种字段顺序的 .lrm 文件没有“身份证号”项');
    if (f.length <= 25) warnings.push('缺少“现任职务”项');
  }
  return { person: person as unknown as LrmxPerson, warnings, absent };
}

export function readLrm(bytes: Uint8Array, pic: Uint8Array | null): LrmxReadResult {
  try {
    if (bytes.length === 0) return { ok: false, error: '文件为空' };
    if (bytes.length > LRMX_MAX_BYTES) return { ok: false, error: '文件过大（上限 20 MB），不是任免审批表文件' };
    let first = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    while (
      first < bytes.length &&
      (bytes[first] === 0x20 || bytes[first] === 0x09 || bytes[first] === 0x0a || bytes[first] === 0x0d)
    )
      first += 1;
    if (first === bytes.length) return { ok: false, error: '文件为空' };
    if (bytes[first] !== 0x22) return { ok: false, error: NOT_LRM }; // junk is refused on its first byte

    const decoded = decodeText(bytes);
    if (!decoded) return { ok: false, error: `${NOT_LRM}：文件编码无法识别（既不是 GB18030 也不是 UTF-8 文本）` };
    const split = splitLrmFields(decoded.text.replace(/^\uFEFF/, ''));
    if (!split) return { ok: false, error: `${NOT_LRM}：引号不配对或字段之间有多余内容，文件可能已损坏` };
    if (split.length < MIN_FIELDS)
      return { ok: false, error: `${NOT_LRM}：只有 ${split.length} 项，至少应有 ${MIN_FIELDS} 项` };
    const f = split.map(trimXmlSpace);
    if (!f[0]) return { ok: false, error: `${NOT_LRM}：“姓名”为空` };

    const chosen = chooseLrmLayout(f);
    if (!chosen.ok) return { ok: false, error: chosen.error };
    const { person, warnings, absent } = build(f, chosen.layout);
    const withPhoto: LrmxPerson = {
      ...person,
      zhaoPian: pic && pic.length > 0 ? Buffer.from(pic.buffer, pic.byteOffset, pic.byteLength).toString('base64') : '',
    };
    if (!pic) {
      warnings.push('没有找到同名的 .pic 照片文件');
      absent.add('zhaoPian');
    }
    return { ok: true, person: withPhoto, warnings: [...decoded.warnings, ...warnings], absent };
  } catch (e) {
    return { ok: false, error: `${NOT_LRM}：读取时出错（${e instanceof Error ? e.message : String(e)}）` };
  }
}
