/**
 * Case table for the template engine's golden tests.
 *
 * Each case: { name, templates | template, data?, strict?, expect? }.
 * `template` is shorthand for one file "chart/templates/t.yaml".
 * scripts/gen-template-goldens.mjs runs every case without `expect` through
 * the Go reference renderer (gotpl) and writes the result to cases/<group>.json.
 * Cases with `expect` ({output} or {error}) are behaviour of the Go release Helm
 * v3.21 is built with that gotpl's Go 1.19 lacks or words differently
 * (`else with`, `range` over an integer, comparison errors naming the types, ...);
 * their expectations come from Go's documentation and source.
 *
 * Only text/template builtins and Helm's engine functions (include, tpl,
 * required, fail) are used here: Sprig has its own goldens.
 */

const T = 'chart/templates/t.yaml';

const values = {
  int: 8080,
  zero: 0,
  neg: -3,
  half: 0.5,
  million: 1000000,
  big: 1e21,
  small: 0.00001,
  nine: 123456789,
  frac: 12345678.9,
  str: 'hello',
  empty: '',
  uni: 'héllo wörld ✓ 😀',
  t: true,
  f: false,
  nil: null,
  list: [1, 'two', null, true, 2.5],
  emptyList: [],
  map: { b: 2, a: 'x', c: [1, 2], 'é': 1, Z: 0, _u: null },
  emptyMap: {},
  nested: { a: { b: { c: 'deep' } }, list: [{ name: 'n1' }, { name: 'n2' }] },
  chain: [[[[]]]],
  keys: { b: 1, a: 2, B: 3, '10': 4, '9': 5, 'é': 6, 'z': 7, '😀': 8, '\uffff': 9 },
  html: '<a href="x">&\'</a>',
  quote: 'say "hi"\n\ttab\\',
};

const data = { Values: values, Release: { Name: 'rel', Namespace: 'ns', Revision: 1, Service: 'Helm', IsInstall: true, IsUpgrade: false } };

/** One-template case. */
function c(name, template, extra = {}) {
  return { name, template, data, ...extra };
}

const groups = {};

// ---------------------------------------------------------------------------
groups.text = [
  c('plain text', 'hello world\n'),
  c('empty template', ''),
  c('only spaces', '   \n\t\n'),
  c('trim both', 'a  \n {{- "x" -}} \n  b'),
  c('trim left only', 'a  \n {{- "x" }} \n  b'),
  c('trim right only', 'a  \n {{ "x" -}} \n  b'),
  c('trim tabs and CR', 'a\t\r\n{{- 1 -}}\r\n\tb'),
  c('minus without space is a number', '{{-3}}'),
  c('minus number with trims', '{{- -3 -}}'),
  c('comment', 'a{{/* comment */}}b'),
  c('comment trimmed', 'a \n {{- /* comment */ -}} \n b'),
  c('multi-line comment', 'a{{/*\nline1\nline2\n*/}}b\n{{ "after" }}'),
  c('adjacent actions', '{{"a"}}{{"b"}}{{ "c" }}'),
  c('delimiters in strings', '{{ "{{" }}{{ "}}" }}'),
  c('text with braces', 'a { b } {c} }} d'),
  c('newline inside action', '{{ print\n  1\n  2 }}'),
  c('trim only whitespace before', 'x\n\n   {{- "y" }}'),
  c('trim consumes all following whitespace', '{{ "x" -}}\n\n\n   y'),
  c('raw string', '{{ `raw\\n\n"q"` }}'),
  c('raw string with CR', '{{ `a\r\nb` }}'),
  c('string escapes', '{{ "tab\\tnl\\nq\\"bs\\\\u\\u00e9x\\x41o\\101" }}'),
  c('char constant', "{{ 'a' }} {{ '\\n' }} {{ '\\u00e9' }}"),
  c('numbers', '{{ 1 }} {{ -1 }} {{ 1.5 }} {{ 1e3 }} {{ 0x1F }} {{ 0o17 }} {{ 0b101 }} {{ 017 }} {{ 1_000 }} {{ .5 }} {{ 5. }} {{ 0x1p4 }}'),
  c('big integer constants', '{{ 9223372036854775807 }} {{ -9223372036854775808 }}'),
  c('bool and nil literals', '{{ true }} {{ false }}'),
  c('unicode text', 'héllo ✓ 😀 {{ "ünï" }}\n'),
];

// ---------------------------------------------------------------------------
const printKeys = Object.keys(values);
groups.print = [
  ...printKeys.map((k) => c(`print .Values.${k}`, `{{ .Values.${k} }}`)),
  c('print missing', '[{{ .Values.missing }}]'),
  c('print missing in map', '[{{ .Values.map.missing }}]'),
  c('print dot', '{{ .Values.map }}'),
  c('print root values', '{{ .Release }}'),
  c('print nil element in list', '{{ index .Values.list 2 }}'),
  c('print nested', '{{ .Values.nested }}'),
  c('print list of maps', '{{ .Values.nested.list }}'),
  c('literal no value text is removed', 'a<no value>b'),
  c('print parenthesised missing', '[{{ (.Values.missing) }}]'),
  c('print variable of missing', '{{ $x := .Values.missing }}[{{ $x }}]'),
];

