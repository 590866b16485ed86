// The problem list: grouped by row, rows with errors first, errors first within a row.
import type { Problem } from '../../src/domain/validate/problem';
import { groupHeading, groupProblems, problemPlace, problemText, summaryLine } from '../../sidebar/problems/problemGroups';

const problem = (sheet: string, row: number, column: string, letter: string, severity: 'error' | 'warning', text: string, caseId = ''): Problem => ({
  sheet, row, column, columnLetter: letter, severity, field: 'x', code: severity === 'error' ? 'required' : 'monitoring_overdue', caseId,
  message: `${row}行目「${column}」（${letter}列）：${text}`,
});

describe('groupProblems', () => {
  const problems = [
    problem('共通シート', 9, '次回モニタリング日', 'Z', 'warning', 'モニタリング日を過ぎています。', '2024-0007'),
    problem('支援記録', 3, '実施日', 'C', 'error', '実施日が空欄です。', '2024-0003'),
    problem('共通シート', 5, '本人同意', 'R', 'warning', '同意取得日が空欄です。', '2024-0003'),
    problem('共通シート', 5, '受付日', 'B', 'error', '受付日が空欄です。', '2024-0003'),
    problem('共通シート', 2, '終結日', 'AA', 'warning', '終結日が入っています。', '2024-0001'),
    problem('会議記録', 4, '開始時刻', 'D', 'error', '開始時刻が読めません。'),
    problem('共通シート', 11, '受付日', 'B', 'error', '受付日が読めません。'),
  ];

  it('puts a case\'s problems together across tabs, cases with errors first, errors first within a case', () => {
    const groups = groupProblems(problems);
    expect(groups.map((g) => g.heading)).toEqual([
      'ケース 2024-0003', '共通シート 11行目（ケースIDなし）', '会議記録 4行目（ケースIDなし）', 'ケース 2024-0001', 'ケース 2024-0007',
    ]);
    expect(groups[0]!.problems.map((p) => `${p.sheet}:${p.column}`)).toEqual(['共通シート:受付日', '支援記録:実施日', '共通シート:本人同意']);
    expect(groups[0]).toMatchObject({ caseId: '2024-0003', errors: 2, warnings: 1 });
  });

  it('calls row 1 the header row (a missing column)', () => {
    expect(groupHeading(problem('共通シート', 1, '受付日', '', 'error', ''))).toBe('共通シート 1行目（見出し）');
  });

  it('keeps every problem exactly once', () => {
    expect(groupProblems(problems).flatMap((g) => g.problems)).toHaveLength(problems.length);
    expect(groupProblems([])).toEqual([]);
  });
});

describe('problem text', () => {
  it('says where the problem is, and drops the row prefix the place already gives', () => {
    const p = problem('共通シート', 5, '受付日', 'B', 'error', '受付日が空欄です。入力してください。');
    expect(problemPlace(p)).toBe('共通シート 5行目・受付日（B列）');
    expect(problemText(p)).toBe('受付日が空欄です。入力してください。');
  });

  it('keeps a message that does not start as expected, and a column without a letter', () => {
    const p = { ...problem('共通シート', 1, '同意取得日', '', 'error', ''), message: '列「同意取得日」がありません。' };
    expect(problemPlace(p)).toBe('共通シート 1行目・同意取得日');
    expect(problemText(p)).toBe('列「同意取得日」がありません。');
    const noLetter = { ...p, message: '1行目「同意取得日」：列がありません。' };
    expect(problemText(noLetter)).toBe('列がありません。');
  });

  it('summarises the counts in Japanese', () => {
    expect(summaryLine({ error: 0, warning: 0 }, 0)).toBe('問題は見つかりませんでした。');
    expect(summaryLine({ error: 3, warning: 2 }, 4)).toBe('エラー 3件、注意 2件（4件のケース・行）');
  });
});
