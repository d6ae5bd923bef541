// The dossier's Word version: the package re-read (text in order, margins in twips, fonts, page numbers, photo),
// XML-special characters intact, LibreOffice opening it, the audit entry, and refusals that write nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test } from 'vitest';
import { newHostWithStore, type TestHost } from '../../helpers/host';
import { loginAdmin, loginAs, sampleJpeg } from '../../helpers/roster';
import { addEntry, dossierCadre } from '../../helpers/dossier';
import { tempDir } from '../../helpers/tmp-store';
import { hasLibreOffice, libreOfficePdf, unzip } from '../../helpers/docx';

const neutral = { polarity: 'neutral' as const, listItemCode: null, standardCodes: [], channelCode: 'CH09' };
const SPECIAL = `A&B <b>粗体</b> "双引号" 'single' & 5 > 3`;

/** 巴特尔 with a photo, entries in four sections filed out of date order, an S3.2 result and a holistic evaluation. */
async function fixture(h: TestHost) {
  const cadreId = await dossierCadre(h);
  const photoPath = join(tempDir('ganbu-photo-'), '照片.jpg');
  writeFileSync(photoPath, sampleJpeg());
  const [photo] = await h.pickOpen('photo', photoPath);
  await h.ok('cadres.setPhoto', { id: cadreId, token: photo!.token });
  await addEntry(h, cadreId, {
    ...neutral,
    subItemCode: 'S1.1',
    date: '2025-06-20',
    title: '参加专题学习研讨',
    content: '第二次学习',
  });
  await addEntry(h, cadreId, {
    ...neutral,
    subItemCode: 'S1.2',
    date: '2025-02-11',
    title: SPECIAL,
    content: `内容：${SPECIAL}\n第二行`,
  });
  await addEntry(h, cadreId, { subItemCode: 'S2.2', date: '2025-08-14' });
  await addEntry(h, cadreId, { ...neutral, subItemCode: 'S4.1', date: '2025-04-03', title: '牵头完成防汛任务' });
  await addEntry(h, cadreId, {
    ...neutral,
    subItemCode: 'S3.2',
    date: '2025-01-20',
    title: '2024年度“双比双评”考核',
    content: '第 3 名，好等次',
  });
  await h.ok('portrait.saveEvaluation', {
    cadreId,
    abilities: '善于统筹协调',
    weaknesses: '有时急于求成',
    familiarFields: '基层党建、乡村振兴',
    baseVersion: 0,
  });
  await h.ok('portrait.confirm', { cadreId, grade: '好', reason: '防汛中表现突出' });
  return cadreId;
}

/** The document's paragraphs' text, in order (entities decoded by the parser). */
function paragraphs(xml: string): string[] {
  const tree = new XMLParser({ preserveOrder: true, ignoreAttributes: true, trimValues: false }).parse(
    xml,
  ) as unknown[];
  const out: string[] = [];
  const walk = (nodes: unknown[], sink: string[] | null) => {
    for (const n of nodes as Record<string, unknown>[]) {
      for (const [k, v] of Object.entries(n)) {
        if (k === 'w:p') {
          const mine: string[] = [];
          walk(v as unknown[], mine);
          out.push(mine.join(''));
        } else if (k === 'w:t' && sink)
          sink.push(...(v as { '#text'?: unknown }[]).map((t) => String(t['#text'] ?? '')));
        else if (k === 'w:br' && sink) sink.push('\n');
        else if (Array.isArray(v)) walk(v, sink);
      }
    }
  };
  walk(tree, null);
  return out;
}

