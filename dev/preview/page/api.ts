// The preview server's JSON endpoints, as the page calls them.
import { withPreviewToken } from '../token';
import type { MenuRunResponse, PersonAnswer, Selection, WorkbookView } from '../types';

async function request<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(withPreviewToken(path, window.location.search), body === undefined ? undefined : {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as T | { error?: string };
  if (!response.ok) throw new Error((answer as { error?: string }).error ?? `サーバーが ${response.status} を返しました。`);
  return answer as T;
}

export function fetchWorkbook(): Promise<WorkbookView> {
  return request<WorkbookView>('/api/workbook');
}

/** Runs a menu item with the person's answers to its questions so far. */
export function runFunction(functionName: string, answers: readonly PersonAnswer[]): Promise<MenuRunResponse> {
  return request<MenuRunResponse>('/api/run', { functionName, args: [], answers });
}

/** Makes a tab, or a cell of it, the active one, as clicking in Sheets does. */
export async function selectRange(sheet: string, range?: string): Promise<Selection> {
  return (await request<{ selection: Selection }>('/api/select', { sheet, range })).selection;
}
