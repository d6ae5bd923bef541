// 填报表 per channel (issue 17 §3): the offices that keep lists of their own (纪检监察, 巡察/审计, 党校, 表彰), where their
// rows go in the catalog, and the columns of their 材料 sheet. The cadre is named by 姓名 + 身份证号 or 姓名 + 单位.
export const INTAKE_CHANNELS = ['discipline', 'inspection', 'training', 'honor'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

export interface IntakeChannelSpec {
  /** As the staff and the office call it. */
  readonly label: string;
  /** The catalog sections whose live sub-items the 子项 drop-down offers. */
  readonly sections: readonly string[];
  /** The 来源/渠道 codes offered; empty: every live channel. */
  readonly channelCodes: readonly string[];
  /** The 性质 offered (纪检监察's lists are negative information only). */
  readonly polarities: readonly ('positive' | 'negative' | 'neutral')[];
  readonly hint: string;
}

export const INTAKE_CHANNEL_SPECS: Readonly<Record<IntakeChannel, IntakeChannelSpec>> = {
  discipline: {
    label: '纪检监察',
    sections: ['S6'],
    channelCodes: ['CH10'],
    polarities: ['negative'],
    hint: '问责、处分、函询、诫勉等负面信息（S6）',
  },
  inspection: {
    label: '巡察/审计',
    sections: ['S4'],
    channelCodes: ['CH03', 'CH05'],
    polarities: ['negative', 'neutral', 'positive'],
    hint: '巡视巡察、审计发现的问题及整改情况（S4）',
  },
  training: {
    label: '党校',
    sections: ['S2'],
    channelCodes: ['CH09'],
    polarities: ['neutral'],
    hint: '培训班次、学时和结业评价（优秀/合格/重修，S2）',
  },
  honor: {
    label: '表彰',
    sections: ['S5'],
    channelCodes: [],
    polarities: ['positive'],
    hint: '党内表彰、政府表彰与记功嘉奖等（S5）',
  },
};

/** The cadre's three columns on a channel's sheet. */
export const CHANNEL_CADRE_COLUMNS = ['姓名', '身份证号', '单位'] as const;

/** 纪检监察, 巡察/审计 and 表彰: a material per row, as on a unit's sheet, the cadre named by the three columns. */
export const CHANNEL_COLUMNS = [
  ...CHANNEL_CADRE_COLUMNS,
  '日期',
  '子项',
  '性质',
  '评价标准',
  '正负面清单项',
  '标题',
  '内容',
  '来源/渠道',
  '附件文件名',
] as const;

/** 党校: a trainee's result in a class per row; 采纳 files it in the training classes. */
export const TRAINING_COLUMNS = [
  ...CHANNEL_CADRE_COLUMNS,
  '培训班名称',
  '主办单位',
  '开班日期',
  '结业日期',
  '学时',
  '结业评价',
] as const;

export const TRAINING_RESULT_TEXT = { excellent: '优秀', qualified: '合格', retake: '重修' } as const;

export const channelPackageFileName = (quarterText: string, channel: IntakeChannel) =>
  `${quarterText}-${INTAKE_CHANNEL_SPECS[channel].label}-政治素质材料填报表.xlsx`.replace(/[\\/:*?"<>|]/gu, '_');
