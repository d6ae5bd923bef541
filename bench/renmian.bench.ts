// The 干部任免审批表 of 50 cadres at once (issue 20: within 10 s): each with a photo, a 任免事项, a 简历 long enough
// for a 续页 on some and eight family members, rendered by the print view in Chromium with page.pdf (what
// Electron's printToPDF does in the app). Needs `npx electron-vite build`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RenderedPrint } from '../shared/print/types';
import { startTestApp, type TestApp } from '../test/e2e/harness/app';
import { cadreInput, sampleJpeg } from '../test/helpers/roster';
import { record, timed } from './figures';

const CADRES = 50;

let app: TestApp;
const ids: number[] = [];
const must = <T>(name: string, input: unknown): Promise<T> => app.must<T>(name, input);

const period = (i: number) =>
  `${1990 + i}.07--${1991 + i}.07  内蒙古自治区鄂尔多斯市鄂托克旗阿尔巴斯苏木人民政府党政综合办公室科员、副主任`;

beforeAll(async () => {
  app = await startTestApp('bench-renmian-');
  const unit = await must<{ id: number }>('units.save', { name: '阿尔巴斯苏木', categoryCode: 'C1', sort: 1 });
  const photo = join(app.work, 'photo.jpg');
  writeFileSync(photo, sampleJpeg());
  for (let i = 0; i < CADRES; i += 1) {
    const resume = Array.from({ length: 8 + (i % 4) * 8 }, (_, k) => period(k)).join('\n');
    const family = Array.from({ length: 8 }, (_, k) => ({
      relation: `亲属${k + 1}`,
      name: `家属${k + 1}`,
      birthMonth: `${1950 + k * 5}-03`,
      politicalStatus: '群众',
      workUnitPost: `鄂托克旗第${k + 1}中学教师`,
    }));
    const input = cadreInput(unit.id, { name: `干部${i + 1}`, idNumber: '', resume, family });
    const { id } = await must<{ id: number }>('cadres.create', { input });
    ids.push(id);
    app.dialogs.answerOpen(photo);
    const [file] = await must<{ token: string }[]>('files.pickOpen', { purpose: 'photo' });
    await must('cadres.setPhoto', { id, token: file?.token });
    await must('appointments.create', {
      cadreId: id,
      matterDate: '2026-03-05',
      proposedPost: '鄂托克旗乌兰镇党委书记',
      proposedRemoval: '阿尔巴斯苏木党委书记',
      reason: '工作需要。',
      reportingUnit: '中共鄂托克旗委员会组织部',
      ageAt: '2026-03',
      filledBy: '王干事',
    });
  }
  await app.launch();
}, 300_000);

afterAll(async () => {
  await app?.close();
});

test('干部任免审批表 of 50 cadres rendered to one PDF', async () => {
  const r = await timed(() => must<RenderedPrint>('print.renderRenmian', { cadreIds: ids, ageAt: '2026-03' }));
  expect(r.value.pages).toBeGreaterThanOrEqual(CADRES * 2);
  record(
    `任免审批表, ${CADRES} cadres (${r.value.pages} pages, ${(r.value.bytes / 1024 / 1024).toFixed(1)} MB PDF)`,
    r.ms / 1000,
    's',
    10,
  );
}, 300_000);
