// The 標準化 confirmation's words and choices, on a plan as the server gives it.
import type { StandardizeReport } from '../../src/app/standardize';
import type { StandardizePlan } from '../../src/app/standardizeTypes';
import {
  columnLabel, exampleLine, KEEP, leftOutLine, questionsLine, resultLines, rewritesLine, targetOptions,
} from '../../sidebar/standardize/standardizeText';

const PLAN: StandardizePlan = {
  sheet: '相談受付一覧',
  headerRow: 3,
  mapping: [
    { column: 'A', source: 'No.', to: KEEP, question: null },
    { column: 'B', source: '氏名', to: '本人氏名', question: null },
    { column: 'C', source: '受付／受付日', to: '受付日', question: null },
    { column: 'D', source: '担当', to: KEEP, question: '担当の職員名なら「担当者」を選んでください。' },
    { column: 'E', source: '（見出しなし）', to: KEEP, question: null },
  ],
  choices: ['ケースID', '受付日', '本人氏名', '担当者'],
  leftOutRows: [{ row: 1, reason: '表の題名' }, { row: 9, reason: '合計の行' }],
  rewrites: 1234,
  examples: [{ row: 4, cells: [{ header: '受付日', before: 'R6.4.1', after: '2024-04-01' }, { header: '本人氏名カナ', before: '', after: 'ヤマダ' }] }],
  refusal: null,
};

describe('the 標準化 confirmation', () => {
  it('names each source column by its letter and header, so columns of the same header or none are told apart', () => {
    expect(PLAN.mapping.map(columnLabel)).toEqual(['A列「No.」', 'B列「氏名」', 'C列「受付／受付日」', 'D列「担当」', 'E列「（見出しなし）」']);
  });

  it('offers every standard column and 「そのまま残す」 last', () => {
    expect(targetOptions(PLAN, PLAN.mapping[1]!).map((o) => o.label)).toEqual(['ケースID', '受付日', '本人氏名', '担当者', 'そのまま残す']);
    expect(targetOptions(PLAN, PLAN.mapping[0]!).at(-1)).toEqual({ value: KEEP, label: 'そのまま残す' });
  });

  it('keeps a mapping the plan made to a column it does not list among the choices', () => {
    const column = { column: 'F', source: '生年月日（和暦）', to: '生年月日', question: null };
    expect(targetOptions(PLAN, column).map((o) => o.value)).toEqual(['生年月日', 'ケースID', '受付日', '本人氏名', '担当者', KEEP]);
  });

  it('counts the columns to look at, the values rewritten, and shows rows and examples as text', () => {
    expect(questionsLine(PLAN)).toBe('確かめてほしい列が1つあります（黄色の枠）。行き先が合っているか見て、違えば選び直してください。');
    expect(questionsLine({ ...PLAN, mapping: PLAN.mapping.filter((c) => !c.question) })).toBeNull();
    expect(rewritesLine(PLAN.rewrites)).toBe('1,234か所の値を、共通シートの書き方にそろえます（日付・カナ・ケースIDなど）。意味は変えません。');
    expect(rewritesLine(0)).toBe('書き方を変える値はありません。');
    expect(PLAN.leftOutRows.map(leftOutLine)).toEqual(['1行目：表の題名', '9行目：合計の行']);
    expect(PLAN.examples[0]!.cells.map(exampleLine)).toEqual(['受付日：R6.4.1 → 2024-04-01', '本人氏名カナ：（空欄） → ヤマダ']);
  });

  it('tells the result: the backup tab, the counts, the rows left out; a tab moved into an empty 共通シート; nothing changed on a standard tab', () => {
    const report: StandardizeReport = {
      sheet: '共通シート', backupSheet: 'バックアップ_20261207_103000', headerRow: 3, mapping: PLAN.mapping, leftOutRows: PLAN.leftOutRows, rewrites: 12,
      renamedHeaders: [], addedColumns: [], extraColumns: ['No.（元のA列）'], normalizedCells: 12, assignedIds: 3, createdTabs: ['設定'],
      renamedFrom: '相談受付一覧', movedFrom: null, unmerged: [], formulasKeptAsValues: [], linksKept: 0,
    };
    expect(resultLines(report)).toEqual([
      'タブ「相談受付一覧」を共通シートの形にし、名前を「共通シート」にしました。',
      '元の表は、タブ「バックアップ_20261207_103000」にそのまま残しています。',
      '書き方をそろえた値：12か所、新しく付けたケースID：3件。',
      'そのまま残した列：No.（元のA列）。',
      '共通シートに入れなかった行：1行目、9行目（バックアップのタブに残っています）。',
      '新しく作ったタブ：設定。',
    ]);
    expect(resultLines({ ...report, renamedFrom: null, movedFrom: '相談受付一覧', extraColumns: [], leftOutRows: [], createdTabs: [] }).slice(0, 2)).toEqual([
      'タブ「相談受付一覧」のケースを、空だった「共通シート」に移しました。',
      '元のタブは、名前を「バックアップ_20261207_103000」に変えてそのまま残しています。',
    ]);
    expect(resultLines({ ...report, backupSheet: null })).toEqual(['すでに共通シートの形でした。何も変えていません。']);
  });
});
