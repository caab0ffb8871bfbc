/**
 * Chart.yaml and requirements.yaml read into ChartMetadata the way
 * sigs.k8s.io/yaml + encoding/json fill Helm's struct (keys matched without
 * case, unknown keys ignored, wrong types an error), and Helm's validation
 * of the result with its messages.
 */
import { isGoMap, type GoMap, type GoValue } from '../go/value.js';
import type { JsonTarget } from '../yaml/go-yaml-load.js';
import type { ChartMetadata, Dependency, Maintainer } from './chart.js';

// The Go types Helm decodes chart files into, as sigs.k8s.io/yaml's
// convertToJSONableObject walks them: a YAML number or boolean that lands in
// a string field becomes a string there (`appVersion: 1.10` is "1.1").
const STRING: JsonTarget = { kind: 'string' };
const OTHER: JsonTarget = { kind: 'other' };
const STRINGS: JsonTarget = { kind: 'slice', elem: STRING };

/** chart.Dependency (helm pkg/chart/dependency.go). */
const DEPENDENCY: JsonTarget = {
  kind: 'struct',
  fields: {
    name: STRING, version: STRING, repository: STRING, condition: STRING, tags: STRINGS, enabled: OTHER,
    'import-values': { kind: 'slice', elem: OTHER }, alias: STRING,
  },
};

/** chart.Metadata with chart.Maintainer (helm pkg/chart/metadata.go): Chart.yaml and requirements.yaml. */
export const METADATA_TARGET: JsonTarget = {
  kind: 'struct',
  fields: {
    name: STRING, home: STRING, sources: STRINGS, version: STRING, description: STRING, keywords: STRINGS,
    maintainers: { kind: 'slice', elem: { kind: 'struct', fields: { name: STRING, email: STRING, url: STRING } } },
    icon: STRING, apiVersion: STRING, condition: STRING, tags: STRING, appVersion: STRING, deprecated: OTHER,
    annotations: { kind: 'map', elem: STRING }, kubeVersion: STRING, dependencies: { kind: 'slice', elem: DEPENDENCY },
    type: STRING,
  },
};

/** chart.Lock (Chart.lock, requirements.lock); `generated` is a time.Time, which has its own UnmarshalJSON. */
export const LOCK_TARGET: JsonTarget = {
  kind: 'struct',
  fields: { generated: OTHER, digest: STRING, dependencies: { kind: 'slice', elem: DEPENDENCY } },
};

/**
 * A chart that cannot be loaded; `file` is the chart file on disk at fault, when one is and the
 * chart is a directory, and `position` the place of a YAML syntax error in it (1-based).
 */
export class ChartLoadError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly position?: { line: number; column: number },
  ) {
    super(message);
  }
}

export function emptyMetadata(): ChartMetadata {
  return {
    name: '', home: '', sources: [], version: '', description: '', keywords: [], maintainers: [], icon: '',
    apiVersion: '', condition: '', tags: '', appVersion: '', deprecated: false, annotations: {}, kubeVersion: '',
    dependencies: null, type: '',
  };
}

/** The JSON kind encoding/json names in "cannot unmarshal X into Go ..." errors. */
export function jsonKind(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** Looks a JSON field up the way encoding/json does: exact name first, then without case. */
function field(m: GoMap, name: string): GoValue {
  if (name in m) return m[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(m)) if (k.toLowerCase() === lower) return m[k];
  return undefined;
}

class Decoder {
  constructor(private readonly struct: string) {}

  private fail(v: GoValue, path: string, type: string): never {
    throw new ChartLoadError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go struct field ${this.struct}.${path} of type ${type}`,
    );
  }

  str(m: GoMap, name: string, path = name): string {
    const v = field(m, name);
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string') this.fail(v, path, 'string');
    return v;
  }

  bool(m: GoMap, name: string): boolean {
    const v = field(m, name);
    if (v === undefined || v === null) return false;
    if (typeof v !== 'boolean') this.fail(v, name, 'bool');
    return v;
  }

  strings(m: GoMap, name: string): string[] {
    const v = field(m, name);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) this.fail(v, name, '[]string');
    return v.map((x) => {
      if (x === null) return '';
      if (typeof x !== 'string') this.fail(x, name, 'string');
      return x;
    });
  }
}

function decodeDependencies(list: GoValue, struct: string): Dependency[] | null {
  if (list === undefined || list === null) return null;
  const d = new Decoder(struct);
  if (!Array.isArray(list)) throw new ChartLoadError(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(list)} into Go struct field ${struct}.dependencies of type []*chart.Dependency`);
  return list.map((item) => {
    const m = isGoMap(item) ? item : (Object.create(null) as GoMap);
    const iv = field(m, 'import-values');
    return {
      name: d.str(m, 'name', 'dependencies.name'),
      version: d.str(m, 'version', 'dependencies.version'),
      repository: d.str(m, 'repository', 'dependencies.repository'),
      condition: d.str(m, 'condition', 'dependencies.condition'),
      tags: d.strings(m, 'tags'),
      enabled: d.bool(m, 'enabled'),
      importValues: Array.isArray(iv) ? iv : [],
      alias: d.str(m, 'alias', 'dependencies.alias'),
    };
  });
}

/** Fills `md` from a parsed Chart.yaml document (fields present overwrite). */
export function decodeMetadata(doc: GoValue, md: ChartMetadata): void {
  if (doc === null || doc === undefined) return;
  if (!isGoMap(doc)) {
    throw new ChartLoadError(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(doc)} into Go value of type chart.Metadata`);
  }
  const d = new Decoder('Metadata');
  const has = (k: string) => field(doc, k) !== undefined;
  if (has('name')) md.name = d.str(doc, 'name');
  if (has('home')) md.home = d.str(doc, 'home');
  if (has('sources')) md.sources = d.strings(doc, 'sources');
  if (has('version')) md.version = d.str(doc, 'version');
  if (has('description')) md.description = d.str(doc, 'description');
  if (has('keywords')) md.keywords = d.strings(doc, 'keywords');
  if (has('icon')) md.icon = d.str(doc, 'icon');
  if (has('apiVersion')) md.apiVersion = d.str(doc, 'apiVersion');
  if (has('condition')) md.condition = d.str(doc, 'condition');
  if (has('tags')) md.tags = d.str(doc, 'tags');
  if (has('appVersion')) md.appVersion = d.str(doc, 'appVersion');
  if (has('deprecated')) md.deprecated = d.bool(doc, 'deprecated');
  if (has('kubeVersion')) md.kubeVersion = d.str(doc, 'kubeVersion');
  if (has('type')) md.type = d.str(doc, 'type');
  if (has('maintainers')) {
    const list = field(doc, 'maintainers');
    md.maintainers = Array.isArray(list)
      ? list.map((x): Maintainer => {
          const m = isGoMap(x) ? x : (Object.create(null) as GoMap);
          return { name: d.str(m, 'name', 'maintainers.name'), email: d.str(m, 'email', 'maintainers.email'), url: d.str(m, 'url', 'maintainers.url') };
        })
      : [];
  }
  if (has('annotations')) {
    const a = field(doc, 'annotations');
    md.annotations = {};
    if (isGoMap(a)) {
      for (const [k, v] of Object.entries(a)) {
        if (v !== null && typeof v !== 'string') {
          throw new ChartLoadError(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go struct field Metadata.annotations of type string`);
        }
        md.annotations[k] = v ?? '';
      }
    }
  }
  if (has('dependencies')) md.dependencies = decodeDependencies(field(doc, 'dependencies'), 'Metadata');
}

