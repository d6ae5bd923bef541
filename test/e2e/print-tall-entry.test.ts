// End to end: texts longer than a page print all of it, continued over several pages, not clipped at the foot of a
// page: an entry of about three pages (table rows never split, so a long entry is printed as continuation rows), a
// 简历 of 5000 characters in 140 one-line periods, and 奖惩情况 of 2000 characters.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApp, type TestApp } from './harness/app';
import { pdfPages } from './harness/pdf';
import { cadreInput } from '../helpers/roster';

const LAST = '最后一句话表明该同志始终坚持原则。';
const RESUME = Array.from(
  { length: 140 },
  (_, i) => `${1980 + (i % 40)}.07--${1981 + (i % 40)}.08　某某苏木党委委员（第${i + 1}段经历）`,
)
  .join('\n')
  .slice(0, 5000);
const RESUME_LAST = RESUME.split('\n').at(-1)!;
const REWARDS = `${'2019年被评为优秀共产党员，2021年获旗委嘉奖一次，'.repeat(70)}奖惩最后一条记载。`.slice(-2000);

let app: TestApp;
let cadreId: number;

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-tall-');
  const unit = await app.must<{ id: number }>('units.save', { name: '阿尔巴斯苏木', categoryCode: 'C1', sort: 1 });
  const input = cadreInput(unit.id, { name: '巴特尔', idNumber: '', resume: RESUME, rewards: REWARDS });
  cadreId = (await app.must<{ id: number }>('cadres.create', { input })).id;
  // ~1700 characters in a 17-character column: about three page bodies of text, in paragraphs and one very long one.
  const para = '围绕学习贯彻党的创新理论开展专题学习，撰写心得体会，在支部会议上作交流发言，联系分管工作提出改进措施。';
  const content = [para.repeat(6), para.repeat(12), para.repeat(12) + LAST].join('\n');
  await app.must('entries.create', {
    input: {
      cadreId,
      date: '2025-03-01',
      subItemCode: 'S1.1',
      channelCode: 'CH09',
      title: '长篇材料：理论学习情况',
      content,
      polarity: 'positive',
      standardCodes: ['D2.1'],
      listItemCode: null,
    },
  });
  await app.launch();
}, 60_000);

afterAll(async () => {
  await app?.close();
});

test('a long entry, a 5000-character 简历 and long 奖惩情况 print in full over several pages', async () => {
  const r = await app.must<{ jobId: string; pages: number }>('print.renderDossier', {
    cadreId,
    copies: 1,
    recipients: [],
  });
  const file = join(app.work, 'tall.pdf');
  app.dialogs.answerSave(file);
  const picked = await app.must<{ token: string }>('files.pickSave', { purpose: 'printPdf', suggestedName: 'tall' });
  await app.must('print.save', { jobId: r.jobId, token: picked.token });
  const pages = pdfPages(file, 'plain');
  const compact = pages.map((p) => p.replace(/\s+/g, ''));
  const find = (text: string) => compact.findIndex((p) => p.includes(text.replace(/\s+/g, '')));

  const resumeFirst = find('（第1段经历）');
  const resumeLast = find(RESUME_LAST);
  expect(resumeFirst, 'the 简历 is printed').toBeGreaterThan(0);
  expect(resumeLast - resumeFirst, 'the 简历 runs over several pages, to its last line').toBeGreaterThanOrEqual(2);
  // Every period is printed once (continuation rows neither drop nor repeat a line).
  const periods = compact.join('').match(/（第\d+段经历）/g) ?? [];
  expect(periods).toHaveLength(RESUME.split('\n').length);
  expect(find('奖惩最后一条记载'), 'the 奖惩情况 is printed to its end').toBeGreaterThan(resumeFirst);

  const titlePage = find('长篇材料');
  const lastPage = find(LAST);
  expect(titlePage, 'the entry is printed').toBeGreaterThan(0);
  expect(lastPage, 'its last sentence is printed').toBeGreaterThan(0);
  expect(lastPage - titlePage, 'the entry runs over several pages').toBeGreaterThanOrEqual(2);
  execFileSync('pdftoppm', [
    '-r',
    '60',
    '-png',
    '-f',
    String(resumeFirst + 1),
    '-l',
    String(resumeFirst + 2),
    file,
    join(process.cwd(), 'test-results', 'tall-resume'),
  ]);
  execFileSync('pdftoppm', [
    '-r',
    '60',
    '-png',
    '-f',
    String(titlePage + 1),
    '-l',
    String(titlePage + 2),
    file,
    join(process.cwd(), 'test-results', 'tall-entry'),
  ]);
}, 120_000);
