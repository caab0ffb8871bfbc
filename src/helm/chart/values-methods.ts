/**
 * Helm's chartutil.Values as templates see it. Every chart's `.Values` (and a
 * `Table` result) is a chartutil.Values, a named map type with methods, and Go
 * looks a method up before a map key: `.Values.YAML` is the values as YAML
 * even when a key "YAML" exists. The map stays a plain GoMap (so every
 * function that takes a map still does); it is registered here with its
 * methods and tagged with its Go type for typeOf.
 *
 * Methods (helm.sh/helm/v3 pkg/chartutil/values.go):
 * - YAML: sigs.k8s.io/yaml.Marshal of the values, trailing newline kept;
 * - Table "a.b": the sub-table at a dotted path, itself a Values;
 *   error `"b" is not a table` at the first part that is missing or not a map;
 * - AsMap: the same map as a map[string]interface {} (an empty one when empty);
 * - PathValue "a.b": the non-table value at a dotted path; errors
 *   "YAML path cannot be empty" and `"b" is not a value`;
 * - Encode: takes an io.Writer, which no template value is (every call fails
 *   with text/template's argument error).
 *
 * Table and AsMap results are proxies of the map (another identity, so
 * another Go type, over the same entries). A subchart's `.Values` is the
 * parent's map object itself, marked, not a proxy, because every value read
 * in the subchart's templates goes through it and proxies are slow; so the
 * parent sees `.Values.<subchart>` as a Values too (in Helm it is a plain
 * map there), which shows only in typeOf and in methods shadowing keys.
 */
import { getOrigin, isGoMap, setMapMethods, setOrigin, withGoSignature, type GoFunction, type GoMap, type GoValue, type MapMethods } from '../go/value.js';
import { goQuote } from '../go/quote.js';
import { marshalK8sYaml } from '../yaml/go-yaml-marshal.js';
import { goTypeTag, tagGoType } from '../go/reflect.js';

const VALUES_TYPE = 'chartutil.Values';

/** Go's `v.(map[string]interface{})`: a map of that exact type (not Values, not map[string]string). */
function isPlainTable(v: GoValue): v is GoMap {
  return isGoMap(v) && goTypeTag(v) === undefined;
}

/** The same map under another Go type: a proxy, so writes still reach the original, with its origins. */
function view(m: GoMap): GoMap {
  const p = new Proxy(m, {});
  for (const k of Object.keys(m)) {
    const o = getOrigin(m, k);
    if (o) setOrigin(p, k, o);
  }
  return p;
}

class NoTableError extends Error {
  constructor(key: string) {
    super(`${goQuote(key)} is not a table`);
  }
}

class NoValueError extends Error {
  constructor(key: string) {
    super(`${goQuote(key)} is not a value`);
  }
}

/** Values.Table: follows each dotted part through nested maps (Values or map[string]interface{}). */
function table(v: GoMap, name: string): GoMap {
  let t = v;
  for (const n of name.split('.')) {
    if (!Object.prototype.hasOwnProperty.call(t, n)) throw new NoTableError(n);
    const next = t[n];
    if (!isPlainTable(next) && !(isGoMap(next) && goTypeTag(next) === VALUES_TYPE)) throw new NoTableError(n);
    t = next;
  }
  return t;
}

function pathValue(v: GoMap, path: string): GoValue {
  if (path === '') throw new Error('YAML path cannot be empty');
  const parts = path.split('.');
  const key = parts[parts.length - 1];
  let t = v;
  if (parts.length > 1) {
    try {
      t = table(v, parts.slice(0, -1).join('.'));
    } catch {
      throw new NoValueError(key);
    }
  }
  // A table (exactly map[string]interface{}) is not a value.
  if (Object.prototype.hasOwnProperty.call(t, key) && !isPlainTable(t[key])) return t[key] ?? null;
  throw new NoValueError(key);
}

const methods: MapMethods = {
  method(receiver: GoMap, name: string): GoFunction | undefined {
    switch (name) {
      case 'YAML':
        return withGoSignature(() => marshalK8sYaml(receiver), { params: [] });
      case 'Table':
        return withGoSignature((n: GoValue) => asValues(view(table(receiver, n as string))), { params: ['string'] });
      case 'AsMap':
        return withGoSignature(() => (Object.keys(receiver).length === 0 ? (Object.create(null) as GoMap) : view(receiver)), { params: [] });
      case 'PathValue':
        return withGoSignature((p: GoValue) => pathValue(receiver, p as string), { params: ['string'] });
      case 'Encode':
        // No template value is an io.Writer: the executor rejects every argument as Go does.
        return withGoSignature(() => {
          throw new Error('runtime error: invalid memory address or nil pointer dereference');
        }, { params: ['type:io.Writer'] });
      default:
        return undefined;
    }
  },
};

/** Makes `m` a chartutil.Values in templates (methods, and typeOf "chartutil.Values"). Returns it. */
export function asValues(m: GoMap): GoMap {
  tagGoType(m, VALUES_TYPE);
  return setMapMethods(m, methods);
}
