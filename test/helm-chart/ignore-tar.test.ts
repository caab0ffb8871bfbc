import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HelmIgnore } from '../../src/helm/chart/helmignore.js';
import { goPathMatch, compileFilesGlob } from '../../src/helm/go/path-match.js';
import { loadArchiveFiles, readTar, writeTar, cleanPath } from '../../src/helm/chart/tar.js';

const dec = new TextDecoder();

describe('Go path.Match', () => {
  it('matches like Go: * and ? stop at /, classes with ^ negation and ranges', () => {
    expect(goPathMatch('templates/*.yaml', 'templates/a.yaml')).toBe(true);
    expect(goPathMatch('templates/*.yaml', 'templates/sub/a.yaml')).toBe(false);
    expect(goPathMatch('templates/subdir/role*', 'templates/subdir/rolebinding.yaml')).toBe(true);
    expect(goPathMatch('a?c', 'abc')).toBe(true);
    expect(goPathMatch('a?c', 'a/c')).toBe(false);
    expect(goPathMatch('[^a-c]x', 'dx')).toBe(true);
    expect(goPathMatch('[^a-c]x', 'bx')).toBe(false);
    expect(goPathMatch('\\*', '*')).toBe(true);
    expect(goPathMatch('a.b', 'axb')).toBe(false);
  });

  it('rejects bad patterns', () => {
    expect(() => goPathMatch('[', 'a')).toThrow('syntax error in pattern');
    expect(() => goPathMatch('[]', 'a')).toThrow('syntax error in pattern');
    expect(() => goPathMatch('a\\', 'a')).toThrow('syntax error in pattern');
  });
});

describe('.Files.Glob patterns (gobwas/glob)', () => {
  it('supports **, {a,b} and [!x]', () => {
    expect(compileFilesGlob('files/**')!.test('files/a/b.txt')).toBe(true);
    expect(compileFilesGlob('files/*')!.test('files/a/b.txt')).toBe(false);
    expect(compileFilesGlob('*.{json,yaml}')!.test('x.yaml')).toBe(true);
    expect(compileFilesGlob('*.{json,yaml}')!.test('x.yml')).toBe(false);
    expect(compileFilesGlob('[!a]*')!.test('abc')).toBe(false);
    expect(compileFilesGlob('[!a]*')!.test('bbc')).toBe(true);
  });
});

describe('.helmignore', () => {
  const rules = HelmIgnore.parse('# comment\n*.swp\n/secret.txt\ndocs/\nci/*.yaml\n\n');
  rules.addDefaults();

  it('matches base names, anchored paths, directories and the default templates/.?* rule', () => {
    expect(rules.ignores('a/b/x.swp', false)).toBe(true);
    expect(rules.ignores('secret.txt', false)).toBe(true);
    expect(rules.ignores('sub/secret.txt', false)).toBe(false);
    expect(rules.ignores('docs', true)).toBe(true);
    expect(rules.ignores('docs', false)).toBe(false);
    expect(rules.ignores('ci/a.yaml', false)).toBe(true);
    expect(rules.ignores('templates/.hidden', false)).toBe(true);
    expect(rules.ignores('templates/svc.yaml', false)).toBe(false);
  });

  it("keeps Helm's negation quirk: a negated rule ignores whatever it does not match", () => {
    const neg = HelmIgnore.parse('!keep.txt\n');
    expect(neg.ignores('keep.txt', false)).toBe(false);
    expect(neg.ignores('other.txt', false)).toBe(true);
  });

  it('rejects ** like Helm', () => {
    expect(() => HelmIgnore.parse('a/**/b\n')).toThrow('double-star (**) syntax is not supported');
  });
});

describe('chart archives', () => {
  it('reads a tar we wrote and strips the top directory', () => {
    const tgz = gzipSync(writeTar([
      { name: 'mychart/', type: '5' },
      { name: 'mychart/Chart.yaml', data: 'name: mychart\n' },
      { name: 'mychart/templates/a.yaml', data: '\ufeffkind: A\n' },
    ]));
    const files = loadArchiveFiles(tgz);
    expect(files.map((f) => f.name)).toEqual(['Chart.yaml', 'templates/a.yaml']);
    expect(dec.decode(files[1].data)).toBe('kind: A\n');
  });

  it('reads GNU long names', () => {
    const long = 'c/' + 'x'.repeat(120) + '.yaml';
    const tar = writeTar([{ name: '././@LongLink', type: 'L', data: long + '\0' }, { name: 'truncated', data: 'v' }]);
    expect(readTar(tar).map((e) => e.name)).toEqual([long]);
  });

  it('rejects entries that escape the chart root, with Helm messages', () => {
    const escape = gzipSync(writeTar([{ name: 'mychart/../../etc/passwd', data: 'x' }]));
    expect(() => loadArchiveFiles(escape)).toThrow('chart illegally references parent directory');
    const abs = gzipSync(writeTar([{ name: 'mychart//abs', data: 'x' }]));
    expect(() => loadArchiveFiles(abs)).toThrow('chart illegally contains absolute paths');
    const top = gzipSync(writeTar([{ name: 'Chart.yaml', data: 'x' }]));
    expect(() => loadArchiveFiles(top)).toThrow('chart illegally contains content outside the base directory: "Chart.yaml"');
    const empty = gzipSync(writeTar([]));
    expect(() => loadArchiveFiles(empty)).toThrow('no files in chart archive');
    expect(() => loadArchiveFiles(new TextEncoder().encode('not gzip'))).toThrow('gzip: invalid header');
  });

  it('cleans paths like Go', () => {
    expect(cleanPath('a/./b/../c')).toBe('a/c');
    expect(cleanPath('../x')).toBe('../x');
    expect(cleanPath('')).toBe('.');
  });
});

describe('patterns with dashes', () => {
  it('compiles a dash outside a class (kube-prometheus-*.tgz)', () => {
    expect(goPathMatch('kube-prometheus-*.tgz', 'kube-prometheus-1.tgz')).toBe(true);
    expect(() => goPathMatch('[a-c-]x', '-x')).toThrow('syntax error in pattern');
    expect(compileFilesGlob('dash-*.json')!.test('dash-a.json')).toBe(true);
  });
});
