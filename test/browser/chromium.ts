// Debian's Chromium, driven by playwright-core. A missing browser fails the
// run with the way to install it; browser tests are never skipped.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium was not found at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH). .ci/run installs it on CI.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** Layout and zoom checks measure Japanese text: without a Japanese font Chromium draws empty boxes of another width. */
export function requireJapaneseFont(): void {
  let fonts = '';
  try {
    fonts = execFileSync('fc-list', [':lang=ja'], { encoding: 'utf8' });
  } catch {
    // fontconfig missing: no font either.
  }
  if (fonts.trim() === '') throw new Error('No Japanese font was found (fc-list :lang=ja). Install one with: apt-get install -y fonts-ipafont-gothic. .ci/run installs it on CI.');
}
