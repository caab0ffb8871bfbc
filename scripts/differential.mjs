#!/usr/bin/env node
// Differential test of the template engine: renders a table of templates with
// our engine (dist/, so run `npm run build` first) and with the Go reference
// renderer gotpl (../shared/tools/gotpl, built by scripts/gotpl-build.sh), and
// compares the outputs byte for byte.
//
// Usage: node scripts/differential.mjs [--cases file.json] [--show N] [--filter REGEX] [--json]
//   --cases  a JSON array of {name, templates: {path: text}, values?, release?, kubeVersion?}
//            instead of the built-in table below
//   --show   how many differences to print in full (default 10)
//   --go-only  print gotpl's renders and stop (to inspect the table or a --cases file)
//   --serialize  use the serializer cases of scripts/gen-serialize-goldens.mjs (thousands of
//            toYaml/toJson/fromYaml/... calls on values built with list/dict/int64/float64)
// Exit status: 0 when everything matches or when a side is unavailable (Go
// not installed, engine not built: the run is skipped with a message);
// 1 when some case differs in a way no `known` note explains.
//
// Known version differences: gotpl links Go 1.19, Sprig 3.2.3 and
// BurntSushi/toml 1.2.0 (Debian); Helm 3.21.4, which we follow, is built with
// Go 1.25 and newer libraries. A case whose answer changed between those
// versions carries `known: { error | rendered, why }`: the exact output ours
// must give. Such a case counts as a known difference (listed with its
// reason) only when ours gives exactly that; any other output is a difference.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opts = { cases: undefined, show: 10, filter: undefined, json: false, goOnly: false, serialize: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--cases') opts.cases = argv[++i];
    else if (a === '--show') opts.show = Number(argv[++i]);
    else if (a === '--filter') opts.filter = new RegExp(argv[++i]);
    else if (a === '--json') opts.json = true;
    else if (a === '--go-only') opts.goOnly = true;
    else if (a === '--serialize') opts.serialize = true;
    else {
      console.error(`differential: unknown argument ${a}`);
      process.exit(2);
    }
  }
  return opts;
}

function skip(reason) {
  console.log(`differential: skipped (${reason})`);
  process.exit(0);
}

// ---------------------------------------------------------------------------
// The built-in table: serializers first (this script's first purpose), then
// the engine features every chart uses.
// ---------------------------------------------------------------------------

const VALUES = {
  replicaCount: 1,
  big: 1000000,
  ratio: 0.5,
  port: 8080,
  name: 'my-app',
  yes: 'yes',
  enabled: true,
  empty: '',
  nothing: null,
  image: { repository: 'nginx', tag: '1.25', pullPolicy: 'IfNotPresent' },
  list: ['a', 'b', 'c'],
  nested: { b10: 1, b2: 2, _x: 3, Zed: 4, 'a-b': 5, a5: 6 },
  text: 'line1\nline2\n',
  long: 'the quick brown fox jumps over the lazy dog and keeps on running far beyond the limit of eighty columns',
  html: '<b>&</b>',
  resources: { limits: { cpu: '100m', memory: '128Mi' }, requests: {} },
  env: [{ name: 'A', value: '1' }, { name: 'B', value: 'on' }],
  annotations: { 'example.com/a': 'x', 'y': 'n' },
};

const T = (name, text, extra = {}) => ({ name, templates: { 'mychart/templates/t.yaml': text }, ...extra });