// ---------------------------------------------------------------------------
const verbs = ['%v', '%+v', '%#v', '%s', '%q', '%d', '%x', '%X', '%o', '%b', '%e', '%E', '%f', '%g', '%G', '%t', '%c', '%U', '%T', '%5v', '%-5v|', '%05v', '%.2v', '%8.3f', '%-8.3f|', '%+d', '% d', '%#x', '%#o', '%x', '% x', '%#q'];
const fmtArgs = ['.Values.int', '.Values.half', '.Values.million', '.Values.neg', '.Values.str', '.Values.uni', '.Values.t', '.Values.nil', '.Values.list', '.Values.map', '42', '-7', '3.25', '"s"', "'x'", '.Values.quote', '.Values.empty', '.Values.missing'];
groups.printf = [];
for (const v of verbs) {
  groups.printf.push(c(`printf ${v} on many`, fmtArgs.map((a) => `{{ printf "${v}" ${a} }}`).join('|')));
}
groups.printf.push(
  c('printf width and precision', '{{ printf "%5.1f|%-6s|%6s|%.3s|%05d|%x|%X" 3.14159 "ab" "cd" "abcdef" 42 255 255 }}'),
  c('printf star width', '{{ printf "%*d|%-*d|%.*f" 5 42 5 42 2 3.14159 }}'),
  c('printf bad width', '{{ printf "%*d" .Values.int 42 }}'),
  c('printf arg index', '{{ printf "%[2]s %[1]s %s" "a" "b" }}'),
  c('printf bad index', '{{ printf "%[3]s" "a" }}'),
  c('printf missing', '{{ printf "%s %s" "a" }}'),
  c('printf extra', '{{ printf "%s" "a" "b" 3 }}'),
  c('printf no verb', '{{ printf "abc%" }}'),
  c('printf percent', '{{ printf "100%%" }}'),
  c('printf unicode width', '{{ printf "[%6s][%-6s][%.2s]" "héé" "✓✓" "😀😀😀" }}'),
  c('printf float rounding', '{{ printf "%.0f %.0f %.0f %.1f %.2f %.3g" 0.5 1.5 2.5 0.05 1.005 1234.5678 }}'),
  c('printf exp formats', '{{ printf "%e %g %g %g %g" 1000000.0 1e-7 123456789.0 0.0001 100000.0 }}'),
  c('printf hex of string', '{{ printf "%x %X % x %#x" "héllo" "ab" "ab" "ab" }}'),
  c('printf q of unicode and control', '{{ printf "%q %+q %#q" "é\\x01\\t😀" "é😀" "back`tick" }}'),
  c('printf list verbs', '{{ printf "%d %s %q %v" .Values.list .Values.list .Values.list .Values.emptyList }}'),
  c('printf map verbs', '{{ printf "%d|%s|%v|%q" .Values.map .Values.map .Values.emptyMap .Values.keys }}'),
  c('printf bool verbs', '{{ printf "%t %v %s %d" true false true false }}'),
  c('printf format from value', '{{ printf .Values.str }}'),
  c('printf non-string format', '{{ printf .Values.int }}'),
  c('printf constant format', '{{ printf 3 }}'),
  c('printf zero args', '{{ printf "plain" }}'),
  c('printf large floats', '{{ printf "%v %v %v %f" 1e20 1e21 123456789012.0 1e21 }}'),
  c('printf negative zero', '{{ printf "%v %f %e" -0.0 -0.0 -0.0 }}'),
  c('printf padding with zeros and sign', '{{ printf "%+08.2f|%08.2f|%-08.2f|% 8d|%+8d" -3.5 3.5 3.5 42 42 }}'),
  c('printf c and U', '{{ printf "%c%c%c %U %#U" 72 105 128512 233 233 }}'),
  c('printf char constants', "{{ printf \"%c %d %q %v\" 'A' 'A' 'é' '\\t' }}"),
);

// ---------------------------------------------------------------------------
groups.printfns = [
  c('print spacing', `{{ print 1 2 }}|{{ print "a" "b" }}|{{ print 1 "a" 2 }}|{{ print "a" 1 2 "b" }}|{{ print .Values.t .Values.f }}|{{ print }}`),
  c('print nil', '{{ print nil }}|{{ print .Values.nil }}|{{ print .Values.missing }}|{{ print .Values.nil .Values.nil }}'),
  c('print lists and maps', '{{ print .Values.list .Values.map }}'),
  c('println', '{{ println 1 2 "a" }}|{{ println }}|{{ println "x" }}'),
  c('print floats', '{{ print .Values.million .Values.half .Values.big .Values.small .Values.nine .Values.frac }}'),
  c('html escaper', '{{ html .Values.html }}|{{ html "a" "b" 1 }}|{{ html .Values.missing }}|{{ html 1 2 }}|{{ html "\\x00" }}'),
  c('js escaper', '{{ js .Values.html }}|{{ js .Values.quote }}|{{ js "é😀=\\u0001\\u2028" }}|{{ js 1 "a" }}'),
  c('urlquery escaper', '{{ urlquery "a b&c=d/é?" }}|{{ urlquery 1 2 }}|{{ urlquery .Values.missing }}|{{ urlquery "~-._" }}'),
  c('escapers in pipelines', '{{ .Values.html | html }}|{{ "a b" | urlquery }}|{{ "x\'y" | js }}'),
];

// ---------------------------------------------------------------------------
groups.pipelines = [
  c('pipeline final arg', '{{ "a" | printf "%s-%s" "b" }}'),
  c('pipeline chain', '{{ 1 | print 2 | print 3 }}'),
  c('paren args', '{{ print (print 1 2) (len "abc") }}'),
  c('nested parens', '{{ ((print "x")) }}'),
  c('paren field access', '{{ (.Values.nested).a.b.c }}'),
  c('paren with pipe', '{{ (.Values.str | printf "%s!") }}'),
  c('variables', '{{ $x := 1 }}{{ $y := "s" }}{{ $x }}{{ $y }}{{ $ := 2 }}'),
  c('dollar is root', '{{ with .Values.nested }}{{ $.Values.str }}{{ end }}'),
  c('variable assignment', '{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}'),
  c('variable scope in if', '{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}'),
  c('variable scope in range', '{{ $x := 0 }}{{ range .Values.list }}{{ $x = . }}{{ end }}{{ $x }}'),
  c('variable scope in with', '{{ with $x := .Values.str }}{{ $x }}{{ end }}'),
  c('variable field chain', '{{ $n := .Values.nested }}{{ $n.a.b.c }}'),
  c('declaration prints nothing', 'a{{ $x := "hidden" }}b'),
  c('assignment prints nothing', 'a{{ $x := 1 }}{{ $x = 5 }}b'),
  c('pipeline into variable', '{{ $x := .Values.str | printf "%s?" }}{{ $x }}'),
  c('dot in pipeline', '{{ with .Values.str }}{{ . | printf "<%s>" }}{{ end }}'),
  c('chain on function result', '{{ (index .Values.nested.list 1).name }}'),
  c('undefined variable', '{{ $nope }}'),
  c('assign undefined variable', '{{ $nope = 1 }}'),
  c('too many declarations', '{{ $a, $b := 1 }}'),
  c('non executable command', '{{ 1 | 2 }}'),
  c('nil command', '{{ nil }}'),
  c('argument to non-function', '{{ .Values.str 1 }}'),
  c('argument to non-function variable', '{{ $x := 1 }}{{ $x 2 }}'),
  c('pipe into non-function', '{{ 1 | .Values.str }}'),
  c('pipe into map key', '{{ "x" | .Values.map.a }}'),
  c('dot after literal', '{{ "x".y }}'),
  c('nil in pipeline', '{{ print nil }}'),
  c('nil as arg to printf format', '{{ printf nil }}'),
  c('paren pipeline as function', '{{ (print 1) 2 }}'),
];

