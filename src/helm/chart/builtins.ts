/**
 * The built-in objects a Helm template sees besides .Values: .Chart (a Go
 * struct, so unknown fields are errors), .Capabilities (KubeVersion,
 * APIVersions with .Has, HelmVersion), .Files (Get, GetBytes, Glob, Lines,
 * AsConfig, AsSecrets) and .Release (a plain map in Helm, so it is one here).
 */
import { GoObject, NO_FIELD, withGoSignature, type GoFunction, type GoMap, type GoValue } from '../go/value.js';
import { formatValue } from '../go/fmt.js';
import { decodeUtf8AsText } from '../go/utf8.js';
import { helmFuncMap } from '../sprig/index.js';
import type { Chart, ChartFile, Dependency, Maintainer } from './chart.js';
import { compileFilesGlob } from '../go/path-match.js';
import { compareGoStrings } from '../go/utf8.js';

function newMap(): GoMap {
  return Object.create(null) as GoMap;
}

/** Go %v of a struct: `{a b c}`. */
function structV(fields: GoValue[]): string {
  return `{${fields.map((f) => formatValue(f)).join(' ')}}`;
}

/** Builds the JSON object of a struct whose fields are `omitempty`. */
function omitEmpty(entries: [string, GoValue][]): GoMap {
  const m = newMap();
  for (const [k, v] of entries) {
    if (v === undefined || v === null || v === '' || v === false || v === 0) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && !Array.isArray(v) && !(v instanceof GoObject) && !(v instanceof Uint8Array) && Object.keys(v).length === 0) continue;
    m[k] = v instanceof GoObject ? v.toJSONValue() : Array.isArray(v) ? v.map((x) => (x instanceof GoObject ? x.toJSONValue() : x)) : v;
  }
  return m;
}

// ---------------------------------------------------------------- .Capabilities

export class KubeVersionObject extends GoObject {
  constructor(
    readonly version: string,
    readonly major: string,
    readonly minor: string,
  ) {
    super();
  }
  goType(): string {
    return 'chartutil.KubeVersion';
  }
  override field(name: string): GoValue | typeof NO_FIELD {
    if (name === 'Version') return this.version;
    if (name === 'Major') return this.major;
    if (name === 'Minor') return this.minor;
    return NO_FIELD;
  }
  override method(name: string): GoFunction | undefined {
    if (name === 'String' || name === 'GitVersion') return withGoSignature(() => this.version, { params: [] });
    return undefined;
  }
  /**
   * String() has a pointer receiver (chartutil.KubeVersion): text/template's
   * printValue takes the address of the addressable field, so
   * `{{ .Capabilities.KubeVersion }}` prints the version...
   */
  override formatAction(): string {
    return this.version;
  }
  /** ...but a copy passed to a function (quote, print, printf "%v", toString) is printed by fmt as the struct. */
  formatV(): string {
    return `{${this.version} ${this.major} ${this.minor}}`;
  }
  override toJSONValue(): GoValue {
    const m = newMap();
    m.Version = this.version;
    m.Major = this.major;
    m.Minor = this.minor;
    return m;
  }
}

/**
 * Parses a --kube-version as k8s.io/apimachinery's ParseGeneric does: at
 * least two dot-separated numbers after an optional "v", anything after them
 * ignored, every component kept ("1.29" stays v1.29, "1.20.3-gke.1" is v1.20.3).
 */
export function parseKubeVersion(text: string): KubeVersionObject {
  const m = /^\s*v?([0-9]+(?:\.[0-9]+)*)/.exec(text);
  if (!m) throw new Error(`could not parse ${JSON.stringify(text)} as version`);
  const parts = m[1].split('.');
  if (parts.length < 2) throw new Error(`illegal version string ${JSON.stringify(text)}`);
  if (parts[0].length > 1 && parts[0].startsWith('0')) {
    throw new Error(`illegal zero-prefixed version component ${JSON.stringify(parts[0])} in ${JSON.stringify(text)}`);
  }
  const nums = parts.map((p) => {
    const n = BigInt(p);
    if (n > 0xffffffffffffffffn) {
      throw new Error(`illegal non-numeric version component ${JSON.stringify(p)} in ${JSON.stringify(text)}: strconv.ParseUint: parsing ${JSON.stringify(p)}: value out of range`);
    }
    return n.toString();
  });
  return new KubeVersionObject(`v${nums.join('.')}`, nums[0], nums[1]);
}

