/**
 * The chart layer's public API: load a chart (directory or .tgz), render it
 * like `helm template` with provenance for every document, and the
 * `template` subcommand itself.
 */
import { Chart } from './chart.js';
import { loadChartSync, type WarnFn } from './loader.js';

export { Chart } from './chart.js';
export type { ChartFile, ChartMetadata, Dependency } from './chart.js';
export { ChartLoadError } from './loader.js';
export { renderChart, cloneChart, ChartRenderError, DEFAULT_KUBE_VERSION } from './render.js';
export type { RenderErrorDetail, RenderErrorKind } from './render.js';
export type { SchemaViolation } from './schema.js';
export type { RenderOptions, RenderResult, RenderedDocument } from './render.js';
export { runTemplateCommand } from './template-command.js';
export { showOnly, ShowOnlyError } from './show-only.js';
export type { TemplateIo } from './template-command.js';
export { ValuesError } from './values-options.js';

/** Loads a chart directory or archive (Helm's loader.Load). Throws ChartLoadError with Helm's messages. */
export async function loadChart(pathOrTgz: string, warn?: WarnFn): Promise<Chart> {
  return loadChartSync(pathOrTgz, warn);
}
