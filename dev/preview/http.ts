// Small node:http helpers for the preview server: JSON bodies with a size
// limit, responses with the headers every page and answer carries.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An answer the handler chose to give instead of a result; `message` is shown to the person. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Nothing outside this server may be loaded; inline script and style are how the pages are built. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-ancestors 'self'",
  "base-uri 'self'",
].join('; ');

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
};

export function sendHtml(res: ServerResponse, html: string): void {
  res.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
  res.end(html);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...COMMON_HEADERS, ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** Reads a JSON request body of at most MAX_BODY_BYTES. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    // Also what keeps other web sites out: they cannot send this type without a CORS preflight, which is never answered.
    throw new HttpError(415, 'Content-Type: application/json で送ってください。');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `送られたデータが大きすぎます（上限 ${MAX_BODY_BYTES / 1024 / 1024} MB）。`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, '送られたデータを JSON として読めません。');
  }
}
