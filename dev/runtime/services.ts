// The global Apps Script services the bundle sees, as host objects; the
// runtime hands them over through the counting bridge.
import { format } from 'node:util';
import { RichTextValueBuilder } from './richText';
import { SERVICE, type Emulated } from './bridge';
import { Charts } from './charts';
import { formatJavaPattern } from './dates';
import { HtmlService } from './html';
import { Spreadsheet } from './spreadsheet';
import { ScriptApp } from './script';
import type { Sheet } from './sheet';
import type { LockState, RuntimeState } from './state';
import { PROPERTY_MAX_BYTES, PROPERTY_STORE_MAX_BYTES } from '../../src/sheets/propertyLimits';
import { Ui } from './ui';
import { DataValidationBuilder } from './validation';

const PROTECTION_TYPE = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

// Enum names only: the runtime builds list, range and date rules.
const DATA_VALIDATION_CRITERIA = Object.fromEntries(
  [
    'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN',
    'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
    'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
    'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL',
    'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX',
  ].map((name) => [name, name]),
);

/** The time zone in appsscript.json. */
export const SCRIPT_TIME_ZONE = 'Asia/Tokyo';

class SpreadsheetApp implements Emulated {
  readonly [SERVICE] = 'SpreadsheetApp';

  constructor(private readonly spreadsheet: Spreadsheet, private readonly ui: Ui) {}

  get ProtectionType(): typeof PROTECTION_TYPE {
    return PROTECTION_TYPE;
  }

  get DataValidationCriteria(): typeof DATA_VALIDATION_CRITERIA {
    return DATA_VALIDATION_CRITERIA;
  }

  getActiveSpreadsheet(): Spreadsheet {
    return this.spreadsheet;
  }

  getActive(): Spreadsheet {
    return this.spreadsheet;
  }

  /** The sheet the person is looking at, as Spreadsheet.getActiveSheet() gives it. */
  getActiveSheet(): Sheet {
    return this.spreadsheet.getActiveSheet();
  }

  getUi(): Ui {
    if (this.spreadsheet.state.context === 'trigger') throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    return this.ui;
  }

  newRichTextValue(): RichTextValueBuilder {
    return new RichTextValueBuilder();
  }

  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder(this.spreadsheet);
  }

  /** Publishes this execution's pending writes to the other executions on the document (pending.ts). */
  flush(): void {
    this.spreadsheet.state.pending?.flush(this.spreadsheet.state.execution);
  }
}

/**
 * Single-threaded: with its own lock state a runtime always gets the lock, and
 * whether it is held is recorded for tests. Runtimes sharing a lock state
 * (RuntimeOptions.lock) are executions on one document: while one holds the
 * lock, another's wait cannot end (nothing runs to release it), so tryLock
 * gives false and waitLock throws Apps Script's timeout, having taken nothing.
 */
class Lock implements Emulated {
  readonly [SERVICE] = 'Lock';

  constructor(private readonly state: LockState, private readonly execution: symbol) {}

  waitLock(): void {
    if (!this.take()) throw new Error('Lock timeout: another process was holding the lock for too long.');
  }

  tryLock(): boolean {
    return this.take();
  }

  hasLock(): boolean {
    return this.state.held && this.state.holder === this.execution;
  }

  releaseLock(): void {
    if (this.state.holder !== this.execution) return;
    this.state.held = false;
    this.state.holder = undefined;
  }

  private readonly take = (): boolean => {
    if (this.state.held && this.state.holder !== this.execution) return false;
    if (!this.state.held) this.state.acquisitions++;
    this.state.held = true;
    this.state.holder = this.execution;
    return true;
  };
}

class LockService implements Emulated {
  readonly [SERVICE] = 'LockService';

  constructor(private readonly state: LockState, private readonly execution: symbol, private readonly documentLock: boolean) {}

  getDocumentLock(): Lock | null {
    return this.documentLock ? new Lock(this.state, this.execution) : null;
  }

  /** One lock for every execution of the script: the same state here, which is at least as strict. */
  getScriptLock(): Lock {
    return new Lock(this.state, this.execution);
  }
}

