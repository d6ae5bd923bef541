// 审议材料: a cover, a table of contents with the page each cadre's dossier starts on, then the dossiers, as one
// paginated document. The contents are laid out twice: first without numbers, then with the pages found.
import type { PrintBlock, PrintDocumentSpec, PrintTable } from './blocks';
import type { DossierPrintData } from './dossier-data';
import { dossierDocument } from './DossierDocument';

export const cadreAnchor = (cadreId: number) => `cadre-${cadreId}`;

function PacketCover({ title, date, count }: { title: string; date: string; count: number }) {
  return (
    <div className="cover">
      <div className="cover-secret">内部资料 注意保密</div>
      <div className="cover-title">{title}</div>
      <div className="cover-sub">（审议材料，共 {count} 名干部）</div>
      <div className="cover-foot">{`${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`}</div>
    </div>
  );
}

export function packetDocument(
  title: string,
  date: string,
  dossiers: readonly DossierPrintData[],
  pages: Readonly<Record<string, number>> | null,
): PrintDocumentSpec {
  const blocks: PrintBlock[] = [{ key: 'p-cover', kind: 'page', node: <PacketCover title={title} date={date} count={dossiers.length} /> }];
  const tables: Record<string, PrintTable> = {
    toc: {
      cols: ['10%', '16%', '60%', '14%'],
      header: (
        <tr>
          <th>序号</th>
          <th>姓名</th>
          <th>单位及职务</th>
          <th>页码</th>
        </tr>
      ),
    },
  };
  blocks.push({ key: 'p-toc', kind: 'flow', breakBefore: true, keepWithNext: true, node: <div className="pb-title">目　录</div> });
  dossiers.forEach((d, i) =>
    blocks.push({
      key: `p-toc-${d.profile.id}`,
      kind: 'row',
      table: 'toc',
      node: (
        <tr data-toc={d.profile.id}>
          <td className="c">{i + 1}</td>
          <td className="c">{d.profile.name}</td>
          <td>
            {d.profile.unitName}　{d.profile.currentPost}
          </td>
          {/* The placeholder has the width of a number so the second layout is the same as the first. */}
          <td className="c">{pages ? (pages[cadreAnchor(d.profile.id)] ?? '') : '000'}</td>
        </tr>
      ),
    }),
  );
  dossiers.forEach((d, i) => {
    const part = dossierDocument(d, date, `c${i}`, cadreAnchor(d.profile.id));
    blocks.push(...part.blocks);
    Object.assign(tables, part.tables);
  });
  return { blocks, tables };
}
