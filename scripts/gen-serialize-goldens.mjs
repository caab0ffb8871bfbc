#!/usr/bin/env node
// Generates test/helm-serialize/goldens.json: outputs of Helm's serializer
// functions (toYaml, toJson, fromYaml, toToml, ...) computed by the Go
// reference renderer (../shared/tools/gotpl, built by scripts/gotpl-build.sh)
// for hundreds of awkward inputs. The vitest suite replays every case against
// src/helm/sprig/serialize.ts byte for byte.
//
// Inputs are encoded as JSON: JSON numbers are float64, {"$int":"12"} is an
// int64, {"$float":"NaN"} a float64 JSON cannot hold. Each input is turned
// into a template expression built from sprig's list/dict/int64/float64.
// The from* functions are checked through a typed dump ("dump" below) that
// prints every leaf's Go type (%T) and its JSON.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function buildGotpl() {
  const r = spawnSync('sh', [join(root, 'scripts/gotpl-build.sh')], { encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    process.stderr.write('gen-serialize-goldens: cannot build gotpl; goldens not regenerated\n');
    process.exit(r.status === 2 ? 0 : 1);
  }
  return r.stdout.trim();
}

/** A Go template string literal for s (only ASCII controls and DEL escaped). */
function goString(s) {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

/** A template expression that evaluates to the decoded input. */
function expr(v) {
  if (v === null) return 'nil';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return goString(v);
  if (typeof v === 'number') return `(float64 ${goString(Object.is(v, -0) ? '-0' : String(v))})`;
  if (Array.isArray(v)) return v.length ? `(list ${v.map(expr).join(' ')})` : '(list)';
  if ('$int' in v) return `(int64 ${goString(v.$int)})`;
  if ('$float' in v) return `(float64 ${goString(v.$float)})`;
  const keys = Object.keys(v);
  return keys.length ? `(dict ${keys.map((k) => `${goString(k)} ${expr(v[k])}`).join(' ')})` : '(dict)';
}

// Prints a Go value as JSON with each leaf's type: {"map":{...}}, {"list":[...]},
// {"t":"%T","v":json (null when toJson fails, e.g. for +Inf),"s":"%v"}.
export const DUMP = [
  '{{- define "dump" -}}',
  '{{- $k := kindOf . -}}',
  '{{- if eq $k "map" -}}{{ print "{\\"map\\":{" }}{{- $m := . -}}',
  '{{- range $i, $key := keys $m | sortAlpha -}}{{ if $i }},{{ end }}{{ toJson $key }}:{{ include "dump" (index $m $key) }}{{- end -}}',
  '{{ print "}}" }}',
  '{{- else if eq $k "slice" -}}{{ print "{\\"list\\":[" }}',
  '{{- range $i, $e := . -}}{{ if $i }},{{ end }}{{ include "dump" $e }}{{- end -}}',
  '{{ print "]}" }}',
  '{{- else -}}{{ print "{\\"t\\":" }}{{ printf "%T" . | toJson }},"v":{{ $j := toJson . }}{{ if $j }}{{ $j }}{{ else }}null{{ end }}',
  ',"s":{{ printf "%v" . | toJson }}{{ print "}" }}',
  '{{- end -}}',
  '{{- end -}}',
].join('');

const FROM = new Set(['fromYaml', 'fromYamlArray', 'fromJson', 'fromJsonArray', 'mustFromJson', 'fromToml', 'fromYaml∘toYaml']);

export function templateFor(c) {
  if (c.fn === 'fromYaml∘toYaml') return `{{ include "dump" (fromYaml (toYaml ${expr(c.input)})) }}`;
  if (FROM.has(c.fn)) return `{{ include "dump" (${c.fn} ${goString(c.input)}) }}`;
  return `{{ ${c.fn} ${expr(c.input)} }}`;
}


// ---------------------------------------------------------------------------
// The cases
// ---------------------------------------------------------------------------

const LONG_WORDS = 'the quick brown fox jumps over the lazy dog and keeps on running far beyond the limit of eighty columns for sure';
const STRINGS = [
  '', ' ', 'a', 'abc', 'Hello World', '123', '-123', '+123', '1e3', '1E3', '1e+21', '0x1F', '0X1f', '0o17', '0777', '08', '09.5',
  '0b101', '-0b101', '1_000', '1__0', '_1', '.5', '-.5', '+.5', '5.', '1.', '1.0', '1.20', '1.2.3', '0.1.2', '-', '--', '---', '----', '...',
  '- x', '-x', '-1x', '?', '?x', '? x', ':', ':x', ': x', 'a:b', 'a: b', 'a:', 'a :b', 'a #b', 'a#b', '#a', '# a', '=', '<<', '<', '>',
  '~', 'null', 'Null', 'NULL', 'nULL', 'nil', 'None', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE',
  'y', 'Y', 'yes', 'Yes', 'YES', 'yEs', 'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'oN', 'off', 'Off', 'OFF', 'x', 't', 'f',
  '.inf', '.Inf', '.INF', '-.inf', '+.inf', '.nan', '.NaN', '.NAN', 'inf', 'Infinity', 'nan', 'NaN', '.', '..', '.a', '.5e3', '.e3',
  '2020-01-01', '2020-1-1', '2020-13-01', '2020-02-30', '2024-02-29', '2023-02-29', '2020-01-01T10:20:30Z', '2001-12-14t21:59:43.10-05:00',
  '2001-12-14 21:59:43.10', '2001-12-14 21:59:43.10 -5', '2001-12-14T25:00:00Z', '20200101', '2020-01', '12:30', '1:20', '190:20:30',
  '1:60', '-1:20', '1:20.5', '1:2:3', 'a:1', '10.0.0.1', '127.0.0.1:8080', 'http://example.com/a?b=c#d', 'user@example.com',
  'héllo ✓', '日本語', 'emoji 😀', '😀', 'tab\there', '\tlead', 'cr\rhere', 'nul\u0000x', 'bell\u0007', 'esc\u001b', 'del\u007f',
  'nbsp\u00a0x', '\u00a0lead', 'nel\u0085x', 'nel \u0085 x', 'nel\u0085\u0085x', 'nel \u0085\t\u0085 \u0085x', 'c1\u0090x', 'ls\u2028x', 'ps\u2029x', 'bom\ufeffx', '\ufeffbom', 'ufffe\ufffe', 'zwsp\u200b',
  'priv\ue000', 'ufffd\ufffd', "'quoted'", '"dq"', "it's", 'say "hi"', 'back\\slash', '&anchor', '*alias', '!tag', '!!str', '|pipe',
  '>gt', '%pct', '@at', '`bt', '[a]', '{a}', 'a[b]', 'a{b}', 'a,b', ',a', 'a, b', 'a]', 'a}', 'a?', 'a?b', 'trailing ', ' leading',
  '  double', 'mid  space', 'a\nb', 'a\nb\n', 'a\nb\n\n', 'a\n\n', 'a\n\nb', '\n', '\n\n', '\na', ' a\nb', 'a \nb', 'a\n b', 'a\n\tb',
  '\ta\nb', 'a\r\nb', 'line\n', 'tab\t\n', 'x\n  y\n', '# c\nd', '- a\n- b\n', 'key: v\nk2: v2\n', "it's\nok", 'a\u2028b\nc',
  LONG_WORDS, LONG_WORDS + ' ' + LONG_WORDS, 'x'.repeat(100), 'word '.repeat(30).trim(), 'a  b '.repeat(25) + 'end',
  "'" + LONG_WORDS, LONG_WORDS + ' #hash', 'tab\t' + LONG_WORDS, '"' + LONG_WORDS + '"', LONG_WORDS.replace(/ /g, '  '),
  'y'.repeat(79) + ' z', 'y'.repeat(80) + ' z', 'y'.repeat(81) + ' z z', LONG_WORDS + '\n' + LONG_WORDS + '\n',
  'k'.repeat(128), 'k'.repeat(129), 'é'.repeat(64), 'é'.repeat(65), 'ä b '.repeat(30),
];

const FLOATS = [0, 1, -1, 1.5, -2.25, 1000000, 1e6 + 0.5, 123456789, 1234567.5, 1e20, 1e21, 1.5e21, 1e22, 1e100, 1e-4, 1e-5,
  1e-6, 1e-7, 0.000001, 0.1, 0.2, 0.3, 1 / 3, 3.14159, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 2 ** 64, 1.7976931348623157e308, 5e-324,
  8080, 65535, 0.5, 100, 1e15, 1e16, 1e17, Number('12345678901234567890')];
const SPECIAL_FLOATS = ['NaN', '+Inf', '-Inf', '-0'];
const INTS = ['0', '1', '-1', '42', '1000000', '9223372036854775807', '-9223372036854775808', '4294967296', '-4294967297'];

const KEY_SETS = [
  ['b10', 'b2', 'b1', 'a', 'B', '_under', '9', '010', 'Zed', 'a-b', 'a5'],
  ['a1', 'a01', 'a001', 'a10', 'a2'],
  ['x', 'X', 'ä', 'z', 'Z', 'é', '1', '_', '-', '.'],
  ['item10', 'item9', 'item09', 'item1', 'item'],
  ['9', '10', '09', '010', '0', '00', '1'],
  ['a.b', 'a-b', 'a_b', 'a b', 'a/b', 'ab', 'aB', 'AB'],
  ['😀', 'z', '日', 'a'],
  ['key2b', 'key10a', 'key2a', 'key02', 'key'],
  ['99999999999999999999', '100000000000000000000', '1', 'a'],
  ['y', 'n', 'yes', 'on', 'off', 'true', 'null', '~', '1', '1.5'],
];

const VALUES = [
  null, true, false, 'str', [], {}, [[]], [{}], { a: [] }, { a: {} }, [null], { a: null }, [1, 2, 3], [[1, 2], [3, [4, 5]]],
  [[[]]], [[{ a: 1 }]], [{ a: 1, b: [1, 2] }, { c: { d: 'e' } }], { list: ['a', 'b'], map: { x: 1 } },
  { a: { b: { c: { d: [1, { e: [null, true] }] } } } }, [{ a: [1, 2] }], [{ 'a b': { 'c: d': ['- x'] } }],
  { multi: 'line1\nline2\n', nested: { m: 'a\nb' } }, ['a\nb', 'c\n'], [['a\nb']], { list: [{ multi: 'x\ny\n' }] },
  { k: 'v', long: LONG_WORDS }, [LONG_WORDS], { a: [LONG_WORDS] }, { deep: { deeper: { deepest: LONG_WORDS } } },
  { ['k'.repeat(130)]: 'v' }, { ['k'.repeat(130)]: { a: 1 } }, { ['k'.repeat(130)]: [1, 2] }, { ['k'.repeat(130)]: 'a\nb' },
  { 'multi\nline key': 'v' }, { 'multi\nline key': { a: 1 } }, { ['x'.repeat(1030)]: 1 }, { ['x'.repeat(1010)]: 1 },
  { ['x'.repeat(1022)]: 1 }, { ['x'.repeat(1023)]: 1 }, { '': 'empty key' }, { ' ': 'space key' },
  { a: { $int: '1' }, b: 1, c: 1.5, d: { $float: '-0' } }, [{ $int: '-5' }, { $int: '0' }], { port: 8080, replicas: { $int: '3' } },
  { html: '<a href="x">&amp;</a>' }, ['<', '>', '&', '\u2028', '\u2029'],
  { a: 'b', c: [{ d: 'e', f: ['g', { h: 'i' }] }] },
];


const YAML_TEXTS = [
  'a: 1\nb: two\nc: [1, 2]\nd: {e: f}\n', 'list:\n- a\n- b\n', 'list:\n  - a\n  - b\n', 'nested:\n  deeper:\n    deepest: x\n',
  'b: y\nc: n\nd: yes\ne: no\nf: on\ng: off\nh: true\ni: True\nj: TRUE\nk: tRue\nl: Yes\nm: NO\n',
  'a: ~\nb: null\nc: Null\nd:\ne: NULL\nf: nil\n', 'a: 0777\nb: 0x1F\nc: 0o17\nd: 0b101\ne: 1_000\nf: +5\ng: -0\nh: 08\ni: 09.5\n',
  'a: .inf\nb: -.inf\nc: .nan\nd: +.inf\ne: .Inf\n', 'a: 1e3\nb: 1.5\nc: .5\nd: -.5\ne: 1.\nf: 1e400\ng: 1.7976931348623157e309\nh: 5e-324\n',
  'a: 9007199254740993\nb: 12345678901234567890\nc: 99999999999999999999\nd: -9223372036854775808\ne: 1000000\nf: 1e6\n',
  'a: 1:20\nb: 2020-01-01\nc: 2020-01-01T10:20:30Z\nd: 2001-12-14 21:59:43.10\ne: 2020-13-01\nf: 12:30:45\n',
  'n: 1\ny: 2\non: 3\noff: 4\nyes: 5\nno: 6\n', '1: a\n1.5: b\n0.1: c\n1e10: d\ntrue: e\n0x10: f\n2020-01-01: g\n-1: h\n',
  '~: a\n', 'null: a\n', '.inf: a\n-.inf: b\n', '.nan: a\n', '123456789.125: x\n', '12345678901234567890: big\n',
  'a: "123"\nb: \'123\'\nc: "yes"\nd: \'\'\ne: ""\nf: "a\\tb\\u00e9\\x41"\ng: \'it\'\'s\'\n',
  'lit: |\n  line1\n  line2\nstrip: |-\n  x\n  y\nkeep: |+\n  k\n\nfold: >\n  a\n  b\n\n  c\nfoldstrip: >-\n  z\n  w\n',
  'indent: |2\n    two extra\n  base\n', 'plain: this is\n  a folded\n  plain scalar\n', 'q: "double\n  folded\n\n  lines"\n',
  'base: &b\n  x: 1\n  y: 2\nref: *b\nmerged:\n  <<: *b\n  y: 3\n', 'a: &a {k: 1, v: 1}\nb: &b {k: 2, w: 2}\nc:\n  <<: [*a, *b]\n  z: 3\n',
  'a: &a {k: 1}\nc:\n  k: 0\n  <<: *a\n', 'a: &a {k: 1}\nc:\n  <<: *a\n  k: 0\n', 'c:\n  <<: {x: 1}\n  y: 2\n', 'c:\n  <<: 1\n',
  'c:\n  <<: [1]\n', 'c:\n  "<<": {x: 1}\n', 'a: &x 1\nb: *x\nc: [*x, *x]\n', 'a: *nope\n', 'a: &r [*r]\n',
  'a: 1\na: 2\n', 'a: {b: 1}\na: {c: 2}\n', 'a: 1\n---\nb: 2\n', '---\na: 1\n', '', '# only a comment\n', '---\n', 'null\n', '~\n',
  'abc\n', '42\n', '- a\n- b\n', '[1, 2]\n', '{}\n', '[]\n', 'a: []\nb: {}\nc: [[]]\n',
  'a: !!str 123\nb: !!int "3"\nc: !!float 1\nd: !!bool yes\ne: !!null ""\nf: !custom x\ng: !!timestamp 2020-01-01\n',
  'a: !!binary aGVsbG8=\n', 'a: !!binary "!!!"\n', 'a: !!int abc\n', 'a: !!timestamp abc\n', 'a: !!float abc\n', 'a: ! 12\n',
  'a: b: c\n', 'a:\n\t- b\n', 'a: "unterminated\n', 'a: [1, 2\n', 'key: [a, b]]\n', '- a\nb: c\n', 'a:\n  - b\n c: d\n',
  '{a: 1\n', "a: 'x\n", 'a: b\n c\n', 'a:\n  b: 1\n   c: 2\n', '? [a]\n: x\n', '? {a: 1}\n: x\n', 'a: @x\n', 'a: `x\n',
  'a: %x\n', '%YAML 1.1\n---\na: 1\n', 'a: |\n  x\n b\n', 'a: "\\q"\n', 'x: 1\n\ny: 2\n\n\n', 'k: v # comment\n# c\nk2: v2\n',
  'unicode: héllo ✓\nemoji: 😀\n日本: 語\n', 'tabs:\tx\n', 'a:\n- 1\n-\n- 3\n', 'a: [1, , 2]\n', 'a: {b, c: d}\n', '"quoted key": 1\n\'single\': 2\n',
  'a: -\n', 'a: - b\n', 'a: [- b]\n', 'a:\n  ? complex\n  : value\n', 'x: 0.1\ny: 0.30000000000000004\nz: 100000000000000000000000\n',
];

// Mistakes people make in values files; yaml.v2's messages and line numbers for them.
const YAML_ERRORS = [
  'a: 1\nb: 2\n  c: 3\n', 'a:\n  b: 1\n c: 2\n', 'a:\n  - 1\n  - 2\n  b: 3\n', 'a: 1\n  - 2\n', 'list:\n- a\n  - b\n',
  'a: "x\nb: 2\n', "a: 'x\nb: 2\n", 'a: "x"y\n', "a: 'x'y\n", 'a: [1, 2\nb: 3\n', 'a: {b: 1\nc: 2\n', 'a: [1, 2]]\n', 'a: {b: 1}}\n',
  'a:\n\tb: 1\n', 'a: 1\n\tb: 2\n', '\ta: 1\n', 'a: b: c: d\n', 'a:\n  b: c: d\n', 'key value\nother: 1\n', 'a: 1\nkey value\n',
  '- a\n-b: 1\nc: 2\n', 'a: |\n b\n  c\nd: 1\n', 'a: >\n  x\n y\n', 'a: *x\n', 'a: &x\nb: *y\n', 'a: !!map 1\n', 'a: !!seq 1\n',
  // ('? a\n? b\n: c\n: d\n' is left out: libyaml rejects it, the `yaml` package accepts it; a known gap.)
  'a:\n  - b: 1\n    c: 2\n   d: 3\n', '{"a": 1,}\n', '[1, 2,]\n', 'a: 1\n---\nb: : 2\n', 'a: 1\n...\nb: 2\n',
  'a: @b\n', 'a: "\\x4"\n', 'a: "\\uZZZZ"\n', 'a: 1\nb:\n  - c\n  d: e\n', 'a:\n  b:\n    c: 1\n   d: 2\n', 'a: 1 # c\n b: 2\n',
  '%TAG ! tag:x\n---\na: 1\n', 'a: !<tag:yaml.org,2002:str> 1\n', 'a: - 1\n', '- - - a\n  - b\n - c\n', 'a:\n- b\n -c\n',
];

const JSON_TEXTS = [
  '{"a":1,"b":"two","c":[1,2.5,-3e2],"d":{"e":null,"f":true}}', '[1,"a",null,false,{"x":[]}]', '{}', '[]', 'null', '"str"', '42', 'true',
  '{"a":1,"a":2}', '{"s":"\\u00e9\\ud83d\\ude00\\n\\t\\"\\\\\\/"}', '{"lone":"\\ud800x","low":"\\udc00"}', '{"big":1e400}', '{"n":-0}',
  '{"n":12345678901234567890}', '{"n":0.1,"m":1e-7,"o":1E+2}', ' \n{"ws" : 1 }\n ', '{', '{"a":}', '{"a" 1}', '{a:1}', '[1,]', '[1 2]',
  '01', '-', '1.', '1e', '1e+', '-a', 'tru', 'nul', 'nulll', '"a\\x"', '"\\u12"', '"\\u12G4"', '"tab\there"', '{"a":1} x', '{"a":1}{}',
  '', ' ', '{"a":1,}', '{,}', '[,1]', '{"a":[1,{"b":2}]}', '\u00e9', '"\u00e9"', "'a'", '{"a":1}\n', 'NaN', '[1e400]', '{"a":"\\ud83d"}',
];

const TOML_VALUES = [
  { a: 1, b: 'two', c: true }, { a: { $int: '1' }, f: 1.5, g: 1e21, h: 0.000001, i: { $float: 'NaN' }, j: { $float: '-Inf' }, k: 100 },
  { s: 'quote " back \\ tab \t nl \n del \u007f bell \u0007 é 😀' }, { 'bare-key_1': 1, 'needs quote': 2, '': 3, 'dot.ted': 4, 'é': 5 },
  { z: 1, table: { b: 2, a: 1, sub: { c: 3 } }, y: 'x' }, { list: [1, 2, 3], empty: [], mixed: [1, 'a', true], nested: [[1, 2], ['a']] },
  { tables: [{ a: 1 }, { b: { c: 2 } }], after: 1 }, { deep: { tables: [{ x: 1 }, { x: 2, y: { z: 3 } }] } },
  { inline: [{ a: 1, b: { c: 2 } }, 1] }, { nil: null, keep: 1, m: { n: null } }, { bad: [1, null] }, { e: {} }, {},
  { a: [{}, {}] }, { m: { list: [{ x: 1 }] } }, 'top-level string', [1, 2], [{ a: 1 }], null, { k: { $int: '-9223372036854775808' } },
  { b: { y: 1, x: { q: 1 } }, a: { z: 1 } }, { t: [{ u: [{ v: 1 }] }] },
];

const TOML_TEXTS = [
  'a = 1\nb = "two"\nc = 1.5\nd = true\n',
  'int = 9223372036854775807\nneg = -17\nhex = 0xDEAD\noct = 0o17\nbin = 0b11\nund = 1_000\n',
  'f1 = 1e6\nf2 = -0.0\nf3 = inf\nf4 = -inf\nf5 = 6.626e-34\n',
  '[table]\nkey = "v"\n[table.sub]\nk = 1\n',
  '[[arr]]\nx = 1\n[[arr]]\nx = 2\n',
  'a = [1, 2, 3]\nb = [[1, 2], ["a"]]\nc = []\nd = [{x = 1}, {y = 2}]\n',
  'inline = {a = 1, b = {c = "d"}}\n',
  's1 = "esc \\t \\u00e9 \\U0001F600"\ns2 = \'literal \\n\'\ns3 = """\nmulti\nline"""\ns4 = \'\'\'\nraw\nlines\'\'\'\n',
  'odt = 1979-05-27T07:32:00Z\nodt2 = 1979-05-27T00:32:00.999-07:00\nodt3 = 1979-05-27T00:32:00+05:30\nldt = 1979-05-27T07:32:00\nld = 1979-05-27\n',
  '"quoted key" = 1\n\'lit key\' = 2\ndotted.key.here = 3\n',
  '# comment only\n',
  '',
];

function buildFromCases(cases) {
  TOML_VALUES.forEach((v, i) => add(cases, 'toToml', `value#${i}`, v));
  VALUES.forEach((v, i) => add(cases, 'toToml', `yaml value#${i}`, v));
  TOML_TEXTS.forEach((t, i) => add(cases, 'fromToml', `toml#${i}`, t));
  YAML_ERRORS.forEach((t, i) => add(cases, 'fromYaml', `yaml error#${i}`, t));
  YAML_TEXTS.forEach((t, i) => {
    add(cases, 'fromYaml', `yaml#${i}`, t);
    add(cases, 'fromYamlArray', `yaml#${i}`, t);
  });
  ['- 1\n- two\n- [3]\n- {a: b}\n', '- y\n- ~\n- 0777\n', '[]', '- - a\n  - b\n- c\n'].forEach((t, i) =>
    add(cases, 'fromYamlArray', `list#${i}`, t),
  );
  JSON_TEXTS.forEach((t, i) => {
    add(cases, 'fromJson', `json#${i}`, t);
    add(cases, 'fromJsonArray', `json#${i}`, t);
    add(cases, 'mustFromJson', `json#${i}`, t);
  });
}

// Seeded random values, to reach combinations nobody thought of. mulberry32
// keeps the goldens stable from run to run.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', 'b', 'Z', 'word', ' ', ' ', '  ', '\n', '\n', '\t', ':', ': ', ' #', '#', '-', '- ', "'", '"', '\\', 'é', '😀', '\u2028',
  '{', '[', ']', ',', '?', '&', '*', '!', '|', '>', '%', '@', '`', 'yes', 'null', '~', '1', '0x1F', '.5', '1e3', '2020-01-01', '\r',
  'the quick brown fox', 'jumps over the lazy dog', 'x'.repeat(30), '日本', '\u00a0', '\u0007', '\u007f', '\u0085', '<&>'];

