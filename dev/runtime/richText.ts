// RichTextValue and its builder, as far as the add-on uses them: a cell's
// text and the one link it carries (Range.getRichTextValues / setRichTextValue).
import { SERVICE, type Emulated } from './bridge';

export class RichTextValue implements Emulated {
  readonly [SERVICE] = 'RichTextValue';

  constructor(private readonly text: string, private readonly link: string | null) {}

  getText(): string {
    return this.text;
  }

  /** The link of the whole text, or null. */
  getLinkUrl(): string | null {
    return this.link;
  }
}

export class RichTextValueBuilder implements Emulated {
  readonly [SERVICE] = 'RichTextValueBuilder';
  private text = '';
  private link: string | null = null;

  setText(text: string): RichTextValueBuilder {
    if (typeof text !== 'string') throw new Error("The parameters don't match the method signature for SpreadsheetApp.RichTextValueBuilder.setText.");
    this.text = text;
    return this;
  }

  setLinkUrl(url: string | null): RichTextValueBuilder {
    if (url !== null && typeof url !== 'string') throw new Error("The parameters don't match the method signature for SpreadsheetApp.RichTextValueBuilder.setLinkUrl.");
    this.link = url;
    return this;
  }

  build(): RichTextValue {
    return new RichTextValue(this.text, this.link);
  }
}

/** The host object behind a RichTextValue the bundle hands back, or a refusal like Apps Script's. */
export function asRichTextValue(value: unknown): RichTextValue {
  if (!(value instanceof RichTextValue)) throw new Error("The parameters don't match the method signature for SpreadsheetApp.Range.setRichTextValue.");
  return value;
}
