import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { sortManifests, splitManifests, readHead } from '../../src/helm/chart/manifests.js';
import { isCompatibleRange } from '../../src/helm/chart/semver-range.js';
import { parseKubeVersion } from '../../src/helm/chart/builtins.js';
import { YAML11_SCHEMA } from '../../src/load/yaml11-schema.js';

describe('splitting rendered files', () => {
  it("splits on Helm's separator rule, trims and drops empty documents, keeping offsets", () => {
    const file = '\n---\n# comment only\n---\nkind: A\n  \n---   \n\n---\nkind: B\nx: "---"\n--- \nkind: C---\n';
    const pieces = splitManifests(file);
    // The blanks after a separator are eaten with it, so a second "---" right after stays in the document, as in Helm.
    expect(pieces.map((p) => p.text)).toEqual(['# comment only', 'kind: A', '---\nkind: B\nx: "---"', 'kind: C---']);
    for (const p of pieces) expect(file.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
  });

  it('agrees with the separator regular expression on random text', () => {
    // The reference: Go's regexp.Split semantics with the RE2 pattern, written the slow way.
    const reference = (file: string): string[] => {
      const big = file.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, '');
      return big
        .split(/(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/)
        .filter((d) => d !== '')
        .map((d) => d.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, ''));
    };
    const chars = fc.constantFrom('-', '-', '-', '\n', ' ', '\t', 'a', '#', '\r');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }).map((a) => a.join('')), (file) => {
        const pieces = splitManifests(file);
        expect(pieces.map((p) => p.text)).toEqual(reference(file));
        for (const p of pieces) expect(file.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
      }),
      { numRuns: 3000 },
    );
  });

  it('does not split on --- inside a line', () => {
    expect(splitManifests('a: b --- c\nd: ---').map((p) => p.text)).toEqual(['a: b --- c\nd: ---']);
  });
});

describe('sorting manifests', () => {
  it('sorts by InstallOrder, unknown kinds last by name, ties in file then document order; hooks apart', () => {
    const files = new Map<string, string>([
      ['c/templates/z.yaml', 'kind: Deployment\nmetadata: {name: d1}\n---\nkind: Service\nmetadata: {name: s1}\n'],
      ['c/templates/a.yaml', 'kind: Zebra\n---\nkind: Deployment\nmetadata: {name: d0}\n---\nkind: Alpaca\n'],
      ['c/templates/_helpers.tpl', 'kind: Secret\n'],
      ['c/templates/hooks.yaml', 'kind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook: pre-install,post-install\n---\nkind: Pod\nmetadata:\n  annotations: {"helm.sh/hook": bogus}\n'],
      ['c/templates/ns.yaml', '  \n'],
    ]);
    const logs: string[] = [];
    const { hooks, manifests } = sortManifests(files, (m) => logs.push(m));
    expect(manifests.map((m) => `${m.name}:${m.head.kind}:${m.head.name}`)).toEqual([
      'c/templates/z.yaml:Service:s1',
      'c/templates/a.yaml:Deployment:d0',
      'c/templates/z.yaml:Deployment:d1',
      'c/templates/a.yaml:Alpaca:',
      'c/templates/a.yaml:Zebra:',
    ]);
    expect(hooks.map((h) => `${h.head.kind}:${h.events.join(',')}`)).toEqual(['Job:pre-install,post-install']);
    expect(logs).toEqual(['info: skipping unknown hook: "bogus"']);
  });

  it('reads heads fast where that is safe and exactly where YAML 1.1 could differ', () => {
    expect(readHead('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {"helm.sh/hook": test, a: "yes"}\n', 'x')).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      name: 'p',
      annotations: { 'helm.sh/hook': 'test', a: 'yes' },
    });
    // Plain yes is a boolean to yaml.v2; sigs.k8s.io/yaml's convertToJSONableObject turns a
    // number or boolean landing in SimpleHead's string fields or map[string]string into a string.
    expect(readHead('kind: Pod\nmetadata:\n  name: 12\n  annotations:\n    a: yes\n    big: 1000000\n    f: 0.10\n', 'c/templates/p.yaml')).toEqual({
      apiVersion: '',
      kind: 'Pod',
      name: '12',
      annotations: { a: 'true', big: '1000000', f: '0.1' },
    });
    expect(() => readHead('kind: Pod\nmetadata:\n  annotations:\n    a: [1]\n', 'c/templates/p.yaml')).toThrow(
      'YAML parse error on c/templates/p.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field .metadata.annotations of type string',
    );
  });

  it("reads heads from a caller's parse (the linter's, YAML 1.1 scalars) exactly as from its own", () => {
    const parsed: string[] = [];
    const yaml11 = (doc: string) => {
      parsed.push(doc);
      return jsyaml.load(doc, { schema: YAML11_SCHEMA });
    };
    const docs = [
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {"helm.sh/hook": test, a: "yes"}\n',
      // yes, 1000000 and 0.10 are not strings in YAML 1.1: the exact loader answers, as without a parse given.
      'kind: Pod\nmetadata:\n  name: 12\n  annotations:\n    a: yes\n    big: 1000000\n    f: 0.10\n',
      'kind: 5\napiVersion: 1.0\n',
      'kind: Pod\nmetadata:\n  name: on\n',
    ];
    for (const doc of docs) expect(readHead(doc, 'c/templates/p.yaml', yaml11)).toEqual(readHead(doc, 'c/templates/p.yaml'));
    expect(parsed).toEqual(docs);
    // A parse that throws (a repeated key, bad YAML) leaves the head to the exact loader, with Go's error text.
    const refuse = () => {
      throw new Error('duplicated mapping key');
    };
    expect(readHead('kind: Pod\nkind: Job\n', 'x', refuse)).toMatchObject({ kind: 'Job' });
    expect(() => readHead('kind: A\nmetadata:\n  name: x\n annotations: 1\n', 'c/templates/bad.yaml', refuse)).toThrow(/^YAML parse error on c\/templates\/bad.yaml: /);
  });

  it('reports YAML errors with the template name', () => {
    expect(() => readHead('kind: A\nmetadata:\n  name: x\n annotations: 1\n', 'c/templates/bad.yaml')).toThrow(/^YAML parse error on c\/templates\/bad.yaml: /);
    expect(readHead('kind: 5\napiVersion: 1.0\n', 'c/templates/k.yaml')).toMatchObject({ kind: '5', apiVersion: '1' });
    expect(() => readHead('kind: {a: 1}\n', 'c/templates/k.yaml')).toThrow(
      'YAML parse error on c/templates/k.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go struct field SimpleHead.kind of type string',
    );
  });
});

