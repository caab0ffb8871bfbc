/**
 * js-yaml schema that reads scalars the way Kubernetes does: sigs.k8s.io/yaml
 * on go-yaml v2, i.e. YAML 1.1. `yes/no/on/off/y/n` are booleans, `0777` is
 * octal, `1_000` is an integer, timestamps stay strings, `<<` merges.
 */
import yaml from 'js-yaml';

// @types/js-yaml does not declare the built-in types map.
const types = (yaml as unknown as { types: Record<string, yaml.Type> }).types;
type CoreType = yaml.Type & { resolve(data: string | null): boolean; construct(data: string | null): unknown };

const TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);

const isBool = (data: string) => TRUE.has(data) || FALSE.has(data);

// go-yaml v2 parses plain integers with strconv.ParseInt(s, 0, 64) after removing `_`:
// 0777 is octal, 0x1F hex, 0b101 binary.
const INT11 = /^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*)$/;
const isInt = (data: string) => INT11.test(data) && /\d/.test(data) && !/^[-+]?0[0-7_]*[89]/.test(data);

function constructInt(data: string): number {
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
}

const coreNull = types.null as CoreType;
const coreFloat = types.float as CoreType;

// Explicit tags (`!!bool yes`, `!!int "7"`) resolve through these, one type per tag.
const bool11 = new yaml.Type('tag:yaml.org,2002:bool', { kind: 'scalar', resolve: isBool, construct: (data: string) => TRUE.has(data) });
const int11 = new yaml.Type('tag:yaml.org,2002:int', { kind: 'scalar', resolve: isInt, construct: constructInt });

/**
 * Plain scalars resolve through one type: js-yaml tries each implicit type in turn on
 * every plain scalar, keys included, through a call site that sees them all, and most
 * scalars are words that none of them matches. One resolver that looks at the first
 * character before any Set or regex costs a fraction (measured: the implicit types were
 * ~15% of parsing a 10,000-resource file). The order of the checks is YAML 1.1's:
 * null, bool, int, float.
 */
type Kind11 = 'null' | 'bool' | 'int' | 'float';
// What the last successful resolve matched: js-yaml calls construct right after it.
let matched: Kind11 = 'null';

function resolvePlain(data: string | null): boolean {
  if (data === null) return (matched = 'null'), true;
  switch (data.charCodeAt(0)) {
    case 126: /* ~ */
      return data.length === 1 && ((matched = 'null'), true);
    case 110: /* n */ case 78: /* N */
      if (coreNull.resolve(data)) return (matched = 'null'), true;
      return isBool(data) && ((matched = 'bool'), true);
    case 121: /* y */ case 89: /* Y */ case 116: /* t */ case 84: /* T */
    case 102: /* f */ case 70: /* F */ case 111: /* o */ case 79: /* O */
      return isBool(data) && ((matched = 'bool'), true);
    case 43: /* + */ case 45: /* - */ case 48: case 49: case 50: case 51: case 52: case 53: case 54: case 55: case 56: case 57:
      if (isInt(data)) return (matched = 'int'), true;
      return coreFloat.resolve(data) && ((matched = 'float'), true);
    case 46: /* . */
      return coreFloat.resolve(data) && ((matched = 'float'), true);
    default:
      return false;
  }
}

function constructPlain(data: string | null): unknown {
  switch (matched) {
    case 'null': return null;
    case 'bool': return TRUE.has(data as string);
    case 'int': return constructInt(data as string);
    case 'float': return coreFloat.construct(data);
  }
}

const plain11 = new yaml.Type('tag:k8s-todo-lint,2024:yaml11-plain-scalar', { kind: 'scalar', resolve: resolvePlain, construct: constructPlain });

/** Failsafe (str, seq, map) + null and float + YAML 1.1 booleans and integers + merge keys. */
export const YAML11_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({
  implicit: [plain11, types.merge],
  explicit: [types.null, bool11, int11, types.float],
});
