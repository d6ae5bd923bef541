// Best-effort reader of the older 任免审批表 .lrm (2.0) files: quoted, comma-separated GB18030 text + a .pic photo.
//
// The field order is only partly documented (shared/domain/lrmx.md); this reader ASSUMES:
//   0 姓名  1 性别  2 出生年月  3 民族  4 籍贯  5 入党时间  6 健康状况  7 出生地  8 参加工作时间
//   9 学历/学位   “全日制学历#全日制学位@在职学历#在职学位”
//  10 院校       “全日制学历院校#全日制学位院校@在职学历院校#在职学位院校”
//  11 专业技术职务  12 熟悉专业有何专长  13 现任职务  14 拟任职务  15 拟免职务  16 简历  17 奖惩情况
//  18 年度考核结果  19 任免理由  20 呈报单位  21 计算年龄时间  22 填表时间  23 填表人  24 身份证号
//  25… 家庭成员, five fields each: 称谓, 姓名, 出生日期, 政治面貌, 工作单位及职务
// Fields are "…"-quoted ("" inside is one quote) and may span lines (简历); unquoted fields are accepted too.
// A file with fewer than the first nine fields is refused; later fields that are missing stay ''.
import { emptyLrmxPerson, type LrmxFamilyMember, type LrmxPerson, type LrmxReadResult } from '../../../shared/roster/lrmx-types';
import { LRMX_MAX_BYTES } from './read';
import { trimXmlSpace } from './xml';

export const NOT_LRM = '不是有效的任免审批表文件（.lrm）';
const MIN_FIELDS = 9;
const FIXED_FIELDS = 25;

/** The person's fields each position of the file fills (see the layout above). */
const LRM_FIELD_KEYS: readonly (readonly (keyof LrmxPerson)[])[] = [
  ['xingMing'],
  ['xingBie'],
  ['chuShengNianYue'],
  ['minZu'],
  ['jiGuan'],
  ['ruDangShiJian'],
  ['jianKangZhuangKuang'],
  ['chuShengDi'],
  ['canJiaGongZuoShiJian'],
  ['quanRiZhiJiaoYuXueLi', 'quanRiZhiJiaoYuXueWei', 'zaiZhiJiaoYuXueLi', 'zaiZhiJiaoYuXueWei'],
  ['quanRiZhiJiaoYuXueLiBiYeYuanXiaoXi', 'quanRiZhiJiaoYuXueWeiBiYeYuanXiaoXi', 'zaiZhiJiaoYuXueLiBiYeYuanXiaoXi', 'zaiZhiJiaoYuXueWeiBiYeYuanXiaoXi'],
  ['zhuanYeJiShuZhiWu'],
  ['shuXiZhuanYeYouHeZhuanChang'],
  ['xianRenZhiWu'],
  ['niRenZhiWu'],
  ['niMianZhiWu'],
  ['jianLi'],
  ['jiangChengQingKuang'],
  ['nianDuKaoHeJieGuo'],
  ['renMianLiYou'],
  ['chengBaoDanWei'],
  ['jiSuanNianLingShiJian'],
  ['tianBiaoShiJian'],
  ['tianBiaoRen'],
  ['shenFenZheng'],
];

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

