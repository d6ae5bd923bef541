// The .docx package is written by JSZip (no hand-written zip): every part in order, deflated, readable by our own
// bounded reader and by JSZip, and the same document gives the same bytes (fixed entry dates).
import JSZip from 'jszip';
import { describe, expect, test, vi } from 'vitest';
import { docxPackage, type DocxParts } from '../../../db/dossier/docx/package';
import { readZipEntry, zipEntries } from '../../../db/fs/zip';

const parts = (created: string): DocxParts => ({
  title: '巴特尔同志政治素质档案',
  marking: '内部资料',
  body: '<w:p><w:r><w:t>正文</w:t></w:r></w:p>',
  pictures: [{ rid: 'rIdPhoto', ext: 'png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]) }],
  created,
});

describe('docxPackage', () => {
  test('holds the OOXML parts in order, deflated, readable by the bounded reader and by JSZip', async () => {
    const docx = await docxPackage(parts('2025-06-30T08:00:00Z'));
    expect(zipEntries(docx).map((e) => [e.name, e.method])).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/core.xml',
        'word/document.xml',
        'word/_rels/document.xml.rels',
        'word/styles.xml',
        'word/fontTable.xml',
        'word/header1.xml',
        'word/footer1.xml',
        'word/media/rIdPhoto.png',
      ].map((name) => [name, 8]),
    );
    const document = (await readZipEntry(docx, 'word/document.xml', 1024 * 1024))?.toString('utf8');
    expect(document).toContain('<w:t>正文</w:t>');
    const zip = await JSZip.loadAsync(docx);
    expect(await zip.file('docProps/core.xml')?.async('string')).toContain('巴特尔同志政治素质档案');
    expect(await zip.file('word/media/rIdPhoto.png')?.async('nodebuffer')).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    );
  });

  test('the same document gives the same bytes, whenever it is written', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2025-01-01T00:00:00Z'));
      const a = await docxPackage(parts('2025-06-30T08:00:00Z'));
      vi.setSystemTime(new Date('2026-12-07T13:37:42Z'));
      expect(Buffer.compare(a, await docxPackage(parts('2025-06-30T08:00:00Z')))).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
