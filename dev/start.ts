// npm start: the local preview. Builds dist/ when a source is newer, makes a
// demo workbook when there is none, then serves the workbook's tabs, the
// 多機関協働 menu and the sidebar on localhost, every action going through the
// built dist/Code.js and saved to the .xlsx. Ctrl-C stops it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCli } from './cli';
import { ensureBuilt } from './freshness';
import { startPreview } from './preview/server';

const BOOK = process.env.TSUNAGI_BOOK ? resolve(process.env.TSUNAGI_BOOK) : resolve(__dirname, '..', 'demo.xlsx');
const PORT = process.env.PORT ?? '8080';

async function main(): Promise<number> {
  if (!/^\d+$/.test(PORT) || Number(PORT) > 65535) {
    process.stderr.write(`PORT には 0〜65535 の整数を指定してください（指定：${PORT}）。\n`);
    return 1;
  }
  try {
    await ensureBuilt();
  } catch (error) {
    process.stderr.write(`ビルドに失敗しました：${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  if (!existsSync(BOOK)) {
    const made = await runCli(['demo', BOOK]);
    process.stdout.write(made.stdout);
    process.stderr.write(made.stderr);
    if (made.exitCode !== 0) return made.exitCode;
  }
  let preview: Awaited<ReturnType<typeof startPreview>>;
  try {
    preview = await startPreview({ bookPath: BOOK, port: Number(PORT) });
  } catch (error) {
    const inUse = (error as { code?: unknown }).code === 'EADDRINUSE';
    process.stderr.write(inUse
      ? `ポート ${PORT} はほかのプログラムが使っています。PORT=${Number(PORT) + 1} npm start のように別のポートを指定してください。\n`
      : `プレビューを始められませんでした：${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  process.stdout.write(`つなぎのプレビュー: ${preview.url}\nブック: ${BOOK}（操作のたびにこのファイルに保存します）\n止めるには Ctrl-C を押してください。\n`);
  const stop = (): void => {
    preview.close().then(() => {
      process.stdout.write('\nプレビューを終了しました。\n');
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

main().then((code) => {
  if (code !== 0) process.exit(code);
});