export class VersionSetObject extends GoObject {
  constructor(readonly versions: string[]) {
    super();
  }
  goType(): string {
    return 'chartutil.VersionSet';
  }
  override goKind(): string {
    return 'slice';
  }
  override method(name: string): GoFunction | undefined {
    if (name === 'Has') return withGoSignature((v) => this.versions.includes(String(v)), { params: ['string'] });
    return undefined;
  }
  /** The elements, for range / len / index. */
  override underlying(): GoValue[] {
    return [...this.versions];
  }
  formatV(): string {
    return `[${this.versions.join(' ')}]`;
  }
  override toJSONValue(): GoValue {
    return [...this.versions];
  }
}

export class HelmVersionObject extends GoObject {
  constructor(
    readonly version: string,
    readonly gitCommit: string,
    readonly gitTreeState: string,
    readonly goVersion: string,
  ) {
    super();
  }
  goType(): string {
    return 'version.BuildInfo';
  }
  override field(name: string): GoValue | typeof NO_FIELD {
    switch (name) {
      case 'Version': return this.version;
      case 'GitCommit': return this.gitCommit;
      case 'GitTreeState': return this.gitTreeState;
      case 'GoVersion': return this.goVersion;
    }
    return NO_FIELD;
  }
  formatV(): string {
    return structV([this.version, this.gitCommit, this.gitTreeState, this.goVersion]);
  }
  override toJSONValue(): GoValue {
    return omitEmpty([['version', this.version], ['git_commit', this.gitCommit], ['git_tree_state', this.gitTreeState], ['go_version', this.goVersion]]);
  }
}

export class CapabilitiesObject extends GoObject {
  constructor(
    readonly kubeVersion: KubeVersionObject,
    readonly apiVersions: VersionSetObject,
    readonly helmVersion: HelmVersionObject,
  ) {
    super();
  }
  goType(): string {
    return '*chartutil.Capabilities';
  }
  override goKind(): string {
    return 'ptr';
  }
  override field(name: string): GoValue | typeof NO_FIELD {
    if (name === 'KubeVersion') return this.kubeVersion;
    if (name === 'APIVersions') return this.apiVersions;
    if (name === 'HelmVersion') return this.helmVersion;
    return NO_FIELD;
  }
  formatV(): string {
    return `&{${this.kubeVersion.formatV()} ${this.apiVersions.formatV()} ${this.helmVersion.formatV()}}`;
  }
  override toJSONValue(): GoValue {
    const m = newMap();
    m.KubeVersion = this.kubeVersion.toJSONValue();
    m.APIVersions = this.apiVersions.toJSONValue();
    m.HelmVersion = this.helmVersion.toJSONValue();
    return m;
  }
}

/**
 * The group/versions client-go v0.36 registers (chartutil.DefaultVersionSet:
 * scheme.Scheme.PrioritizedVersionsAllGroups plus apiextensions v1/v1beta1).
 */
