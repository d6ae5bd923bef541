// A channel's 填报表 (纪检监察, 巡察/审计, 党校, 表彰): its guide, the 材料 columns naming cadres by 姓名 + 身份证号 or
// 姓名 + 单位 with drop-downs limited to the channel's part of the catalog, and the identity naming the channel.
import {
  CHANNEL_COLUMNS,
  INTAKE_CHANNEL_SPECS,
  TRAINING_COLUMNS,
  TRAINING_RESULT_TEXT,
  type IntakeChannel,
} from '../../shared/intake/channels';
import { FIRST_DATA_ROW, INTAKE_TEMPLATE_VERSION, MATERIALS_SHEET, POLARITY_TEXT } from './layout';
import { buildPackageBook, codeLabels, type IntakeOptions, type ListChoice, type MaterialColumn } from './package-book';

export interface ChannelPackageSpec {
  readonly storeId: string;
  readonly serial: string;
  readonly channel: IntakeChannel;
  readonly quarter: string;
  readonly quarterText: string;
  readonly deadline: string;
  readonly returnTo: string;
  /** The live catalog, already narrowed to the channel's sections and 来源/渠道. */
  readonly options: IntakeOptions;
}

function guideLines(p: ChannelPackageSpec): string[] {
  const spec = INTAKE_CHANNEL_SPECS[p.channel];
  const who = [
    `1. 在“${MATERIALS_SHEET}”工作表中每行填写一条，从第 ${FIRST_DATA_ROW} 行起填写，不要改动表头和工作表名称。`,
    '2. 姓名必填；身份证号和单位至少填写一项，用于与干部花名册核对（同名干部靠它们区分）。' +
      '核对不上或有同名的，导入时由组织部逐条确认，不会自动猜测。',
  ];
  const rows =
    p.channel === 'training'
      ? [
          '3. 培训班名称、主办单位、开班日期、结业日期（写成 2025-08-14）：同一班次的各行写法须一致。',
          '4. 学时：该学员本班次取得的学时，数字。',
          '5. 结业评价：从下拉列表中选择优秀、合格或重修。优秀学员、重修学员将按规定自动记入档案。',
        ]
      : [
          '3. 日期：事项发生或作出决定的日期，写成 2025-08-14。',
          `4. 子项：从下拉列表中选择（${spec.hint}）。`,
          `5. 性质：${spec.polarities.map((x) => POLARITY_TEXT[x]).join('、')}。`,
          '6. 评价标准、正负面清单项（可不填）：从下拉列表中选择；属于一票否决情形的清单项，导入采纳后会在考核中提示否决。',
          '7. 标题（必填，不超过 100 字）、内容（不超过 5000 字）、来源/渠道（从下拉列表中选择）。',
          '8. 附件文件名（可不填）：多个用“；”分隔；有附件时把本工作簿和附件一起压缩成 .zip 交回。',
        ];
  return [
    `报送单位：${spec.label}　　季度：${p.quarterText}　　报送截止日期：${p.deadline}　　填好后交回：${p.returnTo}`,
    ...who,
    ...rows,
    `本填报表只用于${spec.label}${p.quarterText}的名单；需要修改时改好后重新交回，尚未审核的各行以新交回的为准。`,
  ];
}

const WIDE = new Set(['内容', '标题', '培训班名称']);
/** 身份证号 as text: Excel would turn 18 digits into a rounded number. */
const FORMATS: Readonly<Record<string, string>> = {
  身份证号: '@',
  日期: 'yyyy-mm-dd',
  开班日期: 'yyyy-mm-dd',
  结业日期: 'yyyy-mm-dd',
};

/** The channel's drop-downs by column header. */
function choices(p: ChannelPackageSpec): Readonly<Record<string, ListChoice>> {
  if (p.channel === 'training') return { 结业评价: { values: Object.values(TRAINING_RESULT_TEXT) } };
  const o = p.options;
  return {
    子项: { values: codeLabels(o.subItems) },
    性质: { values: INTAKE_CHANNEL_SPECS[p.channel].polarities.map((x) => POLARITY_TEXT[x]) },
    评价标准: { values: codeLabels(o.standards) },
    正负面清单项: { values: codeLabels(o.listItems) },
    '来源/渠道': { values: codeLabels(o.channels) },
  };
}

function materialColumns(p: ChannelPackageSpec): MaterialColumn[] {
  const headers: readonly string[] = p.channel === 'training' ? TRAINING_COLUMNS : CHANNEL_COLUMNS;
  const byHeader = choices(p);
  return headers.map((header) => ({
    header,
    width: WIDE.has(header) ? 36 : header === '身份证号' ? 22 : 16,
    ...(FORMATS[header] ? { numFmt: FORMATS[header] } : {}),
    ...(byHeader[header] ? { choice: byHeader[header] } : {}),
  }));
}

export function buildChannelPackage(p: ChannelPackageSpec): Promise<Buffer> {
  const spec = INTAKE_CHANNEL_SPECS[p.channel];
  return buildPackageBook({
    title: `${p.quarterText}${spec.label}政治素质材料报送表`,
    deadline: p.deadline,
    guide: guideLines(p),
    columns: materialColumns(p),
    identity: {
      档案库标识: p.storeId,
      单位编号: '',
      单位名称: spec.label,
      季度: p.quarter,
      模板版本: INTAKE_TEMPLATE_VERSION,
      序列号: p.serial,
      渠道: p.channel,
    },
  });
}