const attr = (xml: string, tag: string) => {
  const m = new RegExp(`<${tag} ([^>]*)/>`).exec(xml);
  return Object.fromEntries([...(m?.[1] ?? '').matchAll(/w:(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
};

test(
  'a dossier as .docx: title, marking, basic table with photo, portrait, sections in date order, evaluation, ' +
    'history; LibreOffice opens it',
  async () => {
    const h = await newHostWithStore();
    const cadreId = await fixture(h);
    const sections = (await h.ok('catalog.get', {})).sections;
    const dir = tempDir('ganbu-docx-');
    const out = join(dir, '巴特尔.docx');
    const token = await h.pickSave('dossierDocx', out, '巴特尔干部政治素质档案');
    expect(await h.ok('dossier.exportDocx', { cadreId, token })).toEqual({ fileName: '巴特尔.docx', entries: 5 });
    expect(readdirSync(dir)).toEqual(['巴特尔.docx']); // atomic: no temp file beside it

    const parts = await unzip(readFileSync(out));
    expect([...parts.keys()]).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        '_rels/.rels',
        'word/document.xml',
        'word/styles.xml',
        'word/footer1.xml',
        'word/header1.xml',
        'word/media/rIdPhoto.jpeg',
      ]),
    );
    for (const [name, data] of parts)
      if (name.endsWith('.xml') || name.endsWith('.rels'))
        expect(XMLValidator.validate(data.toString('utf8')), name).toBe(true);
    expect(parts.get('word/media/rIdPhoto.jpeg')!.equals(sampleJpeg())).toBe(true);

    const doc = parts.get('word/document.xml')!.toString('utf8');
    const text = paragraphs(doc);
    expect(text[0]).toBe('内部资料 注意保密');
    expect(text[1]).toBe('干部政治素质档案');
    expect(text[2]).toContain('巴特尔');
    expect(text).toContain('姓名');
    expect(text).toContain('出生年月');
    expect(text).toContain('能力特点');
    expect(text).toContain('善于统筹协调');
    expect(text).toContain('基层党建、乡村振兴');
    // The six sections as headings, in catalog order, each followed by its entries.
    const heads = sections.map((s, i) => `（${'一二三四五六'[i]}）${s.name}`);
    const at = heads.map((t) => text.indexOf(t));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // S1's entries in date order, the special characters back exactly as typed.
    const s1 = text.slice(at[0]!, at[1]!);
    expect(s1.indexOf(SPECIAL)).toBeGreaterThan(0);
    expect(s1.indexOf(SPECIAL)).toBeLessThan(s1.indexOf('参加专题学习研讨'));
    expect(s1).toContain(`内容：${SPECIAL}\n第二行`);
    expect(s1).toContain('2025.02.11');
    expect(text.slice(at[3]!, at[4]!)).toContain('牵头完成防汛任务');
    // Portrait numbers and the assessment history.
    expect(text.some((t) => t.startsWith('综合指数：'))).toBe(true);
    expect(text).toContain('正面材料 1 条，负面材料 0 条，中性材料 4 条。');
    expect(text.some((t) => t.startsWith('系统计算分类：'))).toBe(true);
    expect(text.find((t) => t.startsWith('确认分类：'))).toMatch(
      /^确认分类：好（王管理员 \d{4}\.\d{2}\.\d{2} 确认，理由：防汛中表现突出）$/,
    );
    const history = text.slice(text.indexOf('五、考核情况'));
    expect(history).toEqual(expect.arrayContaining(['2025.01.20', '2024年度“双比双评”考核', '第 3 名，好等次']));

    // A4 with GB/T 9704 margins in twips (37/35/28/26 mm), fonts by role with fallbacks, “— N —” page numbers.
    expect(attr(doc, 'w:pgSz')).toEqual({ w: '11906', h: '16838' });
    expect(attr(doc, 'w:pgMar')).toMatchObject({ top: '2098', bottom: '1984', left: '1587', right: '1474' });
    const styles = parts.get('word/styles.xml')!.toString('utf8');
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('w:eastAsia="方正小标宋简体"');
    expect(styles).toContain('w:eastAsia="黑体"');
    const fonts = parts.get('word/fontTable.xml')!.toString('utf8');
    expect(fonts).toMatch(/w:name="仿宋_GB2312"><w:altName w:val="仿宋"/);
    expect(fonts).toMatch(/w:name="方正小标宋简体"><w:altName w:val="宋体"/);
    const footer = parts.get('word/footer1.xml')!.toString('utf8');
    expect(footer).toContain(' PAGE ');
    expect(paragraphs(footer)).toEqual(['— 1 —']);
    expect(paragraphs(parts.get('word/header1.xml')!.toString('utf8'))).toEqual(['内部资料 注意保密']);

    await loginAdmin(h);
    const log = await h.ok('audit.list', { page: 1, pageSize: 5, action: 'dossier.exportDocx' });
    expect(log.total).toBe(1);
    expect(log.rows[0]).toMatchObject({ target: '巴特尔（阿尔巴斯苏木）：巴特尔.docx' });

    if (!hasLibreOffice()) return;
    const pdf = libreOfficePdf(out);
    const pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const t of ['巴特尔', '干部政治素质档案', '内部资料', ...sections.map((s) => s.name)])
      expect(pdfText, t).toContain(t);
    const shots = join(process.cwd(), 'test-results', 'screenshots');
    mkdirSync(shots, { recursive: true });
    writeFileSync(join(shots, 'dossier-docx.txt'), pdfText);
    expect(pdfText).toContain('A&B');
    expect(pdfText).toMatch(/—\s*1\s*—/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdf, join(shots, 'dossier-docx')]);
  },
  180_000,
);

