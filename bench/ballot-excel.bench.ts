// The Excel ballot workbook at county scale: template for 1,000 members (20 正职 categories of 25, 100 units of
// 5 副职), every peer pair filled, then parsed; and how long the event loop is blocked at a time while parsing.
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { parseBallotWorkbook } from '../db/assessment/excel/parse';
import { buildBallotTemplate } from '../db/assessment/excel/template';
import { defaultAssessmentConfig } from '../shared/assessment/config-schema';
import type { AssessmentMember } from '../shared/assessment/types';
import { record, timed } from './figures';

const NAMES = { zz1: '战略谋划', zz2: '团队引领', zz3: '攻坚克难', fz1: '协同配合', fz2: '履职尽责' };

function members(): AssessmentMember[] {
  const out: AssessmentMember[] = [];
  for (let c = 0; c < 20; c++) {
    for (let i = 0; i < 25; i++) {
      const id = out.length + 1;
      out.push({
        cadreId: id,
        name: `正职${id}`,
        position: 'chief',
        unitId: 1000 + id,
        unitName: `单位${1000 + id}`,
        categoryCode: `K${c}`,
        categoryName: `类别${c}`,
      });
    }
  }
  for (let u = 0; u < 100; u++) {
    for (let i = 0; i < 5; i++) {
      const id = out.length + 1;
      out.push({
        cadreId: id,
        name: `副职${id}`,
        position: 'deputy',
        unitId: 5000 + u,
        unitName: `单位${5000 + u}`,
        categoryCode: 'C1',
        categoryName: '苏木镇（街道）',
      });
    }
  }
  return out;
}

test('ballot template and import parse for 1,000 members', async () => {
  const a = { id: 1, name: '基准考核', config: defaultAssessmentConfig(), members: members(), indicatorNames: NAMES };
  const built = await timed(() => buildBallotTemplate(a));
  record('ballot template for 1,000 members, written', built.ms, 'ms');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(built.value as unknown as ExcelJS.Buffer);
  let filled = 0;
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    ws.eachRow((row, r) => {
      const a1 = row.getCell(1).value;
      const b1 = row.getCell(2).value;
      if (
        r > 4 &&
        typeof a1 === 'string' &&
        typeof b1 === 'string' &&
        !a1.startsWith('【') &&
        a1 !== '评价人' &&
        /^(正职|副职)\d+$/u.test(b1)
      ) {
        row.getCell(3).value = 80;
        row.getCell(4).value = 85;
        row.getCell(5).value = 90;
        filled += 1;
      }
    });
  }
  const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  record(`filled workbook (${filled} peer rows), size`, bytes.length / 1024, 'KB');
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  const parsed = await timed(() => parseBallotWorkbook(bytes, a));
  clearInterval(timer);
  record('parse and check the filled workbook', parsed.ms, 'ms');
  record('longest event-loop block while parsing', worst, 'ms');
  expect(parsed.value.ok).toBe(true);
}, 300_000);
