// The issuing organ (发文机关) a department prints on its covers, 审议材料 and 排名表: its validation and its line.
import { z } from 'zod';

export const ISSUING_ORGAN_MAX = 40;

/** A name as a 版头 or 落款 prints it: Chinese, one line, no stray symbols (quotes or slashes would print as typed). */
export const issuingOrganSchema = z
  .string({ error: '发文机关必须是文字' })
  .trim()
  .min(2, '请填写发文机关（至少 2 个字）')
  .max(ISSUING_ORGAN_MAX, `发文机关不能超过 ${ISSUING_ORGAN_MAX} 个字`)
  .regex(/^[\p{Script=Han}A-Za-z0-9（）()·、]+$/u, '发文机关只能包含汉字、字母、数字和（）·、，不能有空格或其他符号')
  .regex(/\p{Script=Han}/u, '发文机关须为中文名称');