// PropertiesService's limits are the add-on's own (SPEC §13): one place for both.
export { PROPERTY_MAX_BYTES, PROPERTY_STORE_MAX_BYTES } from '../../src/sheets/propertyLimits';

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

class Properties implements Emulated {
  readonly [SERVICE] = 'Properties';

  constructor(private readonly map: Map<string, string>) {}

  getProperty(key: string): string | null {
    return this.map.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): Properties {
    this.store({ [String(key)]: String(value) }, false);
    return this;
  }

  deleteProperty(key: string): Properties {
    this.map.delete(String(key));
    return this;
  }

  getProperties(): Record<string, string> {
    return Object.fromEntries(this.map);
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): Properties {
    this.store(Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, String(v)])), deleteAllOthers);
    return this;
  }

  /** Checks every limit before changing anything, as a refused call stores nothing. */
  private readonly store = (entries: Record<string, string>, replace: boolean): void => {
    for (const [key, value] of Object.entries(entries)) {
      if (bytes(key) + bytes(value) > PROPERTY_MAX_BYTES) throw new Error('Argument too large: value');
    }
    const next = new Map(replace ? [] : this.map);
    for (const [key, value] of Object.entries(entries)) next.set(key, value);
    const total = [...next].reduce((sum, [key, value]) => sum + bytes(key) + bytes(value), 0);
    if (total > PROPERTY_STORE_MAX_BYTES) {
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this.map.clear();
    for (const [key, value] of next) this.map.set(key, value);
  };
}

class PropertiesService implements Emulated {
  readonly [SERVICE] = 'PropertiesService';

  constructor(private readonly state: RuntimeState) {}

  getDocumentProperties(): Properties {
    return new Properties(this.state.model.documentProperties);
  }

  getUserProperties(): Properties {
    const all = this.state.model.userProperties;
    let mine = all.get(this.state.user);
    if (!mine) {
      mine = new Map();
      all.set(this.state.user, mine);
    }
    return new Properties(mine);
  }
}

class User implements Emulated {
  readonly [SERVICE] = 'User';

  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }
}

class Session implements Emulated {
  readonly [SERVICE] = 'Session';

  constructor(private readonly user: string) {}

  getActiveUser(): User {
    return new User(this.user);
  }

  getEffectiveUser(): User {
    return new User(this.user);
  }

  getScriptTimeZone(): string {
    return SCRIPT_TIME_ZONE;
  }
}

class Utilities implements Emulated {
  readonly [SERVICE] = 'Utilities';

  formatDate(date: Date, timeZone: string, pattern: string): string {
    if (!(date instanceof Date)) throw new Error("The parameters don't match the method signature for Utilities.formatDate.");
    return formatJavaPattern(date, String(timeZone), String(pattern));
  }

  /** Returns at once: a local run has nothing to wait for. */
  sleep(): void {}
}

class Logger implements Emulated {
  readonly [SERVICE] = 'Logger';

  constructor(private readonly logs: string[]) {}

  log(data: unknown, ...values: unknown[]): Logger {
    this.logs.push(values.length > 0 ? format(String(data).replace(/%(?!s)/g, '%%'), ...values) : format(data));
    return this;
  }
}

/** The service globals, by the names the bundle uses. */
export function createServices(state: RuntimeState): { spreadsheet: Spreadsheet; globals: Record<string, Emulated> } {
  const spreadsheet = new Spreadsheet(state);
  const globals: Record<string, Emulated> = {
    SpreadsheetApp: new SpreadsheetApp(spreadsheet, new Ui(state)),
    LockService: new LockService(state.lock, state.execution, state.documentLock),
    PropertiesService: new PropertiesService(state),
    Session: new Session(state.user),
    HtmlService: new HtmlService(state.htmlDir),
    Utilities: new Utilities(),
    Logger: new Logger(state.logs),
    Charts: new Charts(),
    ScriptApp: new ScriptApp(state),
  };
  return { spreadsheet, globals };
}
