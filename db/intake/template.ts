// One unit's 填报表: its guide, the 材料 columns with the unit's cadres in the 干部 drop-down, the 本单位干部 sheet
// with this quarter's gaps, and the identity naming the unit (store, unit, quarter, version, serial).
import type ExcelJS from 'exceljs';
import { INTAKE_COLUMNS } from '../../shared/intake/types';
import { HEADER_FILL, xmlSafe } from '../excel/workbook';
import {
  CADRES_SHEET,
  FIRST_DATA_ROW,
  INTAKE_TEMPLATE_VERSION,
  MATERIALS_SHEET,
  POLARITY_TEXT,
  cadreLabels,
  type UnitCadre,
} from './layout';
import { buildPackageBook, codeLabels, type IntakeOptions, type MaterialColumn } from './package-book';

export interface IntakePackageSpec {
  readonly storeId: string;
  readonly serial: string;
  readonly unitId: number;
  readonly unitName: string;
  readonly quarter: string;
  readonly quarterText: string;
  readonly deadline: string;
  readonly returnTo: string;
  readonly cadres: readonly (UnitCadre & { readonly gaps: readonly string[] })[];
  readonly options: IntakeOptions;
}

function guideLines(p: IntakePackageSpec): string[] {
  return [
    `单位：${p.unitName}　　季度：${p.quarterText}　　报送截止日期：${p.deadline}　　填好后交回：${p.returnTo}`,
    '一、怎样填写',
    `1. 在“${MATERIALS_SHEET}”工作表中每行填写一条材料，从第 ${FIRST_DATA_ROW} 行起填写，不要改动表头和工作表名称。`,
    '2. 干部：从下拉列表中选择本单位干部（姓名（职务））。',
    `3. 日期：材料发生的日期，写成 2025-08-14；应在${p.quarterText}之内（季度外的日期会被提示）。`,
    '4. 子项：从下拉列表中选择材料所属的板块子项。',
    '5. 性质：正面、负面或中性。',
    '6. 评价标准（可不填）：从下拉列表中选择；对应多项时，可以填写多个编码，用“；”分隔。',
    '7. 正负面清单项（可不填）：从下拉列表中选择，须与性质一致（正面清单对应正面材料）。',
    '8. 标题（必填，不超过 100 字）、内容（不超过 5000 字）。',
    '9. 来源/渠道：从下拉列表中选择材料的来源。',
    '10. 附件文件名（可不填）：证明材料的文件名，多个用“；”分隔，例如 表彰决定.pdf；照片.jpg。',
    '二、怎样交回',
    '11. 没有附件时，直接交回本工作簿（.xlsx）。',
    '12. 有附件时，把本工作簿和附件放在同一个文件夹中压缩成 .zip 交回；附件只能是图片（jpg、png、gif、bmp、' +
      'webp）、PDF 或 Word（doc、docx），每个不超过 20 MB，文件名须与“附件文件名”一栏一致。',
    `13. 本填报表只能用于${p.unitName}${p.quarterText}，请勿转给其他单位使用；需要修改时，改好后重新交回即可，` +
      '尚未审核的材料会以新交回的为准。',
    `14. “${CADRES_SHEET}”工作表列出本单位在职干部，以及截至生成本表时本季度还缺少材料的板块，请重点补充。`,
  ];
}

function writeCadres(wb: ExcelJS.Workbook, p: IntakePackageSpec): void {
  const ws = wb.addWorksheet(CADRES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  [24, 30, 50].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const header = ws.getRow(1);
  ['干部（下拉列表中的写法）', '职务', `${p.quarterText}尚缺材料的板块`].forEach((h, i) => {
    header.getCell(i + 1).value = h;
    header.getCell(i + 1).font = { bold: true };
    header.getCell(i + 1).fill = HEADER_FILL;
  });
  const labels = cadreLabels(p.cadres);
  p.cadres.forEach((c, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = xmlSafe(labels.get(c.id) ?? c.name);
    row.getCell(2).value = xmlSafe(c.post);
    row.getCell(3).value = xmlSafe(c.gaps.join('、'));
    // The unit sees at a glance who is behind.
    if (c.gaps.length > 0) row.getCell(3).font = { color: { argb: 'FFC00000' }, bold: true };
  });
}

/** The 材料 sheet's columns in INTAKE_COLUMNS order: widths, formats and drop-downs. */
function materialColumns(p: IntakePackageSpec): MaterialColumn[] {
  const labels = cadreLabels(p.cadres);
  const o = p.options;
  const spec: Record<(typeof INTAKE_COLUMNS)[number], Omit<MaterialColumn, 'header'>> = {
    干部: { width: 24, choice: { values: p.cadres.map((c) => labels.get(c.id) ?? c.name), what: '本单位干部' } },
    日期: { width: 12, numFmt: 'yyyy-mm-dd', choice: 'date' },
    子项: { width: 26, choice: { values: codeLabels(o.subItems) } },
    性质: { width: 8, choice: { values: Object.values(POLARITY_TEXT) } },
    // Several codes may be typed into one cell: a warning, not a refusal.
    评价标准: { width: 26, choice: { values: codeLabels(o.standards), warnOnly: true } },
    正负面清单项: { width: 24, choice: { values: codeLabels(o.listItems) } },
    标题: { width: 28 },
    内容: { width: 50 },
    '来源/渠道': { width: 22, choice: { values: codeLabels(o.channels) } },
    附件文件名: { width: 30 },
  };
  return INTAKE_COLUMNS.map((header) => ({ header, ...spec[header] }));
}

export function buildIntakePackage(p: IntakePackageSpec): Promise<Buffer> {
  return buildPackageBook({
    title: `${p.quarterText}${p.unitName}政治素质材料填报表`,
    deadline: p.deadline,
    guide: guideLines(p),
    columns: materialColumns(p),
    addSheets: (wb) => writeCadres(wb, p),
    identity: {
      档案库标识: p.storeId,
      单位编号: p.unitId,
      单位名称: p.unitName,
      季度: p.quarter,
      模板版本: INTAKE_TEMPLATE_VERSION,
      序列号: p.serial,
      渠道: '',
    },
  });
}
