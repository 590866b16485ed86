// google.script.run's rules for what crosses between the page and the server
// (SPEC §13), as runtime.run and the preview apply them.
import { encodeArguments, encodeResult } from '../../dev/runtime/scriptRun';
import { runtimeWith } from './helpers';

const code = `
  function echo(value) { return value; }
  function when() { return { at: new Date(0), list: [new Date(0), 1], f: function () {} }; }
  function helper_() { return 1; }
`;

describe('google.script.run', () => {
  it('refuses a Date, a function or a class instance as an argument, anywhere in it', () => {
    expect(() => encodeArguments([new Date(0)])).toThrow('Failed due to illegal value in property: 0');
    expect(() => encodeArguments([{ a: [1, () => 1] }])).toThrow('Failed due to illegal value in property: 0.a.1');
    expect(() => encodeArguments(['x', new Map()])).toThrow('illegal value in property: 1');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => encodeArguments([circular])).toThrow('illegal value');
  });

  it('turns undefined in an array into null and drops undefined properties', () => {
    expect(encodeArguments([[1, undefined], { a: undefined, b: 2 }, undefined])).toEqual([[1, null], { b: 2 }, null]);
  });

  it('gives a Date inside a result as null, in runtime.run as on the page', () => {
    expect(encodeResult({ at: new Date(0) })).toEqual({ at: null });
    const runtime = runtimeWith(code);
    expect(runtime.run('when')).toEqual({ at: null, list: [null, 1], f: null });
    expect(runtime.call('when')).toMatchObject({ at: new Date(0) }); // the editor's Run, not the page
    expect(() => runtime.run('echo', new Date(0))).toThrow('illegal value');
  });

  it('calls only top-level functions that are not private', () => {
    const runtime = runtimeWith(code);
    expect(() => runtime.run('helper_')).toThrow('Script function not found: helper_');
    expect(() => runtime.run('toString')).toThrow();
    expect(runtime.run('echo', { a: [1, 'x'] })).toEqual({ a: [1, 'x'] });
  });
});
