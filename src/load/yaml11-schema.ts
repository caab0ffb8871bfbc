/**
 * js-yaml schema that reads scalars the way Kubernetes does: sigs.k8s.io/yaml
 * on go-yaml v2, i.e. YAML 1.1. `yes/no/on/off/y/n` are booleans, `0777` is
 * octal, `1_000` is an integer, timestamps stay strings, `<<` merges.
 */
import yaml from 'js-yaml';

// @types/js-yaml does not declare the built-in types map.
const types = (yaml as unknown as { types: Record<string, yaml.Type> }).types;

const TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);

// js-yaml tries every implicit type on every plain scalar, keys included, and most are
// plain words: a look at the first character rules a type out before any Set or regex
// (measured: ~8% of parsing a 10,000-resource file).
const firstIs = (data: string, chars: string): boolean => data.length > 0 && chars.includes(data[0]);
const BOOL_START = 'yYnNtTfFoO';
const INT_START = '-+0123456789';
const FLOAT_START = '-+.0123456789';

const bool11 = new yaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string) => firstIs(data, BOOL_START) && (TRUE.has(data) || FALSE.has(data)),
  construct: (data: string) => TRUE.has(data),
});

// go-yaml v2 parses plain integers with strconv.ParseInt(s, 0, 64) after removing `_`:
// 0777 is octal, 0x1F hex, 0b101 binary.
const INT11 = /^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*)$/;
const int11 = new yaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string) => firstIs(data, INT_START) && INT11.test(data) && /\d/.test(data) && !/^[-+]?0[0-7_]*[89]/.test(data),
  construct: (data: string) => {
    let s = data.replace(/_/g, '');
    let sign = 1;
    if (s[0] === '-' || s[0] === '+') {
      if (s[0] === '-') sign = -1;
      s = s.slice(1);
    }
    if (s.startsWith('0b')) return sign * parseInt(s.slice(2), 2);
    if (s.startsWith('0x')) return sign * parseInt(s.slice(2), 16);
    if (s.length > 1 && s.startsWith('0')) return sign * parseInt(s.slice(1), 8);
    return sign * parseInt(s, 10);
  },
});

const coreFloat = types.float as yaml.Type & { resolve(data: string): boolean; construct(data: string): unknown };
const float = new yaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string) => firstIs(data, FLOAT_START) && coreFloat.resolve(data),
  construct: (data: string) => coreFloat.construct(data),
});

/** Failsafe (str, seq, map) + null and float + YAML 1.1 booleans and integers + merge keys. */
export const YAML11_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({
  implicit: [types.null, bool11, int11, float, types.merge],
});
