// The agenda as a page to print on A4 (Apps Script cannot set a sheet's
// paper, margins or footer): the same table as the tab, its header rows
// repeated on every page, page numbers at the foot, 取扱注意 at the top right
// for a meeting held without consent. Every value is escaped text.
import { escapeHtml } from '../html';
import { AGENDA_COLUMNS, HANDLE_WITH_CARE, type AgendaLayout, type LayoutRow } from './render';

/** The page box: A4, page numbers at the foot, and 取扱注意 at the top right when the meeting is held without consent. */
function pageStyle(confidential: boolean): string {
  const topRight = confidential ? `\n  @top-right { content: "${HANDLE_WITH_CARE}"; font-size: 10pt; font-weight: bold; }` : '';
  return `@page { size: A4 portrait; margin: 14mm 12mm 16mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #444; }${topRight} }`;
}

const STYLE = `
* { box-sizing: border-box; }
body { font-family: "Hiragino Sans", "Noto Sans JP", "Meiryo", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #000; margin: 0; padding: 12px; }
.toolbar { display: flex; gap: 12px; align-items: center; margin-bottom: 12px; font-size: 13px; }
.toolbar button { font: inherit; padding: 6px 18px; border: 1px solid #1a73e8; border-radius: 4px; background: #1a73e8; color: #fff; cursor: pointer; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #666; padding: 4px 5px; vertical-align: top; text-align: left; white-space: pre-wrap; overflow-wrap: anywhere; }
tr { break-inside: avoid; }
.title td { border: 0; font-size: 15pt; font-weight: bold; padding: 0 0 4px; }
.info td { border: 0; padding: 0 0 4px; }
.notice td { border: 0; padding: 2px 0 6px; }
.confidential .notice td, .footer td { font-weight: bold; }
.header th { background: #e8f0fe; font-weight: bold; }
.session td { background: #f1f3f4; }
.participants td { padding-top: 8px; }
@media print { body { padding: 0; } .toolbar { display: none; } }
`;

const CELL_TAG: Partial<Record<LayoutRow['role'], 'th'>> = { header: 'th' };

function rowHtml(row: LayoutRow): string {
  const tag = CELL_TAG[row.role] ?? 'td';
  const cells = row.cells.map((text, i) => {
    const span = i === row.cells.length - 1 ? AGENDA_COLUMNS.length - i : 1;
    return `<${tag}${span > 1 ? ` colspan="${span}"` : ''}>${escapeHtml(text)}</${tag}>`;
  });
  return `<tr class="${row.role}">${cells.join('')}</tr>`;
}

/** A whole HTML document; 「印刷」 prints it, the browser's own dialog choosing the printer. */
export function agendaPrintHtml(layout: AgendaLayout): string {
  const head = layout.rows.slice(0, layout.headerRows).map(rowHtml).join('\n');
  const body = layout.rows.slice(layout.headerRows).map(rowHtml).join('\n');
  const columns = AGENDA_COLUMNS.map((c) => `<col style="width:${c.width}px">`).join('');
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>${escapeHtml(layout.title)}</title>
<style>${pageStyle(layout.confidential)}${STYLE}</style>
</head>
<body class="${layout.confidential ? 'confidential' : ''}">
<div class="toolbar"><button type="button" id="print">印刷</button><span>A4縦で印刷します。見出しは各ページの上に、ページ番号は下に入ります。</span></div>
<table>
<colgroup>${columns}</colgroup>
<thead>
${head}
</thead>
<tbody>
${body}
</tbody>
</table>
<script>document.getElementById('print').addEventListener('click', function () { window.print(); });</script>
</body>
</html>
`;
}
