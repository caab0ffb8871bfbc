// The golden case table for the Sprig functions of strings, math, conversions,
// defaults, regex, encoding, paths and reflection.
// scripts/gen-sprig-strings-math-goldens.mjs renders each template with the Go
// reference renderer (gotpl) and writes test/helm-sprig-strings-math/goldens.json.
//
// A case is a template string, or { t, helm, why } when Helm 3.21 (Sprig
// 3.3.0, xstrings 1.5) is known to print something other than the reference
// build (Debian's Sprig 3.2.3, xstrings 1.3.3): `helm` is then the expected
// output, worked out from the newer library's code, and `why` says so.
// Templates that use `.` get DATA (numbers in it are float64, as in Helm values).

import { mulberry32 } from '../support/seeded-random.mjs';

export const DATA = {
  n: 3,
  f: 1.5,
  neg: -2.7,
  big: 1000000,
  zero: 0,
  s: 'hello world',
  e: '',
  u: 'héllo wörld',
  t: true,
  no: false,
  nil: null,
  list: [1, 'a', null, 2.5],
  strs: ['b', 'a', 'C'],
  empty: [],
  map: { a: 1, b: 'x' },
  emptyMap: {},
  url: { scheme: 'https', host: 'example.com:8443', path: '/a b/c', query: 'x=1&y=2', fragment: 'frag ment' },
  badUrl: { scheme: 'http', host: 1 },
};

const camelWhy = 'Helm uses Sprig 3.3.0: camelcase is xstrings 1.5 ToPascalCase, which keeps the case inside words';