function randomString(r) {
  const n = r() < 0.15 ? 20 + Math.floor(r() * 40) : Math.floor(r() * 7);
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)];
  return s;
}

function randomScalar(r) {
  const x = r();
  if (x < 0.55) return randomString(r);
  if (x < 0.65) return Math.floor(r() * 2000) - 1000;
  if (x < 0.72) return Number((r() * 10 ** Math.floor(r() * 30 - 10)).toPrecision(1 + Math.floor(r() * 17)));
  if (x < 0.8) return { $int: String(Math.floor(r() * 1e6) - 5e5) };
  if (x < 0.9) return r() < 0.5;
  return null;
}

function randomValue(r, depth) {
  const x = r();
  if (depth <= 0 || x < 0.45) return randomScalar(r);
  const n = Math.floor(r() * 5);
  if (x < 0.7) return Array.from({ length: n }, () => randomValue(r, depth - 1));
  const m = {};
  for (let i = 0; i < n; i++) m[r() < 0.7 ? Array.from(randomString(r)).slice(0, 40).join('') : String(Math.floor(r() * 100))] = randomValue(r, depth - 1);
  return m;
}

function add(cases, fn, name, input) {
  cases.push({ name: `${fn} ${name}`, fn, input });
}

/**
 * Cases where gotpl is not Helm, with Helm's answer. gotpl's own YAML-to-JSON
 * step turns ±Inf and NaN into the strings ".inf", "-.inf" and ".nan", but
 * sigs.k8s.io/yaml's yamlToJSONTarget hands them to json.Marshal, which refuses
 * them (UnsupportedValueError, keys in sorted order): Helm's fromYaml puts that
 * error in the Error key, fromYamlArray in its one-element list.
 */
