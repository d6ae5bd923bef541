// Writes the department-layout fixtures with WRITE_FIXTURES=1 (the first one saved again by LibreOffice);
// without it, checks that the committed files still hold what department-fixtures.ts defines.
import { execFileSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../helpers/tmp-store';
import {
  DEPARTMENT_ROWS,
  DEPARTMENT_TITLE,
  MAPPING_HEADERS,
  departmentRoster,
  mappingRoster,
} from './department-fixtures';
import { FIXTURES, fixture } from './helpers';

const LIBRE = 'department-roster-libreoffice.xlsx';
const MAPPING = 'department-roster-mapping.xlsx';

describe('department-layout fixtures', () => {
  it.runIf(process.env.WRITE_FIXTURES)(
    'are written (LibreOffice saves the roster)',
    async () => {
      const dir = tempDir('ganbu-dept-');
      const raw = join(dir, 'department-roster.xlsx');
      writeFileSync(raw, await departmentRoster());
      execFileSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), raw], {
        stdio: 'ignore',
        timeout: 120_000,
      });
      copyFileSync(join(dir, 'out', 'department-roster.xlsx'), join(FIXTURES, LIBRE));
      writeFileSync(join(FIXTURES, MAPPING), await mappingRoster());
    },
    180_000,
  );

  it('the roster is LibreOffice’s bytes with the title, the headers and every row', async () => {
    const bytes = fixture(LIBRE);
    const app = execFileSync('unzip', ['-p', join(FIXTURES, LIBRE), 'docProps/app.xml'], { encoding: 'utf8' });
    expect(app).toContain('<Application>LibreOffice');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).text).toBe(DEPARTMENT_TITLE);
    expect(ws.getCell(3, 10).text).toBe('所在单位及职务');
    expect(ws.getCell(4 + DEPARTMENT_ROWS.length - 1, 2).text).toBe(DEPARTMENT_ROWS.at(-1)![1]);
  });

  it('the mapping fixture has the unknown headers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fixture(MAPPING) as unknown as ExcelJS.Buffer);
    expect(MAPPING_HEADERS.map((_, i) => wb.worksheets[0]!.getCell(1, i + 1).text)).toEqual([...MAPPING_HEADERS]);
  });
});