export const cases = [
  // ---- strings: case and trimming
  '{{ upper "hello" }}', '{{ upper "héllo ß ǆ" }}', '{{ lower "HÉLLO İ" }}', '{{ lower "ABC" }}',
  '{{ title "hello wOrld foo_bar x-y 3d" }}', '{{ title "ǆemal élan" }}', '{{ untitle "Hello World  Again" }}', '{{ untitle "ÉLAN" }}',
  '{{ trim "  \\t hi \\n " }}', '{{ trim "\\u00a0x\\u2003" }}', '{{ trim "" }}',
  '{{ trimAll "$" "$$5.00$" }}', '{{ trimall "ab" "abcba" }}', '{{ trimAll "" "  x  " }}', '{{ trimAll "é" "éxé" }}',
  '{{ trimPrefix "foo" "foobar" }}', '{{ trimPrefix "x" "foobar" }}', '{{ trimSuffix "bar" "foobar" }}', '{{ trimSuffix "" "foobar" }}',
  '{{ nospace "h e l l o" }}', '{{ nospace "abc" }}', '{{ nospace "" }}', '{{ nospace "héllo wörld" }}', '{{ nospace "\\tà\\n" }}',
  '{{ swapcase "Hello World" }}', '{{ swapcase "hello world" }}', '{{ swapcase "ǅx ABC déf" }}', '{{ swapcase "" }}',
  '{{ initials "hello world foo" }}', '{{ initials "  a  b " }}', '{{ initials "élan vital" }}', '{{ initials "" }}',
  // ---- strings: snake/kebab/camel
  '{{ snakecase "FirstName" }}', '{{ snakecase "HTTPServer" }}', '{{ snakecase "NoHTTPS" }}', '{{ snakecase "GO_PATH" }}',
  '{{ snakecase "GO PATH" }}', '{{ snakecase "GO-PATH" }}', '{{ snakecase "http2xx" }}', '{{ snakecase "HTTP20xOK" }}',
  '{{ snakecase "Duration2m3s" }}', '{{ snakecase "Bld4Floor3rd" }}', '{{ snakecase "already_snake_case" }}', '{{ snakecase "a.b.c" }}',
  '{{ snakecase "ÉcoleNormale" }}', '{{ snakecase "" }}', '{{ snakecase "_x__y_" }}', '{{ snakecase "ABC" }}', '{{ snakecase "a1B2c3" }}',
  '{{ kebabcase "FirstName" }}', '{{ kebabcase "HTTPServer" }}', '{{ kebabcase "some_words here" }}', '{{ kebabcase "myAppV2" }}',
  '{{ kebabcase "X" }}', '{{ kebabcase "hello   World!!" }}',
  '{{ camelcase "some_words" }}', '{{ camelcase "http_server" }}', '{{ camelcase "_complex__case_" }}', '{{ camelcase "some words" }}',
  '{{ camelcase "GOLANG_IS_GREAT" }}',
  { t: '{{ camelcase "fooBar" }}', helm: 'FooBar', why: camelWhy },
  { t: '{{ camelcase "my-app-name" }}', helm: 'MyAppName', why: camelWhy },
  '{{ camelcase "HTTPServer" }}',
  { t: '{{ camelcase "fooBAR baz" }}', helm: 'FooBARBaz', why: camelWhy },
  '{{ camelcase "x" }}', '{{ camelcase "_" }}', '{{ camelcase "" }}', '{{ camelcase "a_b_c" }}',
  // ---- strings: cutting (bytes)
  '{{ substr 0 3 "hello" }}', '{{ substr 1 3 "héllo" }}', '{{ substr 1 2 "héllo" }}', '{{ substr 2 100 "hello" }}',
  '{{ substr -1 2 "hello" }}', '{{ substr 3 -1 "hello" }}', '{{ substr 5 5 "hello" }}', '{{ substr 0 0 "" }}',
  '{{ substr 5 2 "hello" }}', '{{ substr -1 9 "abc" }}', '{{ substr 4 9 "abc" }}', '{{ substr -1 -1 "abc" }}',
  '{{ trunc 5 "hello world" }}', '{{ trunc -5 "hello world" }}', '{{ trunc 50 "hello" }}', '{{ trunc -50 "hello" }}',
  '{{ trunc 0 "hello" }}', '{{ trunc 2 "héllo" }}', '{{ trunc -3 "héllo" }}', '{{ trunc 63 .s }}',
  '{{ abbrev 5 "hello world" }}', '{{ abbrev 3 "hello world" }}', '{{ abbrev 20 "hello world" }}', '{{ abbrev 4 "hello" }}', '{{ abbrev 6 "héllo wörld" }}',
  '{{ abbrevboth 5 10 "1234 5678 9123" }}', '{{ abbrevboth 0 4 "hello world" }}', '{{ abbrevboth 1 6 "hello world" }}',
  '{{ abbrevboth 10 10 "abcdefghijklmnopqrstuvwxyz" }}', '{{ abbrevboth 3 8 "abcdefghijklmnopqrstuvwxyz" }}', '{{ abbrevboth 20 7 "abcdefghijklmnopqrstuvwxyz" }}',
  '{{ abbrevboth 8 7 "abcdefghijklmnopqrstuvwxyz" }}',
  // ---- strings: building
  '{{ repeat 3 "ab" }}', '{{ repeat 0 "ab" }}', '{{ repeat -1 "ab" }}', '{{ repeat 2 "é" }}',
  '{{ indent 2 "a\\nb\\n" }}', '{{ nindent 4 "x: 1\\ny: 2" }}', '{{ indent 0 "a" }}', '{{ indent -1 "a" }}', '{{ nindent 2 "" }}',
  '{{ replace "a" "b" "banana" }}', '{{ replace "" "-" "héllo" }}', '{{ replace "na" "" "banana" }}', '{{ replace "x" "y" "" }}',
  '{{ plural "one" "many" 1 }}', '{{ plural "one" "many" 0 }}', '{{ plural "one" "many" 2 }}', '{{ plural "one" "many" -1 }}',
  '{{ wrap 5 "hello world foo bar" }}', '{{ wrap 10 "a verylongwordthatdoesnotfit here" }}', '{{ wrap 0 "a b c" }}', '{{ wrap 80 "short" }}',
  '{{ wrap 3 "   leading spaces" }}', '{{ wrap 4 "héllo wörld" }}',
  '{{ wrapWith 5 "\\t" "Hello World" }}', '{{ wrapWith 3 "|" "abcdefgh" }}', '{{ wrapWith 4 "" "ab cd ef" }}', '{{ wrapWith 10 "<br>" "the quick brown fox jumps" }}',
  '{{ cat "a" "b" "c" }}', '{{ cat "a" nil "b" }}', '{{ cat 1 2.5 true }}', '{{ cat }}', '{{ cat .list .map }}', '{{ cat .nil .missing "x" }}',
  '{{ quote "a" }}', '{{ quote "a\\"b\\n" }}', '{{ quote 1 2.5 true }}', '{{ quote nil }}', '{{ quote }}', '{{ quote "a" nil "b" }}',
  '{{ quote .list }}', '{{ quote .map }}', '{{ quote .big }}', '{{ quote "é\\u0001\\t" }}', '{{ quote .missing }}',
  '{{ squote "a" }}', '{{ squote 1 nil 2 }}', '{{ squote .list }}', '{{ squote "it\'s" }}', '{{ squote }}',
  '{{ contains "ell" "hello" }}', '{{ contains "" "hello" }}', '{{ contains "x" "hello" }}',
  '{{ hasPrefix "he" "hello" }}', '{{ hasPrefix "lo" "hello" }}', '{{ hasSuffix "lo" "hello" }}', '{{ hasSuffix "" "" }}',
  '{{ hello }}',
  // ---- strings: split and join
  '{{ split "," "a,b,c" }}', '{{ split "," "" }}', '{{ split "" "abc" }}', '{{ (split "." "a.b.c")._1 }}',
  '{{ splitList "," "a,b,,c" }}', '{{ splitList "" "héllo" }}', '{{ splitList "," "" }}', '{{ splitList "ab" "xabyabz" }}',
  '{{ splitn "," 2 "a,b,c" }}', '{{ splitn "," 0 "a,b,c" }}', '{{ splitn "," -1 "a,b,c" }}', '{{ splitn "," 10 "a,b,c" }}', '{{ splitn "" 2 "abc" }}',
  '{{ join "," .strs }}', '{{ join "-" .list }}', '{{ join "," "abc" }}', '{{ join "," .empty }}', '{{ join "," .nil }}', '{{ join ", " (list 1 2 3) }}',
  '{{ join "," 5 }}', '{{ join "," .map }}',
  '{{ sortAlpha .strs }}', '{{ sortAlpha .list }}', '{{ sortAlpha (list "b" "a" "é" "z" "Z" "10" "9") }}', '{{ sortAlpha "str" }}', '{{ sortAlpha nil }}',
  '{{ sortAlpha 42 }}',
  // ---- strings: argument errors (text/template's own checks)
  '{{ upper .n }}', '{{ upper .nil }}', '{{ upper .missing }}', '{{ upper .list }}', '{{ upper .map }}', '{{ upper "a" "b" }}',
  '{{ repeat .n "x" }}', '{{ trunc .f "x" }}', '{{ indent .n "x" }}', '{{ substr 1 }}', '{{ contains .t "x" }}',
  '{{ .s | upper }}', '{{ "x" | repeat 3 }}', '{{ "a-b" | replace "-" "_" }}',
  // ---- conversion
  '{{ atoi "42" }}', '{{ atoi "-42" }}', '{{ atoi "+7" }}', '{{ atoi "4.2" }}', '{{ atoi " 4" }}', '{{ atoi "0x10" }}', '{{ atoi "" }}',
  '{{ atoi "99999999999999999999" }}', '{{ atoi "-99999999999999999999" }}', '{{ atoi "1_000" }}', '{{ atoi .n }}',
  '{{ int "42" }}', '{{ int "0x1F" }}', '{{ int "0o17" }}', '{{ int "010" }}', '{{ int "0b101" }}', '{{ int "1_000" }}', '{{ int "12.00" }}',
  '{{ int "12.50" }}', '{{ int "abc" }}', '{{ int "" }}', '{{ int "-0x10" }}', '{{ int "99999999999999999999" }}',
  '{{ int .f }}', '{{ int .neg }}', '{{ int .big }}', '{{ int .t }}', '{{ int .no }}', '{{ int .nil }}', '{{ int .list }}', '{{ int 1e30 }}', '{{ int -1e30 }}',
  '{{ int64 "123" }}', '{{ int64 3.99 }}', '{{ int64 -3.99 }}', '{{ int64 .s }}', '{{ int64 .map }}',
  '{{ float64 "3.14" }}', '{{ float64 "1e3" }}', '{{ float64 "1_000.5" }}', '{{ float64 "0x1p-2" }}', '{{ float64 "inf" }}', '{{ float64 "-Infinity" }}',
  '{{ float64 "NaN" }}', '{{ float64 "1e400" }}', '{{ float64 "abc" }}', '{{ float64 ".5" }}', '{{ float64 "5." }}', '{{ float64 42 }}', '{{ float64 .t }}',
  '{{ float64 .nil }}', '{{ float64 "1e-400" }}', '{{ float64 "0x10" }}', '{{ float64 .big }}',
  '{{ toString 42 }}', '{{ toString 4.5 }}', '{{ toString .big }}', '{{ toString .t }}', '{{ toString .nil }}', '{{ toString .list }}', '{{ toString .map }}',
  '{{ toString "s" }}', '{{ toString 1e21 }}', '{{ toString 0.000001 }}', '{{ toString 1e-7 }}',
  '{{ toStrings .list }}', '{{ toStrings "x" }}', '{{ toStrings .nil }}', '{{ toStrings 5 }}', '{{ toStrings .empty }}', '{{ toStrings (list 1 nil 2.5 "x" true) }}',
  '{{ toDecimal "0777" }}', '{{ toDecimal "777" }}', '{{ toDecimal "8" }}', '{{ toDecimal 10 }}', '{{ toDecimal "-17" }}', '{{ toDecimal .n }}', '{{ toDecimal "0o7" }}', '{{ toDecimal "" }}',
  // ---- math: integers
  '{{ add 1 2 }}', '{{ add }}', '{{ add 1 }}', '{{ add 1.9 1.9 }}', '{{ add "3" 4 }}', '{{ add .n .f }}', '{{ add nil 2 }}', '{{ add "x" 1 }}', '{{ add -1.5 0 }}',
  '{{ add 9223372036854775807 1 }}', '{{ add1 5 }}', '{{ add1 .f }}', '{{ add1 "0x10" }}',
  '{{ sub 5 3 }}', '{{ sub 3 5 }}', '{{ sub .n 0.5 }}', '{{ mul 2 3 4 }}', '{{ mul 5 }}', '{{ mul 2.5 2.5 }}', '{{ mul 4294967296 4294967296 }}',
  '{{ div 7 2 }}', '{{ div -7 2 }}', '{{ div 7 -2 }}', '{{ div 1 0 }}', '{{ div 1 0.5 }}', '{{ div -9223372036854775808 -1 }}',
  '{{ mod 7 3 }}', '{{ mod -7 3 }}', '{{ mod 7 -3 }}', '{{ mod 1 0 }}',
  '{{ max 1 5 3 }}', '{{ max -1 }}', '{{ max 1.9 1 }}', '{{ biggest 3 "7" }}', '{{ min 1 5 -3 }}', '{{ min 2 }}', '{{ min "a" 5 }}',
  // ---- math: floats
  '{{ addf 1.1 2.2 }}', '{{ addf 0.1 0.2 }}', '{{ addf }}', '{{ addf 1 "2.5" }}', '{{ add1f 1.5 }}', '{{ add1f "x" }}',
  '{{ subf 10 3.3 }}', '{{ subf 1 }}', '{{ subf 0.3 0.1 }}', '{{ mulf 1.1 3 }}', '{{ mulf 0.1 0.1 0.1 }}', '{{ mulf 3 }}',
  '{{ divf 10 4 }}', '{{ divf 1 3 }}', '{{ divf 2 3 }}', '{{ divf -2 3 }}', '{{ divf 1 0 }}', '{{ divf 100 7 7 }}', '{{ divf 1e20 3 }}',
  '{{ maxf 1.5 2.5 -1 }}', '{{ maxf 1 }}', '{{ maxf "3.5" 2 }}', '{{ minf 1.5 2.5 -1 }}', '{{ minf 0 -0.0 }}',
  '{{ floor 1.7 }}', '{{ floor -1.2 }}', '{{ floor "2.5" }}', '{{ floor 3 }}', '{{ ceil 1.2 }}', '{{ ceil -1.7 }}', '{{ ceil -0.5 }}', '{{ ceil .f }}',
  '{{ round 3.14159 2 }}', '{{ round 2.5 0 }}', '{{ round -2.5 0 }}', '{{ round 1.005 2 }}', '{{ round 1234.5678 -2 }}', '{{ round 0.45 1 }}',
  '{{ round 3.14159 2 0.9 }}', '{{ round "2.675" 2 }}', '{{ round 5 1 }}', '{{ round .neg 0 }}', '{{ round 2.5 .n }}',
  '{{ seq 5 }}', '{{ seq -3 }}', '{{ seq 0 }}', '{{ seq 1 }}', '{{ seq 2 5 }}', '{{ seq 5 2 }}', '{{ seq 0 2 10 }}', '{{ seq 10 -3 0 }}', '{{ seq 10 3 0 }}',
  '{{ seq 1 0 5 }}', '{{ seq }}', '{{ seq 1 2 3 4 }}', '{{ seq .n }}',
  '{{ until 5 }}', '{{ until -3 }}', '{{ until 0 }}', '{{ untilStep 0 10 3 }}', '{{ untilStep 10 0 -4 }}', '{{ untilStep 0 10 -1 }}', '{{ untilStep 5 5 1 }}',
  '{{ until .n }}',
  // ---- defaults
  '{{ default "d" "" }}', '{{ default "d" "x" }}', '{{ default "d" 0 }}', '{{ default "d" 0.0 }}', '{{ default "d" .zero }}', '{{ default "d" false }}',
  '{{ default "d" true }}', '{{ default "d" nil }}', '{{ default "d" .missing }}', '{{ default "d" .empty }}', '{{ default "d" .emptyMap }}',
  '{{ default "d" .map }}', '{{ default "d" .list }}', '{{ default "d" }}', '{{ default 5 .n }}', '{{ default "d" .e }}', '{{ default "d" "x" "y" }}',
  '{{ default "d" "" "y" }}', '{{ default }}', '{{ .nil | default "piped" }}', '{{ default "d" (list) }}', '{{ default "d" (dict) }}',
  '{{ empty "" }}', '{{ empty "x" }}', '{{ empty 0 }}', '{{ empty 1 }}', '{{ empty 0.0 }}', '{{ empty .neg }}', '{{ empty nil }}', '{{ empty .missing }}',
  '{{ empty .empty }}', '{{ empty .list }}', '{{ empty .emptyMap }}', '{{ empty false }}', '{{ empty .t }}',
  '{{ coalesce "" 0 "x" "y" }}', '{{ coalesce .missing .e .s }}', '{{ coalesce "" nil }}', '{{ coalesce }}', '{{ coalesce .empty .map }}',
  '{{ all 1 "x" true }}', '{{ all 1 "" true }}', '{{ all }}', '{{ all .list .map }}', '{{ any 0 "" nil }}', '{{ any 0 "x" }}', '{{ any }}', '{{ any .empty .emptyMap .zero }}',
  '{{ ternary "y" "n" true }}', '{{ ternary "y" "n" false }}', '{{ ternary 1 2 .t }}', '{{ ternary "y" "n" .n }}', '{{ ternary "y" "n" .nil }}',
  // ---- regex
  '{{ regexMatch "^[a-z]+$" "hello" }}', '{{ regexMatch "^[a-z]+$" "Hello" }}', '{{ regexMatch "(" "x" }}', '{{ regexMatch "(?i)HELLO" "hello" }}',
  '{{ regexMatch "^\\\\d{3}$" "123" }}', '{{ regexMatch "\\\\pL+" "日本" }}', '{{ regexMatch "[[:alpha:]]" "1" }}', '{{ regexMatch "a.b" "a\\nb" }}',
  '{{ regexMatch "(?s)a.b" "a\\nb" }}', '{{ regexMatch "^b$" "a\\nb" }}', '{{ regexMatch "(?m)^b$" "a\\nb" }}',
  '{{ mustRegexMatch "(" "x" }}', '{{ mustRegexMatch "x+" "axxb" }}',
  '{{ regexFind "[0-9]+" "abc123def456" }}', '{{ regexFind "z" "abc" }}', '{{ regexFind "(" "x" }}', '{{ mustRegexFind "[" "x" }}', '{{ regexFind "é+" "aééb" }}',
  '{{ regexFindAll "[0-9]+" "a1b22c333" -1 }}', '{{ regexFindAll "[0-9]+" "a1b22c333" 2 }}', '{{ regexFindAll "[0-9]+" "a1b22c333" 0 }}',
  '{{ regexFindAll "x*" "abc" -1 }}', '{{ regexFindAll "a|" "baaab" -1 }}', '{{ regexFindAll "z" "abc" -1 }}', '{{ mustRegexFindAll "a**" "x" -1 }}',
  '{{ regexFindAll "." "日本語" -1 }}', '{{ regexFindAll "(?i)ab" "AbaBab" 5 }}',
  '{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }}', '{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "$1W" }}', '{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "$$1" }}',
  '{{ regexReplaceAll "(?P<first>\\\\w+) (?P<last>\\\\w+)" "John Smith" "$last, $first" }}', '{{ regexReplaceAll "(?P<first>\\\\w+) (?P<last>\\\\w+)" "John Smith" "${last}_${first}" }}',
  '{{ regexReplaceAll "a" "banana" "$" }}', '{{ regexReplaceAll "a" "banana" "${" }}', '{{ regexReplaceAll "a" "banana" "${1" }}', '{{ regexReplaceAll "(a)" "banana" "$2<$1>" }}',
  '{{ regexReplaceAll "(a)" "banana" "$01" }}', '{{ regexReplaceAll "(a)" "banana" "$1x" }}', '{{ regexReplaceAll "(a)" "banana" "${1}x" }}',
  '{{ regexReplaceAll "x*" "abc" "-" }}', '{{ regexReplaceAll "a|" "baaab" "-" }}', '{{ regexReplaceAll "[" "x" "y" }}', '{{ regexReplaceAll "é" "éaé" "e" }}',
  '{{ mustRegexReplaceAll "(" "x" "y" }}', '{{ mustRegexReplaceAll "b+" "abbbc" "X" }}',
  '{{ regexReplaceAllLiteral "a(x*)b" "-ab-axxb-" "${1}" }}', '{{ regexReplaceAllLiteral "x*" "abc" "$" }}', '{{ mustRegexReplaceAllLiteral "a" "aa" "$1" }}',
  '{{ mustRegexReplaceAllLiteral "(" "a" "b" }}',
  '{{ regexSplit "z+" "pizza" -1 }}', '{{ regexSplit "z+" "pizza" 0 }}', '{{ regexSplit "z+" "pizza" 1 }}', '{{ regexSplit "z+" "pizza" 2 }}',
  '{{ regexSplit "a*" "abaabaccadaaae" 5 }}', '{{ regexSplit "" "abc" -1 }}', '{{ regexSplit "," "" -1 }}', '{{ regexSplit "" "" -1 }}', '{{ regexSplit "x*" "axbxc" -1 }}',
  '{{ regexSplit "," "a,b,c," -1 }}', '{{ mustRegexSplit ")" "a" -1 }}', '{{ regexSplit "\\\\s+" " a  b " -1 }}',
  '{{ regexQuoteMeta "1.5-2.0?" }}', '{{ regexQuoteMeta "[a]{b}(c)|^$\\\\*+" }}', '{{ regexQuoteMeta "plain" }}', '{{ regexQuoteMeta "" }}',
  '{{ regexFind "a{1001}" "a" }}', '{{ mustRegexFind "a(?=b)" "ab" }}', '{{ mustRegexFind "\\\\8" "a" }}', '{{ mustRegexFind "[z-a]" "a" }}',
  '{{ regexFind "`" "a`b" }}', '{{ regexFind "(\\t" "x" }}',
  // ---- encoding
  '{{ b64enc "hello" }}', '{{ b64enc "" }}', '{{ b64enc "héllo" }}', '{{ b64enc "a" }}', '{{ b64enc "ab" }}',
  '{{ b64dec "aGVsbG8=" }}', '{{ b64dec "aMOpbGxv" }}', '{{ b64dec "" }}', '{{ b64dec "aGVsbG8" }}', '{{ b64dec "aGVs bG8=" }}', '{{ b64dec "aGVsbG8=\\n" }}',
  '{{ b64dec "aGVs\\nbG8=" }}', '{{ b64dec "YQ==" }}', '{{ b64dec "YQ=" }}', '{{ b64dec "YQ===" }}', '{{ b64dec "Y" }}', '{{ b64dec "=" }}', '{{ b64dec "YWI=YQ==" }}',
  '{{ b64dec "YR==" }}', '{{ b64dec "/w==" }}', '{{ b64dec "-_8=" }}',
  '{{ b32enc "hello" }}', '{{ b32enc "" }}', '{{ b32enc "a" }}', '{{ b32enc "ab" }}', '{{ b32enc "abc" }}', '{{ b32enc "abcd" }}', '{{ b32enc "héllo" }}',
  '{{ b32dec "NBSWY3DP" }}', '{{ b32dec "ME======" }}', '{{ b32dec "ME=====" }}', '{{ b32dec "MFRA====" }}', '{{ b32dec "mfra====" }}', '{{ b32dec "" }}',
  '{{ b32dec "NBSW\\nY3DP" }}', '{{ b32dec "M=======" }}', '{{ b32dec "ME======ME======" }}', '{{ b32dec "NBSWY3D" }}', '{{ b32dec "MFRGG===" }}', '{{ b32dec "MF1A====" }}',
  '{{ sha1sum "hello" }}', '{{ sha1sum "" }}', '{{ sha256sum "hello" }}', '{{ sha256sum "héllo" }}', '{{ sha512sum "hello" }}',
  '{{ adler32sum "hello" }}', '{{ adler32sum "" }}', '{{ adler32sum "Wikipedia" }}', '{{ adler32sum .s }}', '{{ sha256sum .n }}',
  // ---- paths
  '{{ base "/a/b/c.txt" }}', '{{ base "" }}', '{{ base "/" }}', '{{ base "a/b/" }}', '{{ base "///" }}', '{{ base "c" }}',
  '{{ dir "/a/b/c.txt" }}', '{{ dir "" }}', '{{ dir "c.txt" }}', '{{ dir "/" }}', '{{ dir "a/b/" }}', '{{ dir "a//b/../c" }}', '{{ dir "/a" }}',
  '{{ clean "a//b/./c/../d/" }}', '{{ clean "" }}', '{{ clean "/../a" }}', '{{ clean "../../a/.." }}', '{{ clean "./" }}', '{{ clean "a/../.." }}', '{{ clean "//x//" }}',
  '{{ ext "a/b.tar.gz" }}', '{{ ext "a.d/b" }}', '{{ ext "noext" }}', '{{ ext ".hidden" }}', '{{ ext "x." }}',
  '{{ isAbs "/a" }}', '{{ isAbs "a" }}', '{{ isAbs "" }}',
  '{{ osBase "/a/b" }}', '{{ osDir "/a/b" }}', '{{ osClean "a/./b/.." }}', '{{ osExt "f.yaml" }}', '{{ osIsAbs "/x" }}', '{{ osIsAbs "x" }}',
  '{{ urlParse "https://user:pa%20ss@example.com:8443/a%20b/c?x=1&y=2#frag%20ment" }}', '{{ urlParse "http://example.com" }}',
  '{{ urlParse "mailto:joe@example.com" }}', '{{ urlParse "/relative/path?q" }}', '{{ urlParse "//host.only/x" }}', '{{ urlParse "" }}',
  '{{ urlParse "http://[::1]:80/p" }}', '{{ urlParse "http://[::1" }}', '{{ urlParse "http://host:port/" }}', '{{ urlParse ":foo" }}', '{{ urlParse "a:b:c" }}',
  '{{ urlParse "1http://x" }}', '{{ urlParse "HTTP://X.COM/Y" }}', '{{ urlParse "http://a b.com/" }}', '{{ urlParse "http://x/%zz" }}', '{{ urlParse "http://x/#%zz" }}',
  '{{ urlParse "http://us@er@host/" }}', '{{ urlParse "http://x/p?" }}', '{{ urlParse "http://x/ü?ü#ü" }}', '{{ urlParse "*" }}', '{{ urlParse "http://x\\ty" }}',
  '{{ (urlParse "https://example.com:8443/x").hostname }}', '{{ (urlParse "http://u@h").userinfo }}',
  '{{ urlJoin .url }}', '{{ urlJoin (dict "scheme" "http" "host" "h" "path" "p") }}', '{{ urlJoin (dict "path" "a:b") }}', '{{ urlJoin (dict "scheme" "mailto" "opaque" "x@y") }}',
  '{{ urlJoin (dict "host" "h" "userinfo" "me:secret") }}', '{{ urlJoin (dict "host" "h" "userinfo" "a@b") }}', '{{ urlJoin (dict) }}', '{{ urlJoin (dict "path" "/ü ?#") }}',
  '{{ urlJoin (dict "fragment" "a b#c" "query" "q=1 2") }}', '{{ urlJoin .badUrl }}', '{{ urlJoin .s }}', '{{ urlJoin (dict "scheme" "http" "path" "/p") }}',
  '{{ urlJoin (urlParse "https://u:p@h:1/a%2Fb?q=1#f") }}',
  // ---- reflection
  '{{ typeOf "s" }}', '{{ typeOf 1 }}', '{{ typeOf 1.5 }}', '{{ typeOf .n }}', '{{ typeOf true }}', '{{ typeOf nil }}', '{{ typeOf .missing }}', '{{ typeOf .list }}',
  '{{ typeOf .map }}', '{{ typeOf (splitList "," "a") }}', '{{ typeOf (until 2) }}', '{{ typeOf (split "," "a") }}', '{{ typeOf (int 3) }}', '{{ typeOf (atoi "3") }}',
  '{{ typeOf (regexFindAll "a" "a" -1) }}', '{{ typeOf (toStrings .list) }}', '{{ typeOf (sortAlpha .list) }}', '{{ typeOf (urlParse "x") }}', '{{ typeOf (float64 1) }}',
  '{{ typeIs "string" "x" }}', '{{ typeIs "int" 1 }}', '{{ typeIs "float64" .n }}', '{{ typeIs "int" .n }}', '{{ typeIsLike "string" "x" }}', '{{ typeIsLike "[]string" (splitList "," "a") }}',
  '{{ kindOf "s" }}', '{{ kindOf 1 }}', '{{ kindOf .f }}', '{{ kindOf true }}', '{{ kindOf nil }}', '{{ kindOf .list }}', '{{ kindOf .map }}', '{{ kindOf (splitList "," "a") }}',
  '{{ kindOf (split "," "a") }}', '{{ kindOf .missing }}',
  '{{ kindIs "string" "x" }}', '{{ kindIs "slice" .list }}', '{{ kindIs "map" .list }}', '{{ kindIs "invalid" nil }}', '{{ kindIs "int" 3 }}',
  '{{ deepEqual 1 1 }}', '{{ deepEqual 1 1.0 }}', '{{ deepEqual .n 3.0 }}', '{{ deepEqual .n 3 }}', '{{ deepEqual "a" "a" }}', '{{ deepEqual nil nil }}',
  '{{ deepEqual nil .missing }}', '{{ deepEqual .list .list }}', '{{ deepEqual (list 1 "a") (list 1 "a") }}', '{{ deepEqual (list 1 "a") (list 1 "b") }}',
  '{{ deepEqual (dict "a" 1) (dict "a" 1) }}', '{{ deepEqual (dict "a" 1) (dict "a" 1 "b" 2) }}', '{{ deepEqual (splitList "," "a") (list "a") }}',
  '{{ deepEqual (splitList "," "a,b") (splitList "," "a,b") }}', '{{ deepEqual .map .map }}', '{{ deepEqual (list) (list) }}', '{{ deepEqual true false }}',
  // ---- mixed pipelines
  '{{ "Hello World" | lower | replace " " "-" | trunc 8 }}', '{{ .s | title | quote }}', '{{ .n | int | add 2 | toString | quote }}',
  '{{ list "c" "a" "b" | sortAlpha | join "," }}', '{{ "a,b,c" | splitList "," | join "|" }}', '{{ .missing | default "x" | upper }}',
  '{{ "  Padded  " | trim | squote }}', '{{ "hello" | b64enc | b64dec }}', '{{ 3.7 | floor | int }}', '{{ "MyApp" | kebabcase | trunc 63 | trimSuffix "-" }}',

  // ---- more awkward cases
  { t: '{{ repeat 9223372036854775807 "ab" }}', helm: 'ERROR: error calling repeat: strings: Repeat output length overflow', why: 'Go 1.21+ (Helm builds) words the Repeat overflow panic differently from Go 1.19' },
  '{{ title "o\'neil mc-donald ﬁsh" }}', '{{ indent 2 "a\\r\\nb" }}', '{{ replace "aa" "b" "aaa" }}', '{{ splitn "," -5 "a,b,c" }}', '{{ trunc 9223372036854775807 "x" }}',
  '{{ sortAlpha (list "😀" "ｚ" "a" "" "Z") }}', '{{ wrapWith 2 "|" "日本語テキスト" }}', '{{ abbrev 5 "日本語テキスト" }}',
  '{{ toString .list }}', '{{ toString 1e20 }}', '{{ toString 123456789.0 }}', '{{ int "1e3" }}', '{{ int .list }}', '{{ float64 .map }}',
  '{{ empty (list nil) }}', '{{ add true 1 }}', '{{ add .map .list }}', '{{ mul 9223372036854775807 2 }}', '{{ round 123.456 -1 }}', '{{ round "NaN" 2 }}',
  '{{ floor "inf" }}', '{{ ceil "-inf" }}', '{{ maxf "NaN" 1 }}', '{{ minf 1 "-inf" }}', '{{ divf 0 5 }}', '{{ divf -1 3 }}', '{{ mulf 1e308 10 }}', '{{ addf "inf" 1 }}',
  '{{ regexFindAll "\\\\p{Greek}+" "abc αβγ def" -1 }}', '{{ regexFindAll "\\\\PL+" "ab12cd" -1 }}', '{{ regexFindAll "\\\\bfoo\\\\b" "foo food foo" -1 }}',
  '{{ regexFindAll "a+?" "aaa" -1 }}', '{{ regexFindAll "(?U)a+" "aaa" -1 }}', '{{ regexFind "\\\\Aab\\\\z" "ab" }}', '{{ regexFindAll "a{2,3}" "aaaaaaa" -1 }}',
  '{{ regexFind "\\\\141" "a" }}', '{{ regexFind "\\\\x{1F600}" "x😀" }}', '{{ regexFind "[^a]" "aab" }}', '{{ regexFindAll "" "ab" 10 }}',
  '{{ regexReplaceAll "(?P<x1>a)" "banana" "[$x1]" }}', '{{ regexReplaceAll "(a)" "banana" "$1a" }}', '{{ regexReplaceAll "(?P<é>a)" "banana" "<$é>" }}',
  '{{ regexReplaceAll "a" "banana" "$$$" }}', '{{ regexReplaceAll "(b)(a)" "banana" "$2$1" }}', '{{ regexReplaceAll "^" "ab" "X" }}', '{{ regexReplaceAll "$" "ab" "X" }}',
  '{{ regexReplaceAll "(?m)^" "a\\nb" "> " }}', '{{ regexSplit "(,)" "a,b" -1 }}', '{{ regexSplit "b*" "abc" -1 }}',
  '{{ base "/a/b/." }}', '{{ base "héllo/wörld.txt" }}', '{{ dir "./a" }}', '{{ ext "a/b.c/" }}', '{{ clean "/./.." }}', '{{ clean "a/b/../../../c" }}',
  '{{ urlParse "http://user@[fe80::1%25en0]:8080/" }}', '{{ urlParse "https://h/p;a?b" }}', '{{ urlParse "foo://bar" }}', '{{ urlParse "http://x:/" }}',
  '{{ urlParse "http://[::1]x" }}', '{{ urlParse "tel:+1-816" }}', '{{ urlParse "//[::1]" }}', '{{ urlParse "http://%41:8080/" }}',
  '{{ urlParse "HTTPS://Example.COM/%7Euser" }}', '{{ urlParse "http://x?q=%zz" }}', '{{ urlParse "http://x/a%2Fb" }}', '{{ urlParse "http://a:b@c:d@e/" }}',
  '{{ urlParse "http://x/p#a#b" }}', '{{ urlParse "/a:b" }}', '{{ urlParse "a/b:c" }}', '{{ urlParse "http:///x" }}', '{{ urlParse "///x" }}',
  '{{ urlJoin (dict "scheme" "http" "opaque" "o" "path" "/ignored") }}', '{{ urlJoin (dict "userinfo" "me" "host" "h:80" "path" "p") }}',
  '{{ urlJoin (dict "host" "ü.example" "path" "/") }}', '{{ urlJoin (dict "scheme" "http" "host" "h" "userinfo" "u:p w") }}', '{{ urlJoin (dict "path" "*") }}',
  '{{ urlJoin (dict "host" .nil) }}', '{{ urlJoin (dict "query" "a=1" "fragment" "!()*") }}',
  '{{ b64dec "aGk=\\r\\n" }}', '{{ b64dec "aGk=x" }}', '{{ b64dec "aG\\rk=" }}', '{{ b32dec "NBUQ====\\n" }}', '{{ b32dec "NBUQ===" }}',
  '{{ kindOf (sortAlpha "x") }}', '{{ deepEqual (until 2) (list 0 1) }}', '{{ deepEqual (toStrings (list "a")) (splitList "," "a") }}',
  '{{ upper "ᾀᾳῃῳᾈ ß ŉ ﬁ ǰ" }}', '{{ title "ქართული ენა" }}', '{{ upper "ქართული" }}', '{{ swapcase "ა ბ" }}', '{{ title "ᾀx ǆy" }}', '{{ swapcase "ᾀ ᾈ" }}', '{{ lower "ᾈΣİ" }}',
  '{{ quote (splitList "," "a,b") }}', '{{ squote (split "," "a,b") }}', '{{ cat (until 3) }}', '{{ join "," (until 3) }}', '{{ sortAlpha (until 12) }}',
  // ---- regex syntax edge cases (RE2 / Go messages)
  '{{ mustRegexFindAll "\\\\Qa.b\\\\E+" "a.ba.b" -1 }}',
  '{{ mustRegexFindAll "(?i:AB)c" "ABC abc" -1 }}',
  '{{ mustRegexFindAll "[[:^alpha:]]+" "12ab!!" -1 }}',
  '{{ mustRegexFindAll "\\\\pN+" "\\u0661\\u0662\\u0663 42" -1 }}',
  '{{ mustRegexFindAll "\\\\p{Han}+" "\\u6f22\\u5b57\\u304b\\u306a" -1 }}',
  '{{ mustRegexFindAll "(?P=name)" "x" -1 }}',
  '{{ mustRegexFindAll "a{,3}" "aaaa" -1 }}',
  '{{ mustRegexFindAll "a{2}{3}" "aaaaaa" -1 }}',
  '{{ mustRegexFindAll "x**" "xx" -1 }}',
  '{{ mustRegexFindAll "(?i)ǆ" "\\u01c5\\u01c4" -1 }}',
  '{{ mustRegexFindAll "\\\\C" "a" -1 }}',
  '{{ mustRegexFindAll "a\\\\Z" "aZ" -1 }}',
  '{{ mustRegexFindAll "[a-\\\\d]" "a-1" -1 }}',
  '{{ mustRegexFindAll "(?P<>a)" "a" -1 }}',
  '{{ mustRegexFindAll "(?P<a-b>x)" "x" -1 }}',
  '{{ mustRegexFindAll "\\\\p{Foo}" "x" -1 }}',
  '{{ mustRegexFindAll "[[:foo:]]" "x" -1 }}',
  '{{ mustRegexFindAll "(?z)a" "a" -1 }}',
  '{{ mustRegexFindAll "a++" "aa" -1 }}',
  '{{ mustRegexFindAll "a{2,1}" "aa" -1 }}',
  '{{ mustRegexFindAll "(a)|\\\\1" "aa" -1 }}',
  '{{ mustRegexFindAll "[]a]" "]a" -1 }}',
  '{{ mustRegexFindAll "[^]a]" "b" -1 }}',
  '{{ mustRegexFindAll "\\\\x{110000}" "x" -1 }}',
  '{{ mustRegexFindAll "\\\\x4" "x" -1 }}',
  '{{ mustRegexFindAll "a{1000}" "a" -1 }}',
  '{{ mustRegexFindAll "a{1001}" "a" -1 }}',
  '{{ mustRegexFindAll "(?:a{100}){100}" "a" -1 }}',
  '{{ mustRegexFindAll "(?s).+" "a\\nb" -1 }}',
  '{{ mustRegexFindAll "\\\\b" "ab" -1 }}',
  '{{ mustRegexFindAll "^$" "" -1 }}',
  '{{ mustRegexFindAll "(?-m)$" "a\\n" -1 }}',
  '{{ mustRegexFindAll "\\\\v\\\\f" "\\u000b\\f" -1 }}',
  '{{ mustRegexFindAll "[\\\\x00-\\\\x{10FFFF}]" "x" -1 }}',
  '{{ mustRegexFindAll "(?U)a*?" "aaa" -1 }}',
  '{{ mustRegexFindAll "\\\\8" "x" -1 }}',
  '{{ mustRegexFindAll "\\\\0" "x" -1 }}',
  '{{ mustRegexFindAll "\\\\07" "x" -1 }}',
  '{{ mustRegexFindAll "(" "x" -1 }}',
  '{{ mustRegexFindAll ")" "x" -1 }}',
  '{{ mustRegexFindAll "[" "x" -1 }}',
  '{{ mustRegexFindAll "]" "x" -1 }}',
  '{{ mustRegexFindAll "{" "{" -1 }}',
  '{{ mustRegexFindAll "}" "}" -1 }}',
  '{{ mustRegexFindAll "a{" "a{" -1 }}',
  '{{ mustRegexFindAll "a{1" "a{1" -1 }}',
  '{{ mustRegexFindAll "a{1," "a{1," -1 }}',
  '{{ mustRegexFindAll "\\\\" "x" -1 }}',
  // int (constants, len, atoi, int, until) versus int64 (math, int64, toDecimal)
  '{{ typeOf (add 1 2) }}', '{{ typeOf (add1 1) }}', '{{ typeOf (sub 3 1) }}', '{{ typeOf (mul 2 3) }}', '{{ typeOf (div 6 3) }}', '{{ typeOf (mod 7 3) }}',
  '{{ typeOf (max 1 2) }}', '{{ typeOf (min 1 2) }}', '{{ typeOf (biggest 1 2) }}', '{{ typeOf (int64 3) }}', '{{ typeOf (int64 .n) }}', '{{ typeOf (int .n) }}',
  '{{ typeOf (toDecimal "0777") }}', '{{ typeOf (atoi "7") }}', '{{ typeOf (add1f 1) }}', '{{ typeOf (floor 1) }}',
  '{{ kindOf (add 1 2) }}', '{{ kindOf (int 1) }}', '{{ kindIs "int64" (int64 1) }}', '{{ kindIs "int" (int64 1) }}', '{{ typeIs "int" (int64 1) }}',
  '{{ typeIs "int64" (mul 1 1) }}', '{{ typeIsLike "int64" (add 1 1) }}',
  '{{ deepEqual 1 (int64 1) }}', '{{ deepEqual (int64 1) (add 0 1) }}', '{{ deepEqual (int 1) 1 }}', '{{ deepEqual (list 1 2) (list (int64 1) 2) }}',
  '{{ empty (int64 0) }}', '{{ empty (sub 1 1) }}', '{{ empty (add 1 1) }}', '{{ default 5 (int64 0) }}', '{{ default 5 (add 1 1) }}',
  '{{ add (int64 2) (add 1 1) }}', '{{ int (int64 7) }}', '{{ int64 (int64 7) }}', '{{ float64 (int64 7) }}', '{{ toString (int64 7) }}',
  '{{ toDecimal (int64 17) }}', '{{ toStrings (list (int64 1) 2) }}', '{{ atoi (toString (add 2 2)) }}',
  '{{ mustRegexFindAll ".\\\\" "x" -1 }}',
  '{{ mustRegexFindAll "\\\\pL\\\\PL" "\\u00e9x" -1 }}',
  '{{ mustRegexFindAll "(?i)σ" "\\u03a3\\u03c3\\u03c2X" -1 }}',
  '{{ mustRegexFindAll "(?i)K" "k\\u212a" -1 }}',
];