const NON_FINITE = 'error converting YAML to JSON: json: unsupported value: +Inf';
const str = (v) => ({ t: 'string', v, s: v });
export const HELM_DIFFERS = {
  'fromYaml yaml#7': { dump: { map: { Error: str(NON_FINITE) } }, why: 'sigs.k8s.io/yaml: json.Marshal refuses +Inf; gotpl converts it to ".inf"' },
  'fromYamlArray yaml#7': { dump: { list: [str(NON_FINITE)] }, why: 'sigs.k8s.io/yaml: json.Marshal refuses +Inf before the slice type is checked; gotpl converts it to ".inf"' },
};

export function buildCases() {
  const cases = [];
  // toYaml: every string as a value, as a key, in a list and at top level.
  STRINGS.forEach((s, i) => {
    add(cases, 'toYaml', `string#${i} value`, { k: s });
    add(cases, 'toYaml', `string#${i} key`, { [s]: 'v' });
    add(cases, 'toYaml', `string#${i} item`, [s, [s]]);
  });
  STRINGS.forEach((s, i) => add(cases, 'toYaml', `string#${i} top`, s));
  FLOATS.forEach((f, i) => add(cases, 'toYaml', `float#${i}`, { f, l: [f] }));
  SPECIAL_FLOATS.forEach((f) => add(cases, 'toYaml', `float ${f}`, { f: { $float: f } }));
  INTS.forEach((n) => add(cases, 'toYaml', `int ${n}`, { n: { $int: n }, l: [{ $int: n }] }));
  KEY_SETS.forEach((ks, i) => add(cases, 'toYaml', `keys#${i}`, Object.fromEntries(ks.map((k, j) => [k, j]))));
  VALUES.forEach((v, i) => add(cases, 'toYaml', `value#${i}`, v));

  // The JSON family.
  for (const fn of ['toJson', 'toRawJson', 'toPrettyJson']) {
    VALUES.forEach((v, i) => add(cases, fn, `value#${i}`, v));
    KEY_SETS.forEach((ks, i) => add(cases, fn, `keys#${i}`, Object.fromEntries(ks.map((k, j) => [k, j]))));
  }
  STRINGS.forEach((s, i) => add(cases, 'toJson', `string#${i}`, { [s]: s }));
  // \b and \f are left out: Go 1.22+ (Helm's toolchain) writes them as \b and \f, the Go 1.19 oracle as \u0008.
  ['a\u0001b\u001fc', '\u0000\u000b\u001b', '<&>', 'a\tb\nc\rd'].forEach((s, i) => add(cases, 'toRawJson', `control#${i}`, [s]));
  FLOATS.forEach((f, i) => add(cases, 'toJson', `float#${i}`, [f]));
  SPECIAL_FLOATS.forEach((f) => add(cases, 'toJson', `float ${f}`, [{ $float: f }]));
  INTS.forEach((n) => add(cases, 'toJson', `int ${n}`, [{ $int: n }]));
  // toYamlPretty: yaml.v3 on the Go values themselves.
  STRINGS.forEach((s, i) => add(cases, 'toYamlPretty', `string#${i}`, { k: s, [s]: [s, [s]] }));
  FLOATS.forEach((f, i) => add(cases, 'toYamlPretty', `float#${i}`, { f, l: [f] }));
  SPECIAL_FLOATS.forEach((f) => add(cases, 'toYamlPretty', `float ${f}`, { f: { $float: f } }));
  INTS.forEach((n) => add(cases, 'toYamlPretty', `int ${n}`, { n: { $int: n }, l: [{ $int: n }] }));
  KEY_SETS.forEach((ks, i) => add(cases, 'toYamlPretty', `keys#${i}`, Object.fromEntries(ks.map((k, j) => [k, j]))));
  [['a1b', 'a1-', 'a1_', 'a1B', 'a12', 'a1'], ['x9y', 'x9.', 'x9z', 'x10']].forEach((ks, i) =>
    ['toYaml', 'toYamlPretty'].forEach((fn) => add(cases, fn, `digit-letter keys#${i}`, Object.fromEntries(ks.map((k, j) => [k, j])))),
  );
  VALUES.forEach((v, i) => add(cases, 'toYamlPretty', `value#${i}`, v));
  const r = rng(20260123);
  for (let i = 0; i < 300; i++) {
    const v = randomValue(r, 4);
    add(cases, 'toYaml', `random#${i}`, v);
    if (i % 2 === 0) add(cases, 'toYamlPretty', `random#${i}`, v);
    if (i % 3 === 0) add(cases, 'toJson', `random#${i}`, v);
    // fromYaml reads what toYaml wrote: folded, quoted and literal scalars, indentation hints.
    add(cases, 'fromYaml∘toYaml', `random#${i}`, { r: v });
  }
  buildFromCases(cases);
  return cases;
}

