// 服务对象打分: per cadre, the list of scores (0–100) typed one after another with Enter.
import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { AssessmentMember } from '../../../shared/assessment/types';
import { call, errorMessage } from '../../lib/api';
import type { EntryProps } from './AssessmentDetailPage';
import { fmt2 } from './groups';
import { filterMember, memberOption } from './member-search';

export function ServiceTab({ detail, ballots, editable, onChanged }: EntryProps) {
  const scoresOf = useMemo(() => {
    const m = new Map<number, number[]>();
    for (const b of ballots.service) m.set(b.targetId, [...(m.get(b.targetId) ?? []), b.score]);
    return m;
  }, [ballots.service]);
  const [targetId, setTargetId] = useState<number | null>(null);
  const [list, setList] = useState<number[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** 意见建议 read off the forms entered now (one per line): they add to the cadre's comments when saved. */
  const [comments, setComments] = useState('');
  const { message } = AntApp.useApp();

  const pick = (id: number) => {
    setTargetId(id);
    setList(scoresOf.get(id) ?? []);
    setProblem(null);
  };
  const add = () => {
    if (next === null) return;
    if (!(next >= 0 && next <= 100)) return setProblem('服务对象评分必须在 0–100 之间');
    setList((l) => [...l, next]);
    setNext(null);
    setProblem(null);
  };
  const save = async () => {
    if (targetId === null) return;
    setBusy(true);
    try {
      const lines = comments
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
      await call('ballots.saveService', {
        assessmentId: detail.id,
        targetId,
        scores: list,
        ...(lines.length > 0 ? { comments: lines } : {}),
      });
      // The forms count beside 意见建议 counts service scores too.
      await onChanged(['service', 'comments']);
      setComments('');
      message.success(`已保存 ${list.length} 个评分${lines.length > 0 ? `和 ${lines.length} 条意见建议` : ''}`);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {editable ? (
        <Card size="small" title="录入服务对象评分" style={{ marginBottom: 16 }}>
          <Space wrap>
            <span>干部</span>
            <Select
              showSearch={{ filterOption: filterMember }}
              style={{ width: 220 }}
              placeholder="姓名或拼音首字母"
              value={targetId}
              onChange={pick}
              options={detail.members.map((m) => memberOption(detail, m))}
              data-testid="service-target"
            />
            <InputNumber
              min={0}
              max={100}
              placeholder="分数"
              value={next}
              disabled={targetId === null}
              onChange={(v) => setNext(typeof v === 'number' ? v : null)}
              onPressEnter={add}
              data-testid="service-score"
            />
            <Button disabled={targetId === null} onClick={add}>
              添加（Enter）
            </Button>
          </Space>
          {targetId !== null ? (
            <div style={{ marginTop: 12 }}>
              <Typography.Text type="secondary">已填 {list.length} 个：</Typography.Text>
              {list.map((s, i) => (
                <Tag key={i} closable onClose={() => setList((l) => l.filter((_, k) => k !== i))}>
                  {s}
                </Tag>
              ))}
            </div>
          ) : null}
          {targetId !== null ? (
            <Input.TextArea
              style={{ marginTop: 12, maxWidth: 640 }}
              autoSize={{ minRows: 1, maxRows: 4 }}
              placeholder="评价表上的意见建议（选填，每行一条，每条不超过 200 字；保存后加入该干部的意见建议）"
              value={comments}
              onChange={(e) => setComments(e.target.value)}
              data-testid="service-comments"
            />
          ) : null}
          {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} /> : null}
          <Button
            type="primary"
            style={{ marginTop: 12 }}
            disabled={targetId === null}
            loading={busy}
            onClick={() => void save()}
            data-testid="service-save"
          >
            保存评分
          </Button>
        </Card>
      ) : null}
      <Table<AssessmentMember>
        rowKey="cadreId"
        size="small"
        pagination={detail.members.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        dataSource={detail.members}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '单位', dataIndex: 'unitName', width: 160 },
          { title: '评分个数', width: 100, render: (_: unknown, m) => scoresOf.get(m.cadreId)?.length ?? 0 },
          {
            title: '平均分',
            width: 100,
            render: (_: unknown, m) => {
              const s = scoresOf.get(m.cadreId);
              return s && s.length > 0 ? fmt2(s.reduce((a, b) => a + b, 0) / s.length) : '—';
            },
          },
          { title: '评分', render: (_: unknown, m) => (scoresOf.get(m.cadreId) ?? []).join('、') },
        ]}
      />
    </>
  );
}