export function readLrm(bytes: Uint8Array, pic: Uint8Array | null): LrmxReadResult {
  try {
    if (bytes.length === 0) return { ok: false, error: '文件为空' };
    if (bytes.length > LRMX_MAX_BYTES) return { ok: false, error: '文件过大（上限 20 MB），不是任免审批表文件' };
    let first = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    while (first < bytes.length && (bytes[first] === 0x20 || bytes[first] === 0x09 || bytes[first] === 0x0a || bytes[first] === 0x0d)) first += 1;
    if (first === bytes.length) return { ok: false, error: '文件为空' };
    if (bytes[first] !== 0x22) return { ok: false, error: NOT_LRM }; // junk is refused on its first byte

    const decoded = decodeText(bytes);
    if (!decoded) return { ok: false, error: `${NOT_LRM}：文件编码无法识别（既不是 GB18030 也不是 UTF-8 文本）` };
    const f = splitLrmFields(decoded.text.replace(/^\uFEFF/, ''));
    if (!f) return { ok: false, error: `${NOT_LRM}：引号不配对或字段之间有多余内容，文件可能已损坏` };
    if (f.length < MIN_FIELDS) return { ok: false, error: `${NOT_LRM}：只有 ${f.length} 项，至少应有 ${MIN_FIELDS} 项` };

    const at = (k: number) => trimXmlSpace(f[k] ?? '');
    const [qrXueLi, qrXueWei, zzXueLi, zzXueWei] = splitEducation(at(9));
    const [qrXueLiYx, qrXueWeiYx, zzXueLiYx, zzXueWeiYx] = splitEducation(at(10));
    const family: LrmxFamilyMember[] = [];
    for (let k = FIXED_FIELDS; k + 4 < f.length; k += 5) {
      family.push({ chengWei: at(k), xingMing: at(k + 1), chuShengRiQi: at(k + 2), zhengZhiMianMao: at(k + 3), gongZuoDanWeiJiZhiWu: at(k + 4) });
    }
    const warnings = [...decoded.warnings];
    if (f.length > FIXED_FIELDS && (f.length - FIXED_FIELDS) % 5 !== 0) warnings.push('家庭成员的项数不完整，最后一位家庭成员未读取');
    if (f.length <= 24) warnings.push('缺少“身份证号”项');
    if (f.length <= 13) warnings.push('缺少“现任职务”项');

    const person: LrmxPerson = {
      ...emptyLrmxPerson(),
      xingMing: at(0),
      xingBie: at(1),
      chuShengNianYue: at(2),
      minZu: at(3),
      jiGuan: at(4),
      ruDangShiJian: at(5),
      jianKangZhuangKuang: at(6),
      chuShengDi: at(7),
      canJiaGongZuoShiJian: at(8),
      quanRiZhiJiaoYuXueLi: qrXueLi,
      quanRiZhiJiaoYuXueWei: qrXueWei,
      zaiZhiJiaoYuXueLi: zzXueLi,
      zaiZhiJiaoYuXueWei: zzXueWei,
      quanRiZhiJiaoYuXueLiBiYeYuanXiaoXi: qrXueLiYx,
      quanRiZhiJiaoYuXueWeiBiYeYuanXiaoXi: qrXueWeiYx,
      zaiZhiJiaoYuXueLiBiYeYuanXiaoXi: zzXueLiYx,
      zaiZhiJiaoYuXueWeiBiYeYuanXiaoXi: zzXueWeiYx,
      zhuanYeJiShuZhiWu: at(11),
      shuXiZhuanYeYouHeZhuanChang: at(12),
      xianRenZhiWu: at(13),
      niRenZhiWu: at(14),
      niMianZhiWu: at(15),
      jianLi: at(16).replace(/\r\n?/g, '\n'),
      jiangChengQingKuang: at(17),
      nianDuKaoHeJieGuo: at(18),
      renMianLiYou: at(19),
      chengBaoDanWei: at(20),
      jiSuanNianLingShiJian: at(21),
      tianBiaoShiJian: at(22),
      tianBiaoRen: at(23),
      shenFenZheng: at(24),
      jiaTingChengYuan: family,
      zhaoPian: pic && pic.length > 0 ? Buffer.from(pic.buffer, pic.byteOffset, pic.byteLength).toString('base64') : '',
      version: '2.0',
    };
    if (!person.xingMing) return { ok: false, error: `${NOT_LRM}：“姓名”为空` };
    if (!pic) warnings.push('没有找到同名的 .pic 照片文件');
    // A short file (an older editor stops after the last filled field) lacks the fields past its end.
    const absent = new Set<keyof LrmxPerson>(LRM_FIELD_KEYS.flatMap((keys, k) => (k < f.length ? [] : keys)));
    if (f.length <= FIXED_FIELDS) absent.add('jiaTingChengYuan');
    if (!pic) absent.add('zhaoPian');
    return { ok: true, person, warnings, absent };
  } catch (e) {
    return { ok: false, error: `${NOT_LRM}：读取时出错（${e instanceof Error ? e.message : String(e)}）` };
  }
}
