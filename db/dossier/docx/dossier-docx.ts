// 干部政治素质档案 as a Word document for staff who edit 考察材料: cover lines, the 任免审批表-like basic table with
// photo, the portrait's numbers, the six sections' entries in date order, the holistic evaluation, assessment history.
import type { Kysely } from 'kysely';
import { localToday } from '../../../shared/dossier/quarter';
import { ENTRY_POLARITY_LABELS, type DossierEntry } from '../../../shared/dossier/types';
import { POSITION_LABELS } from '../../../shared/catalog/types';
import type { CadreProfile } from '../../../shared/roster/views';
import type { PortraitView } from '../../../shared/portrait/view';
import type { Database } from '../../schema';
import { readCadre } from '../../roster';
import { readPortrait } from '../../portrait';
import { readEntries, readDossierCadre } from '../read';
import { docxPackage, TEXT_WIDTH, type DocxPicture } from './package';
import { para, picture, run, table, textPara, type CellSpec } from './wordml';

export const DOSSIER_TITLE = '干部政治素质档案';
export const MARKING = '内部资料 注意保密';
/** Where 双比双评 results are filed (catalog.md). */
const ASSESSMENT_SUB_ITEM = 'S3.2';
const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface DossierDocxData {
  readonly profile: CadreProfile;
  readonly photo: DocxPicture | null;
  readonly sections: readonly { readonly code: string; readonly name: string }[];
  readonly entries: readonly DossierEntry[];
  readonly portrait: PortraitView;
  readonly today: string;
}

export async function readDossierDocxData(
  db: Kysely<Database>,
  cadreId: number,
  today = localToday(),
): Promise<DossierDocxData> {
  await readDossierCadre(db, cadreId); // refuses an unknown cadre, naming cadreId
  const [profile, photoRow, sections, entries, portrait] = await Promise.all([
    readCadre(db, cadreId, { showIdNumber: false, withPhoto: false }),
    db.selectFrom('cadre_photos').select(['mime', 'data']).where('cadre_id', '=', cadreId).executeTakeFirst(),
    db.selectFrom('catalog_sections').select(['code', 'name']).where('retired', '=', 0).orderBy('code').execute(),
    readEntries(db, { filter: { cadreId } }),
    readPortrait(db, cadreId, today),
  ]);
  const photo: DocxPicture | null = photoRow
    ? { rid: 'rIdPhoto', ext: photoRow.mime === 'image/png' ? 'png' : 'jpeg', data: Buffer.from(photoRow.data) }
    : null;
  return { profile, photo, sections, entries, portrait, today };
}

/** 'YYYY-MM' or 'YYYY-MM-DD' as the 任免审批表 writes dates (1978.03); free text stays as it is. */
const dotted = (s: string) => (/^\d{4}-\d{2}(-\d{2})?$/.test(s) ? s.replace(/-/g, '.') : s);

const h1 = (text: string) => `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${run(text)}</w:p>`;
const h2 = (text: string) => `<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>${run(text)}</w:p>`;
const small = (text: string) => textPara(text, { size: 12 });
const label = (content: string, span = 1): CellSpec => ({ content, label: true, span });
const value = (content: string, span = 1): CellSpec => ({ content, span });

function basicTable(d: DossierDocxData): string {
  const p = d.profile;
  // 7 columns: label/value pairs and the photo column (a 25 × 35 mm 一寸 photo).
  const grid = [1050, 1450, 1150, 1350, 1050, 1350];
  grid.push(TEXT_WIDTH - grid.reduce((a, b) => a + b, 0));
  const photoCell = (first: boolean): CellSpec =>
    first
      ? {
          content: {
            xml: d.photo
              ? para(picture(d.photo.rid, 25, 35, '照片'), { align: 'center' })
              : textPara('（照片）', { size: 10.5 }, { align: 'center' }),
          },
          vMerge: 'restart',
        }
      : { content: '', vMerge: 'continue' };
  const birth = p.birthMonth
    ? `${dotted(p.birthMonth)}${p.age !== null && p.age !== undefined ? `（${p.age}岁）` : ''}`
    : '';
  const edu = (e: string, deg: string) => [e, deg].filter(Boolean).join(' ');
  const rows: CellSpec[][] = [
    [label('姓名'), value(p.name), label('性别'), value(p.gender), label('出生年月'), value(birth), photoCell(true)],
    [
      label('民族'),
      value(p.ethnicity),
      label('籍贯'),
      value(p.nativePlace),
      label('出生地'),
      value(p.birthPlace),
      photoCell(false),
    ],
    [
      label('入党时间'),
      value(dotted(p.partyJoin)),
      label('参加工作时间'),
      value(dotted(p.workStart)),
      label('健康状况'),
      value(p.health),
      photoCell(false),
    ],
    [label('专业技术职务'), value(p.techTitle), label('熟悉专业有何专长'), value(p.expertise, 3), photoCell(false)],
    [
      label('全日制教育'),
      value(edu(p.fulltimeEducation, p.fulltimeDegree)),
      label('毕业院校系及专业'),
      value(p.fulltimeSchool, 4),
    ],
    [
      label('在职教育'),
      value(edu(p.parttimeEducation, p.parttimeDegree)),
      label('毕业院校系及专业'),
      value(p.parttimeSchool, 4),
    ],
    [
      label('工作单位'),
      value(p.unitName, 3),
      label('职级'),
      value(p.rank),
      label('正副职'),
      value(POSITION_LABELS[p.position] ?? ''),
    ],
    [label('现任职务'), value(p.currentPost, 3), label('任现职时间'), value(dotted(p.postSince), 2)],
    [label('简历'), value(p.resume, 6)],
    [label('奖惩情况'), value(p.rewards || '无', 6)],
    // Text an import could not read as per-year results is printed as written, after the results.
    [
      label('年度考核结果'),
      value(
        [p.annualResults.map((r) => `${r.year}年${r.result}`).join('；'), p.annualResultsNote]
          .filter(Boolean)
          .join('；') || '无',
        6,
      ),
    ],
  ];
  return table(grid, rows, { minHeight: 520 });
}

