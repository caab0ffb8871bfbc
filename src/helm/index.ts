/**
 * The Helm renderer's front door: everything the rest of the linter (and any
 * other user of this package) takes from src/helm comes through here. Load a
 * chart (directory or .tgz), render it like `helm template` with the origin of
 * every value and the span of every action in the output, and run the
 * `template` command on options already parsed (the CLI parses argv).
 *
 * Load it with `import()`: it is most of the code and only charts need it (the
 * build makes it its own bundle, dist/bundle/helm.cjs; see scripts/bundle.mjs).
 */
import { Chart } from './chart/chart.js';
import { loadChartSync, type FileOverlay, type WarnFn } from './chart/loader.js';

export { Chart } from './chart/chart.js';
export type { ChartFile, ChartMetadata, Dependency } from './chart/chart.js';
export { ChartLoadError } from './chart/loader.js';
export type { FileOverlay } from './chart/loader.js';
export { renderChart, cloneChart, DEFAULT_KUBE_VERSION } from './chart/render.js';
export { ChartRenderError } from './chart/render-error.js';
export type { RenderOptions, RenderResult, RenderedDocument } from './chart/render.js';
export type { RenderErrorDetail, RenderErrorKind } from './chart/render-error.js';
export type { SchemaViolation } from './chart/schema.js';
export { runTemplate } from './chart/template-command.js';
export type { TemplateOptions, TemplateEnv, TemplateOutcome, TemplateDocument } from './chart/template-command.js';
export { showOnly, ShowOnlyError } from './chart/show-only.js';
export { ValuesError } from './chart/values-options.js';
export type { OutputSpan, RenderedText, ValueOrigin } from './go/value.js';

/** Loads a chart directory or archive (Helm's loader.Load). Throws ChartLoadError with Helm's messages. */
export async function loadChart(pathOrTgz: string, warn?: WarnFn, overlay?: FileOverlay): Promise<Chart> {
  return loadChartSync(pathOrTgz, warn, overlay);
}
