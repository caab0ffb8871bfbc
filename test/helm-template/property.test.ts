/**
 * Property tests for the template engine on random mixes of text and actions
 * (trim markers, comments, literals, fields, variables, builtin calls,
 * pipelines, if/with/range blocks):
 * - always: rendering is deterministic, never fails with anything but a
 *   HelmRenderError, and the provenance spans tile the output exactly;
 * - when the Go reference renderer is available (GOTPL=/path/to/gotpl, or the
 *   binary scripts/gotpl-build.sh builds): output or error equals Go's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HelmRenderError, renderHelm } from '../../src/helm/template/helm-engine.js';
import type { GoMap } from '../../src/helm/go/value.js';

const T = 'chart/templates/p.yaml';
const valuesJson = { i: 3, f: 1.5, s: 'str', u: 'é✓ 😀', b: true, n: null, l: [1, 'a', null], m: { k: 'v', z: 0, é: 'x' }, e: '' };

function findGotpl(): string | undefined {
  const candidates = [process.env.GOTPL, join(process.env.TMPDIR ?? tmpdir(), 'k8s-todo-lint-gotpl', 'gotpl')];
  return candidates.find((c): c is string => c !== undefined && c !== '' && existsSync(c));
}
const gotpl = findGotpl();

// --- generators -------------------------------------------------------------

const fields = ['.Values.i', '.Values.f', '.Values.s', '.Values.u', '.Values.b', '.Values.n', '.Values.l', '.Values.m', '.Values.e', '.Values.missing', '.Values.m.k', '.Values.m.z', '.Values.m.missing', '.Values.m.é', '.Values.s.x', '.Values.n.x', '.'];
const literals = ['1', '0', '-2', '1.5', '"str"', '""', '`r\\aw`', "'c'", 'true', 'false', '0x10', '1e3', '"é"'];
const vars = ['$', '$x', '$.Values.s'];
const formats = ['"%v"', '"%d"', '"%s|%v"', '"%q"', '"%5.1f"', '"%x"', '"%T"', '"%-4v|"', '"%t"', '"plain"'];
const fns = ['print', 'printf', 'println', 'len', 'index', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'and', 'or', 'not', 'html', 'js', 'urlquery'];

const operand: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...fields) },
  { weight: 3, arbitrary: fc.constantFrom(...literals) },
  { weight: 1, arbitrary: fc.constantFrom(...vars) },
);

const { pipeline } = fc.letrec<{ pipeline: string; command: string; arg: string }>((tie) => ({
  arg: fc.oneof({ weight: 5, arbitrary: operand }, { weight: 1, arbitrary: tie('pipeline').map((p) => `(${p})`) }),
  command: fc.oneof(
    { weight: 2, arbitrary: operand },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...fns), fc.array(tie('arg'), { maxLength: 3 }), fc.constantFrom(...formats))
        .map(([f, args, fmt]) => (f === 'printf' ? [f, fmt, ...args] : [f, ...args]).join(' ')),
    },
  ),
  pipeline: fc
    .tuple(tie('command'), fc.array(fc.tuple(fc.constantFrom(...fns), fc.array(tie('arg'), { maxLength: 2 })), { maxLength: 2 }))
    .map(([first, rest]) => [first, ...rest.map(([f, a]) => [f, ...a].join(' '))].join(' | ')),
}));

const text = fc
  .array(fc.constantFrom('a', 'b', ' ', '  ', '\n', '\t', '{', '}', '-', 'é', ':', '\r\n', '😀'), { maxLength: 8 })
  .map((a) => a.join(''));

const open = fc.constantFrom('{{', '{{- ', '{{ ');
const close = fc.constantFrom('}}', ' -}}', ' }}');

const { segments } = fc.letrec<{ segments: string; segment: string }>((tie) => ({
  segment: fc.oneof(
    { weight: 4, arbitrary: text },
    { weight: 5, arbitrary: fc.tuple(open, pipeline, close).map(([o, p, c]) => `${o}${p}${c}`) },
    { weight: 1, arbitrary: fc.tuple(open, close).map(([o, c]) => `${o}/* c */${c}`) },
    { weight: 1, arbitrary: fc.tuple(open, pipeline, close).map(([o, p, c]) => `${o}$x := ${p}${c}`) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('if', 'with', 'range'), pipeline, tie('segments'), fc.option(tie('segments')), open, close)
        .map(([kw, p, body, els, o, c]) => `${o}${kw} ${p}${c}${body}${els !== null ? `${o}else${c}${els}` : ''}${o}end${c}`),
    },
  ),
  segments: fc.array(tie('segment'), { maxLength: 4 }).map((a) => a.join('')),
}));

// --- running ----------------------------------------------------------------

function goData(): GoMap {
  return { Values: structuredClone(valuesJson) as GoMap };
}

function ours(tpl: string): { output?: string; error?: string; spansOk: boolean } {
  try {
    const r = renderHelm([{ name: T, text: tpl, data: goData() }], {}).get(T)!;
    let at = 0;
    let spansOk = true;
    for (const s of r.spans) {
      if (s.start !== at || s.end <= s.start) spansOk = false;
      at = s.end;
    }
    if (at !== r.text.length) spansOk = false;
    return { output: r.text, spansOk };
  } catch (e) {
    if (!(e instanceof HelmRenderError)) throw e;
    return { error: e.message, spansOk: true };
  }
}

/** Known wording differences between gotpl's Go 1.19 and the Go Helm v3.21 is built with. */
function normalize(msg: string): string {
  return msg
    .replace(/incompatible types for comparison: .+? and [^:]+?(?=$|: |")/g, 'incompatible types for comparison')
    .replace(/unexpected right paren U\+0029 '\)'/g, 'unexpected right paren')
    .replace(/unexpected "\)" in [\w ]+$/, 'unexpected right paren');
}

function go(tpl: string): { output?: string; error?: string } {
  const job = JSON.stringify({ templates: { [T]: tpl }, data: { Values: valuesJson } });
  const r = spawnSync(gotpl!, ['-batch'], { input: job + '\n', encoding: 'utf8' });
  const res = JSON.parse(r.stdout) as { rendered?: Record<string, string>; error?: string };
  return res.error !== undefined ? { error: res.error } : { output: res.rendered![T] };
}

/** Constructs where gotpl (Go 1.19) and newer Go legitimately differ. */
function versionSensitive(tpl: string): boolean {
  // range over an integer (Go 1.22+).
  return /range[^}]*(len|\b\d|index)/.test(tpl);
}

describe('template engine properties', () => {
  it('renders deterministically, fails only with HelmRenderError, and tiles spans', () => {
    fc.assert(
      fc.property(segments, (tpl) => {
        const a = ours(tpl);
        const b = ours(tpl);
        expect(b).toEqual(a);
        expect(a.spansOk).toBe(true);
      }),
      { numRuns: 400, seed: 4242 },
    );
  });

  it('renders plain text verbatim', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }).filter((s) => !s.includes('{{')), (s) => {
        expect(ours(s).output).toBe(s.split('<no value>').join(''));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it.runIf(gotpl !== undefined)('matches the Go reference renderer', () => {
    fc.assert(
      fc.property(
        segments.filter((t) => !versionSensitive(t)),
        (tpl) => {
          const want = go(tpl);
          const got = ours(tpl);
          if (want.error !== undefined) {
            expect(got.error === undefined ? { output: got.output } : normalize(got.error)).toBe(normalize(want.error));
          } else {
            expect(got.error ?? got.output).toBe(want.output);
          }
        },
      ),
      { numRuns: Number(process.env.TEMPLATE_PROPERTY_RUNS ?? 150), seed: Number(process.env.TEMPLATE_PROPERTY_SEED ?? 20250101) },
    );
  });
});
