/**
 * Charts in the input. Until native rendering is wired in, a chart yields one
 * helm-render info finding and its templates are never linted as raw YAML.
 */
import path from 'node:path';
import type { Directive } from '../engine/directives.js';
import type { Resource } from '../engine/resource.js';
import type { ChartInput } from '../engine/rule.js';
import type { LoadProblem } from './documents.js';

export interface ChartLoadOptions {
  display: (abs: string) => string;
  defaultNamespace: string;
  kubeVersion: string;
  releaseName?: string;
  values?: string[];
  set?: string[];
  setString?: string[];
  config?: Record<string, unknown>;
}

export interface LoadedCharts {
  files: number;
  resources: Resource[];
  problems: LoadProblem[];
  charts: ChartInput[];
  directives: Map<string, Directive[]>;
}

export async function loadCharts(chartPaths: readonly string[], opts: ChartLoadOptions): Promise<LoadedCharts> {
  const out: LoadedCharts = { files: 0, resources: [], problems: [], charts: [], directives: new Map() };
  for (const abs of chartPaths) {
    const file = opts.display(abs.endsWith('.tgz') ? abs : path.join(abs, 'Chart.yaml'));
    out.files++;
    out.problems.push({
      ruleId: 'helm-render',
      severity: 'info',
      message: 'Helm charts are not rendered yet: lint the output of `helm template` instead',
      location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 },
    });
  }
  return out;
}
