// HtmlService: the sidebar's HTML, read from the build output, and pages
// the bundle builds as text (the agenda's print view).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE, type Emulated } from './bridge';

export class HtmlOutput implements Emulated {
  readonly [SERVICE] = 'HtmlOutput';
  title = '';
  width: number | undefined;
  height: number | undefined;

  constructor(readonly content: string) {}

  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return this;
  }

  getTitle(): string {
    return this.title;
  }

  setWidth(width: number): HtmlOutput {
    this.width = width;
    return this;
  }

  getWidth(): number | undefined {
    return this.width;
  }

  setHeight(height: number): HtmlOutput {
    this.height = height;
    return this;
  }

  getContent(): string {
    return this.content;
  }
}

export class HtmlService implements Emulated {
  readonly [SERVICE] = 'HtmlService';

  constructor(private readonly htmlDir: string) {}

  /** Reads `<htmlDir>/<filename>.html`, as Apps Script reads the project's HTML file. */
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const name = String(filename).replace(/\.html$/, '');
    try {
      return new HtmlOutput(readFileSync(join(this.htmlDir, `${name}.html`), 'utf8'));
    } catch {
      throw new Error(`No HTML file named ${name} was found.`);
    }
  }

  createHtmlOutput(html = ''): HtmlOutput {
    return new HtmlOutput(String(html));
  }
}
