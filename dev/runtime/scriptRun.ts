// How values cross google.script.run (SPEC §13), one codec for the preview's
// page, its server and runtime.run: arguments may be primitives, null, plain
// objects and arrays of them; a Date, a function or a class instance fails the
// call, as does a circular object; undefined in an array becomes null and an
// undefined property goes. A result crosses the same way, except that what an
// argument may not be arrives as null (a Date inside a result, too).
// Browser-safe: the preview's shim bundles it.

const illegal = (path: string): Error => new Error(`Failed due to illegal value in property: ${path}`);

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function copy(value: unknown, path: string, seen: Set<object>, strict: boolean): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === undefined) return null;
  if (typeof value === 'object' && (Array.isArray(value) || isPlainObject(value))) {
    if (seen.has(value)) throw illegal(path);
    seen.add(value);
    const result = Array.isArray(value)
      ? value.map((item, i) => copy(item, `${path}.${i}`, seen, strict))
      : Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, copy(v, `${path}.${k}`, seen, strict)]));
    seen.delete(value);
    return result;
  }
  if (strict) throw illegal(path);
  return null;
}

/** The arguments as the server receives them; throws for an argument google.script.run refuses. */
export function encodeArguments(args: readonly unknown[]): unknown[] {
  return args.map((arg, i) => copy(arg, String(i), new Set(), true));
}

/** A server function's return value as the page's success handler receives it. */
export function encodeResult(value: unknown): unknown {
  return value === undefined ? undefined : copy(value, 'result', new Set(), false);
}

/** Apps Script runs only top-level functions from the page, and never a private one (name ending in `_`). */
export function callableFromPage(functionName: string): boolean {
  return /^[A-Za-z$][\w$]*$/.test(functionName) && !functionName.endsWith('_');
}