// ---------------------------------------------------------------------------
// Real charts: the values files of ../shared/corpus/charts, read by path. Only
// hashes of gotpl's outputs are stored (the corpus stays out of the repo).
// ---------------------------------------------------------------------------

const CORPUS = join(root, '../shared/corpus/charts');
const CORPUS_FUNCS = {
  dump: '{{ include "dump" (fromYaml .Values.text) }}',
  toYaml: '{{ fromYaml .Values.text | toYaml }}',
  toYamlPretty: '{{ fromYaml .Values.text | toYamlPretty }}',
  toJson: '{{ fromYaml .Values.text | toJson }}',
};

function corpusFiles(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) corpusFiles(p, out);
    else if (/^(values.*\.ya?ml|Chart\.yaml)$/.test(name)) out.push(p);
  }
  return out;
}

function sha256(text) {
  return createHash('sha256').update(text).digest('hex');
}

function corpusHashes(gotpl) {
  if (!existsSync(CORPUS)) return undefined;
  const files = corpusFiles(CORPUS);
  const jobs = files.map((f) =>
    JSON.stringify({
      templates: { ...Object.fromEntries(Object.entries(CORPUS_FUNCS).map(([k, t]) => [`c/templates/${k}.yaml`, t])), 'c/templates/_dump.tpl': DUMP },
      data: { Values: { text: readFileSync(f, 'utf8') } },
    }),
  );
  const out = execFileSync(gotpl, ['-batch'], { input: jobs.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 28 });
  const results = out.trim().split('\n').map((l) => JSON.parse(l));
  return files.map((f, i) => {
    const r = results[i];
    if (r.error) return { file: f.slice(CORPUS.length + 1), error: r.error };
    const h = { file: f.slice(CORPUS.length + 1) };
    for (const k of Object.keys(CORPUS_FUNCS)) {
      const text = r.rendered[`c/templates/${k}.yaml`];
      // The dump is compared as parsed JSON, so hash its canonical JSON.stringify form.
      h[k] = sha256(k === 'dump' ? JSON.stringify(JSON.parse(text)) : text);
    }
    return h;
  });
}

