// The default catalogs of shared/domain/catalog.md, with their stable codes; seeded into every new store.
import type { Catalogs } from './types';

const sub = (code: string, name: string) => ({ code, name });

export const DEFAULT_CATALOGS: Catalogs = {
  sections: [
    {
      code: 'S1',
      name: '政治思想',
      subItems: [
        sub('S1.1', '理论学习'),
        sub('S1.2', '重大任务与关键时刻政治表现'),
        sub('S1.3', '执行民主集中制与“三重一大”决策（列席会议了解）'),
        sub('S1.4', '干部政治公开承诺（签订与践诺）'),
        sub('S1.5', '家访与亲属、社区谈话了解'),
        sub('S1.6', '履行社会责任和家庭责任'),
      ],
    },
    {
      code: 'S2',
      name: '教育培训',
      subItems: [
        sub('S2.1', '参训记录（班次、学时）'),
        sub('S2.2', '结业评价（优秀/合格/重修学员）'),
        sub('S2.3', '党性教育'),
        sub('S2.4', '年度学时达标情况'),
        sub('S2.5', '岗位历练'),
      ],
    },
    {
      code: 'S3',
      name: '评价鉴定',
      subItems: [
        sub('S3.1', '年度考核结果'),
        sub('S3.2', '“双比双评”考核结果'),
        sub('S3.3', '考察考核评价意见'),
        sub('S3.4', '民主测评与“一报告两评议”'),
        sub('S3.5', '整体性评价意见（能力特点、性格不足、熟悉领域）'),
        sub('S3.6', '巡视巡察评价'),
      ],
    },
    {
      code: 'S4',
      name: '考核整改',
      subItems: [
        sub('S4.1', '考核发现问题'),
        sub('S4.2', '巡视巡察反馈问题'),
        sub('S4.3', '审计发现问题'),
        sub('S4.4', '整改落实情况'),
        sub('S4.5', '个人有关事项报告核查'),
      ],
    },
    {
      code: 'S5',
      name: '表彰奖励',
      subItems: [
        sub('S5.1', '党内表彰'),
        sub('S5.2', '政府表彰与记功嘉奖'),
        sub('S5.3', '“担当作为好干部”等专项表彰'),
        sub('S5.4', '年度考核优秀嘉奖'),
      ],
    },
    {
      code: 'S6',
      name: '负面信息',
      subItems: [
        sub('S6.1', '提醒谈话'),
        sub('S6.2', '函询'),
        sub('S6.3', '诫勉'),
        sub('S6.4', '组织处理'),
        sub('S6.5', '党纪政务处分'),
        sub('S6.6', '问责'),
        sub('S6.7', '信访举报核实情况'),
      ],
    },
  ],
  // catalog.md lists the channels without codes; these codes are ours and stable from the first release.
  channels: [
    sub('CH01', '重点工作跟进'),
    sub('CH02', '重点任务督查'),
    sub('CH03', '巡视巡察'),
    sub('CH04', '考察考核'),
    sub('CH05', '审计'),
    sub('CH06', '个人有关事项报告'),
    sub('CH07', '谈话家访'),
    sub('CH08', '列席会议'),
    sub('CH09', '培训机构'),
    sub('CH10', '纪检监察'),
    sub('CH11', '信访举报'),
    sub('CH12', '其他'),
  ],
  dimensions: [
    {
      code: 'D1',
      name: '政治忠诚',
      standards: [
        sub('D1.1', '对党忠诚老实'),
        sub('D1.2', '坚决维护党中央权威和集中统一领导'),
        sub('D1.3', '理想信念坚定'),
        sub('D1.4', '不折不扣贯彻落实党中央决策部署'),
      ],
    },
    {
      code: 'D2',
      name: '政治定力',
      standards: [
        sub('D2.1', '大是大非面前立场坚定'),
        sub('D2.2', '旗帜鲜明抵制错误思潮'),
        sub('D2.3', '面对风险诱惑保持定力'),
      ],
    },
    {
      code: 'D3',
      name: '政治担当',
      standards: [
        sub('D3.1', '敢于斗争善于斗争'),
        sub('D3.2', '攻坚克难勇挑重担'),
        sub('D3.3', '坚持原则敢抓敢管'),
        sub('D3.4', '主动担当作为抓落实'),
      ],
    },
    {
      code: 'D4',
      name: '政治能力',
      standards: [
        sub('D4.1', '政治判断力'),
        sub('D4.2', '政治领悟力'),
        sub('D4.3', '政治执行力'),
        sub('D4.4', '防范化解重大风险能力'),
      ],
    },
    {
      code: 'D5',
      name: '政治自律',
      standards: [
        sub('D5.1', '严守政治纪律和政治规矩'),
        sub('D5.2', '廉洁自律'),
        sub('D5.3', '如实报告个人有关事项、严管亲属'),
      ],
    },
  ],
  listItems: [
    { code: 'P1', polarity: 'positive', name: '在重大斗争、急难险重任务中表现突出', dimensions: ['D3', 'D1'], points: 5, veto: false },
    { code: 'P2', polarity: 'positive', name: '获得县级以上表彰奖励', dimensions: ['D3', 'D4'], points: 4, veto: false },
    { code: 'P3', polarity: 'positive', name: '理论学习、教育培训成绩优秀（优秀学员等）', dimensions: ['D4', 'D2'], points: 3, veto: false },
    { code: 'P4', polarity: 'positive', name: '坚持原则、敢抓敢管，成效明显', dimensions: ['D3', 'D5'], points: 4, veto: false },
    { code: 'P5', polarity: 'positive', name: '严格践行政治公开承诺，履行社会和家庭责任表现突出', dimensions: ['D1', 'D5'], points: 3, veto: false },
    { code: 'P6', polarity: 'positive', name: '被命名为“担当作为好干部”等先进典型', dimensions: ['D3', 'D1'], points: 5, veto: false },
    { code: 'N1', polarity: 'negative', name: '违反政治纪律和政治规矩', dimensions: ['D1', 'D5'], points: -20, veto: true },
    { code: 'N2', polarity: 'negative', name: '贯彻落实上级决策部署不力、搞变通打折扣', dimensions: ['D1', 'D4'], points: -8, veto: false },
    { code: 'N3', polarity: 'negative', name: '理论学习、教育培训不达标（学时不足、重修）', dimensions: ['D2', 'D4'], points: -5, veto: false },
    { code: 'N4', polarity: 'negative', name: '受到提醒、函询、诫勉', dimensions: ['D5'], points: -6, veto: false },
    { code: 'N5', polarity: 'negative', name: '个人有关事项报告不如实', dimensions: ['D5', 'D1'], points: -8, veto: false },
    { code: 'N6', polarity: 'negative', name: '巡视巡察、审计反馈问题整改不力', dimensions: ['D4', 'D3'], points: -6, veto: false },
  ],
  categories: [
    sub('C1', '苏木镇（街道）'),
    sub('C2', '党群部门'),
    sub('C3', '政法部门'),
    sub('C4', '综合经济管理部门'),
    sub('C5', '社会事业管理部门'),
    sub('C6', '城乡建设与资源环境部门'),
    sub('C7', '执法监管部门'),
    sub('C8', '事业单位'),
  ],
  indicators: [
    { code: 'zz1', position: 'chief', name: '战略谋划', weight: 0.35 },
    { code: 'zz2', position: 'chief', name: '团队引领', weight: 0.35 },
    { code: 'zz3', position: 'chief', name: '攻坚克难', weight: 0.3 },
    { code: 'fz1', position: 'deputy', name: '分管领域工作实绩', weight: 0.6 },
    { code: 'fz2', position: 'deputy', name: '配合执行成效', weight: 0.4 },
  ],
};
