// A failed server call, told in Japanese. The server's own messages are
// Japanese already; anything else (a network or Apps Script error) is explained.

const JAPANESE = /[\u3040-\u30FF\u4E00-\u9FFF]/;

export function failureMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const message = raw.replace(/^(Exception|Error|ScriptError):\s*/, '').trim();
  if (message && JAPANESE.test(message)) return message;
  const detail = message ? `（詳細：${message}）` : '';
  return `サーバーとの通信に失敗しました。インターネット接続を確かめ、しばらくしてからもう一度お試しください。${detail}`;
}

/**
 * Whether the server answered with its own (Japanese) refusal: sending the same
 * thing again cannot help then, unlike after a lost connection.
 */
export function isRefusal(error: unknown): boolean {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return JAPANESE.test(raw);
}

/** 「保存できませんでした：…」 */
export function failureText(action: string, error: unknown): string {
  return `${action}できませんでした：${failureMessage(error)}`;
}