const TABLE = [
  T('toYaml values', '{{ toYaml .Values }}'),
  T('toYaml nindent', 'spec:\n  resources:{{ toYaml .Values.resources | nindent 4 }}\n'),
  T('toYaml list', 'list:\n{{ toYaml .Values.list | indent 2 }}'),
  T('toYaml env', 'env:\n{{- toYaml .Values.env | nindent 2 }}'),
  T('toYaml scalar', '{{ toYaml .Values.name }}|{{ toYaml .Values.big }}|{{ toYaml .Values.yes }}|{{ toYaml .Values.nothing }}'),
  T('toYaml multiline', '{{ toYaml .Values.text }}|{{ toYaml (dict "t" .Values.text) }}'),
  T('toYaml long', '{{ toYaml (dict "long" .Values.long) }}'),
  T('toYaml key order', '{{ toYaml .Values.nested }}'),
  T('toYaml ints', '{{ toYaml (dict "i" (int64 5) "f" 1.5 "n" (int 3)) }}'),
  T('toYaml dict of lists', '{{ toYaml (dict "a" (list 1 2 (list 3 4)) "b" (list)) }}'),
  T('toYamlPretty', '{{ toYamlPretty .Values.env }}|{{ toYamlPretty (dict "big" .Values.big) }}'),
  T('toJson values', '{{ toJson .Values }}'),
  T('toJson html', '{{ toJson .Values.html }}|{{ toRawJson .Values.html }}'),
  T('toPrettyJson', '{{ toPrettyJson .Values.image }}'),
  T('mustToJson', '{{ mustToJson .Values.list }}|{{ mustToPrettyJson (list) }}|{{ mustToRawJson (dict) }}'),
  T('fromYaml', '{{ $m := fromYaml "a: 1\\nb: [x, y]\\nc: yes" }}{{ $m.a }} {{ $m.b }} {{ $m.c }} {{ typeOf $m.a }}'),
  T('fromYaml error', '{{ $m := fromYaml "a: b: c" }}{{ $m.Error }}'),
  T('fromYamlArray', '{{ fromYamlArray "- 1\\n- two" }}|{{ fromYamlArray "a: 1" }}'),
  T('fromJson', '{{ $m := fromJson "{\\"a\\":[1,2],\\"b\\":null}" }}{{ $m.a }} {{ $m.b }}|{{ (fromJson "{").Error }}'),
  T('fromJsonArray', '{{ fromJsonArray "[1, \\"x\\"]" }}|{{ fromJsonArray "{}" }}'),
  T('mustFromJson', '{{ mustFromJson "{\\"a\\":1}" }}'),
  T('toToml', '{{ toToml .Values.image }}'),
  T('toToml nested', '{{ toToml (dict "a" (dict "b" 1 "c" (list 1 2)) "d" "e") }}'),
  T('fromToml', '{{ $m := fromToml "a = 1\\n[b]\\nc = \\"d\\"" }}{{ $m.a }} {{ $m.b.c }} {{ typeOf $m.a }}'),
  T('fromToml error', '{{ (fromToml "a = ").Error }}|{{ (fromToml "a = 1\\na = 2").Error }}|{{ (fromToml "[t]\\nb = \\"x").Error }}', {
    known: {
      rendered: {
        'mychart/templates/t.yaml':
          'toml: line 1 (last key "a"): unexpected EOF; expected value|toml: line 2 (last key "a"): Key \'a\' has already been defined.|toml: line 2 (last key "t.b"): unexpected EOF; expected \'"\'',
      },
      why: 'Helm 3.21 decodes with BurntSushi/toml 1.6, which numbers an end-of-input error on its last line; toml 1.2.0 says "line 0" there',
    },
  }),
  T('roundtrip', '{{ .Values | toYaml | fromYaml | toJson }}'),
  T('objects toJson', '{{ toJson (semver "1.2.3-rc.1+b") }}|{{ toJson (toDate "2006-01-02" "2020-01-02") }}|{{ toJson (b64dec "aGk=" | toString) }}'),
  T('objects toYaml', '{{ toYaml (dict "v" (semver "1.2.3") "t" (toDate "2006-01-02" "2020-01-02")) }}'),
  T('objects toYamlPretty', '{{ toYamlPretty (dict "v" (semver "1.2.3") "t" (toDate "2006-01-02" "2020-01-02")) }}'),
  T('ints from functions', '{{ toYaml (dict "len" (len .Values.list) "add" (add 1 2) "atoi" (atoi "42") "f" (float64 "1.5")) }}|{{ toJson (list (int 1) (int64 2) (len "abc")) }}'),
  T('toYaml of fromJson', '{{ fromJson "{\\"b\\":1e21,\\"a\\":0.000001,\\"c\\":[1.5,100]}" | toYaml }}'),
  T('toYaml of list values', '{{ toYaml (list .Values.image .Values.list .Values.nothing .Values.enabled) }}'),
  // General engine features.
  T('print values', '{{ .Values.big }} {{ .Values.ratio }} {{ .Values.port }} {{ .Values.enabled }} {{ .Values.nothing }} {{ .Values.missing }}'),
  T('print map', '{{ .Values.image }} {{ .Values.list }}'),
  T('printf', '{{ printf "%s-%d-%v-%q" .Values.name 3 .Values.big .Values.name }}'),
  T('quote default', '{{ .Values.empty | default "dflt" | quote }} {{ .Values.name | squote }}'),
  T('if else', '{{ if .Values.enabled }}on{{ else }}off{{ end }}{{ if .Values.empty }}x{{ else if .Values.list }}list{{ end }}'),
  T('with', '{{ with .Values.image }}{{ .repository }}:{{ .tag }}{{ end }}{{ with .Values.missing }}no{{ else }}none{{ end }}'),
  T('range list', '{{ range $i, $v := .Values.list }}{{ $i }}={{ $v }};{{ end }}'),
  T('range map', '{{ range $k, $v := .Values.nested }}{{ $k }}={{ $v }};{{ end }}'),
  T('define include', '{{ define "x" }}[{{ . }}]{{ end }}{{ include "x" .Values.name | upper }}'),
  T('helpers', '{{ include "mychart.name" . }}', {
    templates: {
      'mychart/templates/t.yaml': 'name: {{ include "mychart.name" . }}\n',
      'mychart/templates/_helpers.tpl': '{{- define "mychart.name" -}}{{ .Values.name | trunc 63 | trimSuffix "-" }}{{- end -}}',
    },
  }),
  T('whitespace trim', 'a:\n  {{- if true }}\n  b: 1\n  {{- end }}\nc: 2\n'),
  T('comparison error', '{{ eq .Values.port 8080 }}', {
    known: {
      error:
        'template: mychart/templates/t.yaml:1:3: executing "mychart/templates/t.yaml" at <eq .Values.port 8080>: error calling eq: incompatible types for comparison: float64 and int',
      why: 'Go 1.25 (Helm 3.21.4 is built with go1.25.0) names the two types in this error (golang/go#71421); Go 1.19 does not',
    },
  }),
  T('lt comparison error', '{{ lt .Values.port 9000 }}', {
    known: {
      error:
        'template: mychart/templates/t.yaml:1:3: executing "mychart/templates/t.yaml" at <lt .Values.port 9000>: error calling lt: incompatible types for comparison: float64 and int',
      why: 'Go 1.25 names the two types in this error (golang/go#71421); Go 1.19 does not',
    },
  }),
  T('range over an integer', '{{ range 3 }}{{ . }}{{ end }}|{{ range $i := 2 }}{{ $i }}{{ end }}|{{ range (add 1 1) }}{{ typeOf . }}{{ end }}', {
    known: {
      rendered: { 'mychart/templates/t.yaml': '012|01|int64int64' },
      why: 'Go 1.22 added range over an integer (elements of its type); Go 1.19 cannot iterate over 3',
    },
  }),
  T('else with', '{{ with .Values.missing }}a{{ else with .Values.name }}{{ . }}{{ else }}c{{ end }}', {
    known: {
      rendered: { 'mychart/templates/t.yaml': 'my-app' },
      why: 'Go 1.23 added {{ else with }}; Go 1.19 fails to parse it',
    },
  }),
  T('int conversion', '{{ eq (int .Values.port) 8080 }} {{ .Values.port | int64 }} {{ add .Values.port 1 }}'),
  T('nil pointer', '{{ .Values.missing.deeper }}'),
  T('required', '{{ required "need it" .Values.missing }}'),
  T('tpl', '{{ tpl "{{ .Values.name }}-x" . }}'),
  T('dict ops', '{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ keys $d | sortAlpha }} {{ hasKey $d "a" }} {{ pluck "a" $d }}'),
  T('strings', '{{ "Hello" | lower }} {{ "a,b" | splitList "," }} {{ replace "a" "b" "aaa" }} {{ trimAll "-" "--x--" }} {{ nospace "a b" }}'),
  T('b64', '{{ "hello" | b64enc }} {{ "aGVsbG8=" | b64dec }} {{ sha256sum "x" }}'),
  T('semver', '{{ semverCompare ">=1.2.0" "1.3.0" }} {{ (semver "1.2.3").Major }}'),
  T('len bytes', '{{ len "héllo" }} {{ trunc 2 "héllo" }}'),
  T('regex', '{{ regexMatch "^a.c$" "abc" }} {{ regexReplaceAll "(a)(b)" "ab" "${2}$1" }}'),
  T('ternary', '{{ ternary "y" "n" .Values.enabled }} {{ coalesce .Values.empty .Values.name }}'),
  T('lists', '{{ list 1 2 3 | last }} {{ without (list 1 2 3) 2 }} {{ uniq (list 1 1 2) }} {{ has 2 (list 1 2) }}'),
  T('math', '{{ add1 5 }} {{ div 7 2 }} {{ mod 7 2 }} {{ mul 3 4 }} {{ max 1 9 3 }} {{ floor 1.5 }} {{ round 2.567 2 }}'),
  // Go's int (constants, len, atoi, int, until) versus int64 (Sprig math, int64, toDecimal, fromToml, .Unix).
  T('int vs int64 typeOf', '{{ range list 1 (len "a") (atoi "1") (int 1.5) (index (until 2) 1) (add 1 1) (add1 1) (sub 2 1) (mul 1 1) (div 4 2) (mod 5 3) (max 1 2) (min 1 2) (biggest 1 2) (int64 1) (toDecimal "7") (now).Unix }}{{ typeOf . }},{{ end }}'),
  T('int vs int64 kinds', '{{ kindOf 1 }} {{ kindOf (add 1 1) }} {{ kindIs "int64" (mul 2 2) }} {{ typeIs "int" (int64 1) }} {{ typeOf (semver "1.2.3").Major }} {{ typeOf (index "ab" 0) }}'),
  T('printf %T', '{{ printf "%T %T %T %T %v %d" 1 (int64 1) (len "ab") (sub 5 1) (int64 7) (add 1 2) }}'),
  T('duration int int64', '{{ duration 90 }}|{{ duration (int64 90) }}|{{ duration (add 60 30) }}|{{ duration (len "abc") }}|{{ durationRound (mul 90 1000000000) }}|{{ durationRound 90 }}'),
  T('has uniq int int64', '{{ has 1 (list (int64 1)) }} {{ has (add 0 1) (list (int64 1)) }} {{ uniq (list 1 (int64 1) (add 0 1) 1) }} {{ without (list 1 (int64 1)) 1 }} {{ deepEqual 1 (int64 1) }}'),
  T('int64 compares and prints', '{{ eq 2 (add 1 1) }} {{ lt (int64 1) 2 }} {{ if sub 1 1 }}t{{ else }}f{{ end }} {{ toJson (list (int64 5) 5) }} {{ toYaml (dict "a" (mul 2 3)) }}'),
  T('int64 where int is expected', '{{ trunc (add 1 2) "abcdef" }}'),
  T('int64 and uint8 printf verbs', '{{ printf "%05d|%c|%q|%U|%x|%b|%o|%e" (add 1 1) (add 64 1) (add 64 1) (int64 65) (sub 0 1) (int64 5) (mul 8 1) (add 1 1) }}|{{ printf "%v|%#v" (list (add 1 1) 1) (list (add 1 1) 1) }}'),
  T('bytes of a string are uint8', '{{ index "abc" 0 }} {{ printf "%c|%#v|%x" (index "abc" 0) (index "abc" 0) (index "abc" 0) }} {{ toJson (index "abc" 0) }} {{ eq (index "abc" 0) 97 }} {{ kindOf (index "abc" 0) }} {{ add (index "a" 0) 1 }} {{ int64 (index "a" 0) }}'),
  T('int64 in serializers and collections', '{{ toToml (dict "a" (int64 1) "b" (index "a" 0)) }}|{{ toPrettyJson (dict "a" (list (int64 1))) }}|{{ typeOf (get (deepCopy (dict "a" (add 1 1))) "a") }}|{{ has 1 (until 3) }} {{ has (int64 1) (until 3) }}'),
  // Slices and maps Sprig types (tagged in the value model): %T, %#v and type errors name them.
  T('typed slices %T', '{{ printf "%T|%T|%T|%T|%T" (splitList "," "a") (until 2) (splitn "," 2 "a,b") (toStrings (list 1)) (sortAlpha (list "b")) }}'),
  T('typed slices %#v', '{{ printf "%#v|%#v" (splitList "," "a,b") (until 2) }}'),
  T('typed slice where a string is expected', '{{ upper (splitList "," "a") }}'),
  // Helm's engine corners (issue 14). fromYaml & co. take a Go string (engine/funcs.go
  // fromYAML/fromJSON/...: text/template refuses anything else); `null` and an empty
  // YAML document leave the map or slice nil, which toJson prints as null.
  T('fromYaml non-string', '{{ fromYaml 1 }}'),
  T('fromYaml non-string value', '{{ fromYaml .Values.port }}'),
  T('fromJson non-string', '{{ fromJson .Values.list }}'),
  T('fromYamlArray non-string', '{{ fromYamlArray .Values.enabled }}'),
  T('fromJsonArray non-string', '{{ fromJsonArray 2 }}'),
  T('from* of null and empty', '{{ fromYaml "null" | toJson }} {{ fromYaml "" | toJson }} {{ fromJson "null" | toJson }} {{ fromJson "" | toJson }} {{ fromYamlArray "null" | toJson }} {{ fromYamlArray "" | toJson }} {{ fromJsonArray "null" | toJson }} {{ fromJsonArray "" | toJson }}|{{ fromYaml "~" }} {{ fromYamlArray "" }} {{ fromYaml "null" | toYaml }} {{ len (fromJsonArray "null") }}'),
  // libyaml's yaml_parser_scan_directive: only %YAML and %TAG exist.
  T('fromYaml directives', '{{ (fromYaml "%x\\na: 1").Error }}|{{ (fromYaml "# c\\n%x 1\\na: 1").Error }}|{{ (fromYaml "%\\na: 1").Error }}|{{ (fromYaml "%x.y\\na: 1").Error }}|{{ fromYamlArray "%x\\n- 1" }}|{{ fromYaml "%YAML 1.1\\n---\\na: 1" }}'),
  // Sprig list.go mustFirst/mustLast return nil, mustRest/mustInitial a nil slice, for an empty list.
  T('list functions on empty lists', '{{ list | first | toJson }} {{ list | last | toJson }} {{ list | rest | toJson }} {{ list | initial | toJson }} {{ mustFirst list | toJson }} {{ mustLast list | toJson }} {{ mustRest list | toJson }} {{ mustInitial list | toJson }}|{{ rest list }} {{ initial list }} {{ len (rest list) }} {{ toYaml (rest list) }}|{{ rest (list 1) | toJson }} {{ initial (list 1) | toJson }}'),
  T('first of nil', '{{ first nil }}'),
  T('rest of nil', '{{ mustRest nil }}'),
  // Sprig dict.go dig type-asserts map[string]interface{}.
  T('dig on a non-map', '{{ dig "a" "x" nil }}'),
  T('dig on a string', '{{ dig "a" "x" "s" }}'),
  // chartutil.KubeVersion.String has a pointer receiver: text/template prints the addressable
  // field through it (exec.go printValue), fmt prints a copy as a struct.
  T('KubeVersion printing', '{{ .Capabilities.KubeVersion }} {{ with .Capabilities.KubeVersion }}{{ . }}{{ end }} {{ $k := .Capabilities.KubeVersion }}{{ $k }}|{{ .Capabilities.KubeVersion | quote }} {{ print .Capabilities.KubeVersion }} {{ printf "%v %s" .Capabilities.KubeVersion .Capabilities.KubeVersion }} {{ toString .Capabilities.KubeVersion }}|{{ .Capabilities.KubeVersion.Version }} {{ .Capabilities.KubeVersion.GitVersion }}', { kubeVersion: '1.30.0' }),
  T('fromToml int64', '{{ $m := fromToml "a = 1\\nb = [1, 2]" }}{{ typeOf $m.a }} {{ typeOf (index $m.b 0) }} {{ has 1 $m.b }} {{ has (int64 1) $m.b }}'),
];