// ---------------------------------------------------------------------------
groups.fields = [
  c('map chain', '{{ .Values.nested.a.b.c }}'),
  c('missing key', '[{{ .Values.nested.x }}]'),
  c('missing deep', '{{ .Values.nested.x.y }}'),
  c('nil value field', '{{ .Values.nil.x }}'),
  c('field of string', '{{ .Values.str.x }}'),
  c('field of number', '{{ .Values.int.x }}'),
  c('field of list', '{{ .Values.list.x }}'),
  c('field of string variable', '{{ $s := .Values.str }}{{ $s.x }}'),
  c('field of number variable', '{{ $n := 1 }}{{ $n.x }}'),
  c('field of missing variable', '{{ $m := .Values.missing }}[{{ $m.x }}]'),
  c('field of nil variable', '{{ $m := .Values.nil }}[{{ $m.x }}]'),
  c('field on range element string', '{{ range .Values.list }}{{ .x }}{{ end }}'),
  c('field on range element nil', '{{ range .Values.nested.list }}{{ .name }}{{ end }}{{ range .Values.list }}{{ if not . }}{{ .x }}{{ end }}{{ end }}'),
  c('field on with value', '{{ with .Values.str }}{{ .x }}{{ end }}'),
  c('field on range variable', '{{ range $e := .Values.list }}{{ $e.x }}{{ end }}'),
  c('field on range key', '{{ range $k, $v := .Values.map }}{{ $k.x }}{{ end }}'),
  c('field with args on map', '{{ .Values.map.a 1 }}'),
  c('field of dot in template', '{{ define "x" }}[{{ .a }}]{{ end }}{{ template "x" }}'),
  c('unicode key', '{{ .Values.map.é }}'),
  c('field error position with unicode before', 'héllo ✓ {{ .Values.str.x }}'),
  c('field error on later line', 'a\nbé\n  {{ .Values.nil.x }}'),
  c('numeric-looking key via index', '{{ index .Values.keys "10" }}'),
  c('top-level missing field', '[{{ .Nope }}]'),
  c('top-level missing chain', '{{ .Nope.x }}'),
  c('Template name and base path', '{{ .Template.Name }} {{ .Template.BasePath }}'),
  c('Release fields', '{{ .Release.Name }} {{ .Release.Namespace }} {{ .Release.Revision }} {{ .Release.IsInstall }}'),
  c('Revision is an int', '{{ printf "%T %d" .Release.Revision .Release.Revision }}'),
];

// ---------------------------------------------------------------------------
const truthValues = ['.Values.int', '.Values.zero', '.Values.half', '.Values.str', '.Values.empty', '.Values.t', '.Values.f', '.Values.nil', '.Values.missing', '.Values.list', '.Values.emptyList', '.Values.map', '.Values.emptyMap', '0', '1', '0.0', '""', '"0"', 'true', 'false', '.Release', '(print "")'];
groups.control = [
  c('truthiness', truthValues.map((v) => `{{ if ${v} }}T{{ else }}F{{ end }}`).join('')),
  c('with truthiness', truthValues.map((v) => `{{ with ${v} }}T{{ else }}F{{ end }}`).join('')),
  c('else if chain', '{{ if .Values.f }}a{{ else if .Values.zero }}b{{ else if .Values.str }}c{{ else }}d{{ end }}'),
  c('else if fallthrough', '{{ if .Values.f }}a{{ else if .Values.zero }}b{{ else }}d{{ end }}'),
  c('nested if', '{{ if .Values.t }}{{ if .Values.f }}x{{ else }}y{{ end }}{{ end }}'),
  c('with sets dot', '{{ with .Values.nested.a }}{{ .b.c }}{{ end }}'),
  c('with else', '{{ with .Values.missing }}x{{ else }}none:{{ . | len }}{{ end }}'),
  c('with declares variable', '{{ with $v := .Values.str }}{{ $v }}{{ . }}{{ end }}'),
  c('if with variable', '{{ if $v := .Values.str }}{{ $v }}{{ end }}'),
  c('if pipeline', '{{ if .Values.str | len }}yes{{ end }}'),
  c('if and or', '{{ if and .Values.t .Values.str }}1{{ end }}{{ if or .Values.f .Values.zero }}2{{ else }}3{{ end }}'),
  c('if not', '{{ if not .Values.list }}a{{ else }}b{{ end }}'),
  c('if error in pipeline', '{{ if .Values.nil.x }}a{{ end }}'),
  c('trimmed if blocks', 'a:\n{{- if .Values.t }}\n  b: 1\n{{- end }}\nc: 2\n'),
  c('trimmed else blocks', 'x:\n  {{- if .Values.f }}\n  y\n  {{- else }}\n  z\n  {{- end }}\n'),
];

