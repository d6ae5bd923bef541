// Issue 16 row 7, written as the attacker: hostile files handed to the app through its ordinary dialogs. Each is
// refused with a Chinese message naming what is wrong, and the store is left exactly as it was. (Seconds and
// memory of the four attacks: bench/hostile-files.bench.ts.)
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { WORKBOOK_ERRORS as PARSE_ERRORS } from '../../db/excel/open';
import { checkWorkbookBounds } from '../../db/excel/bounds';
import { readZipEntry, ZipLimitError } from '../../db/fs/zip';
import type { TestHost } from '../helpers/host';
import { addEntry, dossierCadre, dossierState, pickAttachment } from '../helpers/dossier';
import { docxBomb, rawZip, repeatedDeflate, xlsxRowFlood } from '../helpers/hostile-files';
import { addUnit, fixturePath, newRosterHost, rosterState, rosterWorkbook } from '../helpers/roster';
import { ADMIN, fast, tempDir } from '../helpers/tmp-store';
import { openStore } from '../../db';
import { dbPath, keyslotPath } from '../../db/store/files';

const NOT_REGULAR = (name: string) =>
  `所选文件“${name}”不是普通文件（是快捷链接、设备或文件夹），已拒绝读取，请选择文件本身`;

function linkToDevZero(name: string): string {
  const path = join(tempDir('ganbu-hostile-'), name);
  symlinkSync('/dev/zero', path);
  return path;
}

async function previewExcel(h: TestHost, path: string) {
  const [picked] = await h.pickOpen('excel', path);
  return h.err('roster.previewExcel', { token: picked!.token });
}

function tempFile(name: string, bytes: Buffer): string {
  const path = join(tempDir('ganbu-hostile-'), name);
  writeFileSync(path, bytes);
  return path;
}

describe('a .docx attachment that inflates to 2 GB', () => {
  test('is stored (it is a small zip) but its preview is refused by the bytes inflated, not the 4 KB it declares', async () => {
    const h = await newRosterHost();
    const entry = await addEntry(h, await dossierCadre(h));
    const bomb = docxBomb();
    expect(bomb.length).toBeLessThan(20 * 1024 * 1024);
    const a = await h.ok('attachments.add', {
      entryId: entry.id,
      token: await pickAttachment(h, '谈话记录.docx', bomb),
    });
    const before = await dossierState(h);
    expect(await h.err('attachments.preview', { id: a.id })).toMatchObject({
      code: 'VALIDATION',
      message: '附件“谈话记录.docx”的内容过大，无法预览，请下载后用 Word 查看',
    });
    expect(await dossierState(h)).toEqual(before);
    // The app still previews an ordinary document afterwards.
    const zip = new JSZip().file(
      'word/document.xml',
      '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>正常</w:t></w:r></w:p></w:body></w:document>',
    );
    const ok = await h.ok('attachments.add', {
      entryId: entry.id,
      token: await pickAttachment(h, '正常.docx', await zip.generateAsync({ type: 'nodebuffer' })),
    });
    expect(await h.ok('attachments.preview', { id: ok.id })).toMatchObject({
      kind: 'word',
      blocks: [{ type: 'paragraph', runs: [{ text: '正常' }] }],
    });
  });

  test('the bounded reader stops at its cap whatever the entry declares, and reads honest entries whole', async () => {
    const { data, size } = repeatedDeflate('<a>', 'x'.repeat(100), 50 * 1024 * 1024, '</a>');
    const zip = rawZip([
      { name: 'big.xml', data, declaredSize: 10, crc: 0 },
      { name: 'small.txt', data: deflateRawSync('小文件'), declaredSize: 9, crc: 0 },
    ]);
    await expect(readZipEntry(zip, 'big.xml', 1024 * 1024)).rejects.toEqual(new ZipLimitError('tooLarge'));
    expect((await readZipEntry(zip, 'big.xml', size))!.length).toBe(size);
    expect((await readZipEntry(zip, 'small.txt', 100))!.toString()).toBe('小文件');
    expect(await readZipEntry(zip, 'absent.xml', 100)).toBeNull();
    await expect(readZipEntry(Buffer.from('PK\u0003\u0004 不是压缩包'), 'a', 100)).rejects.toEqual(
      new ZipLimitError('corrupt'),
    );
  });
});

