// End to end: a 审议材料 for three cadres rendered by the print view in Chromium — cover, table of contents whose
// page numbers are the pages each dossier's cover is on, every page numbered and carrying its 份号.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SCREENSHOT_DIR } from './harness/browser';
import { pdfPages } from './harness/pdf';
import { startTestApp, type TestApp } from './harness/app';
import type { ScriptedDialogs } from '../helpers/dialogs';
import { cadreInput } from '../helpers/roster';
import type { RenderedPrint } from '../../shared/print/types';
import { SHEETS_PER_PART } from '../../shared/print/progress';

const NAMES = ['巴特尔', '李秀梅', '王建国'];

let app: TestApp;
let work: string;
let dialogs: ScriptedDialogs;
const ids: number[] = [];

const must = <T>(name: string, input: unknown): Promise<T> => app.must<T>(name, input);

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-packet-');
  ({ work, dialogs } = app);
  const unit = await must<{ id: number }>('units.save', { name: '阿尔巴斯苏木', categoryCode: 'C1', sort: 1 });
  for (const [n, name] of NAMES.entries()) {
    const id = (await must<{ id: number }>('cadres.create', { input: cadreInput(unit.id, { name, idNumber: '' }) })).id;
    ids.push(id);
    // Different lengths, so the dossiers start on pages no fixed formula would guess.
    for (let i = 0; i < 6 + n * 9; i++) {
      await must('entries.create', {
        input: {
          cadreId: id,
          date: `2025-0${(i % 9) + 1}-1${i % 9}`,
          subItemCode: ['S1.1', 'S2.1', 'S4.1'][i % 3],
          channelCode: 'CH09',
          title: `${name}第${i + 1}条材料`,
          content: '认真学习贯彻党的创新理论，按时参加支部组织生活，联系实际撰写学习体会。'.repeat(1 + (i % 4)),
          polarity: 'positive',
          standardCodes: ['D2.1'],
          listItemCode: null,
        },
      });
    }
  }
  await app.launch();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

test(
  'cover, contents with the right page numbers, three dossiers; four copies, printed in parts, with their 份号 on ' +
    'every page',
  async () => {
    const r = await must<RenderedPrint>('print.renderPacket', {
      title: '2025年干部选拔任用审议材料',
      cadreIds: ids,
      copies: 4,
      recipients: ['常委甲', '常委乙'],
    });
    // More sheets than one part: the file is joined from parts, and nothing may show at their seams.
    expect(r.pages).toBeGreaterThan(SHEETS_PER_PART);
    const pdf = join(work, '审议材料.pdf');
    dialogs.answerSave(pdf);
    const picked = await must<{ token: string }>('files.pickSave', { purpose: 'printPdf', suggestedName: '审议材料' });
    await must('print.save', { jobId: r.jobId, token: picked.token });

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '2',
      pdf,
      join(SCREENSHOT_DIR, 'print-packet-page'),
    ]);
    // -raw keeps the order things are drawn in: the watermark, drawn last, does not break into the contents lines.
    const pages = pdfPages(pdf, 'raw');
    expect(pages).toHaveLength(r.pages);
    const perCopy = r.pages / 4;
    expect(Number.isInteger(perCopy)).toBe(true);
    pages.forEach((t, i) => {
      const serial = `00${Math.floor(i / perCopy) + 1}`;
      expect(t, `page ${i + 1}`).toContain(`份号：${serial}`);
      expect(t, `page ${i + 1}`).toContain(`份号${serial} 王管理员`); // the watermark, drawn last
      expect(t.replace(/\s+/g, ''), `page ${i + 1}`).toContain(`—${(i % perCopy) + 1}—`);
    });
    // Joined from parts, the file keeps the document's title.
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/^Title:\s+2025年干部选拔任用审议材料$/m);
    const copy = pages.slice(0, perCopy);
    expect(copy[0]).toContain('2025年干部选拔任用审议材料');
    expect(copy[1]).toContain('目');
    // Each contents line: 序号, name, unit and post, page; the page is where that cadre's dossier cover is.
    for (const name of NAMES) {
      const line = copy[1]!.split('\n').find((l) => l.includes(name) && l.includes('阿尔巴斯苏木'))!;
      const listed = Number(/(\d+)\s*$/.exec(line.trim())![1]);
      const cover = copy.findIndex((t) => t.includes('干部政治素质档案') && t.includes(`（${name}同志）`)) + 1;
      expect(cover, name).toBeGreaterThan(2);
      expect(listed, name).toBe(cover);
    }
    // The last copy, printed in another part, has the same contents page.
    expect(pages[3 * perCopy + 1]!.replace(/份号\S*|\d{3}/g, '')).toBe(copy[1]!.replace(/份号\S*|\d{3}/g, ''));
  },
  120_000,
);
