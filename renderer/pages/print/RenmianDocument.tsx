// The 干部任免审批表 as printed: every sheet of shared/renmian/sheets.ts drawn at its millimetre positions (ruled
// cells, labels in 宋体, what is filled in 仿宋 at the size chosen for its cell), one form after another.
import type { LrmxPerson } from '../../../shared/roster/lrmx-types';
import { renmianForm } from '../../../shared/renmian/form';
import { lineHeightMm } from '../../../shared/renmian/fit';
import { PAGE, TABLE_W, TABLE_X, TITLE } from '../../../shared/renmian/grid';
import { renmianSheets, type Sheet, type SheetText } from '../../../shared/renmian/sheets';
import type { PrintBlock } from './blocks';
import './print.css';

/** Ruling width (mm): each cell's border is centred on its grid lines, so neighbours draw one line, not two. */
const RULE = 0.3;

const mm = (n: number) => `${n.toFixed(2)}mm`;

const JUSTIFY: Readonly<Record<SheetText['valign'], string>> = {
  top: 'flex-start',
  middle: 'center',
  bottom: 'flex-end',
};

function Text({ t }: { t: SheetText }) {
  return (
    <div
      className={`rm-text rm-${t.font}`}
      data-cell={t.cellId}
      style={{
        left: mm(t.box.x),
        top: mm(t.box.y),
        width: mm(t.box.w),
        height: mm(t.box.h),
        justifyContent: JUSTIFY[t.valign],
        textAlign: t.align,
        fontSize: `${t.sizePt}pt`,
        lineHeight: mm(lineHeightMm(t.sizePt)),
        fontWeight: t.bold ? 700 : 400,
      }}
    >
      {t.lines.map((l, i) => (
        <div key={i} className="rm-line" style={l.indentMm ? { paddingLeft: mm(l.indentMm) } : undefined}>
          {l.text || '\u00a0'}
        </div>
      ))}
    </div>
  );
}

function SheetView({ sheet, form, page }: { sheet: Sheet; form: number; page: number }) {
  return (
    <section className="print-page rm-sheet" data-sheet={sheet.kind} data-form={form} data-page={page}>
      {sheet.title && (
        <div
          className={`rm-title${sheet.kind === 'continuation' ? ' rm-title-cont' : ''}`}
          style={{ top: mm(TITLE.y), left: 0, width: mm(PAGE.w), height: mm(TITLE.h) }}
        >
          {sheet.title}
        </div>
      )}
      {sheet.subtitle && (
        <div className="rm-subtitle" style={{ top: mm(TITLE.y + TITLE.h + 1), left: mm(TABLE_X), width: mm(TABLE_W) }}>
          {sheet.subtitle}
        </div>
      )}
      {sheet.cells.map((c) => (
        <div
          key={c.id}
          className="rm-cell"
          data-cell={c.id}
          style={{
            left: mm(c.x - RULE / 2),
            top: mm(c.y - RULE / 2),
            width: mm(c.w + RULE),
            height: mm(c.h + RULE),
            borderWidth: mm(RULE),
          }}
        />
      ))}
      {sheet.photo && (
        <img
          className="rm-photo"
          alt="照片"
          src={sheet.photo.src}
          style={{
            left: mm(sheet.photo.box.x),
            top: mm(sheet.photo.box.y),
            width: mm(sheet.photo.box.w),
            height: mm(sheet.photo.box.h),
          }}
        />
      )}
      {sheet.texts.map((t, i) => (
        <Text key={`${t.cellId}-${i}`} t={t} />
      ))}
    </section>
  );
}

/** One person's form as whole-sheet blocks for a paginated document (the 审议材料 packet). */
export function renmianSheetBlocks(person: LrmxPerson, key: string, anchor?: string): PrintBlock[] {
  return renmianSheets(renmianForm(person)).map((sheet, i) => ({
    key: `${key}-${i}`,
    kind: 'page',
    sheet: true,
    node: <SheetView sheet={sheet} form={1} page={i + 1} />,
    ...(anchor && i === 0 ? { anchor } : {}),
  }));
}

/** Every person's form: page 1, page 2, then its 续页 if any. */
export function RenmianDocument({ persons }: { persons: readonly LrmxPerson[] }) {
  let page = 0;
  return (
    <div className="print-doc rm-doc">
      {persons.map((p, n) =>
        renmianSheets(renmianForm(p)).map((sheet, i) => {
          page += 1;
          return <SheetView key={`${n}-${i}`} sheet={sheet} form={n + 1} page={page} />;
        }),
      )}
    </div>
  );
}