test(
  'a reviewer may export; an assessment clerk, an unknown cadre and a bad id are refused in Chinese, nothing ' +
    'written or audited',
  async () => {
    const h = await newHostWithStore();
    const cadreId = await fixture(h);
    const dir = tempDir('ganbu-docx-');
    const out = join(dir, '档案.docx');

    const token = await h.pickSave('dossierDocx', out);
    const before = (await h.ok('audit.list', { page: 1, pageSize: 5 })).total;
    expect(await h.err('dossier.exportDocx', { cadreId: 999, token })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'cadreId',
      message: '找不到该干部，可能已被删除',
    });
    expect(await h.err('dossier.exportDocx', { cadreId: 0, token })).toMatchObject({
      code: 'VALIDATION',
      field: 'cadreId',
    });
    expect(readdirSync(dir)).toEqual([]);
    expect((await h.ok('audit.list', { page: 1, pageSize: 5 })).total).toBe(before);

    await loginAs(h, 'assessmentClerk');
    expect(await h.err('dossier.exportDocx', { cadreId, token: '0b6f2c5e-8a4d-4f0e-9c3b-2d7e5a1f6c90' })).toEqual({
      code: 'FORBIDDEN',
      message: '当前账户的角色无权进行此操作',
    });
    expect(await h.err('files.pickSave', { purpose: 'dossierDocx', suggestedName: '档案' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(existsSync(out)).toBe(false);

    await loginAs(h, 'reviewer');
    expect(await h.err('files.pickSave', { purpose: 'quarterGaps', suggestedName: '缺项名单' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await h.ok('dossier.exportDocx', { cadreId, token: await h.pickSave('dossierDocx', out) })).toEqual({
      fileName: '档案.docx',
      entries: 5,
    });
    expect(paragraphs((await unzip(readFileSync(out))).get('word/document.xml')!.toString('utf8'))).toContain('巴特尔');
  },
);

test('a cadre with no photo, no entries, no evaluation: placeholders instead of empty tables; 综合评价 drafted from the profile', async () => {
  const h = await newHostWithStore();
  const cadreId = await dossierCadre(h, '李秀梅');
  const out = join(tempDir('ganbu-docx-'), '李秀梅.docx');
  expect(await h.ok('dossier.exportDocx', { cadreId, token: await h.pickSave('dossierDocx', out) })).toEqual({
    fileName: '李秀梅.docx',
    entries: 0,
  });
  const parts = await unzip(readFileSync(out));
  expect([...parts.keys()].some((k) => k.startsWith('word/media/'))).toBe(false);
  expect(parts.get('[Content_Types].xml')!.toString('utf8')).not.toContain('image/');
  const text = paragraphs(parts.get('word/document.xml')!.toString('utf8'));
  expect(text).toContain('（照片）');
  expect(text.filter((t) => t === '本板块暂无材料。')).toHaveLength(6);
  // No evaluation saved: the profile's 主要特点/存在不足/熟悉领域 (holisticText), said to be a draft.
  expect(text).toContain('政治坚定，扎根基层');
  expect(text).toContain('理论学习有待加强');
  expect(text).toContain('（根据干部信息中的熟悉领域、主要特点、存在不足生成，尚未保存）');
  expect(text).toContain('暂无“双比双评”考核记录。');
  expect(text).toContain('确认分类：尚未确认');
  expect(text).toContain('正面材料 0 条，负面材料 0 条，中性材料 0 条。');
});
