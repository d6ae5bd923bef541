// 帮助 · 操作指引: the yearly cycle in the order a 干部科 works through it, each step with the page that does it.
import { Button, Drawer, Steps, Typography } from 'antd';
import type { PageKey } from './menu';

interface Step {
  readonly title: string;
  readonly page: PageKey;
  readonly text: string;
}

/** The yearly cycle (建单位 → 导名册 → 季度采集 → 建考核 → 录票 → 汇总 → 审议材料). */
export const YEARLY_CYCLE: readonly Step[] = [
  {
    title: '建单位',
    page: 'units',
    text: '在“单位管理”中逐个新增（可“保存并新增”），或“从 Excel 导入”单位列表；为每个单位选定类别和排序号。',
  },
  {
    title: '导名册',
    page: 'roster',
    text: '在“干部名册”中导入本单位已有的 Excel 干部名单（列不一致时逐列对应）或任免审批表（.lrmx/.lrm）；再次导入时先看逐项差异再确认。',
  },
  {
    title: '季度采集',
    page: 'dossier',
    text: '日常材料录入“政治素质档案”；每季度在“季度采集”中查看各单位完成率，催报缺项，经核查确无材料的记为“本季度无此类材料”。',
  },
  {
    title: '建考核',
    page: 'assessment',
    text: '在“考核测评”中新建年度考核，选定单位类别；检查成员和配置后点“开始测评”。',
  },
  {
    title: '录票',
    page: 'assessment',
    text: '评议终端现场投票；纸质票双人录入；或导入 Excel 计票表（导入前逐组查看已有票数和来源，选择累加或替换）。',
  },
  { title: '汇总', page: 'assessment', text: '录票完成后“汇总”，核对排名、加减分和一票否决，确认等次。' },
  {
    title: '审议材料',
    page: 'packet',
    text: '在“审议材料”中选定干部和排名表，预览后打印；每份都有份号，并记入“打印登记”。',
  },
];

export function HelpDrawer({
  open,
  onClose,
  onGo,
  pages,
}: {
  open: boolean;
  onClose: () => void;
  onGo: (page: PageKey) => void;
  pages: ReadonlySet<PageKey>;
}) {
  return (
    <Drawer open={open} onClose={onClose} title="操作指引：一年的工作顺序" size={480} data-testid="help-drawer">
      <Typography.Paragraph type="secondary">
        按下面的顺序完成一年的工作。点“前往”打开对应页面（只显示您的角色可用的页面）。
      </Typography.Paragraph>
      <Steps
        direction="vertical"
        current={-1}
        items={YEARLY_CYCLE.map((s) => ({
          title: s.title,
          description: (
            <>
              <div>{s.text}</div>
              {pages.has(s.page) ? (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() => {
                    onGo(s.page);
                    onClose();
                  }}
                  data-testid={`help-go-${s.title}`}
                >
                  前往
                </Button>
              ) : null}
            </>
          ),
        }))}
      />
    </Drawer>
  );
}
