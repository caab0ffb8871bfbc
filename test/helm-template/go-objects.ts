/**
 * Test doubles of the typed objects the Go reference renderer (gotpl) builds
 * from JSON data (its buildContext): .Chart, .Capabilities and .Files, with
 * gotpl's type names, so that golden cases can exercise the executor's
 * struct fields, methods with arguments, named slice/map types and Stringers.
 * (The chart layer has its own Helm objects; these mirror gotpl, not Helm.)
 */
import { sprintf } from '../../src/helm/go/fmt.js';
import { GoObject, NO_FIELD, withGoSignature, type GoFunction, type GoMap, type GoValue } from '../../src/helm/go/value.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

function str(v: GoValue): string {
  return v as string;
}

/** A simple glob: `*` matches within a path segment, `**` across them. */
function globToRegExp(p: string): RegExp {
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*' && p[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export class TestFiles extends GoObject {
  constructor(readonly files: Map<string, Uint8Array>) {
    super();
  }
  goType(): string {
    return 'main.Files';
  }
  override goKind(): string {
    return 'map';
  }
  override underlying(): GoMap {
    const m: GoMap = {};
    for (const [k, v] of this.files) m[k] = v;
    return m;
  }
  override method(name: string): GoFunction | undefined {
    switch (name) {
      case 'GetBytes':
        return withGoSignature((n) => this.files.get(str(n)) ?? new Uint8Array(0), { params: ['string'] });
      case 'Get':
        return withGoSignature((n) => dec.decode(this.files.get(str(n)) ?? new Uint8Array(0)), { params: ['string'] });
      case 'Glob':
        return withGoSignature((p) => {
          const re = globToRegExp(str(p));
          return new TestFiles(new Map([...this.files].filter(([k]) => re.test(k))));
        }, { params: ['string'] });
      case 'Lines':
        return withGoSignature((p) => {
          const b = this.files.get(str(p));
          if (b === undefined || b.length === 0) return [];
          return dec.decode(b).replace(/\n$/, '').split('\n');
        }, { params: ['string'] });
    }
    return undefined;
  }
  formatV(): string {
    return sprintf('%v', [this.underlying()]);
  }
}

export class TestVersionSet extends GoObject {
  constructor(readonly versions: string[]) {
    super();
  }
  goType(): string {
    return 'main.VersionSet';
  }
  override goKind(): string {
    return 'slice';
  }
  override underlying(): GoValue[] {
    return this.versions;
  }
  override method(name: string): GoFunction | undefined {
    if (name === 'Has') return withGoSignature((v) => this.versions.includes(str(v)), { params: ['string'] });
    return undefined;
  }
  formatV(): string {
    return sprintf('%v', [this.versions]);
  }
}

export class TestKubeVersion extends GoObject {
  constructor(
    readonly version: string,
    readonly major: string,
    readonly minor: string,
  ) {
    super();
  }
  goType(): string {
    return 'main.KubeVersion';
  }
  override field(name: string): GoValue | typeof NO_FIELD {
    switch (name) {
      case 'Version': return this.version;
      case 'Major': return this.major;
      case 'Minor': return this.minor;
    }
    return NO_FIELD;
  }
  override method(name: string): GoFunction | undefined {
    if (name === 'String' || name === 'GitVersion') return withGoSignature(() => this.version, { params: [] });
    return undefined;
  }
  formatV(): string {
    return `{${this.version} ${this.major} ${this.minor}}`;
  }
  override formatAction(): string {
    return this.version;
  }
}

export class TestBuildInfo extends GoObject {
  constructor(readonly info: Record<string, string>) {
    super();
  }
  goType(): string {
    return 'main.BuildInfo';
  }
  override field(name: string): GoValue | typeof NO_FIELD {
    return name in this.info ? this.info[name] : NO_FIELD;
  }
  formatV(): string {
    const i = this.info;
    return `{${i.Version} ${i.GitCommit} ${i.GitTreeState} ${i.GoVersion}}`;
  }
}