describe('an .xlsx flooded with rows or cells', () => {
  test('a million rows are refused while inflating, with the roster’s row limit, and nothing is written', async () => {
    const h = await newRosterHost();
    await addUnit(h, '乌兰镇');
    const before = await rosterState(h);
    const path = tempFile('干部名册.xlsx', await xlsxRowFlood(1_000_000));
    expect(await previewExcel(h, path)).toMatchObject({
      code: 'VALIDATION',
      message: PARSE_ERRORS.tooManyRows,
      field: 'file',
    });
    // The unit list import reads workbooks through the same opening.
    const [picked] = await h.pickOpen('excel', path);
    expect(await h.err('units.previewExcel', { token: picked!.token })).toMatchObject({
      code: 'VALIDATION',
      message: PARSE_ERRORS.tooManyRows,
    });
    expect(await rosterState(h)).toEqual(before);
  });

  test('a few rows of a million cells, and a package that inflates past 256 MB, are refused by name', async () => {
    const cellFlood = rawZip([
      {
        name: 'xl/worksheets/sheet1.xml',
        ...sized(
          repeatedDeflate(
            '<worksheet><sheetData><row r="1">',
            '<c><v>1</v></c>',
            1_100_000 * 15,
            '</row></sheetData></worksheet>',
          ),
        ),
        crc: 0,
      },
    ]);
    expect(
      await checkWorkbookBounds(cellFlood, {
        rowsPerSheet: 25_000,
        cells: 1_000_000,
        inflatedBytes: 256 * 1024 * 1024,
      }),
    ).toBe('tooManyCells');
    const media = rawZip([
      { name: 'xl/media/image1.png', ...sized(repeatedDeflate('', '\u0000'.repeat(1000), 300 * 1024 * 1024)), crc: 0 },
    ]);
    expect(
      await checkWorkbookBounds(media, { rowsPerSheet: 25_000, cells: 1_000_000, inflatedBytes: 256 * 1024 * 1024 }),
    ).toBe('tooLarge');

    const h = await newRosterHost();
    const before = await rosterState(h);
    expect(await previewExcel(h, tempFile('名册.xlsx', cellFlood))).toMatchObject({
      message: PARSE_ERRORS.tooManyCells,
    });
    expect(PARSE_ERRORS.tooManyCells).toBe('单元格过多（超过 100 万个），请删除无关的工作表或分批导入');
    expect(await previewExcel(h, tempFile('名册2.xlsx', media))).toMatchObject({
      message: '文件解压后超过 256 MB，不是正常的 Excel 工作簿，已拒绝读取',
    });
    expect(await rosterState(h)).toEqual(before);
  });

  test('an ordinary roster still passes the check', async () => {
    const wb = await rosterWorkbook([{ name: '张三', gender: '男' }]);
    expect(
      await checkWorkbookBounds(wb, { rowsPerSheet: 25_000, cells: 1_000_000, inflatedBytes: 256 * 1024 * 1024 }),
    ).toBe('ok');
  });
});

const sized = (d: { data: Buffer; size: number }) => ({ data: d.data, declaredSize: d.size });

describe('an .lrmx batch of 3,200 copies of one person', () => {
  test('every copy is named a duplicate (three others named, the rest counted) and a commit of two is refused', async () => {
    const h = await newRosterHost();
    const unit = await addUnit(h, '阿尔巴斯苏木');
    const dir = tempDir('ganbu-copies-');
    const bytes = readFileSync(fixturePath('lrmx/巴特尔.lrmx'));
    for (let i = 0; i < 3200; i++) writeFileSync(join(dir, `巴特尔-${String(i).padStart(4, '0')}.lrmx`), bytes);
    const before = await rosterState(h);
    const picked = await h.pickOpen('lrmxFolder', dir);
    expect(picked).toHaveLength(3200);
    const p = await h.ok('roster.previewLrmx', { tokens: picked.map((f) => f.token) });
    expect(p.files[0]!.issues).toContain(
      '与“巴特尔-0001.lrmx”、“巴特尔-0002.lrmx”、“巴特尔-0003.lrmx”等 3199 个文件身份证号相同，是同一人，只能导入其中一个文件',
    );
    expect(p.files[3199]!.issues).toContain(
      '与“巴特尔-0000.lrmx”、“巴特尔-0001.lrmx”、“巴特尔-0002.lrmx”等 3199 个文件身份证号相同，是同一人，只能导入其中一个文件',
    );
    const choose = (index: number) => ({
      index,
      unitId: unit.id,
      position: 'deputy' as const,
      confirmMatch: false,
      keep: [],
    });
    expect(await h.err('roster.commitLrmx', { jobId: p.jobId, files: [choose(0), choose(2500)] })).toMatchObject({
      code: 'VALIDATION',
      message: '“巴特尔-0000.lrmx”和“巴特尔-2500.lrmx”身份证号相同，是同一人，请只导入其中一个文件',
    });
    expect(await rosterState(h)).toEqual(before);
  });
});

