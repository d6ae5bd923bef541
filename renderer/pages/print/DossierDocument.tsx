// The printed 干部政治素质档案 of one cadre as blocks: cover, 任免审批表-style basic information, portrait, the six
// sections with their entries in date order, the holistic evaluation and the assessment history.
import type { DossierEntry } from '../../../shared/dossier/types';
import { ENTRY_POLARITY_LABELS } from '../../../shared/dossier/types';
import { PortraitRadar } from '../portrait/PortraitRadar';
import type { PrintBlock, PrintDocumentSpec, PrintTable } from './blocks';
import type { DossierPrintData } from './dossier-data';
import { WIDE_CHUNK_CHARS } from './text-chunks';
import { textRows } from './text-rows';

/** The sub-item the archive writes 双比双评 results into. */
const ASSESSMENT_SUB_ITEM = 'S3.2';

const ym = (s: string) => (/^\d{4}-\d{2}/.test(s) ? `${s.slice(0, 4)}.${s.slice(5, 7)}` : s);
const sentence = (s: string) => (s === '' || /[。！？]$/u.test(s) ? s : `${s}。`);
const chineseDate = (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

export function DossierCover({ data, date }: { data: DossierPrintData; date: string }) {
  const p = data.profile;
  return (
    <div className="cover">
      <div className="cover-title">干部政治素质档案</div>
      <div className="cover-sub">（{p.name}同志）</div>
      <div className="cover-fields">
        <div>
          <b>姓名</b>
          {p.name}
        </div>
        <div>
          <b>单位</b>
          {p.unitName}
        </div>
        <div>
          <b>职务</b>
          {p.currentPost}
        </div>
        <div>
          <b>制档日期</b>
          {chineseDate(date)}
        </div>
      </div>
      {data.organ ? <div className="cover-foot">{data.organ} 制</div> : null}
    </div>
  );
}

/** The top of a 任免审批表: seven columns, the photo spanning the first four rows. */
function BasicTable({ data }: { data: DossierPrintData }) {
  const p = data.profile;
  const l = (t: string) => <td className="l">{t}</td>;
  return (
    <table className="pt">
      <colgroup>
        {['12%', '14%', '12%', '14%', '12%', '16%', '20%'].map((w, i) => (
          <col key={i} style={{ width: w }} />
        ))}
      </colgroup>
      <tbody>
        <tr>
          {l('姓　名')}
          <td className="c">{p.name}</td>
          {l('性　别')}
          <td className="c">{p.gender}</td>
          {l('出生年月（岁）')}
          <td className="c">
            {ym(p.birthMonth)}（{p.age}岁）
          </td>
          <td rowSpan={4} className="c">
            {p.photo ? <img className="pt-photo" src={p.photo} alt={`${p.name}的照片`} /> : '（照片）'}
          </td>
        </tr>
        <tr>
          {l('民　族')}
          <td className="c">{p.ethnicity}</td>
          {l('籍　贯')}
          <td className="c">{p.nativePlace}</td>
          {l('出 生 地')}
          <td className="c">{p.birthPlace}</td>
        </tr>
        <tr>
          {l('入党时间')}
          <td className="c">{ym(p.partyJoin)}</td>
          {l('参加工作时间')}
          <td className="c">{ym(p.workStart)}</td>
          {l('健康状况')}
          <td className="c">{p.health}</td>
        </tr>
        <tr>
          {l('专业技术职务')}
          <td className="c">{p.techTitle}</td>
          {l('熟悉专业有何专长')}
          <td colSpan={3}>{p.expertise}</td>
        </tr>
        <tr>
          <td className="l" rowSpan={2}>
            学　历
            <br />
            学　位
          </td>
          {l('全日制教育')}
          <td colSpan={2}>{[p.fulltimeEducation, p.fulltimeDegree].filter(Boolean).join(' ')}</td>
          {l('毕业院校系及专业')}
          <td colSpan={2}>{p.fulltimeSchool}</td>
        </tr>
        <tr>
          {l('在职教育')}
          <td colSpan={2}>{[p.parttimeEducation, p.parttimeDegree].filter(Boolean).join(' ')}</td>
          {l('毕业院校系及专业')}
          <td colSpan={2}>{p.parttimeSchool}</td>
        </tr>
        <tr>
          {l('现任职务')}
          <td colSpan={6}>
            {p.unitName}　{p.currentPost}
            {p.postSince ? `（${ym(p.postSince)}任现职）` : ''}
            {p.rank ? `　职级：${p.rank}` : ''}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

const row = (key: string, table: string, cells: (string | number)[], opts: { center?: number[] } = {}): PrintBlock => ({
  key,
  kind: 'row',
  table,
  node: (
    <tr>
      {cells.map((c, i) => (
        <td key={i} className={opts.center?.includes(i) ? 'c' : undefined}>
          {c}
        </td>
      ))}
    </tr>
  ),
});

/** A label and its text (简历, 奖惩情况, 综合评价): a long text continues in rows of its own. */
/** The per-year results, then on its own line the text an import could not read as results (kept verbatim). */
const annualText = (results: readonly { year: number; result: string }[], note: string): string =>
  [results.map((a) => `${a.year}年度：${a.result}`).join('；'), note ? `原文：${note}` : ''].filter(Boolean).join('\n');

const labelRows = (key: string, table: string, label: string, text: string): PrintBlock[] =>
  textRows({
    key,
    table,
    cells: [label, null],
    classes: ['l'],
    textAt: 1,
    text: text || '无',
    maxChars: WIDE_CHUNK_CHARS,
  });

const heading = (key: string, text: string, level: 1 | 2, extra: Partial<PrintBlock> = {}): PrintBlock => ({
  key,
  kind: 'flow',
  keepWithNext: true,
  node: <div className={level === 1 ? 'pb-h1' : 'pb-h2'}>{text}</div>,
  ...extra,
});

const note = (key: string, text: string): PrintBlock => ({
  key,
  kind: 'flow',
  node: <div className="pb-note">{text}</div>,
});

const th = (cells: string[]) => (
  <tr>
    {cells.map((c) => (
      <th key={c}>{c}</th>
    ))}
  </tr>
);

/** An entry as rows: its title and the first piece of its text, then one continuation row per further piece. */
const entryRows = (key: string, table: string, e: DossierEntry, n: number): PrintBlock[] =>
  textRows({
    key,
    table,
    cells: [n, e.date, e.subItem.name, null, ENTRY_POLARITY_LABELS[e.polarity], e.verifiedBy ? '已核实' : '未核实'],
    classes: ['c', 'c d', undefined, undefined, 'c', 'c'],
    textAt: 3,
    lead: <div className="pt-entry-title">{e.title}</div>,
    // The attachments are named under the text, so a reader of the paper copy knows what the file holds.
    text:
      e.attachments.length > 0
        ? `${e.content}${e.content ? '\n' : ''}附件：${e.attachments.map((a) => a.fileName).join('、')}`
        : e.content,
  });

/**
 * The dossier's blocks. `prefix` keeps keys and table ids apart when several dossiers are laid out as one packet;
 * `anchor` names the cover so a table of contents can find its page.
 */
export function dossierDocument(
  data: DossierPrintData,
  date: string,
  prefix = 'd',
  anchor?: string,
): PrintDocumentSpec {
  const k = (s: string) => `${prefix}-${s}`;
  const blocks: PrintBlock[] = [];
  const tables: Record<string, PrintTable> = {};
  const { profile, dossier, portrait } = data;

  blocks.push({
    key: k('cover'),
    kind: 'page',
    node: <DossierCover data={data} date={date} />,
    ...(anchor ? { anchor } : {}),
  });

  blocks.push(heading(k('h-basic'), '一、基本情况', 1));
  blocks.push({ key: k('basic'), kind: 'flow', node: <BasicTable data={data} /> });
  const more = k('t-more');
  tables[more] = { cols: ['12%', '88%'], header: null };
  blocks.push(...labelRows(k('resume'), more, '简　历', profile.resume));
  blocks.push(...labelRows(k('rewards'), more, '奖惩情况', profile.rewards));
  blocks.push(
    ...labelRows(k('annual'), more, '年度考核结果', annualText(profile.annualResults, profile.annualResultsNote)),
  );

  blocks.push(heading(k('h-portrait'), '二、政治画像', 1));
  const r = portrait.result;
  blocks.push({
    key: k('radar'),
    kind: 'flow',
    node: (
      <div style={{ display: 'flex', justifyContent: 'center' }}>
        <PortraitRadar result={r} width={480} height={330} tooltip={false} />
      </div>
    ),
  });
  const dims = k('t-dims');
  tables[dims] = { cols: ['10%', '40%', '20%', '30%'], header: th(['序号', '维度', '指数', '计分材料（条）']) };
  r.dimensions.forEach((d, i) =>
    blocks.push(
      row(k(`dim-${d.code}`), dims, [i + 1, d.name, d.index.toFixed(2), d.contributions.length], { center: [0, 2, 3] }),
    ),
  );
  const grade = portrait.confirmation;
  blocks.push({
    key: k('class'),
    kind: 'flow',
    node: (
      <div className="pb-p">
        综合指数 {r.overall.toFixed(2)}，画像分类：{r.classificationLabel}。{sentence(r.reason)}
        {grade ? `确认等次：${grade.confirmedGrade}${grade.reason ? `（${grade.reason}）` : ''}。` : ''}
        评价期间：{r.windowFrom} 至 {r.asOf}。
      </div>
    ),
  });

  const entries = dossier.entries;
  const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
  blocks.push(heading(k('h-sections'), '三、档案材料', 1));
  data.sections.forEach((s, si) => {
    const mine = entries.filter((e) => e.section.code === s.code);
    blocks.push(heading(k(`h2-${s.code}`), `（${cn[si] ?? si + 1}）${s.name}（${mine.length} 条）`, 2));
    if (mine.length === 0) {
      blocks.push(note(k(`none-${s.code}`), '本板块暂无材料。'));
      return;
    }
    const t = k(`t-${s.code}`);
    // 日期 wide enough for “2025-06-01” on one line.
    tables[t] = {
      cols: ['7%', '15%', '16%', '46%', '8%', '8%'],
      header: th(['序号', '日期', '子项', '标题与内容', '性质', '核实']),
    };
    mine.forEach((e, i) => blocks.push(...entryRows(k(`e-${e.id}`), t, e, i + 1)));
  });

  blocks.push(heading(k('h-eval'), '四、综合评价', 1));
  // The same texts as the portrait page (holisticText): the saved evaluation, else the draft and where it came from.
  const ev = portrait.holistic;
  const saved = portrait.evaluations[0];
  const evt = k('t-eval');
  tables[evt] = { cols: ['16%', '84%'], header: null };
  if (ev.source !== 'none') {
    blocks.push(...labelRows(k('ev-a'), evt, '能力特点', ev.abilities));
    blocks.push(...labelRows(k('ev-w'), evt, '性格不足', ev.weaknesses));
    blocks.push(...labelRows(k('ev-f'), evt, '熟悉领域', ev.familiarFields));
    blocks.push(
      note(
        k('ev-by'),
        saved && ev.source === 'saved'
          ? `评价人：${saved.writtenBy.name}　评价时间：${saved.writtenAt.slice(0, 10)}`
          : `（${ev.basis}）`,
      ),
    );
  } else {
    blocks.push(note(k('ev-none'), '尚未填写综合评价。'));
  }

  blocks.push(heading(k('h-hist'), '五、考核情况', 1));
  const hist = entries.filter((e) => e.origin === 'assessment' || e.subItem.code === ASSESSMENT_SUB_ITEM);
  const ht = k('t-hist');
  tables[ht] = { cols: ['8%', '16%', '76%'], header: th(['序号', '日期', '考核结果']) };
  if (
    hist.length === 0 &&
    data.pending.length === 0 &&
    profile.annualResults.length === 0 &&
    !profile.annualResultsNote
  )
    blocks.push(note(k('hist-none'), '暂无考核记录。'));
  hist.forEach((e, i) =>
    blocks.push(
      ...textRows({
        key: k(`hist-${e.id}`),
        table: ht,
        cells: [i + 1, e.date, null],
        classes: ['c', 'c d'],
        textAt: 2,
        text: `${e.title}${e.content ? `：${e.content}` : ''}`,
        maxChars: WIDE_CHUNK_CHARS,
      }),
    ),
  );
  // A summarised assessment not yet archived: its result, marked 未归档 (archiving writes it into the dossier).
  data.pending.forEach((p, i) =>
    blocks.push(
      ...textRows({
        key: k(`hist-p${i}`),
        table: ht,
        cells: [hist.length + i + 1, `${p.year}年度`, null],
        classes: ['c', 'c d'],
        textAt: 2,
        text: p.text,
        maxChars: WIDE_CHUNK_CHARS,
      }),
    ),
  );
  const done = hist.length + data.pending.length;
  profile.annualResults.forEach((a, i) =>
    blocks.push(
      row(k(`hist-y${a.year}`), ht, [done + i + 1, `${a.year}年度`, `年度考核：${a.result}`], { center: [0, 1] }),
    ),
  );
  if (profile.annualResultsNote) {
    const n = done + profile.annualResults.length + 1;
    blocks.push(
      ...textRows({
        key: k('hist-note'),
        table: ht,
        cells: [n, '—', null],
        classes: ['c', 'c'],
        textAt: 2,
        text: `年度考核（原文）：${profile.annualResultsNote}`,
        maxChars: WIDE_CHUNK_CHARS,
      }),
    );
  }
  return { blocks, tables };
}