export const DEFAULT_API_VERSIONS: readonly string[] = [
  'v1',
  'admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1beta1', 'admissionregistration.k8s.io/v1alpha1',
  'internal.apiserver.k8s.io/v1alpha1',
  'apps/v1', 'apps/v1beta2', 'apps/v1beta1',
  'authentication.k8s.io/v1', 'authentication.k8s.io/v1beta1', 'authentication.k8s.io/v1alpha1',
  'authorization.k8s.io/v1', 'authorization.k8s.io/v1beta1',
  'autoscaling/v1', 'autoscaling/v2', 'autoscaling/v2beta1', 'autoscaling/v2beta2',
  'batch/v1', 'batch/v1beta1',
  'certificates.k8s.io/v1', 'certificates.k8s.io/v1beta1', 'certificates.k8s.io/v1alpha1',
  'coordination.k8s.io/v1', 'coordination.k8s.io/v1beta1', 'coordination.k8s.io/v1alpha2',
  'discovery.k8s.io/v1', 'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1', 'events.k8s.io/v1beta1',
  'extensions/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1', 'flowcontrol.apiserver.k8s.io/v1beta3', 'flowcontrol.apiserver.k8s.io/v1beta2', 'flowcontrol.apiserver.k8s.io/v1beta1',
  'networking.k8s.io/v1', 'networking.k8s.io/v1beta1', 'networking.k8s.io/v1alpha1',
  'node.k8s.io/v1', 'node.k8s.io/v1beta1', 'node.k8s.io/v1alpha1',
  'policy/v1', 'policy/v1beta1',
  'rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io/v1beta1', 'rbac.authorization.k8s.io/v1alpha1',
  'resource.k8s.io/v1', 'resource.k8s.io/v1beta2', 'resource.k8s.io/v1beta1', 'resource.k8s.io/v1alpha3',
  'scheduling.k8s.io/v1', 'scheduling.k8s.io/v1beta1', 'scheduling.k8s.io/v1alpha1',
  'storage.k8s.io/v1', 'storage.k8s.io/v1beta1', 'storage.k8s.io/v1alpha1',
  'storagemigration.k8s.io/v1beta1', 'storagemigration.k8s.io/v1alpha1',
  'apiextensions.k8s.io/v1', 'apiextensions.k8s.io/v1beta1',
];

/** What a Helm v3.21.4 release binary reports. */
export const HELM_VERSION = new HelmVersionObject('v3.21.4', '813176c51bb5c181dbbd7901298ddcc104cd3417', 'clean', 'go1.25.0');

export function makeCapabilities(kubeVersion: string, extraApiVersions: string[]): CapabilitiesObject {
  return new CapabilitiesObject(parseKubeVersion(kubeVersion), new VersionSetObject([...DEFAULT_API_VERSIONS, ...extraApiVersions]), HELM_VERSION);
}

// ---------------------------------------------------------------- .Chart

class MaintainerObject extends GoObject {
  constructor(readonly m: Maintainer) {
    super();
  }
  goType(): string {
    return '*chart.Maintainer';
  }
  override goKind(): string {
    return 'ptr';
  }
  override field(name: string): GoValue | typeof NO_FIELD {
    if (name === 'Name') return this.m.name;
    if (name === 'Email') return this.m.email;
    if (name === 'URL') return this.m.url;
    return NO_FIELD;
  }
  formatV(): string {
    return `&${structV([this.m.name, this.m.email, this.m.url])}`;
  }
  override toJSONValue(): GoValue {
    return omitEmpty([['name', this.m.name], ['email', this.m.email], ['url', this.m.url]]);
  }
}

class DependencyObject extends GoObject {
  constructor(readonly d: Dependency) {
    super();
  }
  goType(): string {
    return '*chart.Dependency';
  }
  override goKind(): string {
    return 'ptr';
  }
  override field(name: string): GoValue | typeof NO_FIELD {
    switch (name) {
      case 'Name': return this.d.name;
      case 'Version': return this.d.version;
      case 'Repository': return this.d.repository;
      case 'Condition': return this.d.condition;
      case 'Tags': return [...this.d.tags];
      case 'Enabled': return this.d.enabled;
      case 'ImportValues': return this.d.importValues;
      case 'Alias': return this.d.alias;
    }
    return NO_FIELD;
  }
  formatV(): string {
    return `&${structV([this.d.name, this.d.version, this.d.repository, this.d.condition, this.d.tags, this.d.enabled, this.d.importValues, this.d.alias])}`;
  }
  override toJSONValue(): GoValue {
    return omitEmpty([
      ['name', this.d.name], ['version', this.d.version], ['repository', this.d.repository], ['condition', this.d.condition],
      ['tags', this.d.tags], ['enabled', this.d.enabled], ['import-values', this.d.importValues], ['alias', this.d.alias],
    ]);
  }
}

