// The boundary between the host and the vm context the bundle runs in.
// Every emulated object crosses it as a Proxy that counts each method call,
// and every value is rebuilt in the receiving realm so that `instanceof Date`
// and `instanceof Array` hold on both sides.
import { performance } from 'node:perf_hooks';
import { types } from 'node:util';

/** Tags an emulated object; the value names it in call tallies (`Range.getValues`). */
export const SERVICE = Symbol('service');
/** Optional: describes the object for the write log (`'共通シート'!A2:C5`). */
export const LABEL = Symbol('label');

export interface Emulated {
  readonly [SERVICE]: string;
  [LABEL]?(): string;
}

export function isEmulated(value: unknown): value is Emulated {
  return typeof value === 'object' && value !== null && SERVICE in value;
}

/** The context's own constructors, used to build values that belong to it. */
export interface Realm {
  readonly Array: ArrayConstructor;
  readonly Object: ObjectConstructor;
  readonly Date: DateConstructor;
  readonly Error: ErrorConstructor;
  readonly TypeError: ErrorConstructor;
  readonly RangeError: ErrorConstructor;
}

/**
 * Told of every method call the bundle makes, once it has returned or thrown,
 * with the milliseconds spent in the emulated method and in copying its
 * arguments and result across the boundary.
 */
export type CallListener = (target: Emulated, method: string, completed: boolean, args: readonly unknown[], elapsedMs: number) => void;

/** Runs before each method call; throwing refuses the call (it still counts, as a failed call). */
export type CallGuard = (target: Emulated, method: string) => void;

/**
 * Copies an array into the other realm in a plain loop that passes primitives
 * straight through: a sheet's values are mostly primitives, and a call and a
 * closure per cell made the emulator's own copying a large part of the CPU
 * time the bench charges to the add-on.
 */
function copyArray(from: readonly unknown[], to: unknown[], convert: (value: unknown) => unknown): unknown[] {
  for (let i = 0; i < from.length; i++) {
    const v = from[i];
    to[i] = typeof v !== 'object' || v === null ? v : convert(v);
  }
  return to;
}

export class Bridge {
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();
  /** One handler for every proxy: a sheet's 300,000 RichTextValues each cross the boundary. */
  private readonly handler: ProxyHandler<Emulated> = { get: (t, prop) => this.member(t, prop) };
  private readonly toContextOf = (value: unknown): unknown => this.toContext(value);
  private readonly fromContextOf = (value: unknown): unknown => this.fromContext(value);

  constructor(private readonly realm: Realm, private readonly onCall: CallListener, private readonly guard: CallGuard = () => undefined) {}

  /** Host value → context value. */
  toContext(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    if (isEmulated(value)) return this.proxyFor(value);
    if (value instanceof Date) return new this.realm.Date(value.getTime());
    if (Array.isArray(value)) return copyArray(value, new this.realm.Array(value.length), this.toContextOf);
    if (Object.getPrototypeOf(value) === Object.prototype) {
      const copy = new this.realm.Object() as Record<string, unknown>;
      for (const [k, v] of Object.entries(value)) copy[k] = this.toContext(v);
      return copy;
    }
    return value;
  }

  /** Context value → host value; proxies give back the emulated object itself. */
  fromContext(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    const target = this.targets.get(value);
    if (target) return target;
    if (types.isDate(value)) return new Date((value as Date).getTime());
    if (Array.isArray(value)) return copyArray(value, new Array<unknown>(value.length), this.fromContextOf);
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === this.realm.Object.prototype || proto === null) {
      const copy: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) copy[k] = this.fromContext(v);
      return copy;
    }
    return value;
  }

  /** A host error rebuilt as an error of the context, same class name and message. */
  errorToContext(error: unknown): unknown {
    if (!types.isNativeError(error)) return error;
    const Ctor = error.name === 'TypeError' ? this.realm.TypeError : error.name === 'RangeError' ? this.realm.RangeError : this.realm.Error;
    return new Ctor(error.message);
  }

  private proxyFor(target: Emulated): object {
    let proxy = this.proxies.get(target);
    if (!proxy) {
      proxy = new Proxy(target, this.handler);
      this.proxies.set(target, proxy);
      this.targets.set(proxy, target);
    }
    return proxy;
  }

  /**
   * The bundle sees what an emulated class declares on its prototype (the
   * Apps Script methods, and enums as getters). Own fields are the
   * emulator's internal state and stay invisible, as does anything keyed
   * by a symbol; Object.prototype members pass through uncounted.
   */
  private member(target: Emulated, prop: string | symbol): unknown {
    if (typeof prop === 'symbol' || Object.hasOwn(target, prop)) return undefined;
    const value: unknown = Reflect.get(target, prop, target);
    if (prop in Object.prototype) return value;
    if (typeof value !== 'function') return this.toContext(value);
    return (...args: unknown[]): unknown => {
      let completed = false;
      const start = performance.now();
      const hostArgs = args.map((a) => this.fromContext(a));
      try {
        this.guard(target, prop);
        const result: unknown = Reflect.apply(value, target, hostArgs);
        completed = true;
        return this.toContext(result);
      } catch (error) {
        throw this.errorToContext(error);
      } finally {
        this.onCall(target, prop, completed, hostArgs, performance.now() - start);
      }
    };
  }
}