// ---------------------------------------------------------------------------
groups.range = [
  c('range list', '{{ range .Values.list }}[{{ . }}]{{ end }}'),
  c('range list index', '{{ range $i, $e := .Values.list }}{{ $i }}={{ $e }};{{ end }}'),
  c('range list one var', '{{ range $e := .Values.list }}{{ $e }};{{ end }}'),
  c('range map sorted', '{{ range $k, $v := .Values.keys }}{{ $k }}={{ $v }};{{ end }}'),
  c('range map one var', '{{ range $v := .Values.map }}{{ $v }};{{ end }}'),
  c('range map dot', '{{ range .Values.map }}<{{ . }}>{{ end }}'),
  c('range empty list else', '{{ range .Values.emptyList }}x{{ else }}empty{{ end }}'),
  c('range empty map else', '{{ range .Values.emptyMap }}x{{ else }}empty{{ end }}'),
  c('range missing else', '{{ range .Values.missing }}x{{ else }}none{{ end }}'),
  c('range nil', '[{{ range .Values.nil }}x{{ end }}]'),
  c('range string', '{{ range .Values.str }}x{{ end }}'),
  c('range float', '{{ range .Values.int }}x{{ end }}'),
  c('range bool', '{{ range .Values.t }}x{{ end }}'),
  c('range break', '{{ range $i, $e := .Values.list }}{{ if eq $i 2 }}{{ break }}{{ end }}{{ $e }};{{ end }}'),
  c('range continue', '{{ range $i, $e := .Values.list }}{{ if eq $i 1 }}{{ continue }}{{ end }}{{ $e }};{{ end }}'),
  c('break in nested range', '{{ range $a := .Values.nested.list }}{{ range $.Values.list }}{{ break }}{{ end }}{{ $a.name }}{{ end }}'),
  c('continue inside with', '{{ range .Values.list }}{{ with . }}{{ continue }}{{ end }}-{{ end }}'),
  c('break outside range', '{{ break }}'),
  c('continue outside range', '{{ if true }}{{ continue }}{{ end }}'),
  c('break in define', '{{ define "x" }}{{ break }}{{ end }}'),
  c('range dollar', '{{ range .Values.list }}{{ $.Values.str }}{{ end }}'),
  c('nested range', '{{ range $i, $m := .Values.nested.list }}{{ range $k, $v := $m }}{{ $i }}{{ $k }}{{ $v }}{{ end }}{{ end }}'),
  c('range variable scope', '{{ range $x := .Values.list }}{{ end }}{{ $x }}'),
  c('range over list of maps', '{{ range .Values.nested.list }}- {{ .name }}\n{{ end }}'),
  c('range trimmed yaml', 'items:\n{{- range .Values.nested.list }}\n  - name: {{ .name }}\n{{- end }}\n'),
  c('range assign existing vars', '{{ $i := 0 }}{{ $e := 0 }}{{ range $i, $e = .Values.list }}{{ end }}{{ $i }} {{ $e }}'),
  c('range too many vars', '{{ range $a, $b, $c := .Values.list }}{{ end }}'),
  c('range non-variable decl', '{{ range $a, 1 := .Values.list }}{{ end }}'),
];

// ---------------------------------------------------------------------------
groups.define = [
  c('define and template', '{{ define "a" }}A{{ . }}{{ end }}{{ template "a" "x" }}{{ template "a" }}'),
  c('template without pipeline gets nil dot', '{{ define "a" }}[{{ . }}]{{ end }}{{ template "a" }}'),
  c('template dollar', '{{ define "a" }}{{ $ }}{{ end }}{{ template "a" "root" }}'),
  c('template variables do not leak', '{{ define "a" }}{{ $x }}{{ end }}{{ $x := 1 }}{{ template "a" }}'),
  c('block default', '{{ block "b" .Values.str }}<{{ . }}>{{ end }}'),
  c('define inside text keeps text', 'x{{ define "a" }}A{{ end }}y'),
  c('undefined template', '{{ template "nope" }}'),
  c('multiple definitions in one file', '{{ define "a" }}1{{ end }}{{ define "a" }}2{{ end }}'),
  c('empty redefinition is allowed', '{{ define "a" }}1{{ end }}{{ define "a" }}  {{ end }}{{ template "a" }}'),
  c('recursive template', '{{ define "r" }}{{ if . }}{{ len . }}{{ template "r" (index . 0) }}{{ end }}{{ end }}{{ template "r" .Values.chain }}'),
  c('define with trim', '{{- define "a" -}}\n  A\n{{- end -}}\n[{{ template "a" }}]'),
  c('error inside define names define', '{{ define "d" }}\n{{ .x.y }}{{ end }}{{ template "d" .Values }}'),
  c('define name raw string', '{{ define `raw` }}R{{ end }}{{ template `raw` }}'),
  c('define bad name', '{{ define a }}{{ end }}'),
  c('template bad name', '{{ template a }}'),
  c('define unclosed', '{{ define "a" }}x'),
  c('define with else', '{{ define "a" }}x{{ else }}y{{ end }}'),
  c('nested define', '{{ define "a" }}{{ define "b" }}{{ end }}{{ end }}'),
];

// ---------------------------------------------------------------------------
const cmpArgs = ['1', '2', '1.0', '"a"', '"b"', 'true', '.Values.int', '.Values.half', '.Values.str', '.Values.nil', '.Values.missing', '.Values.list', '.Values.map', 'nil'];
groups.compare = [];
for (const op of ['eq', 'ne', 'lt', 'le', 'gt', 'ge']) {
  for (const a of cmpArgs) {
    for (const b of cmpArgs) {
      const name = `${op} ${a} ${b}`;
      groups.compare.push(c(name, `{{ ${op} ${a} ${b} }}`));
    }
  }
}
groups.compare.push(
  c('eq several', '{{ eq 1 2 3 1 }} {{ eq "a" "b" "c" }} {{ eq .Values.str "x" "hello" }}'),
  c('eq one arg', '{{ eq 1 }}'),
  c('eq no args', '{{ eq }}'),
  c('lt strings unicode', '{{ lt "é" "z" }} {{ lt "\\uffff" "😀" }} {{ lt "B" "a" }}'),
  c('compare value float with float literal', '{{ eq .Values.int 8080.0 }} {{ lt .Values.half 1.0 }}'),
  c('compare len with int', '{{ eq (len .Values.list) 5 }} {{ gt (len .Values.str) 3 }}'),
);

