// The Excel ballot import's plan: per group what is there by source and what the file will do, the 累加/替换 choice,
// and each rater in conflict with the choice to leave their rows out.
import { Alert, Card, Checkbox, Radio, Space, Table, Typography } from 'antd';
import {
  BALLOT_SOURCES,
  BALLOT_SOURCE_LABELS,
  CADRE_KINDS,
  conflictsFor,
  groupEffect,
  hasPaperStaff,
  isLeftOut,
  type BallotImportConflict,
  type BallotImportGroup,
  type BallotImportMode,
  type CadreKind,
  type KindEffect,
  type LeftOutRater,
  type SourceCounts,
} from '../../../shared/assessment/ballot-import';
import { KIOSK_CONCEALED_TEXT } from '../../../shared/assessment/anonymity';
import { COMPONENT_LABELS } from '../../../shared/assessment/types';

const UNIT: Readonly<Record<CadreKind | 'superior', string>> = {
  superior: '张',
  peer: '张',
  staff: '票',
  service: '个',
};

/** What is there by source; a concealed kiosk part (fewer than 3 ballots, issue 21 §5) shows as on the entry tabs. */
const sourcesText = (c: SourceCounts, unit: string, kioskConcealed = false) => {
  const parts = BALLOT_SOURCES.filter((s) => (c[s] ?? 0) > 0).map((s) => `${BALLOT_SOURCE_LABELS[s]} ${c[s]} ${unit}`);
  if (kioskConcealed) parts.push(KIOSK_CONCEALED_TEXT);
  return parts.length > 0 ? parts.join(' · ') : '无';
};

/** What the import does to one cell under the chosen mode (before a mode is chosen: what the file holds). */
function Doing({
  effect,
  file,
  unit,
  mode,
}: {
  effect: KindEffect;
  file: number;
  unit: string;
  mode: BallotImportMode | undefined;
}) {
  const parts: { text: string; type?: 'success' | 'warning' }[] = [];
  const done = mode === undefined ? undefined : 'success';
  if (mode !== 'add' && effect.replaces > 0)
    parts.push({ text: `替换 Excel ${effect.replaces} ${unit}`, type: 'warning' });
  if (effect.replacesPaper > 0) parts.push({ text: `替换纸质 ${effect.replacesPaper} ${unit}`, type: 'warning' });
  if (effect.adds > 0)
    parts.push({
      text: `${mode === undefined ? '文件' : '新增'} ${effect.adds} ${unit}`,
      ...(done ? { type: done } : {}),
    });
  if (effect.leftOut > 0) parts.push({ text: `不导入 ${effect.leftOut} ${unit}`, type: 'warning' });
  if (parts.length === 0) return file > 0 ? <Typography.Text>不变</Typography.Text> : null;
  return (
    <span>
      {parts.map((p, i) => (
        <Typography.Text key={p.text} strong={mode !== undefined} {...(p.type ? { type: p.type } : {})}>
          {i > 0 ? '，' : ''}
          {p.text}
        </Typography.Text>
      ))}
    </span>
  );
}

/** One cell: what is there now (by source), then what the import does. */
function KindCell(props: {
  existing: SourceCounts;
  kioskConcealed: boolean;
  effect: KindEffect;
  file: number;
  unit: string;
  mode: BallotImportMode | undefined;
}) {
  return (
    <div style={{ lineHeight: 1.4 }}>
      <Typography.Text type="secondary">
        现有：{sourcesText(props.existing, props.unit, props.kioskConcealed)}
      </Typography.Text>
      <div>
        <Doing {...props} />
      </div>
    </div>
  );
}

function conflictText(c: BallotImportConflict): string {
  const had = BALLOT_SOURCES.filter((s) => (c.existing[s] ?? 0) > 0)
    .map((s) => `${BALLOT_SOURCE_LABELS[s]} ${c.existing[s]} 张`)
    .join('、');
  return c.kind === 'peer'
    ? `评价人“${c.raterName}”已有同级互评票（${had}），文件中又有其 ${c.fileRows} 张：同一人不能评议两次`
    : `上级领导“${c.raterName}”已有本组排名票（${had}），文件中又有其排名：同一张票不能计入两次`;
}

interface RowOf {
  key: string;
  name: string;
  cells: Partial<
    Record<CadreKind, { existing: SourceCounts; kioskConcealed: boolean; effect: KindEffect; file: number }>
  >;
}

