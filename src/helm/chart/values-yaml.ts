/**
 * Reading values files (values.yaml, `-f` files) as Helm does: YAML 1.1
 * scalars (y/n/on/off booleans, 0777 octal), numbers as float64, dates kept
 * as strings, `<<` merges, and every leaf's position recorded as its origin.
 *
 * This is the chart layer's adapter over src/helm/yaml's loadGoYaml.
 */
import { GoYamlError, loadGoYaml, type JsonTarget, type YamlErrorPosition } from '../yaml/go-yaml-load.js';
import type { GoMap, GoValue } from '../go/value.js';

/** A values or chart file that does not load; `position` is where a syntax error is (1-based). */
export class YamlError extends Error {
  constructor(
    message: string,
    readonly position?: YamlErrorPosition,
  ) {
    super(message);
  }
}

/**
 * Parses one YAML document into Go values with the shared Go-YAML loader,
 * recording origins as `file:line:col` of each value. Returns undefined for
 * an empty document. Errors carry sigs.k8s.io/yaml's text. `typed` is the Go
 * struct being decoded into, when it is one (see JsonTarget).
 */
export function readYamlValues(text: string, file: string, withOrigins = true, typed?: JsonTarget): GoValue {
  try {
    return loadGoYaml(text, { file, origins: withOrigins, typed });
  } catch (e) {
    throw new YamlError((e as Error).message, e instanceof GoYamlError ? e.position : undefined);
  }
}

/** A values document: an empty file is an empty map; anything but a map is Helm's unmarshal error. */
export function readValuesFile(text: string, file: string): GoMap {
  const v = readYamlValues(text, file);
  if (v === null || v === undefined) return Object.create(null) as GoMap;
  if (typeof v !== 'object' || Array.isArray(v)) {
    const kind = Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'number';
    throw new YamlError(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`);
  }
  return v as GoMap;
}