// ---------------------------------------------------------------------------

async function loadEngine() {
  const engine = join(root, 'dist/src/helm/template/helm-engine.js');
  const sprig = join(root, 'dist/src/helm/sprig/index.js');
  if (!existsSync(engine) || !existsSync(sprig)) return undefined;
  const { renderHelm } = await import(pathToFileURL(engine).href);
  const { helmFuncMap } = await import(pathToFileURL(sprig).href);
  const { makeCapabilities } = await import(pathToFileURL(join(root, 'dist/src/helm/chart/builtins.js')).href);
  if (typeof renderHelm !== 'function' || typeof helmFuncMap !== 'function') return undefined;
  return { renderHelm, funcs: helmFuncMap(), makeCapabilities };
}

/** JSON data as Go sees it: objects become null-prototype maps; numbers stay float64. */
function goData(v) {
  if (Array.isArray(v)) return v.map(goData);
  if (v !== null && typeof v === 'object') {
    const m = Object.create(null);
    for (const [k, e] of Object.entries(v)) m[k] = goData(e);
    return m;
  }
  return v;
}

function releaseOf(c) {
  return c.release ?? { Name: 'release-name', Namespace: 'default', Revision: 1, IsUpgrade: false, IsInstall: true, Service: 'Helm' };
}

function renderOurs(engine, c) {
  const data = goData({ Values: c.values ?? VALUES, Release: releaseOf(c) });
  // Only the KubeVersion is compared: gotpl's default API versions are not Helm's.
  if (c.kubeVersion !== undefined) data.Capabilities = engine.makeCapabilities(c.kubeVersion, []);
  const jobs = Object.entries(c.templates).map(([name, text]) => ({ name, text, data }));
  try {
    const out = engine.renderHelm(jobs, engine.funcs, { strict: false });
    const rendered = {};
    for (const [name, r] of out) if (!/\/_[^/]*$/.test(name)) rendered[name] = r.text;
    return { rendered };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function renderGo(gotpl, cases) {
  const jobs = cases.map((c) => {
    const data = { Values: c.values ?? VALUES, Release: releaseOf(c) };
    if (c.kubeVersion !== undefined) data.Capabilities = { KubeVersion: c.kubeVersion };
    return JSON.stringify({ templates: c.templates, data });
  });
  const r = spawnSync(gotpl, ['-batch'], { input: jobs.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`gotpl -batch failed: ${r.stderr}`);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l));
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 30);
  return { at: i, go: JSON.stringify(a.slice(from, i + 50)), ours: JSON.stringify(b.slice(from, i + 50)) };
}