// ---- cases that need the real template engine (constants, variables, range,
// builtins around the functions); the direct-call test skips them.
const ENGINE_ONLY = [
  '{{ repeat 3.0 "x" }}', '{{ ternary "y" "n" 1 }}', '{{ urlJoin "x" }}', '{{ upper nil }}', '{{ upper 1 }}', '{{ trunc 2.5 "abc" }}',
  '{{ indent "2" "x" }}', '{{ repeat (int 2) "ab" }}', '{{ repeat (len "abc") "x" }}', '{{ substr 0 (len "héllo") "héllo" }}',
  '{{ range splitList "," "a,b,c" }}[{{ . }}]{{ end }}', '{{ range $i, $v := until 3 }}{{ $i }}={{ $v }};{{ end }}',
  '{{ range $k, $v := split "," "x,y" }}{{ $k }}:{{ $v }} {{ end }}', '{{ index (split "," "x,y") "_1" }}', '{{ len (splitList "" "héllo") }}',
  '{{ printf "%q" (regexFindAll "." "ab" -1) }}',
  '{{ $s := "Hello" }}{{ $s = upper $s }}{{ $s }}', '{{ if empty .e }}empty{{ else }}full{{ end }}', '{{ with coalesce .e .s }}{{ . }}{{ end }}',
  '{{ eq (typeOf 1.5) "float64" }}', '{{ eq (kindOf .list) "slice" }}', '{{ and (hasPrefix "a" "abc") (contains "b" "abc") }}',
  '{{ default "x" .missing.deeper }}', '{{ .map.b | default "d" | quote }}', '{{ (urlParse "http://h/p").path | base }}',
  '{{ add 1 (mul 2 3) (sub 10 4) (div 9 2) (mod 9 4) }}', '{{ printf "%v|%v" (floor 2.5) (ceil 2.5) }}', '{{ print (atoi "12") (int64 "12") }}',
  '{{ toJson (splitList "," "a,b") }}', '{{ toYaml (dict "k" (until 2)) }}', '{{ len (toStrings .list) }}', '{{ index (regexSplit "," "a,b" -1) 1 }}',
  '{{ printf "%T %T %T %T %T" 1 (int64 1) (len "a") (add 1 1) (atoi "1") }}', '{{ printf "%d|%x|%5d|%v" (int64 255) (add 254 1) (mul 3 1) (max 1 9) }}',
  '{{ printf "%s|%t" (int64 5) (add 1 1) }}', '{{ printf "%*d|" (int64 4) 7 }}', '{{ eq 1 (int64 1) }}', '{{ eq (add 1 1) 2 }}', '{{ lt (int64 1) 2 }}',
  '{{ ne (mul 2 2) (len "abcd") }}', '{{ if sub 1 1 }}t{{ else }}f{{ end }}', '{{ if int64 3 }}t{{ else }}f{{ end }}', '{{ not (int64 0) }}',
  '{{ index (list "a" "b") (int64 1) }}', '{{ index (list "a" "b") (add 0 1) }}', '{{ slice (list 1 2 3) (int64 1) (add 1 1) }}',
  '{{ repeat (int64 2) "x" }}', '{{ trunc (add 1 1) "abc" }}', '{{ nindent (add 1 1) "x" }}', '{{ indent (len "ab") "x" }}',
  '{{ toJson (list (int64 5) (add 1 1) 3) }}', '{{ toYaml (dict "a" (int64 5) "b" (mul 2 2) "c" 1) }}', '{{ toPrettyJson (dict "n" (max 1 2)) }}',
  '{{ $x := add 1 1 }}{{ typeOf $x }} {{ $x }}', '{{ range $i, $v := list (int64 1) 2 }}{{ typeOf $v }} {{ end }}', '{{ (add 1 1).Foo }}',
  '{{ not (regexMatch "^x" "abc") }}', '{{ slice (splitList "," "a,b,c") 1 }}', '{{ quote .list.missing }}', '{{ cat "a" .missing "b" }}',
];
for (const t of ENGINE_ONLY) cases.push({ t, engineOnly: true });

