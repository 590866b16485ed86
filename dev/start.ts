// npm start: the quickest look at tsunagi. Makes a demo workbook when there is
// none, runs 入力チェック on it through the built bundle, saves the marks and
// prints what it found.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCli } from './cli';

const BOOK = resolve(process.env.TSUNAGI_BOOK ?? 'demo.xlsx');

async function main(): Promise<number> {
  if (!existsSync(BOOK)) {
    const made = await runCli(['demo', BOOK]);
    process.stdout.write(made.stdout);
    process.stderr.write(made.stderr);
    if (made.exitCode !== 0) return made.exitCode;
  }
  process.stdout.write(`\n「${BOOK}」の入力チェック（印を付けて保存します）\n\n`);
  const checked = await runCli(['validate', BOOK, '--mark']);
  process.stdout.write(checked.stdout);
  process.stderr.write(checked.stderr);
  process.stdout.write(`\n表計算ソフトで「${BOOK}」を開くと、印の付いたセルとメモを確かめられます。\n`);
  return checked.exitCode === 2 ? 2 : 0;
}

main().then((code) => { process.exitCode = code; });
