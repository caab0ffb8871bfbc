/**
 * Options keyed per component, shared by service-type and probe-config: a key
 * is a resource name or a label pair `label=value` (e.g. `component=frontend`)
 * that the resource's labels must hold; the name and the value may be globs
 * (`*`, `?`, `{a,b}`). One entry applies to a resource, the most specific that
 * matches: an exact name, then an exact label pair, then a label pair with a
 * glob value, then a name glob; among globs, the one with more literal
 * characters (so `"*"` is the fallback); ties go to the earlier key. Map order
 * alone would make a `"*"` written first swallow every other key.
 */
import { globToRegExp } from '../../src/config/glob.js';

export interface KeyedEntry<T> {
  /** The key as written in the config (the finding names it). */
  key: string;
  value: T;
}

interface CompiledKey<T> extends KeyedEntry<T> {
  rank: number;
  matches(name: string, labels: Readonly<Record<string, string>>): boolean;
}

const compiled = new WeakMap<object, CompiledKey<unknown>[]>();

function compile<T>(map: Readonly<Record<string, T>>): CompiledKey<T>[] {
  const hit = compiled.get(map);
  if (hit) return hit as CompiledKey<T>[];
  const out: CompiledKey<T>[] = Object.entries(map).map(([key, value]) => {
    const eq = key.indexOf('=');
    if (eq > 0) {
      const label = key.slice(0, eq);
      const want = matcher(key.slice(eq + 1));
      return { key, value, rank: 1 + want.rank, matches: (_n, labels) => labels[label] !== undefined && want.test(labels[label]) };
    }
    const name = matcher(key);
    return { key, value, rank: name.rank === 0 ? 0 : 2 + name.rank, matches: (n) => name.test(n) };
  });
  // A stable sort keeps map order among equal ranks.
  out.sort((a, b) => a.rank - b.rank);
  compiled.set(map, out as CompiledKey<unknown>[]);
  return out;
}

/**
 * A name or label value pattern: exact (rank 0), else a glob ranked after exact ones,
 * the more literal characters it has the earlier (rank in (0, 0.5]).
 */
function matcher(pattern: string): { rank: number; test(s: string): boolean } {
  if (!/[*?{]/.test(pattern)) return { rank: 0, test: (s) => s === pattern };
  const re = globToRegExp(pattern);
  return { rank: 1 / (2 + pattern.replace(/[*?{},]/g, '').length), test: (s) => re.test(s) };
}

/** The entry of `map` that applies to a resource named `name` with `labels`, or undefined when no key matches. */
export function keyedEntry<T>(map: Readonly<Record<string, T>>, name: string, labels: Readonly<Record<string, string>>): KeyedEntry<T> | undefined {
  const hit = compile(map).find((k) => k.matches(name, labels));
  return hit && { key: hit.key, value: hit.value };
}

/** JSON Schema of a keyed map whose values follow `valueSchema`. */
export function keyedMapSchema(valueSchema: Record<string, unknown>): Record<string, unknown> {
  return { type: 'object', additionalProperties: valueSchema };
}