export function BallotImportGroupCard(props: {
  group: BallotImportGroup;
  mode: BallotImportMode | undefined;
  onMode: (m: BallotImportMode) => void;
  leftOut: readonly LeftOutRater[];
  onLeaveOut: (c: BallotImportConflict, out: boolean) => void;
}) {
  const { group: g, mode, leftOut } = props;
  const effect = groupEffect(g, mode ?? 'add', leftOut);
  const rows: RowOf[] = g.cadres.map((c, i) => ({
    key: String(c.cadreId),
    name: c.name,
    cells: Object.fromEntries(
      CADRE_KINDS.map((k) => [
        k,
        {
          existing: c.existing[k],
          kioskConcealed: k === 'staff' && c.staffKioskConcealed === true,
          effect: effect.cadres[i]!.effect[k],
          file: c.file[k],
        },
      ]),
    ),
  }));
  const showSuperior =
    g.superior.file > 0 || Object.keys(g.superior.existing).length > 0 || g.superior.kioskConcealed === true;
  const conflicts = conflictsFor(g, mode ?? 'add');
  const cell = (k: CadreKind) => (r: RowOf) => {
    const c = r.cells[k];
    return c ? <KindCell {...c} unit={UNIT[k]} mode={mode} /> : null;
  };
  return (
    <Card
      size="small"
      title={`${g.groupName}${g.sheet !== g.groupName ? `（工作表“${g.sheet}”）` : ''}`}
      data-testid={`import-group-${g.groupName}`}
      extra={
        <Space>
          <Typography.Text>导入方式：</Typography.Text>
          <Radio.Group
            value={mode}
            onChange={(e) => props.onMode(e.target.value as BallotImportMode)}
            data-testid={`import-mode-${g.groupName}`}
          >
            <Radio value="add">累加</Radio>
            <Radio value="replace">替换此前 Excel 导入的票</Radio>
            {hasPaperStaff(g) || mode === 'replacePaper' ? (
              <Radio value="replacePaper">替换 Excel 及逐票录入的职工测评票（本文件为纸质票计票结果）</Radio>
            ) : null}
          </Radio.Group>
        </Space>
      }
    >
      {conflicts.length > 0 ? (
        <Alert
          type={conflicts.every((c) => isLeftOut(leftOut, g.group, c.kind, c.rater)) ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 8 }}
          title={
            conflicts.every((c) => isLeftOut(leftOut, g.group, c.kind, c.rater))
              ? `本组有 ${conflicts.length} 人已经评议过：已选择不导入其票，已有的票保持不变`
              : `本组有 ${conflicts.length} 人已经评议过，须逐一处理后才能导入：`
          }
          description={
            <Space direction="vertical" size={2}>
              {conflicts.map((c) => (
                <Checkbox
                  key={`${c.kind}-${c.rater}`}
                  checked={isLeftOut(leftOut, g.group, c.kind, c.rater)}
                  onChange={(e) => props.onLeaveOut(c, e.target.checked)}
                  data-testid={`leave-out-${g.groupName}-${c.raterName}`}
                >
                  {conflictText(c)}。不导入文件中其{c.kind === 'peer' ? `互评票（${c.fileRows} 张）` : '排名票'}
                </Checkbox>
              ))}
            </Space>
          }
          data-testid={`import-conflicts-${g.groupName}`}
        />
      ) : null}
      {showSuperior ? (
        <div style={{ marginBottom: 8 }} data-testid={`import-superior-${g.groupName}`}>
          <Typography.Text>{COMPONENT_LABELS.superior}（每张票排全组）：</Typography.Text>
          <Typography.Text type="secondary">
            现有：{sourcesText(g.superior.existing, UNIT.superior, g.superior.kioskConcealed === true)}
          </Typography.Text>
          <Typography.Text>　→　</Typography.Text>
          <Doing effect={effect.superior} file={g.superior.file} unit={UNIT.superior} mode={mode} />
        </div>
      ) : null}
      <Table<RowOf>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '干部', dataIndex: 'name', width: 140 },
          ...CADRE_KINDS.map((k) => ({
            title: COMPONENT_LABELS[k],
            width: '29%',
            render: (_: unknown, r: RowOf) => cell(k)(r),
          })),
        ]}
      />
    </Card>
  );
}
