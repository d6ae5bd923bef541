// 毕业院校系及专业: the form's two school texts (学历 / 学位) as the one text a cadre profile keeps, and back.
//
// How writers fill QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi / _XueWei_BiYeYuanXiaoXi (and the ZaiZhi pair), seen in
// public readers and writers of .lrmx:
// - the national model: the school (and 系/专业) where the 学历 was earned, and the one where the 学位 was earned;
//   usually the same text, or one of them empty;
// - the form's layout: the cell has two lines, and some tools treat the 学位 line as the continuation of the
//   学历 line (a docx exporter moves the tail of a long 学历 text there; a reader joins the two without any
//   separator), so 学历 holds “XX大学数学学院” and 学位 “基础数学专业”;
// - a slip: the degree's name (“理学学士”) in the 学位 school element.
// So: a 学位 text that names no school (no 大学/学院/学校/党校/院/校 …) is the continuation of the 学历 text and is
// appended without a separator (“XX大学数学学院基础数学专业”, as the printed form reads); a 学位 text that is the
// degree itself adds nothing; two texts that each name a school are two schools, joined by “；”. On export the
// inverse: two schools split back at “；”, anything else written into both elements (the national tools read
// either), which re-imports as the same one text.

const clean = (s: string | undefined): string => (s ?? '').trim();

/** Words that make a text name a school (or a 系 within one) rather than only a 专业. */
const NAMES_SCHOOL = /大学|学院|学校|党校|研究院|研究所|中学|中专|技校|[院校]/u;
/** A degree's name, as written into the school element by mistake. */
const IS_DEGREE = /^(?:[\p{Script=Han}]{1,6})?(?:学士|硕士|博士)(?:学位)?$/u;

/** The one school text of a 学历 school, a 学位 school and the degree (to recognise a degree written as a school). */
export function joinSchools(xueLi: string, xueWei: string, degree = ''): string {
  const a = clean(xueLi);
  let b = clean(xueWei);
  if (b && (b === clean(degree) || IS_DEGREE.test(b))) b = '';
  if (!a || !b || a === b) return a || b;
  if (a.includes(b)) return a;
  if (b.includes(a)) return b;
  if (!NAMES_SCHOOL.test(b)) return `${a}${b}`;
  return `${a}；${b}`;
}

/** The inverse of joinSchools on export: a school written for a degree goes into the 学位院校 element too. */
export function splitSchool(school: string, degree: string): { xueLi: string; xueWei: string } {
  if (!degree) return { xueLi: school, xueWei: '' };
  const parts = school.split('；');
  if (parts.length === 2) {
    const [a, b] = parts as [string, string];
    // Only where the import would join them back into this very text.
    if (a && b && joinSchools(a, b, degree) === school) return { xueLi: a, xueWei: b };
  }
  return { xueLi: school, xueWei: school };
}
