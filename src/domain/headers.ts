// Finding columns by header text (SPEC §2, §7). The alias table is the one
// place that knows what hand-made sheets call the standard columns.
import { cellText, type Cell } from './cell';
import type { FieldDef } from './fields';
import { normalizeText } from './normalize';

/** Other names towns use for a standard header, by standard header. */
export const HEADER_ALIASES: Readonly<Record<string, readonly string[]>> = {
  ケースID: ['ID', 'ケース番号', '番号', '整理番号', 'No', 'No.', '管理番号'],
  受付日: ['受付年月日', '受付', '相談日', '受理日', '受付日付', '相談受付日', '受付日（和暦）'],
  つなぎ元機関: ['つなぎ元', '紹介元', '相談元', '紹介元機関', '相談機関', 'つなぎ元の機関'],
  つなぎ元分野: ['分野', 'つなぎ元の分野'],
  つなぎ元担当者: ['つなぎ元担当', '紹介者', 'つなぎ元の担当者'],
  本人氏名: ['氏名', '名前', '本人', '対象者氏名', '対象者', '対象者名', '氏名（漢字）', '本人名', '相談者氏名', '相談者名'],
  本人氏名カナ: ['フリガナ', 'ふりがな', 'カナ', 'よみがな', 'ヨミガナ', '氏名カナ', '氏名（カナ）', 'かな', '氏名（ふりがな）', '氏名（フリガナ）', 'カナ氏名'],
  生年月日: ['誕生日', '生年', '生年月日（和暦）', '生年月日（西暦）'],
  年代: ['年齢層', '年代区分'],
  性別: ['性'],
  圏域: ['地区', '地域', '日常生活圏域'],
  世帯ID: ['世帯番号'],
  世帯構成: ['世帯', '家族構成'],
  課題領域: ['課題', '課題分野', '主な課題'],
  世帯の状態: ['世帯の状況', '状態像', 'タグ'],
  相談の概要: ['相談内容', '概要', '相談概要', '主訴'],
  つなぎの理由: ['理由', 'つなぐ理由', '紹介理由'],
  本人同意: ['同意', '同意の有無', '本人の同意'],
  同意取得日: ['同意日'],
  関係機関: ['関係先', '関わっている機関'],
  状態: ['ステータス', '進捗', '支援状況'],
  主担当機関: ['主担当', '担当機関'],
  プラン作成日: ['プラン作成', '支援プラン作成日'],
  次回会議種別: ['次回会議'],
  次回会議予定日: ['次回会議日', '会議予定日'],
  次回モニタリング日: ['モニタリング日', '次回モニタリング'],
  終結日: ['終了日'],
  終結理由: ['終了理由'],
  備考: ['メモ', 'その他'],
};

/**
 * Headers the add-on cannot read alone (SPEC §7: asked, never guessed): the
 * question the person sees. 担当 may be the agency's worker who referred the
 * case or the team's own 主担当; 年齢 becomes 年代 only when every value is a
 * plain age (the standardiser checks), otherwise the person decides.
 */
export const HEADER_QUESTIONS: Readonly<Record<string, string>> = {
  担当: '「担当」は、つないだ機関の担当者（つなぎ元担当者）ですか、それとも主担当機関ですか？選ぶまでは、そのまま残します。',
  担当者: '「担当者」は、つないだ機関の担当者（つなぎ元担当者）ですか、それとも主担当機関ですか？選ぶまでは、そのまま残します。',
  年齢: '「年齢」に年齢でない値があるため、年代に置き換えられません。年代にするか、そのまま残すかを選んでください。',
};

/** Headers compare without spaces, brackets' width or case. */
export function headerKey(text: string): string {
  return normalizeText(text).replace(/[\s\u3000]/g, '').toLowerCase();
}

export interface HeaderMatch {
  /** Column index of each standard field found, by field key. */
  readonly columnOf: ReadonlyMap<string, number>;
  /** Columns whose text differs from the standard header they were taken as. */
  readonly renamed: readonly { from: string; to: string; index: number }[];
  /** Columns that match no standard field (or repeat one already found). */
  readonly extra: readonly number[];
}

/** Matches a header row to the fields: the standard text first, then aliases; the first column wins. */
export function matchHeaders(fields: readonly FieldDef[], header: readonly Cell[]): HeaderMatch {
  const byKey = new Map<string, FieldDef>();
  for (const field of fields) byKey.set(headerKey(field.header), field);
  const byAlias = new Map<string, FieldDef>();
  for (const field of fields) {
    for (const alias of HEADER_ALIASES[field.header] ?? []) byAlias.set(headerKey(alias), field);
  }
  const columnOf = new Map<string, number>();
  const renamed: { from: string; to: string; index: number }[] = [];
  const extra: number[] = [];
  // Exact standard headers take their field before any alias can claim it.
  const claim = (lookup: Map<string, FieldDef>) => header.forEach((cell, index) => {
    const field = lookup.get(headerKey(cellText(cell)));
    if (!field || columnOf.has(field.key) || [...columnOf.values()].includes(index)) return;
    columnOf.set(field.key, index);
    if (cellText(cell) !== field.header) renamed.push({ from: cellText(cell), to: field.header, index });
  });
  claim(byKey);
  claim(byAlias);
  header.forEach((_, index) => {
    if (![...columnOf.values()].includes(index)) extra.push(index);
  });
  renamed.sort((a, b) => a.index - b.index);
  return { columnOf, renamed, extra };
}

/** The cells of one row by field key ('' where the sheet has no such column). */
export function rowRecord(fields: readonly FieldDef[], columnOf: ReadonlyMap<string, number>, row: readonly Cell[]): Record<string, Cell> {
  const record: Record<string, Cell> = {};
  for (const field of fields) {
    const index = columnOf.get(field.key);
    record[field.key] = index === undefined ? '' : (row[index] ?? '');
  }
  return record;
}
