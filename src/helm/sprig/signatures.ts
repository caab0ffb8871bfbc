/**
 * Go function signatures for Sprig functions.
 *
 * text/template checks the number and types of arguments against a function's
 * Go signature before calling it; our functions take loose GoValue arguments,
 * so each declares its Go parameter types here and gets the same checks, with
 * text/template's messages. Those messages are thrown as GoArgError so that the
 * executor can print them the way Go does (without "error calling NAME: ").
 */
import type { GoFunction, GoMap, GoValue } from '../go/value.js';
import { isGoMap, withGoSignature } from '../go/value.js';
import { goArgTypeName } from '../go/reflect.js';

/** An argument that text/template itself rejects before the call. */
export class GoArgError extends Error {
  readonly goArgError = true;
  constructor(message: string) {
    super(message);
    this.name = 'GoArgError';
  }
}

/**
 * A Go parameter type. `int` takes a Go integer (bigint); a float64 value there
 * is the classic Helm error "expected int; got float64". `any` is interface{}.
 */
export type GoParam = 'string' | 'int' | 'float64' | 'bool' | 'any' | 'map';

export interface GoSignature {
  params: GoParam[];
  /** Type of the trailing `...T` parameter, if the function is variadic. */
  variadic?: GoParam;
}

/** The argument as the Go function receives it (bigint for int; undefined becomes nil). */
export type Converted = string | bigint | number | boolean | GoMap | GoValue;

const typeNames: Record<GoParam, string> = {
  string: 'string',
  int: 'int',
  float64: 'float64',
  bool: 'bool',
  any: 'interface {}',
  map: 'map[string]interface {}',
};

function wrongType(param: GoParam, v: GoValue): GoArgError {
  return new GoArgError(`wrong type for value; expected ${typeNames[param]}; got ${goArgTypeName(v)}`);
}

/** Converts one argument to its parameter type, or throws text/template's error. */
export function convertArg(param: GoParam, v: GoValue): Converted {
  switch (param) {
    case 'any':
      return v === undefined ? null : v;
    case 'string':
      if (typeof v === 'string') return v;
      throw wrongType(param, v);
    case 'int':
      if (typeof v === 'bigint') return v;
      throw wrongType(param, v);
    case 'float64':
      if (typeof v === 'number') return v;
      // An integer constant converts to a float64 parameter in Go.
      if (typeof v === 'bigint') return Number(v);
      throw wrongType(param, v);
    case 'bool':
      if (typeof v === 'boolean') return v;
      throw wrongType(param, v);
    case 'map':
      if (isGoMap(v)) return v;
      throw wrongType(param, v);
  }
}

/** Checks the argument count like text/template's evalCall. */
export function checkArity(name: string, sig: GoSignature, got: number): void {
  const want = sig.params.length;
  if (sig.variadic !== undefined) {
    if (got < want) throw new GoArgError(`wrong number of args for ${name}: want at least ${want} got ${got}`);
  } else if (got !== want) {
    throw new GoArgError(`wrong number of args for ${name}: want ${want} got ${got}`);
  }
}

/**
 * Wraps an implementation so that it is called with arguments converted to its
 * Go signature. `impl` receives fixed parameters then the variadic ones. The
 * signature is also declared to the executor (withGoSignature), which checks
 * arguments first and knows what we cannot: whether an argument was a
 * constant (`repeat 3.0 "x"` is fine in Go, `repeat .Values.n "x"` is not).
 */
export function goFunc(name: string, sig: GoSignature, impl: (...args: any[]) => GoValue): GoFunction {
  const fn = (...args: GoValue[]): GoValue => {
    checkArity(name, sig, args.length);
    const converted: Converted[] = new Array(args.length);
    for (let i = 0; i < args.length; i++) {
      const param = i < sig.params.length ? sig.params[i] : (sig.variadic as GoParam);
      converted[i] = convertArg(param, args[i]);
    }
    return impl(...converted);
  };
  return withGoSignature(fn, { params: [...sig.params], ...(sig.variadic !== undefined ? { variadic: sig.variadic } : {}) });
}

/** Shorthand for a signature with fixed parameters. */
export function sig(...params: GoParam[]): GoSignature {
  return { params };
}

/** Shorthand for a variadic signature: fixed params, then `...variadic`. */
export function vsig(variadic: GoParam, ...params: GoParam[]): GoSignature {
  return { params, variadic };
}

/** Go's runtime panic text for a failed conversion or index, as safeCall reports it. */
export function runtimeError(msg: string): Error {
  return new Error(`runtime error: ${msg}`);
}
