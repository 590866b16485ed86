// The vm boundary: which functions can be called, what the bundle's globals
// are, and that values keep their classes on both sides.
import { runtimeWith } from './helpers';

describe('calling the bundle', () => {
  const code = `
    function declared(a, b) { return a + b; }
    var assigned = function () { return 1; };
    globalThis.attached = function () { return 2; };
    var wrapped = (function () { function inner() { return 3; } return { inner: inner }; })();
    var notAFunction = 4;
  `;

  it('calls a top-level function declaration with arguments', () => {
    expect(runtimeWith(code).call('declared', 2, 3)).toBe(5);
  });

  it.each(['assigned', 'attached', 'inner', 'notAFunction', 'missing'])('refuses %s, which is not a top-level function declaration', (name) => {
    expect(() => runtimeWith(code).call(name)).toThrow(`The bundle has no top-level function declaration named "${name}".`);
  });

  it('calls the global stubs of an esbuild IIFE bundle', () => {
    const bundle = `var tsunagi = (() => { function hello(name) { return 'こんにちは ' + name; } return { hello }; })();
function hello(...args) { return tsunagi.hello(...args); }`;
    expect(runtimeWith(bundle).call('hello', '町')).toBe('こんにちは 町');
  });
});

describe('the global scope', () => {
  it('has the services and JavaScript built-ins, nothing from Node', () => {
    const runtime = runtimeWith(`function kinds() {
      return [typeof require, typeof process, typeof Buffer, typeof setTimeout, typeof module, typeof global,
              typeof SpreadsheetApp, typeof LockService, typeof PropertiesService, typeof Session,
              typeof HtmlService, typeof Utilities, typeof Logger, typeof console, typeof Intl, typeof JSON];
    }`);
    expect(runtime.call('kinds')).toEqual([
      'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined',
      'object', 'object', 'object', 'object', 'object', 'object', 'object', 'object', 'object', 'object',
    ]);
  });

  it('hides the emulator’s internal state from the bundle', () => {
    const runtime = runtimeWith(`function peek() {
      var sheet = SpreadsheetApp.getActive().getSheetByName('A');
      return [typeof sheet.model, typeof sheet.spreadsheet, typeof sheet.getRange('A1').rect, typeof sheet.getName];
    }`);
    expect(runtime.call('peek')).toEqual(['undefined', 'undefined', 'undefined', 'function']);
  });
});

describe('values crossing the boundary', () => {
  const code = `
    function inside() {
      var range = SpreadsheetApp.getActive().getSheetByName('A').getRange('A1:B1');
      range.setValues([[new Date(Date.UTC(2024, 3, 1)), 'x']]);
      var values = range.getValues();
      return [values instanceof Array, values[0] instanceof Array, values[0][0] instanceof Date];
    }
    function outside() { return [new Date(0), { when: new Date(1) }]; }
    function echo(value) { return [value instanceof Date, value.getTime()]; }
    function caught() {
      try { SpreadsheetApp.getActive().getSheetByName('A').getRange(0, 1); }
      catch (e) { return [e instanceof Error, e.message]; }
    }
    function thrown() { throw new TypeError('boom'); }
  `;

  it('gives the bundle its own Dates and Arrays', () => {
    expect(runtimeWith(code).call('inside')).toEqual([true, true, true]);
  });

  it('gives the host its own Dates and Arrays', () => {
    const [date, wrapper] = runtimeWith(code).call<[Date, { when: Date }]>('outside');
    expect(date).toBeInstanceOf(Date);
    expect(wrapper.when).toBeInstanceOf(Date);
    expect(Array.isArray(wrapper)).toBe(false);
  });

  it('passes host Dates in as the bundle’s Dates', () => {
    expect(runtimeWith(code).call('echo', new Date(5))).toEqual([true, 5]);
  });

  it('throws service errors as the bundle’s Errors, and the bundle’s errors as host Errors', () => {
    const runtime = runtimeWith(code);
    expect(runtime.call('caught')).toEqual([true, 'The starting row of the range is too small.']);
    let error: unknown;
    try {
      runtime.call('thrown');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'TypeError', message: 'boom' });
  });
});