// ---------------------------------------------------------------------------
groups.builtins = [
  c('len', '{{ len .Values.str }} {{ len .Values.uni }} {{ len .Values.list }} {{ len .Values.map }} {{ len .Values.emptyList }} {{ len "" }}'),
  c('len errors', '{{ len .Values.int }}'),
  c('len nil', '{{ len .Values.nil }}'),
  c('len missing', '{{ len .Values.missing }}'),
  c('len bool', '{{ len true }}'),
  c('index list', '{{ index .Values.list 0 }} {{ index .Values.list 4 }} {{ index .Values.nested.list 1 "name" }}'),
  c('index map', '{{ index .Values.map "a" }} [{{ index .Values.map "zz" }}] {{ index .Values.keys "é" }}'),
  c('index nested', '{{ index .Values.nested "a" "b" "c" }}'),
  c('index string', '{{ index "abc" 1 }} {{ index .Values.uni 1 }}'),
  c('index no indexes', '{{ index .Values.list }}'),
  c('index out of range', '{{ index .Values.list 5 }}'),
  c('index far out of range', '{{ index .Values.list 9 }}'),
  c('index negative', '{{ index .Values.list -1 }}'),
  c('index with float', '{{ index .Values.list 1.0 }}'),
  c('index with float value', '{{ index .Values.list .Values.half }}'),
  c('index map with int', '{{ index .Values.map 1 }}'),
  c('index map with nil', '{{ index .Values.map nil }}'),
  c('index of nil', '{{ index .Values.nil 0 }}'),
  c('index of missing', '{{ index .Values.missing 0 }}'),
  c('index through nil element', '{{ index .Values.list 2 0 }}'),
  c('index of number', '{{ index .Values.int 0 }}'),
  c('not', '{{ not 0 }} {{ not 1 }} {{ not "" }} {{ not .Values.list }} {{ not .Values.missing }} {{ not .Values.nil }}'),
  c('not arity', '{{ not 1 2 }}'),
  c('and or values', '{{ and 1 2 3 }}|{{ and 1 0 3 }}|{{ or 0 "" 5 }}|{{ or 0 "" }}|{{ and .Values.str .Values.list }}|{{ or .Values.missing .Values.str }}'),
  c('and or pipeline final', '{{ 0 | and 1 }}|{{ 5 | or 0 }}|{{ 0 | or "" }}'),
  c('and short-circuits', '{{ and false (fail "not evaluated") }}|{{ or true (fail "not evaluated") }}'),
  c('and evaluates until false', '{{ and true (fail "evaluated") }}'),
  c('and no args', '{{ and }}'),
  c('and returns missing', '[{{ and 1 .Values.missing }}]'),
  c('call non-function', '{{ call .Values.str }}'),
  c('call nil', '{{ call .Values.missing }}'),
  c('wrong arg count for builtin', '{{ len }}'),
  c('wrong arg count for lt', '{{ lt 1 }}'),
  c('printf wrong type format', '{{ printf .Values.list }}'),
  c('function not defined', '{{ nosuchfunc 1 }}'),
  c('function used as field', '{{ .Values.str | len | print }}'),
];

// ---------------------------------------------------------------------------
groups.parseErrors = [
  c('unclosed action', '{{ .Values.str '),
  c('unclosed action multiline', 'a\n{{ .Values.str\n\nb'),
  c('unclosed comment', '{{/* abc'),
  c('comment without delimiter', '{{/* abc */ }}'),
  c('unexpected end', '{{ end }}'),
  c('unexpected else', '{{ else }}'),
  c('missing end', '{{ if true }}x'),
  c('missing end of range', 'a\n{{ range .Values.list }}\nx'),
  c('missing value for if', '{{ if }}x{{ end }}'),
  c('missing value for command', '{{ }}'),
  c('unexpected token in operand', '{{ .Values.str ) }}'),
  c('unclosed paren', '{{ (print 1 }}'),
  c('bad character', '{{ .Values.str# }}'),
  c('bad number', '{{ 3k }}'),
  c('bad number 2', '{{ 0x }}'),
  c('integer overflow', '{{ 99999999999999999999 }}'),
  c('unterminated string', '{{ "abc }}'),
  c('unterminated raw string', '{{ `abc }}'),
  c('unterminated char', "{{ 'a }}"),
  c('malformed char', "{{ 'ab' }}"),
  c('bad escape', '{{ "\\q" }}'),
  c('colon without equals', '{{ $x : 1 }}'),
  c('unrecognized character', '{{ print 1 ; 2 }}'),
  c('unrecognized unicode character', '{{ print “x” }}'),
  c('expected end found else', '{{ range .Values.list }}{{ else }}{{ else }}{{ end }}'),
  c('else if in range', '{{ range .Values.list }}{{ else if true }}{{ end }}'),
  c('undefined function parse error', 'line1\n{{ nope }}'),
  c('undefined variable parse error', '{{ $x }}'),
  c('variable used before declared', '{{ $x }}{{ $x := 1 }}'),
  c('empty pipeline in paren', '{{ () }}'),
  c('stray paren', '{{ print 1) }}'),
  c('assign to literal', '{{ 1 := 2 }}'),
  c('pipe at start', '{{ | print }}'),
  c('double pipe', '{{ print 1 | | print }}'),
  c('error on later line', 'a\nb\nc {{ if }}'),
  c('action across lines unclosed', 'x\n{{ print\n 1\n'),
  c('comment ends before delimiter', '{{/* c */ x }}'),
  c('else without if', 'a{{ else }}b'),
  c('end without start', 'a\n\n{{ end }}'),
  c('template missing name', '{{ template }}'),
  c('block missing pipeline', '{{ block "x" }}{{ end }}'),
  c('with missing end', '{{ with .Values.str }}'),
  c('field on nil literal', '{{ nil.x }}'),
  c('dot after dot', '{{ ..x }}'),
  c('number followed by field', '{{ 1.x }}'),
  c('too many decls with', '{{ with $a, $b := 1 }}{{ end }}'),
];

