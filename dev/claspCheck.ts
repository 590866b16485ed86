// Before `clasp push`: the project must point at a real script and push dist/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const config = JSON.parse(readFileSync(join(__dirname, '..', '.clasp.json'), 'utf8')) as { scriptId?: string; rootDir?: string };
const problems = [
  ...(!config.scriptId || config.scriptId.startsWith('REPLACE_') ? ['.clasp.json の scriptId を、スプレッドシートの Apps Script のスクリプト ID に書き換えてください（README の導入手順 2〜3）。'] : []),
  ...(config.rootDir !== 'dist' ? ['.clasp.json の rootDir は "dist" にしてください（ビルドしたファイルだけを送るため）。'] : []),
];
if (problems.length) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(2);
}
