/**
 * The in-memory chart, shaped like Helm's chart.Chart: metadata from
 * Chart.yaml (plus requirements.yaml for apiVersion v1), default values,
 * templates, other files, the values schema and the subcharts.
 */
import type { GoMap, GoValue } from '../go/value.js';

export interface ChartFile {
  /** Path relative to the chart root, '/'-separated (e.g. "templates/svc.yaml"). */
  name: string;
  data: Uint8Array;
  /** Where the file is on disk, when it was loaded from a directory (not from an archive). */
  diskPath?: string;
}

export interface Maintainer {
  name: string;
  email: string;
  url: string;
}

/** One entry of Chart.yaml `dependencies` (or requirements.yaml). */
export interface Dependency {
  name: string;
  version: string;
  repository: string;
  condition: string;
  tags: string[];
  enabled: boolean;
  /** Strings (`exports.<name>`) or {child, parent} maps, as written. */
  importValues: GoValue[];
  alias: string;
}

export interface ChartMetadata {
  name: string;
  home: string;
  sources: string[];
  version: string;
  description: string;
  keywords: string[];
  maintainers: Maintainer[];
  icon: string;
  apiVersion: string;
  condition: string;
  tags: string;
  appVersion: string;
  deprecated: boolean;
  annotations: Record<string, string>;
  kubeVersion: string;
  dependencies: Dependency[] | null;
  type: string;
}

export class Chart {
  metadata: ChartMetadata;
  /** Files under templates/. */
  templates: ChartFile[] = [];
  /** Every other file (what .Files sees), in load order. */
  files: ChartFile[] = [];
  /** Default values (values.yaml), origins recorded against `valuesFile`. */
  values: GoMap;
  /** values.schema.json, when present. */
  schema?: Uint8Array;
  /** Display path of values.yaml for provenance, e.g. "mychart/values.yaml". */
  valuesFile = '';
  /** Every file the chart was loaded from, Chart.yaml and values.yaml included (Helm's Chart.Raw). */
  raw: ChartFile[] = [];
  private deps: Chart[] = [];
  private parentChart: Chart | undefined;

  constructor(metadata: ChartMetadata, values: GoMap) {
    this.metadata = metadata;
    this.values = values;
  }

  name(): string {
    return this.metadata.name;
  }

  dependencies(): Chart[] {
    return this.deps;
  }

  setDependencies(charts: Chart[]): void {
    this.deps = [];
    this.addDependency(...charts);
  }

  addDependency(...charts: Chart[]): void {
    for (const c of charts) {
      c.parentChart = this;
      this.deps.push(c);
    }
  }

  parent(): Chart | undefined {
    return this.parentChart;
  }

  isRoot(): boolean {
    return this.parentChart === undefined;
  }

  /** "parent/charts/child", the prefix of every template name. */
  chartFullPath(): string {
    return this.parentChart ? `${this.parentChart.chartFullPath()}/charts/${this.name()}` : this.name();
  }

  /** A shallow copy with its own metadata (Helm's getAliasDependency copies chart and metadata). */
  cloneWithMetadata(): Chart {
    const c = new Chart({ ...this.metadata }, this.values);
    c.templates = this.templates;
    c.files = this.files;
    c.schema = this.schema;
    c.valuesFile = this.valuesFile;
    c.deps = this.deps;
    return c;
  }

  /** crds/*.yaml|yml|json of this chart and then of its subcharts, with their output names. */
  crdObjects(): { filename: string; file: ChartFile }[] {
    const out: { filename: string; file: ChartFile }[] = [];
    for (const f of this.files) {
      if (f.name.startsWith('crds/') && /\.(ya?ml|json)$/i.test(f.name)) out.push({ filename: `${this.chartFullPath()}/${f.name}`, file: f });
    }
    for (const d of this.deps) for (const o of d.crdObjects()) out.push(o);
    return out;
  }
}