describe('a picked path that is a link to /dev/zero', () => {
  test('as an import, an attachment, a photo or a backup: refused by lstat before reading, nothing written', async () => {
    const h = await newRosterHost();
    await addUnit(h, '乌兰镇');
    const cadreId = await dossierCadre(h);
    const entry = await addEntry(h, cadreId);
    const roster = await rosterState(h);
    const dossier = await dossierState(h);

    expect(await previewExcel(h, linkToDevZero('名册.xlsx'))).toMatchObject({
      code: 'VALIDATION',
      message: NOT_REGULAR('名册.xlsx'),
      field: 'file',
    });

    const lrmx = linkToDevZero('巴特尔.lrmx');
    const [l] = await h.pickOpen('lrmx', lrmx);
    const p = await h.ok('roster.previewLrmx', { tokens: [l!.token] });
    expect(p.files[0]).toMatchObject({ ok: false, status: 'error', error: NOT_REGULAR('巴特尔.lrmx') });

    const [att] = await h.pickOpen('attachment', linkToDevZero('扫描件.pdf'));
    expect(await h.err('attachments.add', { entryId: entry.id, token: att!.token })).toMatchObject({
      message: NOT_REGULAR('扫描件.pdf'),
    });

    const [photo] = await h.pickOpen('photo', linkToDevZero('照片.jpg'));
    expect(await h.err('cadres.setPhoto', { id: cadreId, token: photo!.token })).toMatchObject({
      message: NOT_REGULAR('照片.jpg'),
    });

    const [backup] = await h.pickOpen('backup', linkToDevZero('备份.gbak'));
    expect(await h.err('backup.inspect', { token: backup!.token })).toMatchObject({
      message: NOT_REGULAR('备份.gbak'),
    });

    expect(await rosterState(h)).toEqual(roster);
    expect(await dossierState(h)).toEqual(dossier);
  });

  test('as the key-slot file of a store folder the user opens: not a store, refused at once', async () => {
    const dir = tempDir('ganbu-linked-store-');
    symlinkSync('/dev/zero', keyslotPath(dir));
    writeFileSync(dbPath(dir), '');
    await expect(openStore(dir, ADMIN, fast)).rejects.toMatchObject({
      code: 'NOT_A_STORE',
      message: expect.stringContaining('不是本系统的档案库'),
    });
  });

  test('as the .pic beside a .lrm: that file is refused by name, the others of the batch are read', async () => {
    const h = await newRosterHost();
    const dir = tempDir('ganbu-lrm-');
    copyFileSync(fixturePath('lrmx/王建国.lrm'), join(dir, '王建国.lrm'));
    symlinkSync('/dev/zero', join(dir, '王建国.pic'));
    mkdirSync(join(dir, 'sub'));
    copyFileSync(fixturePath('lrmx/李秀梅.lrmx'), join(dir, 'sub', '李秀梅.lrmx'));
    // A link back to the folder itself is not followed (it would list the files forever).
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    const picked = await h.pickOpen('lrmxFolder', dir);
    expect(picked.map((f) => f.name)).toEqual(['李秀梅.lrmx', '王建国.lrm']);
    const p = await h.ok('roster.previewLrmx', { tokens: picked.map((f) => f.token) });
    expect(p.files[0]).toMatchObject({ ok: true, name: '李秀梅' });
    expect(p.files[1]).toMatchObject({ ok: false, error: NOT_REGULAR('王建国.pic') });
  });
});
