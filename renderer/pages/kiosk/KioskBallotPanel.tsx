// The one ballot a code opens on the kiosk: the peer grid, the superior order, or a staff vote per cadre.
import { useState } from 'react';
import { Alert, Button, Card, Space, Typography } from 'antd';
import type { KioskBallot, KioskBallotForm } from '../../../shared/assessment/panel';
import { orderFromPlaces } from '../../../shared/assessment/superior-order';
import type { StaffGrade } from '../../../shared/scoring/types';
import {
  EXCELLENT_CAP_ROUNDING,
  excellentAllowed,
  excellentCapBreach,
  excellentCapMessage,
  percentText,
} from '../../../shared/assessment/excellent-cap';
import { errorMessage } from '../../lib/api';
import {
  PeerScoreGrid,
  StaffVotes,
  gridBallots,
  weightedTotal,
  type FormTarget,
  type ScoreGrid,
} from '../assessment/ballot-forms';
import { STAFF_GRADE_LABELS } from '../../../shared/assessment/types';
import { fmt2 } from '../assessment/groups';
import { OrderTable } from '../assessment/OrderTable';

export function KioskBallotPanel({
  form,
  onSubmit,
  onCancel,
}: {
  form: KioskBallotForm;
  onSubmit: (b: KioskBallot) => Promise<void>;
  onCancel: () => void;
}) {
  const [grid, setGrid] = useState<ScoreGrid>({});
  const [rows, setRows] = useState<FormTarget[]>(() => [...form.targets]);
  const [places, setPlaces] = useState<Map<number, number | null>>(new Map());
  const [votes, setVotes] = useState<Map<number, StaffGrade>>(new Map());
  const [comments, setComments] = useState<Map<number, string>>(new Map());
  const allowed = excellentAllowed(form.targets.length, form.staffExcellentCap);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The checked ballot, shown back to the rater before it is submitted (a kiosk ballot cannot be changed later). */
  const [review, setReview] = useState<KioskBallot | null>(null);

  const ballot = (): KioskBallot | string => {
    if (form.kind === 'peer') {
      const b = gridBallots(form.targets, form.indicators, grid, true);
      return typeof b === 'string' ? b : { kind: 'peer', ballots: b };
    }
    if (form.kind === 'superior') {
      const order = orderFromPlaces(rows, places);
      return typeof order === 'string' ? order : { kind: 'superior', order };
    }
    const missing = form.targets.filter((t) => !votes.has(t.cadreId));
    if (missing.length > 0) return `请为${missing.map((t) => `“${t.name}”`).join('、')}选择评价等次`;
    const staff = form.targets.flatMap((t) => {
      const grade = votes.get(t.cadreId);
      const comment = comments.get(t.cadreId)?.trim();
      return grade ? [{ targetId: t.cadreId, grade, ...(comment ? { comment } : {}) }] : [];
    });
    // The same rule the kiosk service applies: refused here before the review, so nothing is sent over the cap.
    const breach = excellentCapBreach(
      staff.map((v) => v.grade),
      form.staffExcellentCap,
    );
    if (breach) return `${excellentCapMessage(breach)}，请修改后再提交`;
    return { kind: 'staff', votes: staff };
  };

  const check = () => {
    const b = ballot();
    if (typeof b === 'string') return setProblem(b);
    setReview(b);
  };

  const submit = async () => {
    if (!review) return;
    setBusy(true);
    try {
      await onSubmit(review);
    } catch (e) {
      setProblem(errorMessage(e));
      setReview(null);
      setBusy(false);
    }
  };

  const nameOf = new Map(form.targets.map((t) => [t.cadreId, t.name]));
  const summary = (b: KioskBallot): string[] =>
    b.kind === 'peer'
      ? b.ballots.map((x) => `${nameOf.get(x.targetId)}：加权合计 ${fmt2(weightedTotal(x.scores, form.indicators))} 分`)
      : b.kind === 'superior'
        ? b.order.map((id, i) => `第 ${i + 1} 名：${nameOf.get(id)}`)
        : b.votes.map(
            (v) =>
              `${nameOf.get(v.targetId)}：${STAFF_GRADE_LABELS[v.grade]}${v.comment ? `；意见建议：${v.comment}` : ''}`,
          );

  if (review) {
    return (
      <Card
        title={`请核对后提交 · ${form.kindLabel} · ${form.groupName}`}
        style={{ maxWidth: 1000, margin: '0 auto' }}
        data-testid="kiosk-review"
      >
        <Typography.Paragraph>请核对以下内容。提交后不能修改；如需改动请点“返回修改”。</Typography.Paragraph>
        <ul data-testid="kiosk-review-lines">
          {summary(review).map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
        {problem ? (
          <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} data-testid="kiosk-form-problem" />
        ) : null}
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" size="large" loading={busy} onClick={() => void submit()} data-testid="kiosk-confirm">
            确认提交
          </Button>
          <Button size="large" disabled={busy} onClick={() => setReview(null)} data-testid="kiosk-back">
            返回修改
          </Button>
        </Space>
      </Card>
    );
  }

  const hint =
    form.kind === 'peer'
      ? '请为本组每位同事的每项指标打分（0–100），按 Tab 或 Enter 跳到下一格。'
      : form.kind === 'superior'
        ? `请为本组 ${form.targets.length} 名干部排出名次（1 为最好）：拖动行首手柄调整顺序，或直接输入名次，名次不能重复。`
        : '请为每名干部选择“优秀、较好、一般、较差”之一，意见建议可不填。' +
          (form.staffExcellentCap !== undefined
            ? `本票共 ${form.targets.length} 人，最多可评 ${allowed} 个“优秀”` +
              `（${percentText(form.staffExcellentCap)}，${EXCELLENT_CAP_ROUNDING}），超过则不能提交。`
            : '');
  const clear = () => setProblem(null);

  return (
    <Card
      title={`${form.kindLabel} · ${form.groupName}`}
      extra={<Typography.Text type="secondary">{form.seatLabel}</Typography.Text>}
      style={{ maxWidth: 1000, margin: '0 auto' }}
      data-testid="kiosk-form"
    >
      <Typography.Paragraph>{hint}本票为匿名票，提交后不能修改。</Typography.Paragraph>
      {form.kind === 'peer' ? (
        <PeerScoreGrid
          targets={form.targets}
          indicators={form.indicators}
          grid={grid}
          onChange={(g) => {
            setGrid(g);
            clear();
          }}
          cell="kiosk-peer"
        />
      ) : null}
      {form.kind === 'superior' ? (
        <OrderTable
          rows={rows}
          places={places}
          onChange={(r, p) => {
            setRows(r);
            setPlaces(p);
            clear();
          }}
          cell="kiosk-place"
        />
      ) : null}
      {form.kind === 'staff' ? (
        <StaffVotes
          targets={form.targets}
          votes={votes}
          onChange={(v) => {
            setVotes(v);
            clear();
          }}
          cell="kiosk-staff"
          comments={comments}
          onComments={setComments}
        />
      ) : null}
      {problem ? (
        <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} data-testid="kiosk-form-problem" />
      ) : null}
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" size="large" onClick={check} data-testid="kiosk-submit">
          提交评议票
        </Button>
        <Button size="large" onClick={onCancel}>
          放弃并返回
        </Button>
      </Space>
    </Card>
  );
}
