// The 评议终端包 交接单 (issue 18): printed from what the store keeps of an exported package (digest, terminal, groups,
// seats) with the password the export showed once; saving it is audited without the password; a terminal never
// exported or a malformed password is refused by name and nothing is written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../helpers/tmp-store';
import { exportTo, mainPc } from './fixture';

const SMALL = { superiorChief: 3, staffChief: 0, superiorDeputy: 2, staffDeputy: 0 };

describe('评议终端包交接单', () => {
  test('the job carries the package as exported and the password; the save is audited without it', async () => {
    const m = await mainPc(SMALL);
    const pkg = await exportTo(m, 4, [m.chief]);
    const r = await m.h.ok('print.renderHandover', { assessmentId: m.id, terminalNo: 4, password: pkg.password });
    expect(r.serials).toEqual([]);
    const job = await m.h.ok('print.job', { jobId: r.jobId });
    expect(job).toMatchObject({
      kind: 'handover',
      terminalNo: 4,
      digest: pkg.digest,
      groups: ['正职·苏木镇（街道）'],
      seats: pkg.seats,
      exportedOn: pkg.exportedOn,
      password: pkg.password,
    });
    // Not a register document: print.save refuses it by name.
    const token = await m.h.pickSave('printPdf', join(tempDir('handover-'), 'x.pdf'));
    expect((await m.h.err('print.save', { jobId: r.jobId, token })).message).toContain('交接单不记入打印登记');

    const file = join(tempDir('handover-'), '交接单.pdf');
    const saveToken = await m.h.pickSave('terminalHandover', file);
    expect(await m.h.ok('print.saveHandover', { jobId: r.jobId, token: saveToken })).toEqual({
      fileName: '交接单.pdf',
    });
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    // The job (and the password in it) is gone once saved.
    expect((await m.h.err('print.job', { jobId: r.jobId })).code).toBe('NOT_FOUND');
    const log = await m.h.ok('audit.list', { action: 'print.saveHandover', page: 1, pageSize: 10 });
    expect(log.rows).toHaveLength(1);
    expect(JSON.stringify(log.rows[0])).toContain(pkg.digest.slice(0, 16));
    expect(JSON.stringify(log.rows[0])).not.toContain(pkg.password);
  }, 60_000);

  test('a terminal never exported, or a password not in the package format, is refused by name', async () => {
    const m = await mainPc(SMALL);
    await exportTo(m, 1);
    const none = await m.h.err('print.renderHandover', {
      assessmentId: m.id,
      terminalNo: 2,
      password: 'ABCD-EFGH-JKLM-NPQR',
    });
    expect(none).toMatchObject({ code: 'NOT_FOUND', field: 'terminalNo' });
    expect(none.message).toContain('终端 2 尚未导出评议终端包');
    const bad = await m.h.err('print.renderHandover', { assessmentId: m.id, terminalNo: 1, password: 'abc' });
    expect(bad).toMatchObject({ code: 'VALIDATION', field: 'password' });
    expect(bad.message).toContain('评议终端包密码格式不正确');
  }, 60_000);
});