function portraitPart(v: PortraitView): string {
  const r = v.result;
  const dims = r.dimensions;
  const w = Math.floor(TEXT_WIDTH / dims.length);
  const grid = dims.map((_, i) => (i === dims.length - 1 ? TEXT_WIDTH - w * (dims.length - 1) : w));
  const dimTable = table(
    grid,
    [dims.map((x) => label(x.name)), dims.map((x) => ({ content: x.index.toFixed(2), align: 'center' as const }))],
    { header: true },
  );
  const c = v.confirmation;
  const lines = [
    `综合指数：${r.overall.toFixed(2)}（统计期 ${dotted(r.windowFrom)} 至 ${dotted(r.asOf)}）`,
    `正面材料 ${r.counts.positive} 条，负面材料 ${r.counts.negative} 条，中性材料 ${r.counts.neutral} 条。`,
    `系统计算分类：${r.classificationLabel}${r.reason ? `（${r.reason}）` : ''}`,
    c
      ? `确认分类：${c.confirmedGrade}（${c.confirmedBy.name} ${dotted(c.confirmedAt.slice(0, 10))} 确认${c.reason ? `，理由：${c.reason}` : ''}）`
      : '确认分类：尚未确认',
  ];
  return dimTable + lines.map((l) => textPara(l, {}, { before: 60 })).join('');
}

const ENTRY_GRID = [1500, 1600, 1900, 0, 700];
ENTRY_GRID[3] = TEXT_WIDTH - ENTRY_GRID.reduce((a, b) => a + b, 0);

function entryTable(entries: readonly DossierEntry[]): string {
  const head = ['日期', '子项', '标题', '内容', '性质'].map((t) => label(t));
  const rows = entries.map((e) => [
    value(dotted(e.date)),
    value(e.subItem.name),
    value(e.title),
    value(e.content),
    { content: ENTRY_POLARITY_LABELS[e.polarity], align: 'center' as const },
  ]);
  return table(ENTRY_GRID, [head, ...rows], { header: true });
}

function evaluationPart(v: PortraitView): string {
  // The same texts as the portrait page and the printed dossier (holisticText).
  const e = v.holistic;
  if (e.source === 'none') return small('尚未填写综合评价。');
  const saved = v.evaluations[0];
  const grid = [1800, TEXT_WIDTH - 1800];
  const by =
    saved && e.source === 'saved'
      ? `（${saved.writtenBy.name} 于 ${dotted(saved.writtenAt.slice(0, 10))} 填写）`
      : `（${e.basis}）`;
  return (
    table(
      grid,
      [
        [label('能力特点'), value(e.abilities || '—')],
        [label('性格不足'), value(e.weaknesses || '—')],
        [label('熟悉领域'), value(e.familiarFields || '—')],
      ],
      { minHeight: 560 },
    ) + textPara(by, { size: 12 }, { align: 'right', before: 60 })
  );
}

function assessmentPart(entries: readonly DossierEntry[]): string {
  const rows = entries.filter((e) => e.subItem.code === ASSESSMENT_SUB_ITEM);
  if (rows.length === 0) return small('暂无“双比双评”考核记录。');
  const grid = [1500, 2600, TEXT_WIDTH - 4100];
  return table(
    grid,
    [
      [label('日期'), label('考核'), label('结果')],
      ...rows.map((e) => [value(dotted(e.date)), value(e.title), value(e.content)]),
    ],
    { header: true },
  );
}

export function dossierDocumentBody(d: DossierDocxData): string {
  const p = d.profile;
  const parts: string[] = [
    textPara(MARKING, { font: 'heading', size: 16 }, { align: 'left' }),
    `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>${run(DOSSIER_TITLE)}</w:p>`,
    textPara(`${p.name}　${p.unitName}　${p.currentPost}`, { font: 'body', size: 16 }, { align: 'center', after: 120 }),
    textPara(`导出日期：${dotted(d.today)}`, { size: 12 }, { align: 'center', after: 240 }),
    h1('一、基本情况'),
    basicTable(d),
    h1('二、政治画像'),
    portraitPart(d.portrait),
    h1('三、档案材料'),
  ];
  d.sections.forEach((s, i) => {
    const own = d.entries.filter((e) => e.section.code === s.code);
    parts.push(h2(`（${CN_NUMBERS[i] ?? i + 1}）${s.name}`));
    parts.push(own.length === 0 ? small('本板块暂无材料。') : entryTable(own));
  });
  parts.push(h1('四、综合评价'), evaluationPart(d.portrait), h1('五、考核情况'), assessmentPart(d.entries));
  return parts.join('');
}

export function dossierDocx(d: DossierDocxData, created = new Date().toISOString()): Promise<Buffer> {
  return docxPackage({
    title: `${d.profile.name}${DOSSIER_TITLE}`,
    marking: MARKING,
    body: dossierDocumentBody(d),
    pictures: d.photo ? [d.photo] : [],
    created: created.replace(/\.\d{3}Z$/, 'Z'),
  });
}