// ---------------------------------------------------------------------------
const C = 'mychart';
groups.helm = [
  {
    name: 'partials are not rendered and defines are shared',
    templates: {
      [`${C}/templates/_helpers.tpl`]: '{{ define "mychart.name" }}name-{{ .Values.str }}{{ end }}',
      [`${C}/templates/a.yaml`]: 'a: {{ include "mychart.name" . }}',
      [`${C}/templates/b.yaml`]: 'b: {{ template "mychart.name" . }}',
    },
    data,
  },
  {
    name: 'NOTES.txt is rendered',
    templates: { [`${C}/templates/NOTES.txt`]: 'Thanks {{ .Release.Name }}', [`${C}/templates/a.yaml`]: 'x' },
    data,
  },
  {
    name: 'parse order: later definition wins by Helm order',
    templates: {
      [`${C}/templates/_a.tpl`]: '{{ define "x" }}from-a{{ end }}',
      [`${C}/templates/_b.tpl`]: '{{ define "x" }}from-b{{ end }}',
      [`${C}/templates/use.yaml`]: '{{ template "x" }}',
    },
    data,
  },
  {
    name: 'parse order: parent overrides subchart definition',
    templates: {
      [`${C}/templates/_h.tpl`]: '{{ define "common" }}parent{{ end }}',
      [`${C}/charts/sub/templates/_h.tpl`]: '{{ define "common" }}sub{{ end }}',
      [`${C}/charts/sub/templates/s.yaml`]: '{{ template "common" }} {{ .Template.Name }} {{ .Template.BasePath }}',
      [`${C}/templates/p.yaml`]: '{{ template "common" }}',
    },
    data,
  },
  {
    name: 'parse order: empty redefinition does not replace',
    templates: {
      [`${C}/templates/_a.tpl`]: '{{ define "x" }}real{{ end }}',
      [`${C}/templates/_z.tpl`]: '{{ define "x" }} {{ end }}',
      [`${C}/templates/use.yaml`]: '[{{ template "x" }}]',
    },
    data,
  },
  {
    name: 'include with nindent-free composition',
    templates: {
      [`${C}/templates/_h.tpl`]: '{{- define "labels" -}}\napp: {{ .Values.str }}\nrel: {{ .Release.Name }}\n{{- end -}}',
      [`${C}/templates/cm.yaml`]: 'metadata:\n  labels:\n{{ include "labels" . }}\n',
    },
    data,
  },
  c('include passes data', '{{ define "d" }}<{{ .a }}>{{ end }}{{ include "d" .Values.map }}'),
  c('include result is a string', '{{ define "d" }}12{{ end }}{{ printf "%T %q" (include "d" .) (include "d" .) }}'),
  c('include missing template', '{{ include "nope" . }}'),
  c('include wrong arg count', '{{ include "x" }}'),
  c('include non-string name', '{{ include 1 . }}'),
  c('include error inside', '{{ define "bad" }}\n  {{ .x.y }}{{ end }}{{ include "bad" .Values }}'),
  c('include nested', '{{ define "a" }}a{{ include "b" . }}{{ end }}{{ define "b" }}b{{ .Values.str }}{{ end }}{{ include "a" . }}'),
  c('include recursion limit', '{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" . }}'),
  c('include bounded recursion', '{{ define "r" }}{{ if . }}{{ len . }},{{ include "r" (index . 0) }}{{ end }}{{ end }}{{ include "r" .Values.chain }}'),
  c('tpl renders string', '{{ tpl "{{ .Values.str }}-{{ .Release.Name }}" . }}'),
  c('tpl with values string', '{{ $t := "x={{ .Values.int }}" }}{{ tpl $t . }}'),
  c('tpl removes no value', '{{ tpl "[{{ .Values.missing }}]" . }}'),
  c('tpl sees defines', '{{ define "d" }}D{{ end }}{{ tpl "{{ include \\"d\\" . }}{{ template \\"d\\" }}" . }}'),
  c('tpl can define', '{{ tpl "{{ define \\"t1\\" }}T1{{ end }}{{ include \\"t1\\" . }}" . }}'),
  c('tpl template name in errors', '{{ tpl "{{ .Values.nil.x }}" . }}'),
  c('tpl parse error', '{{ tpl "{{ if }}" . }}'),
  c('tpl nested tpl', '{{ tpl "{{ tpl \\"{{ .Values.str }}\\" . }}" . }}'),
  c('tpl with non-map data', '{{ tpl "{{ . }}" "s" }}'),
  c('tpl non-string', '{{ tpl .Values.int . }}'),
  c('required present', '{{ required "need str" .Values.str }}'),
  c('required missing', 'a: 1\nb: {{ required "need missing value!" .Values.missing }}'),
  c('required empty string', '{{ required "empty!" .Values.empty }}'),
  c('required nil', '{{ required "nil!" .Values.nil }}'),
  c('required zero ok', '{{ required "zero" .Values.zero }} {{ required "f" .Values.f }} {{ required "l" .Values.emptyList }}'),
  c('required in pipeline', '{{ .Values.str | required "x" }}'),
  c('required multi-line message', '{{ required "line1\nline2: x" .Values.missing }}'),
  c('required non-string message', '{{ required 1 .Values.str }}'),
  c('fail', '{{ fail "custom failure" }}'),
  c('fail with colons', 'x\n  {{- fail "a: b: c" }}'),
  c('fail inside include', '{{ define "f" }}{{ fail "deep fail" }}{{ end }}{{ include "f" . }}'),
  c('fail inside tpl', '{{ tpl "{{ fail \\"tpl fail\\" }}" . }}'),
  c('required inside define', '{{ define "r" }}\n{{ required "in define" .missing }}{{ end }}{{ template "r" .Values }}'),
  c('lookup is empty', '{{ lookup "v1" "Secret" "ns" "name" }}|{{ len (lookup "v1" "Secret" "ns" "x") }}'),
  c('getHostByName is empty', '[{{ getHostByName "example.com" }}]'),
  c('no value removal in output', 'a={{ .Values.missing }};b={{ .Values.nil }};c={{ .Values.map.missing }}'),
  c('print of missing inside map', '{{ .Values.map }}'),
  {
    name: 'strict mode missing key',
    template: '{{ .Values.missing }}',
    data,
    strict: true,
  },
  { name: 'strict mode present keys', template: '{{ .Values.str }} {{ .Values.nested.a.b.c }}', data, strict: true },
  { name: 'strict mode nil data', template: '{{ define "x" }}{{ .a }}{{ end }}{{ template "x" }}', data, strict: true },
  { name: 'strict mode tpl', template: '{{ tpl "{{ .Values.missing }}" . }}', data, strict: true },
  { name: 'strict mode index missing', template: '[{{ index .Values.map "zz" }}]', data, strict: true },
  {
    name: 'error in second file stops',
    templates: { [`${C}/templates/a.yaml`]: 'ok', [`${C}/templates/b.yaml`]: '{{ .Values.nil.x }}' },
    data,
  },
  {
    name: 'parse error location',
    templates: { [`${C}/templates/a.yaml`]: 'ok', [`${C}/templates/b.yaml`]: 'line1\nline2 {{ if }}' },
    data,
  },
  {
    name: 'parse error in helper',
    templates: { [`${C}/templates/_helpers.tpl`]: '{{ define "x" }}\n{{ .a', [`${C}/templates/b.yaml`]: 'b' },
    data,
  },
  {
    name: 'subchart values scope',
    templates: {
      [`${C}/charts/sub/templates/s.yaml`]: '{{ .Values.only }}',
      [`${C}/templates/p.yaml`]: '{{ .Values.str }}',
    },
    data,
  },
];