/** `.Chart`: chart.Metadata embedded in a struct with IsRoot. */
export class ChartObject extends GoObject {
  /**
   * @param root IsRoot; undefined for the embedded `.Chart.Metadata` itself
   * (Go promotes its fields, and the embedded field is reachable by its type name).
   */
  constructor(
    readonly chart: Chart,
    readonly root: boolean | undefined,
  ) {
    super();
  }
  goType(): string {
    return this.root === undefined ? 'chart.Metadata' : 'struct { chart.Metadata; IsRoot bool }';
  }
  private get md() {
    return this.chart.metadata;
  }
  override field(name: string): GoValue | typeof NO_FIELD {
    const md = this.md;
    switch (name) {
      case 'Name': return md.name;
      case 'Home': return md.home;
      case 'Sources': return [...md.sources];
      case 'Version': return md.version;
      case 'Description': return md.description;
      case 'Keywords': return [...md.keywords];
      case 'Maintainers': return md.maintainers.map((m) => new MaintainerObject(m));
      case 'Icon': return md.icon;
      case 'APIVersion': return md.apiVersion;
      case 'Condition': return md.condition;
      case 'Tags': return md.tags;
      case 'AppVersion': return md.appVersion;
      case 'Deprecated': return md.deprecated;
      case 'Annotations': {
        const m = newMap();
        for (const [k, v] of Object.entries(md.annotations)) m[k] = v;
        return m;
      }
      case 'KubeVersion': return md.kubeVersion;
      case 'Dependencies': return (md.dependencies ?? []).map((d) => new DependencyObject(d));
      case 'Type': return md.type;
      case 'IsRoot': return this.root === undefined ? NO_FIELD : this.root;
      case 'Metadata': return this.root === undefined ? NO_FIELD : new ChartObject(this.chart, undefined);
    }
    return NO_FIELD;
  }
  formatV(): string {
    const md = this.md;
    const inner = structV([
      md.name, md.home, md.sources, md.version, md.description, md.keywords, md.maintainers.map((m) => new MaintainerObject(m)), md.icon,
      md.apiVersion, md.condition, md.tags, md.appVersion, md.deprecated, this.field('Annotations') as GoValue, md.kubeVersion,
      (md.dependencies ?? []).map((d) => new DependencyObject(d)), md.type,
    ]);
    return this.root === undefined ? inner : `{${inner} ${this.root}}`;
  }
  override toJSONValue(): GoValue {
    const md = this.md;
    const m = omitEmpty([
      ['name', md.name], ['home', md.home], ['sources', md.sources], ['version', md.version], ['description', md.description],
      ['keywords', md.keywords], ['maintainers', md.maintainers.map((x) => new MaintainerObject(x))], ['icon', md.icon],
      ['apiVersion', md.apiVersion], ['condition', md.condition], ['tags', md.tags], ['appVersion', md.appVersion],
      ['deprecated', md.deprecated], ['annotations', this.field('Annotations') as GoValue], ['kubeVersion', md.kubeVersion],
      ['dependencies', (md.dependencies ?? []).map((d) => new DependencyObject(d))], ['type', md.type],
    ]);
    if (this.root !== undefined) m.IsRoot = this.root;
    return m;
  }
}

// ---------------------------------------------------------------- .Files

