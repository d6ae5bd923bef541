// Roster workbooks the way departments keep them (test/fixtures/excel/README.md): a 干部名单 with a merged title,
// 所在单位及职务 and 出生时间 (saved again by LibreOffice), and one whose headers no alias knows (名字 / 生日 / 岗位).
import ExcelJS from 'exceljs';

export const DEPARTMENT_TITLE = '某县中层干部名单';

/** Units the department fixtures name, beyond the template fixtures' units. */
export const DEPARTMENT_UNITS = [
  '县委组织部',
  '县委办公室',
  '县发展和改革局',
  '中共城关镇委员会',
  '城关镇人民政府',
  '县农业农村局（县乡村振兴局）',
];

type Cell = string | number | Date | null;

/** Rows 4–10: 序号, 姓名, 性别, 民族, 出生时间, 年龄, 政治面貌, 入党时间, 全日制学历, 所在单位及职务, 任现职时间, 备注. */
export const DEPARTMENT_ROWS: readonly (readonly Cell[])[] = [
  [1, '王建国', '男', '汉', '1975.03', 50, '中共党员', '1996.06', '大学', '县委组织部副部长', '2021.09', ''],
  [2, '李红梅', '女', '回', '1980-11', 44, '九三学社', '', '研究生', '县发展和改革局局长', '202003', ''],
  [3, '张伟', '男', '汉族', '198207', 42, '中共', '2004.07', '大学', '城关镇党委书记', '2020年10月', '挂职'],
  [4, '刘洋', '男', '蒙古', '1979年12月', 45, '中共党员', '2001.05', '大学', '县委办公室主任', '2019.4', ''],
  [
    5,
    '陈静',
    '女',
    '汉',
    new Date(Date.UTC(1985, 9, 1)),
    39,
    '群众',
    '',
    '大学',
    '县农业农村局（县乡村振兴局）副局长',
    '2022-03',
    '',
  ],
  [6, '赵磊', '男', '汉', '1972.03\n(52岁)', 52, '中共党员', '1995.06', '中专', '城关镇副镇长', '2018.06', ''],
  [7, '孙平', '男', '汉', '1978.08', 46, '中共党员', '2000.01', '大学', '县财政局副局长', '2017.01', '单位未建'],
];

export async function departmentRoster(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  const headers = [
    '序号',
    '姓名',
    '性别',
    '民族',
    '出生时间',
    '年龄',
    '政治面貌',
    '入党时间',
    '全日制\n学历',
    '所在单位及职务',
    '任现职\n时间',
    '备注',
  ];
  ws.addRow([DEPARTMENT_TITLE]);
  ws.mergeCells(1, 1, 1, headers.length);
  ws.addRow(['制表单位：县委组织部', null, null, null, null, null, null, null, '2025年5月']);
  ws.addRow(headers);
  for (const row of DEPARTMENT_ROWS) ws.addRow([...row]);
  ws.getCell(8, 5).numFmt = 'yyyy"年"m"月"';
  const note = ws.addRow(['注：以上信息截至2025年5月']);
  ws.mergeCells(note.number, 1, note.number, headers.length);
  ws.getRow(1).font = { bold: true, size: 16 };
  ws.getRow(3).alignment = { wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Headers no alias knows: 名字, 生日, 岗位; 性别, 单位, 是否正职, 民族 are recognised. */
export const MAPPING_HEADERS = ['名字', '性别', '生日', '单位', '岗位', '是否正职', '民族'] as const;
export const MAPPING_ROWS: readonly (readonly string[])[] = [
  ['周文', '男', '1976.05', '县委办公室', '副主任', '否', '汉'],
  ['吴敏', '女', '1983-02', '县发展和改革局', '局长', '是', '汉'],
  ['郑强', '男', '19790915', '县委组织部', '部长', '是', '满'],
];

export async function mappingRoster(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow([...MAPPING_HEADERS]);
  for (const row of MAPPING_ROWS) ws.addRow([...row]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
