// Reading the PDFs the print tests make, with poppler's pdftotext (what a reviewer's copy says, page by page).
import { execFileSync } from 'node:child_process';

/**
 * The text of each page (form feeds separate pages). 'layout' keeps the columns in place; 'raw' keeps the order
 * things are drawn in, so the watermark, drawn last, does not break into the lines of a table.
 */
export const pdfPages = (file: string, mode: 'layout' | 'raw' | 'plain' = 'layout'): string[] =>
  execFileSync('pdftotext', [...(mode === 'plain' ? [] : [`-${mode}`]), file, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1);

/** The text of one band of a page (points from the top, A4 is 595 × 842 pt): the header or the footer line. */
export const bandText = (file: string, pageNo: number, top: number, height: number): string =>
  execFileSync(
    'pdftotext',
    [
      '-f',
      String(pageNo),
      '-l',
      String(pageNo),
      '-x',
      '0',
      '-y',
      String(top),
      '-W',
      '595',
      '-H',
      String(height),
      file,
      '-',
    ],
    {
      encoding: 'utf8',
    },
  ).trim();