// ---------------------------------------------------------------------------
// Functions with Go signatures (test stand-ins for upper, repeat, trunc, indent, nindent).
groups.signatures = [
  c('string param ok', '{{ upper "abc" }}|{{ "abc" | upper }}|{{ upper (printf "%s" .Values.str) }}'),
  c('string param number constant', '{{ upper 1 }}'),
  c('string param bool constant', '{{ upper true }}'),
  c('string param float value', '{{ upper .Values.int }}'),
  c('string param list value', '{{ upper .Values.list }}'),
  c('string param map dot', '{{ upper . }}'),
  c('string param missing key', '{{ upper .Values.missing }}'),
  c('string param nil value', '{{ upper .Values.nil }}'),
  c('string param invalid value', '{{ upper (.Values.missing) }}'),
  c('string param nil constant', '{{ upper nil }}'),
  c('string param from variable', '{{ $x := .Values.int }}{{ upper $x }}'),
  c('string param from missing variable', '{{ $x := .Values.missing }}{{ upper $x }}'),
  c('final arg wrong type', '{{ .Values.int | upper }}'),
  c('final arg missing', '{{ .Values.missing | upper }}'),
  c('too few args', '{{ upper }}'),
  c('too many args', '{{ upper "a" "b" }}'),
  c('too many args with final', '{{ "a" | upper "b" }}'),
  c('int param', '{{ repeat 3 "ab" }}|{{ "ab" | repeat 2 }}|{{ repeat (len "abc") "x" }}|{{ repeat 2e0 "y" }}|{{ repeat 0x2 "z" }}|{{ repeat \'\\x02\' "w" }}'),
  c('int param float constant', '{{ repeat 2.5 "x" }}'),
  c('int param string constant', '{{ repeat "3" "x" }}'),
  c('int param float value', '{{ repeat .Values.int "x" }}'),
  c('int param missing', '{{ repeat .Values.missing "x" }}'),
  c('int param pipeline result', '{{ repeat (.Values.int) "x" }}'),
  c('final int into string param', '{{ 3 | repeat "x" }}'),
  c('trunc', '{{ trunc 2 .Values.str }}|{{ trunc -2 .Values.str }}|{{ .Values.str | trunc 3 }}|{{ trunc 99 .Values.str }}'),
  c('indent and nindent', 'x:{{ indent 2 "a\\nb" }}\ny:{{ nindent 4 "c\\nd" }}'),
  c('error calling position with args', 'a\n  {{ repeat 2 .Values.list }}'),
];