function main() {
  const gotpl = buildGotpl();
  const cases = buildCases();
  const jobs = cases.map((c) =>
    JSON.stringify({
      templates: { 'c/templates/t.yaml': templateFor(c), 'c/templates/_dump.tpl': DUMP },
      data: {},
    }),
  );
  const out = execFileSync(gotpl, ['-batch'], { input: jobs.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 28 });
  const results = out.trim().split('\n').map((l) => JSON.parse(l));
  if (results.length !== cases.length) throw new Error(`gotpl answered ${results.length} of ${cases.length} jobs`);
  const goldens = [];
  let errors = 0;
  cases.forEach((c, i) => {
    const r = results[i];
    const g = { name: c.name, fn: c.fn, input: c.input };
    const helm = HELM_DIFFERS[c.name];
    if (helm) {
      g.dump = helm.dump;
      g.why = helm.why;
    } else if (r.error) {
      g.error = r.error;
      errors++;
    } else {
      const text = r.rendered['c/templates/t.yaml'];
      if (FROM.has(c.fn)) g.dump = JSON.parse(text);
      else g.output = text;
    }
    goldens.push(g);
  });
  const file = join(root, 'test/helm-serialize/goldens.json');
  writeFileSync(file, JSON.stringify({ generatedBy: 'scripts/gen-serialize-goldens.mjs', cases: goldens }, null, 1) + '\n');
  console.log(`${goldens.length} cases (${errors} template errors) written to ${file}`);
  const hashes = corpusHashes(gotpl);
  if (hashes) {
    const hfile = join(root, 'test/helm-serialize/corpus-hashes.json');
    writeFileSync(hfile, JSON.stringify({ generatedBy: 'scripts/gen-serialize-goldens.mjs', files: hashes }, null, 1) + '\n');
    console.log(`${hashes.length} corpus values files hashed into ${hfile}`);
  }
}

// Run only as a script; scripts/differential.mjs imports the case table.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
