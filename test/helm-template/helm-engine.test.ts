/**
 * The Helm layer's API beyond the golden cases: HelmRenderError locations,
 * parse order, partials and NOTES.txt, .Template, options.
 */
import { describe, expect, it } from 'vitest';
import { HelmRenderError, helmParseOrder, renderHelm } from '../../src/helm/template/helm-engine.js';
import type { GoMap } from '../../src/helm/go/value.js';

const data = (): GoMap => ({ Values: { s: 'str', n: null } });

function renderError(files: Record<string, string>, strict = false): HelmRenderError {
  const d = data();
  try {
    renderHelm(Object.entries(files).map(([name, text]) => ({ name, text, data: d })), {}, { strict });
  } catch (e) {
    expect(e).toBeInstanceOf(HelmRenderError);
    return e as HelmRenderError;
  }
  throw new Error('no error');
}

describe('Helm engine API', () => {
  it('locates parse errors by template and line', () => {
    const e = renderError({ 'c/templates/a.yaml': 'ok', 'c/templates/b.yaml': 'line1\nline2 {{ if }}' });
    expect(e.message).toBe('parse error at (c/templates/b.yaml:2): missing value for if');
    expect(e).toMatchObject({ template: 'c/templates/b.yaml', line: 2 });
    expect(e.column).toBeUndefined();
  });

  it('converts Go byte columns to 1-based UTF-16 columns', () => {
    const e = renderError({ 'c/templates/a.yaml': 'x\nhéllo ✓ {{ .Values.s.x }}' });
    expect(e.message).toBe(
      'template: c/templates/a.yaml:2:21: executing "c/templates/a.yaml" at <.Values.s.x>: can\'t evaluate field x in type interface {}',
    );
    // Go positions a field chain at its second field (".s"): byte 21, UTF-16 column 19.
    expect(e).toMatchObject({ template: 'c/templates/a.yaml', line: 2, column: 19 });
  });

  it('locates required/fail errors at the outermost call, as Helm does', () => {
    const e = renderError({
      'c/templates/_h.tpl': '{{ define "h" }}\n  {{ required "need it" .missing }}{{ end }}',
      'c/templates/a.yaml': '{{ include "h" .Values }}',
    });
    expect(e.message).toBe('execution error at (c/templates/a.yaml:1:3): need it');
    expect(e).toMatchObject({ template: 'c/templates/a.yaml', line: 1, column: 4 });
  });

  it('reports strict-mode missing keys', () => {
    const e = renderError({ 'c/templates/a.yaml': '{{ .Values.nope }}' }, true);
    expect(e.message).toBe('template: c/templates/a.yaml:1:10: executing "c/templates/a.yaml" at <.Values.nope>: map has no entry for key "nope"');
  });

  it('orders templates as Helm parses them', () => {
    expect(helmParseOrder(['c/templates/b.yaml', 'c/charts/s/templates/x.yaml', 'c/templates/a.yaml', 'c/templates/_h.tpl', 'c/NOTES.txt'])).toEqual([
      'c/charts/s/templates/x.yaml',
      'c/templates/b.yaml',
      'c/templates/a.yaml',
      'c/templates/_h.tpl',
      'c/NOTES.txt',
    ]);
  });

  it('renders NOTES.txt and skips partials; sets .Template', () => {
    const d = data();
    const out = renderHelm(
      [
        { name: 'c/templates/_h.tpl', text: 'partial', data: d },
        { name: 'c/templates/NOTES.txt', text: 'notes {{ .Template.Name }}', data: d },
        { name: 'c/charts/sub/templates/x.yaml', text: '{{ .Template.BasePath }}', data: d },
        { name: 'c/templates/y.yaml', text: '{{ .Template.BasePath }}', data: d, basePath: 'custom/base' },
      ],
      {},
    );
    expect([...out.keys()].sort()).toEqual(['c/charts/sub/templates/x.yaml', 'c/templates/NOTES.txt', 'c/templates/y.yaml']);
    expect(out.get('c/templates/NOTES.txt')!.text).toBe('notes c/templates/NOTES.txt');
    expect(out.get('c/charts/sub/templates/x.yaml')!.text).toBe('c/charts/sub/templates');
    expect(out.get('c/templates/y.yaml')!.text).toBe('custom/base');
  });

  it('lint mode lets required and fail pass', () => {
    const d = data();
    const out = renderHelm([{ name: 'c/templates/a.yaml', text: '[{{ required "x" .Values.nope }}][{{ fail "f" }}]', data: d }], {}, { lintMode: true });
    expect(out.get('c/templates/a.yaml')!.text).toBe('[][]');
  });
});