function compare(go, ours) {
  if (go.error !== undefined || ours.error !== undefined) {
    if (go.error !== undefined && ours.error !== undefined) return go.error === ours.error ? { same: true, bothError: true } : { same: false, kind: 'error-message', go: go.error, ours: ours.error };
    return { same: false, kind: 'error-vs-output', go: go.error ?? go.rendered, ours: ours.error ?? ours.rendered };
  }
  for (const name of new Set([...Object.keys(go.rendered ?? {}), ...Object.keys(ours.rendered ?? {})])) {
    const a = go.rendered?.[name];
    const b = ours.rendered?.[name];
    if (a !== b) {
      if (a === undefined || b === undefined) return { same: false, kind: 'missing-template', template: name, go: a, ours: b };
      return { same: false, kind: 'output', template: name, ...firstDifference(a, b) };
    }
  }
  return { same: true };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  let cases = opts.cases ? JSON.parse(readFileSync(opts.cases, 'utf8')) : TABLE;
  if (opts.serialize) {
    const gen = await import(pathToFileURL(join(root, 'scripts/gen-serialize-goldens.mjs')).href);
    cases = gen.buildCases().map((c) => ({
      name: c.name,
      templates: { 'c/templates/t.yaml': gen.templateFor(c), 'c/templates/_dump.tpl': gen.DUMP },
      values: {},
      ...(gen.HELM_DIFFERS[c.name] ? { knownDump: gen.HELM_DIFFERS[c.name] } : {}),
    }));
  }
  if (opts.filter) cases = cases.filter((c) => opts.filter.test(c.name));

  const build = spawnSync('sh', [join(root, 'scripts/gotpl-build.sh')], { encoding: 'utf8' });
  if (build.status !== 0) skip(`gotpl cannot be built: ${build.stderr.trim().split('\n').pop()}`);
  const gotpl = build.stdout.trim();

  if (opts.goOnly) {
    renderGo(gotpl, cases).forEach((r, i) => console.log(`${cases[i].name}: ${JSON.stringify(r.error ?? r.rendered)}`));
    return;
  }

  const engine = await loadEngine().catch((e) => skip(`engine not loadable from dist/: ${e.message}`));
  if (!engine) skip('engine not built: run `npm run build` (needs dist/src/helm/template/helm-engine.js)');

  const goResults = renderGo(gotpl, cases);
  const results = cases.map((c, i) => {
    const ours = renderOurs(engine, c);
    const r = { name: c.name, ...compare(goResults[i], ours) };
    if (!r.same && c.knownDump) {
      // A serializer case where gotpl is not Helm: ours must dump exactly Helm's value.
      const text = ours.rendered?.['c/templates/t.yaml'];
      let dump;
      try {
        dump = text === undefined ? undefined : JSON.parse(text);
      } catch {
        dump = undefined;
      }
      if (JSON.stringify(dump) === JSON.stringify(c.knownDump.dump)) return { ...r, known: c.knownDump.why };
      return { ...r, knownMismatch: true, expected: c.knownDump.dump };
    }
    if (r.same || !c.known) return r;
    // A known version difference only when ours gives exactly the documented answer.
    const expected = c.known.error !== undefined ? { error: c.known.error } : { rendered: c.known.rendered };
    if (compare(expected, ours).same) return { ...r, known: c.known.why };
    return { ...r, knownMismatch: true, expected };
  });
  const same = results.filter((r) => r.same).length;
  const bothError = results.filter((r) => r.bothError).length;
  const known = results.filter((r) => !r.same && r.known !== undefined);
  const diffs = results.filter((r) => !r.same && r.known === undefined);
  // A documented difference that no longer differs: the note can go.
  const stale = results.filter((r, i) => r.same && (cases[i].known || cases[i].knownDump));
  if (opts.json) {
    console.log(JSON.stringify({ total: results.length, same, known, diffs }, null, 2));
  } else {
    console.log(
      `differential: ${results.length} cases, ${same} identical (${bothError} with the same error), ` +
        `${known.length} known version differences, ${diffs.length} different`,
    );
    for (const k of known) console.log(`  known: ${k.name}: ${k.known}`);
    for (const k of stale) console.log(`  note: ${k.name} carries a known difference but now matches gotpl`);
    const kinds = {};
    for (const d of diffs) kinds[d.kind] = (kinds[d.kind] ?? 0) + 1;
    if (diffs.length) console.log(`  by kind: ${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    for (const d of diffs.slice(0, opts.show)) {
      console.log(`\n- ${d.name} (${d.kind}${d.template ? ` in ${d.template}` : ''}${d.at !== undefined ? ` at offset ${d.at}` : ''})`);
      console.log(`    go:   ${typeof d.go === 'string' ? d.go : JSON.stringify(d.go)}`);
      console.log(`    ours: ${typeof d.ours === 'string' ? d.ours : JSON.stringify(d.ours)}`);
      if (d.knownMismatch) console.log(`    expected by its known note: ${JSON.stringify(d.expected)}`);
    }
  }
  process.exit(diffs.length ? 1 : 0);
}

main();
