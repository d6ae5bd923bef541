// Attachments chosen in the entry form: several files picked at once are stored with the entry in the same call;
// one bad file names itself and nothing at all is saved (no entry, no attachment, no audit entry).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { newHostWithStore } from '../../helpers/host';
import {
  dossierCadre,
  dossierState,
  entryForm,
  addEntry,
  newestAudit,
  samplePdf,
  samplePng,
} from '../../helpers/dossier';
import { tempDir } from '../../helpers/tmp-store';

function files(named: Record<string, Buffer>): string[] {
  const dir = tempDir('ganbu-form-att-');
  return Object.entries(named).map(([name, bytes]) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  });
}

describe('attachments in the entry form', () => {
  test('the open dialog lets the user choose several files at once', async () => {
    const h = await newHostWithStore();
    const picked = await h.pickOpen('attachment', ...files({ '结业证书.png': samplePng(), '通报.pdf': samplePdf() }));
    expect(picked.map((p) => p.name)).toEqual(['结业证书.png', '通报.pdf']);
    expect(h.dialogs.requests.at(-1)).toMatchObject({ kind: 'open', multiple: true });
  });

  test('a new entry is saved with every chosen file, listed on the entry and named in one audit entry', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    const picked = await h.pickOpen('attachment', ...files({ '结业证书.png': samplePng(), '通报.pdf': samplePdf() }));
    const entry = await h.ok('entries.create', {
      input: { cadreId, ...entryForm() },
      attachments: picked.map((p) => p.token),
    });
    expect(entry.attachments.map((a) => [a.fileName, a.mime])).toEqual([
      ['结业证书.png', 'image/png'],
      ['通报.pdf', 'application/pdf'],
    ]);
    const audit = await newestAudit(h);
    expect(audit.action).toBe('entries.create');
    expect((audit.detail.attachments as { fileName: string }[]).map((a) => a.fileName)).toEqual([
      '结业证书.png',
      '通报.pdf',
    ]);
    const back = await h.ok('attachments.read', { id: entry.attachments[1]!.id });
    expect(Buffer.from(back.base64, 'base64').equals(samplePdf())).toBe(true);
  });

  test('one file that is not what its name says refuses the whole save, naming that file; nothing is written', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    const picked = await h.pickOpen(
      'attachment',
      ...files({ '结业证书.png': samplePng(), '会议记录.pdf': Buffer.from('not a pdf at all') }),
    );
    const before = await dossierState(h);
    const e = await h.err('entries.create', {
      input: { cadreId, ...entryForm() },
      attachments: picked.map((p) => p.token),
    });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'attachments' });
    expect(e.message).toContain('会议记录.pdf');
    expect(await dossierState(h)).toEqual(before);
  });

  test('a file gone from disk since it was chosen is named; nothing is written', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    const [path] = files({ '谈话记录.png': samplePng() });
    const [picked] = await h.pickOpen('attachment', path!);
    const { rmSync } = await import('node:fs');
    rmSync(path!);
    const before = await dossierState(h);
    const e = await h.err('entries.create', { input: { cadreId, ...entryForm() }, attachments: [picked!.token] });
    expect(e).toMatchObject({
      code: 'VALIDATION',
      field: 'attachments',
      message: expect.stringContaining('谈话记录.png'),
    });
    expect(await dossierState(h)).toEqual(before);
  });

  test('an edited entry takes the files chosen in its form too; a refused file leaves the entry as it was', async () => {
    const h = await newHostWithStore();
    const cadreId = await dossierCadre(h);
    const entry = await addEntry(h, cadreId);
    const bad = await h.pickOpen('attachment', ...files({ '坏.png': Buffer.from('GIF89a') }));
    const before = await dossierState(h);
    expect(
      (
        await h.err('entries.update', {
          id: entry.id,
          version: entry.version,
          input: { cadreId, ...entryForm({ title: '改后的标题' }) },
          attachments: [bad[0]!.token],
        })
      ).message,
    ).toContain('坏.png');
    expect(await dossierState(h)).toEqual(before);
    const good = await h.pickOpen('attachment', ...files({ '证书.png': samplePng() }));
    const after = await h.ok('entries.update', {
      id: entry.id,
      version: entry.version,
      input: { cadreId, ...entryForm({ title: '改后的标题' }) },
      attachments: [good[0]!.token],
    });
    expect(after.title).toBe('改后的标题');
    expect(after.attachments.map((a) => a.fileName)).toEqual(['证书.png']);
  });
});