describe('semver constraints (IsCompatibleRange)', () => {
  it('follows Masterminds rules', () => {
    expect(isCompatibleRange('>=1.16.0-0', 'v1.20.0')).toBe(true);
    expect(isCompatibleRange('>= 1.19.0-0 < 1.30.0-0', 'v1.36.0')).toBe(false);
    expect(isCompatibleRange('~0.1.0', '0.1.5')).toBe(true);
    expect(isCompatibleRange('~0.1.0', '0.2.0')).toBe(false);
    expect(isCompatibleRange('^2.0.0', '2.9.1')).toBe(true);
    expect(isCompatibleRange('2.x.x', '3.0.0')).toBe(false);
    expect(isCompatibleRange('1.2.3', '1.2.3')).toBe(true);
    expect(isCompatibleRange('>=1.0.0', '1.1.0-rc1')).toBe(false);
    expect(isCompatibleRange('<1.0.0 || >=2.0.0', '2.1.0')).toBe(true);
    expect(isCompatibleRange('1.0.0 - 1.5.0', '1.4.9')).toBe(true);
    expect(isCompatibleRange('', '1.0.0')).toBe(true);
    expect(isCompatibleRange('nonsense!', '1.0.0')).toBe(false);
  });

  it('parses kube versions like Helm', () => {
    expect(parseKubeVersion('1.16.0').formatAction()).toBe('v1.16.0');
    expect(parseKubeVersion('v1.30').formatAction()).toBe('v1.30');
    expect(parseKubeVersion('1.20.3-gke.100').formatAction()).toBe('v1.20.3');
    expect(() => parseKubeVersion('1')).toThrow('illegal version string "1"');
    expect(() => parseKubeVersion('01.2')).toThrow('illegal zero-prefixed version component "01" in "01.2"');
    expect(parseKubeVersion('1.20.0').minor).toBe('20');
    expect(() => parseKubeVersion('abc')).toThrow('could not parse "abc" as version');
  });
});
