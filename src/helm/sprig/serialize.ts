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

function fromYaml(s: string): GoValue {
  try {
    const v = loadGoYaml(s, { target: 'map' });
    return v === undefined || v === null ? goNil(newMap()) : v;
  } catch (e) {
    const m = newMap();
    m.Error = message(e);
    return m;
  }
}

function fromYamlArray(s: string): GoValue {
  try {
    const v = loadGoYaml(s, { target: 'slice' });
    return v === undefined || v === null ? goNil([]) : v;
  } catch (e) {
    return [message(e)];
  }
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
