// 审议材料: choose the cadres whose dossiers a review meeting reads (by name, or a whole unit at once), in the order
// they are discussed, and the assessments whose 排名表 open the packet; then preview, copies and save.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { STATE_LABELS, type AssessmentSummary } from '../../../shared/assessment';
import { printableComments } from '../../../shared/assessment/comments';
import { MAX_PACKET_CADRES, MAX_PACKET_RANKINGS, type PacketComments } from '../../../shared/print/types';
import type { Unit } from '../../../shared/roster/types';
import type { RosterRow } from '../../../shared/roster/views';
import { call, errorMessage } from '../../lib/api';
import { testId } from '../../lib/test-id';
import { useCall, useLoad } from '../../lib/useCall';
import { PrintModal } from './PrintModal';
import { packetDocument } from './PacketDocument';
import { loadPacketPrintData } from './packet-data';
import { today } from './PrintDossierModal';
import { PacketSelectionsBar } from './PacketSelectionsBar';
import type { PacketSelection } from '../../../shared/print/selections';
import { NO_ORGAN_WARNING, unconfirmedWarning } from './print-warnings';

const NO_UNITS: readonly Unit[] = [];
const NO_SELECTIONS: readonly PacketSelection[] = [];

type Chosen = Pick<RosterRow, 'id' | 'name' | 'unitName' | 'currentPost'>;

const cadreLabel = (r: Chosen) => `${r.name}（${r.unitName} ${r.currentPost}）`;

/** Ranking tables are worth printing once the ballots are summed up. */
const printable = (a: AssessmentSummary) => a.state === 'summarized' || a.state === 'archived';

function PacketPreview({
  title,
  cadres,
  assessmentIds,
  printedBy,
  onClose,
}: {
  title: string;
  cadres: readonly Chosen[];
  assessmentIds: readonly number[];
  printedBy: string;
  onClose: () => void;
}) {
  const [loaded, setLoaded] = useState({ done: 0, total: cadres.length + assessmentIds.length });
  const [withComments, setWithComments] = useState(false);
  // 附政治素质审查意见: each candidate's 审查意见 (近三年 to today) before the dossier.
  const [reviews, setReviews] = useState(false);
  // 附干部任免审批表: each candidate's form (national layout, each latest 任免事项) first.
  const [renmian, setRenmian] = useState(false);
  const date = useMemo(today, []);
  const cadreIds = useMemo(() => cadres.map((c) => c.id), [cadres]);
  // Another choice of attachments shows the reading progress again, not the pages of the last one.
  const packet = useLoad(
    JSON.stringify([cadreIds, assessmentIds, reviews, renmian, date]),
    (current) =>
      loadPacketPrintData(cadreIds, assessmentIds, (done, total) => current() && setLoaded({ done, total }), {
        reviews,
        renmian,
        asOf: date,
      }),
    { clearOnNewInput: true },
  );
  const data = packet.data ?? null;
  // Read when the switch is first turned on, and kept: the same lists the print job will carry.
  const [commentsWanted, setCommentsWanted] = useState(false);
  const read = useLoad(commentsWanted ? JSON.stringify(assessmentIds) : null, () =>
    Promise.all(
      assessmentIds.map(async (assessmentId) => ({
        assessmentId,
        comments: printableComments((await call('ballots.list', { assessmentId, parts: ['comments'] })).comments),
      })),
    ),
  );
  const comments: PacketComments[] | null = read.data ?? null;
  const error = packet.error ?? read.error;
  // The contents' page numbers are filled in by the print view's second pass; the preview shows placeholders.
  const doc = useMemo(() => {
    if (!data || (withComments && comments === null)) return null;
    return packetDocument(title, date, data, null, withComments ? (comments ?? []) : []);
  }, [data, title, date, withComments, comments]);
  return (
    <PrintModal
      title="打印审议材料"
      doc={doc}
      loadError={error}
      loadingText={`正在读取材料：${loaded.done} / ${loaded.total}`}
      warnings={
        data
          ? [
              ...data.rankings.map((r) => unconfirmedWarning(r.view, r.name)),
              data.organ === '' ? NO_ORGAN_WARNING : null,
            ].filter((w): w is string => w !== null)
          : []
      }
      options={
        <Space direction="vertical" size={4}>
          {assessmentIds.length > 0 && (
            <Form.Item
              label="打印意见建议"
              tooltip="每位干部收到 3 张以上测评票时，在排名表各组表后列出其意见建议（不分先后）"
              style={{ marginBottom: 0 }}
            >
              <Switch
                checked={withComments}
                onChange={(on) => {
                  setWithComments(on);
                  if (on) setCommentsWanted(true);
                }}
                data-testid="print-comments"
              />
            </Form.Item>
          )}
          <Checkbox checked={renmian} onChange={(e) => setRenmian(e.target.checked)} {...testId('packet-renmian')}>
            每名干部附干部任免审批表（全国统一格式，置于其材料之首）
          </Checkbox>
          <Checkbox checked={reviews} onChange={(e) => setReviews(e.target.checked)} {...testId('packet-reviews')}>
            每名干部附政治素质审查意见（近三年，置于其档案之前）
          </Checkbox>
        </Space>
      }
      printedBy={printedBy}
      render={(copies, recipients, progressId) =>
        call('print.renderPacket', {
          title,
          cadreIds,
          assessmentIds: [...assessmentIds],
          ...(reviews ? { reviews } : {}),
          ...(renmian ? { renmian } : {}),
          copies,
          recipients,
          progressId,
          comments: withComments,
        })
      }
      onClose={onClose}
    />
  );
}

