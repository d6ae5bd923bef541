// 审议材料: a cover, a table of contents with the page each part starts on, then the chosen assessments' ranking
// tables and the cadres' dossiers, as one paginated document. The contents are laid out twice: first without
// numbers, then with the pages found.
import type { PacketComments } from '../../../shared/print/types';
import type { PrintBlock, PrintDocumentSpec, PrintTable } from './blocks';
import { dossierDocument } from './DossierDocument';
import type { PacketPrintData } from './packet-data';
import { rankingsDocument } from './RankingsDocument';
import { reviewDocument } from './ReviewDocument';
import { renmianSheetBlocks } from './RenmianDocument';

export const cadreAnchor = (cadreId: number) => `cadre-${cadreId}`;
export const rankingsAnchor = (assessmentId: number) => `rankings-${assessmentId}`;

// The secrecy marking is the page's own (PrintPage), once: the cover adds none.
function PacketCover({
  title,
  date,
  count,
  rankings,
  organ,
}: {
  title: string;
  date: string;
  count: number;
  rankings: number;
  organ: string;
}) {
  return (
    <div className="cover">
      <div className="cover-title">{title}</div>
      <div className="cover-sub">
        （审议材料，共 {count} 名干部{rankings > 0 ? `，附排名表 ${rankings} 份` : ''}）
      </div>
      <div className="cover-foot">
        {organ ? <div className="cover-organ">{organ}</div> : null}
        <div className="nowrap">{`${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`}</div>
      </div>
    </div>
  );
}

export function packetDocument(
  title: string,
  date: string,
  { rankings, dossiers, organ, reviews, renmian }: PacketPrintData,
  pages: Readonly<Record<string, number>> | null,
  /** 意见建议 printed under each 排名表, by assessment (打印意见建议; none when off). */
  comments: readonly PacketComments[] = [],
): PrintDocumentSpec {
  const blocks: PrintBlock[] = [
    {
      key: 'p-cover',
      kind: 'page',
      node: <PacketCover title={title} date={date} count={dossiers.length} rankings={rankings.length} organ={organ} />,
    },
  ];
  // The placeholder has the width of a number so the second layout is the same as the first.
  const pageOf = (anchor: string) => (pages ? (pages[anchor] ?? '') : '000');
  const tables: Record<string, PrintTable> = {
    toc: {
      cols: ['10%', '16%', '60%', '14%'],
      header: (
        <tr>
          <th>序号</th>
          {/* With ranking tables the rows are not all cadres: the columns say 材料 and 说明 instead. */}
          <th>{rankings.length ? '材料' : '姓名'}</th>
          <th>{rankings.length ? '说明' : '单位及职务'}</th>
          <th>页码</th>
        </tr>
      ),
    },
  };
  blocks.push({
    key: 'p-toc',
    kind: 'flow',
    breakBefore: true,
    keepWithNext: true,
    node: <div className="pb-title">目　录</div>,
  });
  rankings.forEach((r, i) =>
    blocks.push({
      key: `p-toc-r${r.assessmentId}`,
      kind: 'row',
      table: 'toc',
      node: (
        <tr data-toc={`r${r.assessmentId}`}>
          <td className="c">{i + 1}</td>
          <td className="c">排名表</td>
          <td>{r.name}</td>
          <td className="c">{pageOf(rankingsAnchor(r.assessmentId))}</td>
        </tr>
      ),
    }),
  );
  dossiers.forEach((d, i) =>
    blocks.push({
      key: `p-toc-${d.profile.id}`,
      kind: 'row',
      table: 'toc',
      node: (
        <tr data-toc={d.profile.id}>
          <td className="c">{rankings.length + i + 1}</td>
          <td className="c">{d.profile.name}</td>
          <td>
            {d.profile.unitName}　{d.profile.currentPost}
          </td>
          <td className="c">{pageOf(cadreAnchor(d.profile.id))}</td>
        </tr>
      ),
    }),
  );
  rankings.forEach((r, i) => {
    const mine = comments.find((c) => c.assessmentId === r.assessmentId)?.comments ?? [];
    const part = rankingsDocument(r.view, r.name, `pr${i}`, rankingsAnchor(r.assessmentId), organ, mine);
    blocks.push(...part.blocks);
    Object.assign(tables, part.tables);
  });
  dossiers.forEach((d, i) => {
    // A candidate's materials as a 部务会 reads them: 任免审批表, 审查意见, then the dossier; the contents point at the
    // first of them.
    let anchor: string | undefined = cadreAnchor(d.profile.id);
    const form = renmian?.get(d.profile.id);
    if (form) {
      blocks.push(...renmianSheetBlocks(form, `cf${i}`, anchor));
      anchor = undefined;
    }
    const review = reviews?.get(d.profile.id);
    if (review) {
      const r = reviewDocument(review, `cr${i}`, anchor);
      blocks.push(...r.blocks);
      Object.assign(tables, r.tables);
      anchor = undefined;
    }
    const part = dossierDocument(d, date, `c${i}`, anchor);
    blocks.push(...part.blocks);
    Object.assign(tables, part.tables);
  });
  return { blocks, tables };
}
