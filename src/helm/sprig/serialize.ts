/**
 * Helm's serializer functions (Helm v3.21 pkg/engine/funcs.go plus Sprig's
 * JSON family). Error conventions differ per function and templates print
 * them, so each follows Helm: toYaml/toJson swallow errors into "",
 * fromYaml/fromJson/fromToml put the message in m["Error"], the *Array
 * variants return a one-element list holding it, toToml returns the message
 * as its output, and the must* variants fail the template.
 */
import { goNil, type GoFunction, type GoMap, type GoValue } from '../go/value.js';
import { goFunc, sig } from './signatures.js';
import { decodeGoJson, marshalGoJson, unmarshalGoJson } from '../yaml/go-json.js';
import { marshalK8sYaml } from '../yaml/go-yaml-marshal.js';
import { loadGoYaml } from '../yaml/go-yaml-load.js';
import { BoundedTextCache } from '../go/text-cache.js';
import { marshalYamlV3 } from '../yaml/go-yaml-v3.js';
import { decodeToml, encodeToml, TomlEncodeError } from '../yaml/go-toml.js';

function newMap(): GoMap {
  return Object.create(null) as GoMap;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function toYaml(v: GoValue): string {
  try {
    return marshalK8sYaml(v).replace(/\n$/, '');
  } catch {
    return '';
  }
}

function mustToYaml(v: GoValue): string {
  return marshalK8sYaml(v).replace(/\n$/, '');
}

function toYamlPretty(v: GoValue): string {
  try {
    return marshalYamlV3(v).replace(/\n$/, '');
  } catch {
    return '';
  }
}

// Helm's fromYAML/fromYAMLArray/fromJSON/fromJSONArray (pkg/engine/funcs.go)
// take a Go string, so text/template refuses anything else before the call.
// They unmarshal into a fresh map or slice: YAML or JSON `null` (and an empty
// YAML document) sets it to nil, which toJson prints as null.

/**
 * fromYaml's parses, by target and text: charts call it on the same rendered text in every
 * render (a linter renders once per values file), and the YAML parse was most of its cost.
 * A parse without origins is plain maps, lists and scalars; each call gets its own copy,
 * since a template may change the map it got (set, unset).
 */
const yamlParses = { map: new BoundedTextCache<{ value: GoValue } | { error: string }>(2_000_000), slice: new BoundedTextCache<{ value: GoValue } | { error: string }>(2_000_000) };

function plainCopy(v: GoValue): GoValue {
  if (Array.isArray(v)) return v.map(plainCopy);
  if (v === null || typeof v !== 'object') return v;
  const out = newMap();
  for (const k of Object.keys(v)) out[k] = plainCopy((v as GoMap)[k]);
  return out;
}

function parseYaml(s: string, target: 'map' | 'slice'): { value: GoValue } | { error: string } {
  const parsed = yamlParses[target].get(s, () => {
    try {
      return { value: loadGoYaml(s, { target }) };
    } catch (e) {
      return { error: message(e) };
    }
  });
  return 'value' in parsed ? { value: plainCopy(parsed.value) } : parsed;
}

function fromYaml(s: string): GoValue {
  const r = parseYaml(s, 'map');
  if ('error' in r) {
    const m = newMap();
    m.Error = r.error;
    return m;
  }
  return r.value === undefined || r.value === null ? goNil(newMap()) : r.value;
}

function fromYamlArray(s: string): GoValue {
  const r = parseYaml(s, 'slice');
  if ('error' in r) return [r.error];
  return r.value === undefined || r.value === null ? goNil([]) : r.value;
}

function json(v: GoValue, escapeHTML: boolean, indent?: string): string {
  return marshalGoJson(v, { escapeHTML, indent });
}

function swallow(f: () => string): string {
  try {
    return f();
  } catch {
    return '';
  }
}

function fromJson(s: string): GoValue {
  const r = decodeGoJson(s, 'map');
  if (r.error === undefined && (r.value === null || r.value === undefined)) return goNil(newMap());
  const m = (r.value ?? newMap()) as GoMap;
  if (r.error !== undefined) m.Error = r.error;
  return m;
}

function fromJsonArray(s: string): GoValue {
  const r = decodeGoJson(s, 'slice');
  if (r.error !== undefined) return [r.error];
  return r.value ?? goNil([]);
}

function toToml(v: GoValue): string {
  try {
    return encodeToml(v);
  } catch (e) {
    if (e instanceof TomlEncodeError) return e.message;
    throw e;
  }
}

function fromToml(s: GoValue): GoValue {
  try {
    return decodeToml(String(s ?? ''));
  } catch (e) {
    const m = newMap();
    m.Error = message(e);
    return m;
  }
}

export const serializeFuncs: Record<string, GoFunction> = {
  toYaml,
  mustToYaml,
  toYamlPretty,
  fromYaml: goFunc('fromYaml', sig('string'), fromYaml),
  fromYamlArray: goFunc('fromYamlArray', sig('string'), fromYamlArray),
  toJson: (v) => swallow(() => json(v, true)),
  mustToJson: (v) => json(v, true),
  toPrettyJson: (v) => swallow(() => json(v, true, '  ')),
  mustToPrettyJson: (v) => json(v, true, '  '),
  // json.Encoder with SetEscapeHTML(false); Encode's trailing newline is trimmed.
  toRawJson: (v) => json(v, false),
  mustToRawJson: (v) => json(v, false),
  fromJson: goFunc('fromJson', sig('string'), fromJson),
  mustFromJson: (s) => unmarshalGoJson(String(s ?? ''), 'any') ?? null,
  fromJsonArray: goFunc('fromJsonArray', sig('string'), fromJsonArray),
  toToml,
  fromToml,
};