export function PacketPage({ printedBy }: { printedBy: string }) {
  const { message } = AntApp.useApp();
  const [title, setTitle] = useState(`${new Date().getFullYear()}年干部选拔任用审议材料`);
  const [chosen, setChosen] = useState<readonly Chosen[]>([]);
  const [found, setFound] = useState<readonly RosterRow[]>([]);
  const onError = (t: string) => void message.error(t);
  const units = useCall('units.list', {}, { onError }).data ?? NO_UNITS;
  const listed = useCall('assessments.list', {}, { onError }).data;
  const assessments = useMemo(() => (listed ?? []).filter(printable), [listed]);
  const selections = useCall('packets.selections', {}, { onError });
  const saved = selections.data;
  const [assessmentIds, setAssessmentIds] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const searchSeq = useRef(0);
  const [restored, setRestored] = useState(false);

  const apply = (s: PacketSelection) => {
    const ok = new Set(assessments.map((a) => a.id));
    setTitle(s.title);
    setChosen(s.cadres);
    setAssessmentIds(s.assessmentIds.filter((id) => ok.has(id)));
    setError(null);
  };

  // Reopening the screen shows the last selection, once both it and the assessments it may name are read.
  const restoreDone = useRef(false);
  useEffect(() => {
    if (!listed || !saved || restoreDone.current) return;
    restoreDone.current = true;
    const last = saved.last;
    if (!last || last.cadres.length === 0) return;
    const ok = new Set(listed.filter(printable).map((a) => a.id));
    const ids = last.assessmentIds.filter((id) => ok.has(id));
    setTitle(last.title);
    setChosen(last.cadres);
    setAssessmentIds(ids);
    setRestored(true);
    // Unchanged, it is not saved again on leaving (each save is an audit entry).
    kept.current = JSON.stringify({
      title: last.title.trim(),
      cadreIds: last.cadres.map((c) => c.id),
      assessmentIds: ids,
    });
  }, [listed, saved]);

  // The last selection is kept when the preview opens and when the screen is left (not at every click: each save
  // is an audit entry).
  const current = useMemo(
    () => ({ title: title.trim(), cadreIds: chosen.map((c) => c.id), assessmentIds }),
    [title, chosen, assessmentIds],
  );
  const latest = useRef(current);
  const kept = useRef('');
  latest.current = current;
  const keepLast = useRef(() => {
    const c = latest.current;
    const key = JSON.stringify(c);
    if (key === kept.current || !c.title || c.cadreIds.length === 0) return;
    kept.current = key;
    call('packets.saveSelection', {
      title: c.title.slice(0, 60),
      cadreIds: [...c.cadreIds],
      assessmentIds: [...c.assessmentIds],
    }).catch(() => {
      kept.current = ''; // kept on the next occasion
    });
  });
  useEffect(() => {
    const keep = keepLast.current;
    return () => keep();
  }, []);

  const search = async (text: string) => {
    const seq = ++searchSeq.current;
    if (!text.trim()) return setFound([]);
    try {
      const rows = await call('roster.query', { text: text.trim() });
      if (seq === searchSeq.current) setFound(rows.slice(0, 50));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const add = (rows: readonly Chosen[]) => {
    setError(null);
    setChosen((prev) => {
      const have = new Set(prev.map((c) => c.id));
      const next = [...prev, ...rows.filter((r) => !have.has(r.id))];
      if (next.length > MAX_PACKET_CADRES) {
        setError(`一份审议材料最多 ${MAX_PACKET_CADRES} 名干部，未全部加入`);
        return next.slice(0, MAX_PACKET_CADRES);
      }
      return next;
    });
  };

  const addUnit = async (unitId: number) => {
    try {
      add(await call('roster.query', { unitId }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const move = (i: number, by: -1 | 1) =>
    setChosen((prev) => {
      const next = [...prev];
      const [row] = next.splice(i, 1);
      next.splice(i + by, 0, row!);
      return next;
    });

  const open = () => {
    if (!title.trim()) return setError('请填写审议材料标题');
    if (title.trim().length > 60) return setError('审议材料标题不能超过 60 个字');
    if (chosen.length === 0) return setError('请至少选择 1 名干部');
    setError(null);
    keepLast.current();
    setPreviewing(true);
  };

  return (
    <Card title="审议材料" data-testid="packet-page">
      <Typography.Paragraph type="secondary">
        审议材料依次为封面、目录、所选考核的排名表和所选干部的政治素质档案，按下方顺序装订为一份文件；每份印有份号和水印，并记入打印登记。
      </Typography.Paragraph>
      {restored ? (
        <Typography.Paragraph type="secondary" data-testid="packet-restored">
          已载入上次的选择。
        </Typography.Paragraph>
      ) : null}
      <PacketSelectionsBar
        named={saved?.named ?? NO_SELECTIONS}
        current={current}
        onOpen={apply}
        onChanged={(s) => selections.patch(() => s)}
      />
      <Form layout="vertical" style={{ maxWidth: 900 }}>
        <Form.Item label="标题" required>
          <Input
            value={title}
            maxLength={60}
            showCount
            onChange={(e) => setTitle(e.target.value)}
            data-testid="packet-title"
          />
        </Form.Item>
        <Form.Item label={`排名表（已汇总或已归档的考核，最多 ${MAX_PACKET_RANKINGS} 份，可不选）`}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            value={assessmentIds}
            onChange={(v: number[]) => setAssessmentIds(v.slice(0, MAX_PACKET_RANKINGS))}
            placeholder="不附排名表"
            options={assessments.map((a) => ({ value: a.id, label: `${a.name}（${STATE_LABELS[a.state]}）` }))}
            data-testid="packet-assessments"
          />
        </Form.Item>
        <Form.Item label="加入干部">
          <Space.Compact style={{ width: '100%' }}>
            <Select
              showSearch
              value={null}
              filterOption={false}
              onSearch={(t) => void search(t)}
              onSelect={(id: number | null) => {
                const row = found.find((r) => r.id === id);
                if (row) add([row]);
              }}
              placeholder="输入姓名或单位检索，选中即加入"
              notFoundContent={null}
              options={found.map((r) => ({ value: r.id, label: cadreLabel(r) }))}
              style={{ width: '60%' }}
              data-testid="packet-search"
            />
            <Select
              value={null}
              showSearch
              optionFilterProp="label"
              onSelect={(id: number | null) => {
                if (id !== null) void addUnit(id);
              }}
              placeholder="按单位整体加入"
              options={units.map((u) => ({ value: u.id, label: u.name }))}
              style={{ width: '40%' }}
              data-testid="packet-unit"
            />
          </Space.Compact>
        </Form.Item>
      </Form>
      <Table<Chosen>
        size="small"
        rowKey="id"
        dataSource={[...chosen]}
        pagination={false}
        scroll={{ y: 360 }}
        locale={{ emptyText: <Empty description="尚未选择干部" /> }}
        title={() => `已选 ${chosen.length} 名干部（最多 ${MAX_PACKET_CADRES} 名），按此顺序装订`}
        columns={[
          { title: '序号', width: 60, render: (_v, _r, i) => i + 1 },
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '单位', dataIndex: 'unitName' },
          { title: '职务', dataIndex: 'currentPost' },
          {
            title: '操作',
            width: 150,
            render: (_v, r, i) => (
              <Space size={0}>
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={`上移${r.name}`}
                />
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={i === chosen.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={`下移${r.name}`}
                />
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => setChosen((p) => p.filter((c) => c.id !== r.id))}
                  aria-label={`移除${r.name}`}
                />
              </Space>
            ),
          },
        ]}
      />
      {error && (
        <Typography.Paragraph type="danger" style={{ marginTop: 12 }} data-testid="packet-error">
          {error}
        </Typography.Paragraph>
      )}
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" onClick={open} data-testid="packet-preview">
          预览并打印
        </Button>
        <Button onClick={() => setChosen([])} disabled={chosen.length === 0} data-testid="packet-clear">
          清空
        </Button>
      </Space>
      {previewing && (
        <PacketPreview
          title={title.trim()}
          cadres={chosen}
          assessmentIds={assessmentIds}
          printedBy={printedBy}
          onClose={() => setPreviewing(false)}
        />
      )}
    </Card>
  );
}