export class TestCapabilities extends GoObject {
  constructor(
    readonly kube: TestKubeVersion,
    readonly apis: TestVersionSet,
    readonly helm: TestBuildInfo,
  ) {
    super();
  }
  goType(): string {
    return '*main.Capabilities';
  }
  override goKind(): string {
    return 'ptr';
  }
  override field(name: string): GoValue | typeof NO_FIELD {
    switch (name) {
      case 'KubeVersion': return this.kube;
      case 'APIVersions': return this.apis;
      case 'HelmVersion': return this.helm;
    }
    return NO_FIELD;
  }
  formatV(): string {
    return `&{${this.kube.formatV()} ${this.apis.formatV()} ${this.helm.formatV()}}`;
  }
  override formatAction(): string {
    return `{${this.kube.formatV()} ${this.apis.formatV()} ${this.helm.formatV()}}`;
  }
}

const chartFields: Record<string, string> = {
  Name: 'name',
  Home: 'home',
  Version: 'version',
  Description: 'description',
  Icon: 'icon',
  APIVersion: 'apiVersion',
  Condition: 'condition',
  Tags: 'tags',
  AppVersion: 'appVersion',
  KubeVersion: 'kubeVersion',
  Type: 'type',
};

export class TestChart extends GoObject {
  constructor(
    readonly meta: GoMap,
    readonly isRoot: boolean,
  ) {
    super();
  }
  goType(): string {
    return '*main.ChartObject';
  }
  override goKind(): string {
    return 'ptr';
  }
  override field(name: string): GoValue | typeof NO_FIELD {
    if (name === 'IsRoot') return this.isRoot;
    if (name === 'Deprecated') return this.meta.deprecated === true;
    const key = chartFields[name];
    if (key !== undefined) return typeof this.meta[key] === 'string' ? this.meta[key] : '';
    if (name === 'Keywords' || name === 'Sources') return (this.meta[name.toLowerCase()] as GoValue[]) ?? null;
    return NO_FIELD;
  }
  formatV(): string {
    return `&{${String(this.meta.name ?? '')}}`;
  }
}

function lowerFirstKeys(m: GoMap): GoMap {
  const out: GoMap = {};
  for (const [k, v] of Object.entries(m)) out[k === 'APIVersion' ? 'apiVersion' : k === '' ? k : k[0].toLowerCase() + k.slice(1)] = v;
  return out;
}

/** gotpl's buildContext: typed Chart, Capabilities and Files; Release.Revision as an int. */
export function buildTestContext(json: GoMap): GoMap {
  const ctx = structuredClone(json) as GoMap;
  const rel = ctx.Release as GoMap | undefined;
  if (rel && typeof rel.Revision === 'number' && Number.isInteger(rel.Revision)) rel.Revision = BigInt(rel.Revision);
  if (ctx.Chart !== undefined && ctx.Chart !== null) {
    const m = ctx.Chart as GoMap;
    ctx.Chart = new TestChart(lowerFirstKeys(m), typeof m.IsRoot === 'boolean' ? m.IsRoot : true);
  }
  if (ctx.Capabilities !== undefined && ctx.Capabilities !== null) {
    const m = ctx.Capabilities as GoMap;
    let kube = new TestKubeVersion('v1.20.0', '1', '20');
    if (typeof m.KubeVersion === 'string') {
      const r = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(m.KubeVersion)!;
      kube = new TestKubeVersion(`v${r[1]}.${r[2]}.${r[3] ?? '0'}`, r[1], r[2]);
    }
    const apis = Array.isArray(m.APIVersions) ? (m.APIVersions as string[]) : ['v1'];
    ctx.Capabilities = new TestCapabilities(kube, new TestVersionSet(apis), new TestBuildInfo({ Version: 'v3.21.4', GitCommit: '', GitTreeState: 'clean', GoVersion: 'go1.19' }));
  }
  if (ctx.Files !== undefined && ctx.Files !== null) {
    const files = new Map<string, Uint8Array>();
    for (const [k, v] of Object.entries(ctx.Files as GoMap)) files.set(k, enc.encode(v as string));
    ctx.Files = new TestFiles(files);
  }
  return ctx;
}
