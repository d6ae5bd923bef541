// Worksheet names Excel accepts: at most 31 characters, none of []:*?/\, not quoted, unique case-insensitively.
const FORBIDDEN = /[[\]:*?/\\]/gu;
const MAX = 31;

/** A legal name for `wanted` not yet in `used` (which it joins); clashes get （2）, （3）… */
export function uniqueSheetName(wanted: string, used: Set<string>): string {
  let base =
    wanted
      .replace(FORBIDDEN, '_')
      .replace(/^'+|'+$/gu, '')
      .trim() || '工作表';
  base = [...base].slice(0, MAX).join('');
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = `（${n}）`;
    name = [...base].slice(0, MAX - suffix.length).join('') + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}