// ---------------------------------------------------------------------------
// Typed objects (gotpl's Chart, Capabilities and Files): fields, methods with
// arguments, named slice and map types, Stringers.
const objData = {
  ...data,
  Chart: { name: 'mychart', version: '1.2.3', appVersion: '4.5', description: 'd', keywords: ['a', 'b'] },
  Capabilities: { KubeVersion: '1.30.2', APIVersions: ['v1', 'apps/v1', 'networking.k8s.io/v1'] },
  Files: { 'a.txt': 'line1\nline2\n', 'conf/x.yaml': 'k: v\n', 'conf/y.yaml': 'k: w\n', 'empty.txt': '' },
};
const o = (name, template, extra = {}) => ({ name, template, data: objData, ...extra });
groups.objects = [
  o('chart fields', '{{ .Chart.Name }} {{ .Chart.Version }} {{ .Chart.AppVersion }} {{ .Chart.IsRoot }} {{ .Chart.Description }} {{ .Chart.Keywords }} [{{ .Chart.Home }}]'),
  o('chart unknown field', '{{ .Chart.Nope }}'),
  o('chart field of string', '{{ .Chart.Name.x }}'),
  o('chart field with args', '{{ .Chart.Name "x" }}'),
  o('chart field piped into', '{{ "x" | .Chart.Name }}'),
  o('kube version prints with String', '{{ .Capabilities.KubeVersion }}|{{ .Capabilities.KubeVersion.Version }}|{{ .Capabilities.KubeVersion.Major }}.{{ .Capabilities.KubeVersion.Minor }}|{{ .Capabilities.KubeVersion.GitVersion }}|{{ .Capabilities.KubeVersion.String }}'),
  o('kube version in printf', '{{ printf "%v|%s" .Capabilities.KubeVersion .Capabilities.KubeVersion.Version }}'),
  o('kube version unknown field', '{{ .Capabilities.KubeVersion.Foo }}'),
  o('capabilities unknown field', '{{ .Capabilities.Foo }}'),
  o('api versions Has', '{{ .Capabilities.APIVersions.Has "apps/v1" }} {{ .Capabilities.APIVersions.Has "batch/v1" }}'),
  o('api versions Has in if', '{{ if .Capabilities.APIVersions.Has "networking.k8s.io/v1" }}new{{ else }}old{{ end }}'),
  o('api versions Has piped', '{{ "v1" | .Capabilities.APIVersions.Has }}'),
  o('method without args', '{{ .Capabilities.APIVersions.Has }}'),
  o('method too many args', '{{ .Capabilities.APIVersions.Has "a" "b" }}'),
  o('method wrong arg constant', '{{ .Capabilities.APIVersions.Has 1 }}'),
  o('method wrong arg value', '{{ .Capabilities.APIVersions.Has .Values.int }}'),
  o('named slice type', '{{ .Capabilities.APIVersions }}|{{ len .Capabilities.APIVersions }}|{{ index .Capabilities.APIVersions 1 }}|{{ range .Capabilities.APIVersions }}{{ . }},{{ end }}'),
  o('named slice unknown field', '{{ .Capabilities.APIVersions.Foo }}'),
  o('printf type names', '{{ printf "%T %T %T %T" .Chart .Capabilities .Files .Capabilities.APIVersions }}'),
  o('files get', '{{ .Files.Get "a.txt" }}|{{ .Files.Get "nope" }}|{{ .Files.GetBytes "conf/x.yaml" }}|{{ .Files.Lines "a.txt" }}|{{ len (.Files.Lines "empty.txt") }}'),
  o('files range and len', '{{ len .Files }}|{{ range $k, $v := .Files }}{{ $k }}={{ len $v }};{{ end }}'),
  o('files index', '{{ index .Files "a.txt" }}'),
  o('files glob', '{{ range $p, $_ := .Files.Glob "conf/*" }}{{ $p }} {{ end }}|{{ (.Files.Glob "conf/*").Get "conf/y.yaml" }}'),
  o('files print', '{{ .Files.Glob "conf/*" }}'),
  o('files method missing args', '{{ .Files.Get }}'),
  o('files method on missing key is nil-safe', '{{ with .Files.Get "nope" }}x{{ else }}empty{{ end }}'),
  o('method result chain', '{{ (.Files.Glob "conf/*").Get "conf/x.yaml" | printf "%q" }}'),
  o('range over chart field list', '{{ range .Chart.Keywords }}{{ . }};{{ end }}'),
  o('eq with object field', '{{ eq .Chart.Name "mychart" }} {{ eq .Capabilities.KubeVersion.Major "1" }}'),
  o('objects are truthy', '{{ if .Chart }}c{{ end }}{{ if .Capabilities }}p{{ end }}{{ if .Files }}f{{ end }}'),
];

// ---------------------------------------------------------------------------
// Behaviour of newer Go (Helm v3.21 is built with Go 1.26) that gotpl's Go 1.19 lacks.
const modernExec = (msg, at, ctx) => ({ error: `template: ${T}:${at}: executing "${T}" at <${ctx}>: ${msg}` });
groups.modern = [
  c('range over int', '{{ range 3 }}{{ . }}{{ end }}|{{ range $i := 2 }}{{ $i }}{{ end }}', { expect: { output: '012|01' } }),
  c('range over zero int else', '{{ range 0 }}x{{ else }}none{{ end }}', { expect: { output: 'none' } }),
  c('range over int two vars', '{{ range $i, $e := 3 }}{{ end }}', {
    expect: modernExec("can't use 3 to iterate over more than one variable", '1:19', '3'),
  }),
  c('range over len', '{{ range len .Values.list }}{{ . }}{{ end }}', { expect: { output: '01234' } }),
  c('range over int from pipeline', '{{ range .Values.nested.list | len | print | len }}x{{ end }}', { expect: { output: 'x' } }),
  c('call names the callee', '{{ call .Values.str }}', {
    expect: modernExec('error calling call: non-function .Values.str of type string', '1:3', 'call .Values.str'),
  }),
  c('else with', '{{ with .Values.missing }}a{{ else with .Values.str }}b{{ . }}{{ else }}c{{ end }}', { expect: { output: 'bhello' } }),
  c('else with fallthrough', '{{ with .Values.missing }}a{{ else with .Values.empty }}b{{ else }}c{{ end }}', { expect: { output: 'c' } }),
  c('eq incompatible types names the types', '{{ eq .Values.int 1 }}', {
    expect: modernExec('error calling eq: incompatible types for comparison: float64 and int', '1:3', 'eq .Values.int 1'),
  }),
  c('lt incompatible types names the types', '{{ lt "a" 1 }}', {
    expect: modernExec('error calling lt: incompatible types for comparison: string and int', '1:3', 'lt "a" 1'),
  }),
  c('unexpected right paren', '{{ print 1) }}', { expect: { error: `parse error at (${T}:1): unexpected right paren` } }),
  c('range assign with equals', '{{ $i := 9 }}{{ $e := 9 }}{{ range $i, $e = .Values.emptyList }}{{ end }}{{ $i }}{{ range $i, $e = .Values.map }}{{ end }}{{ $i }}={{ $e }}', {
    expect: { output: '[]é=1' },
  }),
];

export { groups, data, T };