// ---- generated cases: random inputs (fixed seed) through the functions whose
// edge cases are easiest to get wrong (unicode, bytes, parsing).

const rand = mulberry32(20261123);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const TEXT_ALPHABET = [
  ...'abcXYZ019', ' ', ' ', '_', '-', '.', ',', '!', '\t', '\n', 'é', 'É', 'ß', 'ǅ', 'ǆ', 'İ', 'ı', 'Ω', 'ω', '日', '本', '😀', '\u00a0', '\u2003', 'ﬁ', 'Σ', '٣',
];
const NUMBER_ALPHABET = [...'0123456789', '.', 'e', '-', '+', '_', 'x', 'o', 'b', 'a', 'f', 'i', 'n', ' '];
const B64_ALPHABET = [...'QUJDRGVmZ2g0NTY3+/', '=', '=', '\n', '-', 'A'];
const B32_ALPHABET = [...'MFRGGZDFMZTWQ2LK', '=', '=', '=', '\n', '1', '8'];

const randomString = (alphabet, max) => {
  const n = Math.floor(rand() * (max + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += pick(alphabet);
  return s;
};
const lit = (s) => JSON.stringify(s);

const TEXT_FUNCS = [
  'upper', 'lower', 'title', 'untitle', 'swapcase', 'snakecase', 'kebabcase', 'initials', 'nospace', 'trim', 'quote', 'squote',
  'b64enc', 'b32enc', 'sha1sum', 'adler32sum', 'trunc 5', 'trunc -4', 'substr 1 4', 'abbrev 6', 'wrap 4', 'wrapWith 3 "|"',
  'regexFindAll "\\\\pL+" ', 'regexReplaceAll "[aeioué]" ', 'splitList " "', 'split "_"', 'trimAll " _"', 'replace "a" "ä"',
];

for (let i = 0; i < 40; i++) {
  const s = lit(randomString(TEXT_ALPHABET, 12));
  for (const f of TEXT_FUNCS) {
    if (f.startsWith('regexFindAll')) cases.push(`{{ ${f}${s} -1 }}`);
    else if (f.startsWith('regexReplaceAll')) cases.push(`{{ ${f}${s} "<$0>" }}`);
    else cases.push(`{{ ${f} ${s} }}`);
  }
}
for (let i = 0; i < 40; i++) {
  const s = lit(randomString(NUMBER_ALPHABET, 8));
  for (const f of ['int', 'int64', 'float64', 'atoi', 'toDecimal', 'add1', 'addf 0.5']) cases.push(`{{ ${f} ${s} }}`);
}
for (let i = 0; i < 40; i++) cases.push(`{{ b64dec ${lit(randomString(B64_ALPHABET, 14))} }}`);
for (let i = 0; i < 40; i++) cases.push(`{{ b32dec ${lit(randomString(B32_ALPHABET, 18))} }}`);
// Number-shaped text: sign, base prefix, digits with underscores, fraction, exponent.
for (let i = 0; i < 60; i++) {
  const digits = () => randomString([...'0123456789', '_'], 4) || '0';
  let s = pick(['', '', '-', '+']) + pick(['', '', '', '0x', '0o', '0b', '0']) + digits();
  if (rand() < 0.4) s += '.' + randomString([...'0123456789'], 3);
  if (rand() < 0.3) s += pick(['e', 'E', 'p']) + pick(['', '-', '+']) + randomString([...'0123456789'], 2);
  for (const f of ['int', 'float64', 'atoi', 'toDecimal']) cases.push(`{{ ${f} ${lit(s)} }}`);
}
// URL-shaped text through urlParse, and the parsed result back through urlJoin.
const URL_PARTS = ['http', 'HTTPS', 'a', 'b1', ':', ':', '//', '/', '/', '?', '#', '@', '[', ']', '::1', '%', '%2F', '%zz', '%41', '8080', '.', '..', ' ', '+', ';', '=', '&', 'é', '*', '-', '_', '~'];
for (let i = 0; i < 80; i++) {
  let s = '';
  const n = 1 + Math.floor(rand() * 8);
  for (let k = 0; k < n; k++) s += pick(URL_PARTS);
  cases.push(`{{ urlParse ${lit(s)} }}`);
  if (i % 2 === 0) cases.push(`{{ urlJoin (urlParse ${lit(s)}) }}`);
}
// The regular expressions real charts use (../shared/corpus/charts), on plausible inputs.
const CORPUS_REGEX = [
  ['regexFind', '"SASL"', ['SASL_SSL', 'PLAINTEXT']],
  ['regexReplaceAllLiteral', '"\\\\W"', ['my-release.name_x', 'héllo wörld']],
  ['regexReplaceAll', '"[^A-Za-z0-9]+$"', ['release-name--', 'abc', '-.-']],
  ['regexReplaceAll', '"(-?[^a-z\\\\d\\\\-])+-?"', ['My_Release.Name-1', 'abc-def', 'UPPER']],
  ['regexMatch', '`^([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?$`', ['1.2.3', '1.2.3-rc.1+build.5', 'v1.2', '1..2']],
  ['regexMatch', '"{(v[0-9])*[^}]*}}$"', ['{{ .Values.x }}', '{v1}}', 'abc']],
  ['regexFind', '"-r\\\\d+$|sha256:"', ['2.4.0-debian-11-r12', 'sha256:abc', '1.0']],
  ['regexReplaceAll', '"^redis:\\\\/\\\\/(.*)"', ['redis://host:6379', 'http://x']],
  ['regexMatch', '"^[\\\\w-\\\\.]+$"', ['abc', 'a.b-c']],
  ['regexMatch', '"\\\\$(?:__(?:env|file|vault))?{[^}]+}"', ['$__env{HOME}', '${x}', '$x']],
  ['regexReplaceAll', '"[^a-zA-Z0-9-_.]+"', ['a b/c', 'ok-name_1.2']],
  ['regexReplaceAll', '"@sha256:[a-f0-9]+"', ['nginx@sha256:abc123', 'nginx:1.25']],
  ['regexFind', '"v\\\\d+\\\\.\\\\d+\\\\.\\\\d+"', ['image:v1.30.2-eks', 'latest']],
  ['regexSplit', '":"', ['host:8080:extra']],
];
for (const [fn, pattern, inputs] of CORPUS_REGEX) {
  for (const input of inputs) {
    if (fn === 'regexReplaceAll' || fn === 'regexReplaceAllLiteral') cases.push(`{{ ${fn} ${pattern} ${lit(input)} "\${1}-" }}`);
    else if (fn === 'regexSplit') cases.push(`{{ ${fn} ${pattern} ${lit(input)} -1 }}`);
    else cases.push(`{{ ${fn} ${pattern} ${lit(input)} }}`);
  }
}
