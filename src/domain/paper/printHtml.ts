// A paper as a page to print on A4 (Apps Script cannot set a sheet's paper,
// margins or footer): the same table as its tab, the header rows repeated on
// every page, page numbers at the foot, and a mark at the top right when the
// paper asks for one (取扱注意). Every value is escaped text.
import { escapeHtml } from '../html';
import { approvalPadding, type LayoutRow } from './layout';

export interface PaperPage {
  readonly title: string;
  readonly columns: readonly { readonly header: string; readonly width: number }[];
  readonly rows: readonly LayoutRow[];
  /** The rows repeated at the top of every printed page. */
  readonly headerRows: number;
  readonly orientation: 'portrait' | 'landscape';
  /** Printed at the top right of every page (取扱注意), if any. */
  readonly mark?: string;
  /** A class on the body for the paper's own emphasis (a confidential meeting's notice …). */
  readonly bodyClass?: string;
}

function pageStyle(page: PaperPage): string {
  const topRight = page.mark ? `\n  @top-right { content: "${page.mark.replace(/["\\]/g, '')}"; font-size: 10pt; font-weight: bold; }` : '';
  return `@page { size: A4 ${page.orientation}; margin: 14mm 12mm 16mm;
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
.session td { background: #f1f3f4; font-weight: bold; }
.participants td { padding-top: 8px; }
.empty td { border: 0; }
.approval td, .stamp td { text-align: center; }
.approval td { background: #f1f3f4; font-size: 9pt; }
.approval td.pad, .stamp td.pad { border: 0; background: none; }
@media print { body { padding: 0; } .toolbar { display: none; } }
`;

/** Roles whose cells are borderless prose above or below the ruled table. */
const CELL_TAG: Partial<Record<LayoutRow['role'], 'th'>> = { header: 'th' };

function rowHtml(row: LayoutRow, width: number): string {
  const tag = CELL_TAG[row.role] ?? 'td';
  const padding = row.role === 'approval' || row.role === 'stamp' ? approvalPadding(row) : 0;
  const cells = row.cells.map((text, i) => {
    const span = i === row.cells.length - 1 ? width - i : 1;
    const pad = i < padding ? ' class="pad"' : '';
    return `<${tag}${pad}${span > 1 ? ` colspan="${span}"` : ''}>${escapeHtml(text)}</${tag}>`;
  });
  return `<tr class="${row.role}">${cells.join('')}</tr>`;
}

/** A whole HTML document; 「印刷」 prints it, the browser's own dialog choosing the printer. */
export function paperHtml(page: PaperPage): string {
  const width = page.columns.length;
  const head = page.rows.slice(0, page.headerRows).map((r) => rowHtml(r, width)).join('\n');
  const body = page.rows.slice(page.headerRows).map((r) => rowHtml(r, width)).join('\n');
  const columns = page.columns.map((c) => `<col style="width:${c.width}px">`).join('');
  const paper = page.orientation === 'portrait' ? 'A4縦' : 'A4横';
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>${escapeHtml(page.title)}</title>
<style>${pageStyle(page)}${STYLE}</style>
</head>
<body class="${page.bodyClass ?? ''}">
<div class="toolbar"><button type="button" id="print">印刷</button><span>${paper}で印刷します。見出しは各ページの上に、ページ番号は下に入ります。</span></div>
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