/**
 * Checks a Chart.lock or requirements.lock the way decoding it into
 * chart.Lock does: Helm reads the lock only to fail on a broken one.
 * `generated` goes through time.Time's UnmarshalJSON, which refuses anything
 * but a JSON string (a malformed time string is left unchecked here).
 */
export function decodeLock(doc: GoValue): void {
  if (doc === null || doc === undefined) return;
  if (!isGoMap(doc)) {
    throw new ChartLoadError(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(doc)} into Go value of type chart.Lock`);
  }
  const generated = field(doc, 'generated');
  if (generated !== undefined && generated !== null && typeof generated !== 'string') {
    throw new ChartLoadError('error unmarshaling JSON: while decoding JSON: Time.UnmarshalJSON: input is not a JSON string');
  }
  new Decoder('Lock').str(doc, 'digest');
  decodeDependencies(field(doc, 'dependencies'), 'Lock');
}

/** Masterminds/semver v3 NewVersion (loose: "1", "1.2", "v1.2.3-rc.1+b"). */
const SEMVER = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

export function isValidSemver(v: string): boolean {
  const m = SEMVER.exec(v);
  if (!m) return false;
  if (m[5]) {
    for (const id of m[5].split('.')) if (/^[0-9]+$/.test(id) && id.length > 1 && id[0] === '0') return false;
  }
  return true;
}

/** Go's sanitizeString: white space becomes ' ', non-printable characters go. */
function sanitize(s: string): string {
  let out = '';
  for (const ch of s) {
    if (/\s/u.test(ch)) out += ' ';
    else if (/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}]/u.test(ch)) continue;
    else out += ch;
  }
  return out;
}

/** Helm's Metadata.Validate, with its "validation: ..." messages. */
export function validateMetadata(md: ChartMetadata): void {
  const fail = (msg: string): never => {
    throw new ChartLoadError(`validation: ${msg}`);
  };
  md.name = sanitize(md.name);
  md.description = sanitize(md.description);
  md.home = sanitize(md.home);
  md.icon = sanitize(md.icon);
  md.condition = sanitize(md.condition);
  md.tags = sanitize(md.tags);
  md.appVersion = sanitize(md.appVersion);
  md.kubeVersion = sanitize(md.kubeVersion);
  md.sources = md.sources.map(sanitize);
  md.keywords = md.keywords.map(sanitize);
  if (md.apiVersion === '') fail('chart.metadata.apiVersion is required');
  if (md.name === '') fail('chart.metadata.name is required');
  if (md.name === '.' || md.name === '..') fail(`chart.metadata.name "${md.name}" is not allowed`);
  if (md.name.includes('/') || md.name.endsWith('/')) fail(`chart.metadata.name "${md.name}" is invalid`);
  if (md.version === '') fail('chart.metadata.version is required');
  if (!isValidSemver(md.version)) fail(`chart.metadata.version "${md.version}" is invalid`);
  if (!['', 'application', 'library'].includes(md.type)) fail('chart.metadata.type must be application or library');
  for (const m of md.maintainers) {
    m.name = sanitize(m.name);
    m.email = sanitize(m.email);
    m.url = sanitize(m.url);
  }
  const seen = new Set<string>();
  for (const dep of md.dependencies ?? []) {
    dep.name = sanitize(dep.name);
    dep.version = sanitize(dep.version);
    dep.repository = sanitize(dep.repository);
    dep.condition = sanitize(dep.condition);
    dep.tags = dep.tags.map(sanitize);
    if (dep.alias !== '' && !/^[a-zA-Z0-9_-]+$/.test(dep.alias)) fail(`dependency "${dep.name}" has disallowed characters in the alias`);
    const key = dep.alias !== '' ? dep.alias : dep.name;
    if (seen.has(key)) fail(`more than one dependency with name or alias "${key}"`);
    seen.add(key);
  }
}
