// The .lrmx import's review summary: how many files of each kind, and what needs the user's attention first.
import { Alert, Flex, Statistic } from 'antd';
import type { Unit } from '../../../../shared/roster/types';
import type { LrmxCounts } from './lrmx-model';

export function LrmxReviewNotices({
  counts,
  units,
  unitsError,
}: {
  counts: LrmxCounts;
  units: readonly Unit[] | null;
  unitsError: string | null;
}) {
  return (
    <>
      <Flex gap={40} wrap data-testid="lrmx-counts">
        <Statistic title="可导入 · 新增" value={counts.new} />
        <Statistic title="可导入 · 更新" value={counts.update} />
        <Statistic title="同名同出生年月待确认" value={counts.nameMatch} />
        <Statistic
          title="无法读取"
          value={counts.unreadable}
          styles={counts.unreadable > 0 ? { content: { color: '#cf1322' } } : {}}
        />
      </Flex>
      {unitsError ? <Alert type="error" showIcon title="无法读取单位列表" description={unitsError} /> : null}
      {units !== null && units.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          title="档案库中还没有单位"
          description="请先在“单位管理”中添加单位，再导入任免审批表。"
        />
      ) : null}
      {counts.unreadable > 0 ? (
        <Alert
          type="error"
          showIcon
          title={`有 ${counts.unreadable} 个文件无法导入，不影响其余文件`}
          description="这些文件不会导入。如需导入，请修复或重新导出后再选择一次。"
        />
      ) : null}
      {counts.nameMatch > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={`有 ${counts.nameMatch} 个文件与档案库中已有干部同名且出生年月相同，需要您确认`}
          description="这些文件默认不导入。如确认是同一人，请勾选“确认为同一人并更新”，系统将用文件中的内容更新其档案。"
        />
      ) : null}
    </>
  );
}