/** engine.files: a map of path to bytes, with helper methods. */
export class FilesObject extends GoObject {
  private readonly files: Map<string, Uint8Array>;
  constructor(files: ChartFile[] | Map<string, Uint8Array>) {
    super();
    this.files = files instanceof Map ? files : new Map(files.map((f) => [f.name, f.data]));
  }
  goType(): string {
    return 'engine.files';
  }
  override goKind(): string {
    return 'map';
  }
  /** The map[string][]byte that range / len / index see. */
  override underlying(): GoMap {
    const m = newMap();
    for (const [k, v] of this.files) m[k] = v;
    return m;
  }
  /** Sorted entries (Go ranges maps in key order). */
  entries(): [string, GoValue][] {
    return [...this.files.keys()].sort(compareGoStrings).map((k) => [k, this.files.get(k)!]);
  }
  /** Map index: `index .Files "path"` or `.Files.path` gives the bytes, or nil bytes. */
  get(name: string): GoValue {
    return this.files.get(name) ?? undefined;
  }
  size(): number {
    return this.files.size;
  }
  override field(name: string): GoValue | typeof NO_FIELD {
    return this.files.get(name) ?? undefined;
  }
  override method(name: string): GoFunction | undefined {
    switch (name) {
      case 'GetBytes': return withGoSignature((n) => this.files.get(String(n)) ?? new Uint8Array(), { params: ['string'] });
      case 'Get': return withGoSignature((n) => decodeUtf8AsText(this.files.get(String(n)) ?? new Uint8Array()), { params: ['string'] });
      case 'Glob': return withGoSignature((p) => this.glob(String(p)), { params: ['string'] });
      case 'AsConfig': return withGoSignature(() => this.asConfig(), { params: [] });
      case 'AsSecrets': return withGoSignature(() => this.asSecrets(), { params: [] });
      case 'Lines': return withGoSignature((p) => this.lines(String(p)), { params: ['string'] });
    }
    return undefined;
  }
  glob(pattern: string): FilesObject {
    const re = compileFilesGlob(pattern) ?? /^/;
    const out = new Map<string, Uint8Array>();
    for (const [k, v] of this.files) if (re.test(k)) out.set(k, v);
    return new FilesObject(out);
  }
  private toYaml(m: GoMap): string {
    const toYaml = helmFuncMap().toYaml;
    if (!toYaml) throw new Error('toYaml is not available');
    return String(toYaml(m));
  }
  asConfig(): string {
    const m = newMap();
    for (const [k, v] of this.entries()) m[k.slice(k.lastIndexOf('/') + 1)] = decodeUtf8AsText(v as Uint8Array);
    return this.toYaml(m);
  }
  asSecrets(): string {
    const m = newMap();
    for (const [k, v] of this.entries()) m[k.slice(k.lastIndexOf('/') + 1)] = Buffer.from(v as Uint8Array).toString('base64');
    return this.toYaml(m);
  }
  lines(path: string): GoValue[] {
    const data = this.files.get(path);
    if (!data || data.length === 0) return [];
    let s = decodeUtf8AsText(data);
    if (s.endsWith('\n')) s = s.slice(0, -1);
    return s.split('\n');
  }
  formatV(): string {
    return `map[${this.entries().map(([k, v]) => `${k}:${formatValue(v)}`).join(' ')}]`;
  }
  override toJSONValue(): GoValue {
    const m = newMap();
    for (const [k, v] of this.entries()) m[k] = v;
    return m;
  }
}

// ---------------------------------------------------------------- .Release

export interface ReleaseOptions {
  name: string;
  namespace: string;
  revision: number;
  isUpgrade: boolean;
  isInstall: boolean;
}

/** .Release is a map[string]interface{} in Helm: unknown keys are empty, not errors. */
export function makeRelease(o: ReleaseOptions): GoMap {
  const m = newMap();
  m.Name = o.name;
  m.Namespace = o.namespace;
  m.IsUpgrade = o.isUpgrade;
  m.IsInstall = o.isInstall;
  m.Revision = BigInt(o.revision);
  m.Service = 'Helm';
  return m;
}
