// Catalog administration calls (administrators only): the full view, add/rename, retire/un-retire, reorder,
// and renaming the fixed sections and dimensions.
// Categories are added and renamed with the roster's categories.save; they are retired and reordered here.
import { z } from 'zod';
import { ADMIN_KINDS, GROUP_KINDS, NAMED_KINDS, POINTS_LIMIT, type CatalogAdminView } from '../catalog/admin';
import { ADMIN, call } from './call';
import * as f from './fields';

const code = f.text('编码', 12);
const kind = z.enum(ADMIN_KINDS, { error: '目录类型不正确' });

export const catalogAdminCalls = {
  'catalog.admin': call<CatalogAdminView>()({ input: f.none, access: ADMIN, mutates: false }),
  'catalog.saveEntry': call<CatalogAdminView>()({
    input: z.strictObject({
      kind: z.enum(NAMED_KINDS, { error: '目录类型不正确' }),
      code: code.optional(),
      parentCode: f.text('所属板块或维度', 12).optional(),
      name: f.text('名称', 60),
    }),
    access: ADMIN,
    mutates: true,
  }),
  'catalog.renameGroup': call<CatalogAdminView>()({
    input: z.strictObject({ kind: z.enum(GROUP_KINDS, { error: '目录类型不正确' }), code, name: f.text('名称', 60) }),
    access: ADMIN,
    mutates: true,
  }),
  'catalog.saveListItem': call<CatalogAdminView>()({
    input: z.strictObject({
      code: code.optional(),
      polarity: z.enum(['positive', 'negative'], { error: '请选择正面或负面清单' }),
      name: f.text('事项名称', 100),
      points: z
        .number({ error: '分值必须是数字' })
        .refine(Number.isFinite, { error: '分值必须是数字' })
        .refine((p) => p >= -POINTS_LIMIT && p <= POINTS_LIMIT, {
          error: `分值应在 -${POINTS_LIMIT} 到 ${POINTS_LIMIT} 之间`,
        }),
      dimensions: z
        .array(f.text('对应维度', 12), { error: '对应维度不正确' })
        .min(1, '请至少选择一个对应维度')
        .max(10, '对应维度过多'),
      veto: z.boolean({ error: '一票否决必须是“是”或“否”' }),
    }),
    access: ADMIN,
    mutates: true,
  }),
  'catalog.setRetired': call<CatalogAdminView>()({
    input: z.strictObject({ kind, code, retired: z.boolean({ error: '停用状态必须是“是”或“否”' }) }),
    access: ADMIN,
    mutates: true,
  }),
  'catalog.move': call<CatalogAdminView>()({
    input: z.strictObject({ kind, code, direction: z.enum(['up', 'down'], { error: '移动方向必须是上移或下移' }) }),
    access: ADMIN,
    mutates: true,
  }),
} as const;
