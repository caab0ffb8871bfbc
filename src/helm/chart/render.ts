/**
 * Rendering a loaded chart as `helm template` does (action.Install in
 * client-only mode): dependency checks and processing, coalesced values,
 * schema validation, the kubeVersion check, the engine run with one data
 * scope per chart, then NOTES.txt set aside, manifests split and sorted,
 * hooks apart, and the output assembled byte for byte. Every document keeps
 * the engine's spans so findings can be mapped back to templates and values.
 */
import type { GoMap, OutputSpan, RenderedText } from '../go/value.js';
import { HelmRenderError, HelmStackExhaustedError, renderHelm } from '../template/helm-engine.js';
import { onBigStack, renderOnBigStack } from './deep-render.js';
import { asValues } from './values-methods.js';
import { helmFuncMap } from '../sprig/index.js';
import { Chart } from './chart.js';
import { ChartObject, FilesObject, makeCapabilities, makeRelease, type CapabilitiesObject } from './builtins.js';
import { coalesceValues, deepCopyMap } from './coalesce.js';
import { missingDependencies, processDependencies, valuesTable } from './dependencies.js';
import { readHead, sortManifests, splitManifests, ManifestError, type DocumentParser, type Hook, type Manifest } from './manifests.js';
import { checkValuesSchema } from './schema.js';
import { ChartRenderError, type RenderErrorDetail } from './render-error.js';
import { isCompatibleRange } from './semver-range.js';
import { goTrimSpace } from '../go/unicode.js';
import { mergeValueOptions, type ValueOptions } from './values-options.js';
import { showOnly, showOnlyMatches } from './show-only.js';

/** The Kubernetes version a Helm v3.21.4 release binary reports (client-go v0.36). */
export const DEFAULT_KUBE_VERSION = 'v1.36.0';

export interface RenderOptions extends ValueOptions {
  releaseName?: string;
  namespace?: string;
  kubeVersion?: string;
  apiVersions?: string[];
  includeCrds?: boolean;
  skipTests?: boolean;
  showOnly?: string[];
  isUpgrade?: boolean;
  /** Values already merged (instead of, or before, the files and flags above). */
  values?: GoMap;
  /** Standard input, for `-f -`. */
  stdin?: () => string;
  /** Skip values.schema.json validation (--skip-schema-validation). */
  skipSchemaValidation?: boolean;
  /** Called with each line Helm would log, as it happens (they are also returned in `warnings`). */
  onWarning?: (message: string) => void;
  /**
   * The caller's js-yaml parse of each rendered document, to read its head (kind, name, hook
   * annotations) from, instead of parsing it here: a linter parses every document anyway.
   */
  parseDocument?: DocumentParser;
}

/** One document of the output, with the provenance of its text. */
export interface RenderedDocument {
  /** Template name, e.g. "mychart/templates/svc.yaml" (for CRDs, "mychart/crds/x.yaml"). */
  source: string;
  text: string;
  /** Engine spans clipped to this document, offsets relative to `text`. */
  spans: OutputSpan[];
  isHook: boolean;
  /** Hook events (e.g. ["test"]) when isHook. */
  hookEvents?: string[];
  isCrd?: boolean;
  apiVersion: string;
  kind: string;
  name: string;
  /** On-disk path of the template, when the chart was loaded from a directory. */
  templatePath?: string;
  /** For CRD documents (spans are empty): where `text` starts in the crds/ file. */
  offset?: number;
}

export interface RenderResult {
  documents: RenderedDocument[];
  notes?: string;
  /** Lines Helm would log on stderr (coalescing warnings, skipped hooks...). */
  warnings: string[];
  /** Exactly what `helm template` prints on stdout (with --show-only applied when asked). */
  output: string;
  /**
   * Every template name the engine knew (span.template values, including
   * partials and subcharts under their alias) to its file on disk; undefined
   * for templates that came from an archive.
   */
  templateFiles: Map<string, string | undefined>;
}

/** A deep copy of the chart tree, so processing (which mutates) leaves the loaded chart intact. */
export function cloneChart(c: Chart): Chart {
  const md = {
    ...c.metadata,
    sources: [...c.metadata.sources],
    keywords: [...c.metadata.keywords],
    maintainers: c.metadata.maintainers.map((m) => ({ ...m })),
    annotations: { ...c.metadata.annotations },
    dependencies: c.metadata.dependencies ? c.metadata.dependencies.map((d) => ({ ...d, tags: [...d.tags], importValues: [...d.importValues] })) : null,
  };
  const out = new Chart(md, deepCopyMap(c.values));
  out.templates = c.templates;
  out.files = c.files;
  out.schema = c.schema;
  out.valuesFile = c.valuesFile;
  out.setDependencies(c.dependencies().map(cloneChart));
  return out;
}

interface TemplateJob {
  name: string;
  text: string;
  data: GoMap;
  basePath: string;
  diskPath?: string;
}

const decoder = new TextDecoder('utf-8');

/**
 * Template files decoded once per loaded chart: every render of a chart (a linter renders
 * one per values file) shares its file bytes, which nothing changes. The same string each
 * time also lets the engine's parse cache find it without hashing it again.
 */
const decodedTemplates = new WeakMap<Uint8Array, string>();

function templateText(data: Uint8Array): string {
  let text = decodedTemplates.get(data);
  if (text === undefined) decodedTemplates.set(data, (text = decoder.decode(data)));
  return text;
}

const VALID_RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** engine.recAllTpls: the data scope of every chart and the templates that see it. */
function collectTemplates(c: Chart, top: GoMap, jobs: TemplateJob[]): GoMap {
  const subcharts = Object.create(null) as GoMap;
  const next = Object.create(null) as GoMap;
  next.Chart = new ChartObject(c, c.isRoot());
  next.Files = new FilesObject(c.files);
  next.Release = top.Release;
  next.Capabilities = top.Capabilities;
  next.Values = Object.create(null) as GoMap;
  next.Subcharts = subcharts;
  if (c.isRoot()) next.Values = top.Values;
  else {
    try {
      next.Values = valuesTable(top.Values as GoMap, c.name());
    } catch {
      // Helm leaves an empty map when the parent has no table for the subchart.
    }
  }
  // Each chart's .Values is a chartutil.Values, with its methods (YAML, Table...).
  asValues(next.Values as GoMap);
  for (const child of c.dependencies()) subcharts[child.name()] = collectTemplates(child, next, jobs);
  const isLibrary = c.metadata.type.toLowerCase() === 'library';
  const prefix = c.chartFullPath();
  for (const t of c.templates) {
    const base = t.name.slice(t.name.lastIndexOf('/') + 1);
    if (isLibrary && !base.startsWith('_')) continue;
    jobs.push({ name: `${prefix}/${t.name}`, text: templateText(t.data), data: next, basePath: `${prefix}/templates`, diskPath: t.diskPath });
  }
  return next;
}

/** Spans of [start, start+len) of a rendered file, shifted to the document. */
function clipSpans(spans: OutputSpan[], start: number, len: number, text: string): OutputSpan[] {
  const end = start + len;
  const out: OutputSpan[] = [];
  for (const s of spans) {
    if (s.end <= start || s.start >= end) continue;
    const clipped: OutputSpan = { ...s, start: Math.max(s.start, start) - start, end: Math.min(s.end, end) - start };
    // A text span is template text copied verbatim: when its head is cut off, move its
    // template position past the cut part so positions inside it stay exact.
    if (s.kind === 'text' && s.start < start) {
      const cut = text.slice(s.start, start);
      const nl = cut.lastIndexOf('\n');
      if (nl === -1) clipped.column = s.column + cut.length;
      else {
        clipped.line = s.line + cut.split('\n').length - 1;
        clipped.column = cut.length - nl;
      }
    }
    out.push(clipped);
  }
  return out;
}

/** The place and kind a template engine error carries. */
function templateErrorDetail(e: unknown): RenderErrorDetail {
  if (!(e instanceof HelmRenderError)) return { kind: 'render' };
  const detail: RenderErrorDetail = { kind: e.kind ?? 'render' };
  if (e.template !== undefined) detail.template = e.template;
  if (e.line !== undefined) detail.line = e.line;
  if (e.column !== undefined) detail.column = e.column;
  return detail;
}

function docOf(m: Manifest, rendered: Map<string, RenderedText>, paths: Map<string, string | undefined>, hook?: Hook): RenderedDocument {
  const r = rendered.get(m.name);
  return {
    source: m.name,
    text: m.content,
    spans: r ? clipSpans(r.spans, m.offset, m.content.length, r.text) : [],
    isHook: hook !== undefined,
    ...(hook ? { hookEvents: hook.events } : {}),
    apiVersion: m.head.apiVersion,
    kind: m.head.kind,
    name: m.head.name,
    templatePath: paths.get(m.name),
  };
}

function isTestHook(h: Hook): boolean {
  return h.events.includes('test');
}

/** Merges values files and flags the way `helm template` does, before the chart is loaded. */
export function mergeUserValues(options: RenderOptions): GoMap {
  const merged = mergeValueOptions(options, options.stdin);
  if (!options.values) return merged;
  // Values given as an object come first; files and flags override them.
  const base = deepCopyMap(options.values);
  for (const k of Object.keys(merged)) base[k] = merged[k];
  return base;
}

/**
 * Renders a chart like `helm template`. The chart is not modified. Values
 * from files and flags in `options` are merged here unless `userValues` is
 * given (runTemplateCommand merges them first, to fail in Helm's order).
 */
export async function renderChart(chart: Chart, options: RenderOptions = {}, userValues?: GoMap): Promise<RenderResult> {
  const warnings: string[] = [];
  const printf = (m: string) => {
    warnings.push(m);
    options.onWarning?.(m);
  };
  const vals = userValues ?? mergeUserValues(options);
  const c = cloneChart(chart);

  if (c.metadata.type !== '' && c.metadata.type !== 'application') {
    throw new ChartRenderError(`${c.metadata.type} charts are not installable`);
  }
  if (c.metadata.dependencies !== null) {
    const missing = missingDependencies(c);
    if (missing.length > 0) {
      throw new ChartRenderError(
        'An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: ' +
          `found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`,
      );
    }
  }
  const releaseName = options.releaseName ?? 'release-name';
  if (releaseName === '') throw new ChartRenderError('release name "": no name provided');
  if (releaseName.length > 53 || !VALID_RELEASE_NAME.test(releaseName)) {
    throw new ChartRenderError(`release name ${JSON.stringify(releaseName)}: invalid release name, must match regex ${VALID_RELEASE_NAME.source} and the length must not be longer than 53`);
  }
  processDependencies(printf, c, vals);

  const caps: CapabilitiesObject = makeCapabilities(options.kubeVersion ?? DEFAULT_KUBE_VERSION, options.apiVersions ?? []);
  const isUpgrade = options.isUpgrade ?? false;
  const top = Object.create(null) as GoMap;
  top.Chart = new ChartObject(c, true);
  top.Capabilities = caps;
  top.Release = makeRelease({ name: releaseName, namespace: options.namespace ?? 'default', revision: 1, isUpgrade, isInstall: !isUpgrade });
  const coalesced = coalesceValues(printf, c, vals);
  const schemaErr = options.skipSchemaValidation ? undefined : await checkValuesSchema(c, coalesced);
  if (schemaErr !== undefined) {
    throw new ChartRenderError(`values don't meet the specifications of the schema(s) in the following chart(s):\n${schemaErr.text}`, false, '', { kind: 'schema', violations: schemaErr.violations });
  }
  top.Values = coalesced;

  if (c.metadata.kubeVersion !== '' && !isCompatibleRange(c.metadata.kubeVersion, caps.kubeVersion.version)) {
    throw new ChartRenderError(`chart requires kubeVersion: ${c.metadata.kubeVersion} which is incompatible with Kubernetes ${caps.kubeVersion.version}`, true);
  }

  const jobs: TemplateJob[] = [];
  collectTemplates(c, top, jobs);
  const paths = new Map(jobs.map((j) => [j.name, j.diskPath]));
  let rendered: Map<string, RenderedText>;
  try {
    rendered = renderHelm(jobs.map((j) => ({ name: j.name, text: j.text, data: j.data, basePath: j.basePath })), helmFuncMap(), { strict: false });
  } catch (e) {
    if (e instanceof HelmStackExhaustedError && !onBigStack()) {
      // Too deep for this thread's stack: render it all again where Helm's limits fit.
      const again = await renderOnBigStack<RenderResult>(chart, vals, { ...options }, (x) => new ChartRenderError(x.message, x.afterRender, x.partialOutput, x.detail));
      if (again !== undefined) {
        for (const w of again.warnings.slice(warnings.length)) options.onWarning?.(w);
        return again;
      }
    }
    throw new ChartRenderError((e as Error).message, true, '', templateErrorDetail(e));
  }

  let notes = '';
  const files = new Map<string, string>();
  for (const [name, r] of rendered) {
    if (name.endsWith('NOTES.txt')) {
      if (name === `${c.name()}/templates/NOTES.txt`) notes += (notes.length > 0 ? '\n' : '') + r.text;
      continue;
    }
    files.set(name, r.text);
  }

  let hooks: Hook[];
  let manifests: Manifest[];
  try {
    ({ hooks, manifests } = sortManifests(files, printf, options.parseDocument));
  } catch (e) {
    if (e instanceof ManifestError) {
      // Helm hands back every rendered file so --debug can show the invalid YAML.
      let partial = '';
      for (const [name, content] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        if (goTrimSpace(content) === '') continue;
        partial += `---\n# Source: ${name}\n${content}\n`;
      }
      throw new ChartRenderError(e.message, true, `${goTrimSpace(partial)}\n`, { kind: 'yaml', ...(e.template !== undefined ? { template: e.template } : {}) });
    }
    throw e;
  }

  const documents: RenderedDocument[] = [];
  // Helm's output is assembled only when asked for (`template` prints it; the linter reads the documents).
  const printed: Array<{ name: string; content: string }> = [];
  if (options.includeCrds) {
    for (const crd of c.crdObjects()) {
      const text = decoder.decode(crd.file.data);
      printed.push({ name: crd.filename, content: text });
      // Helm prints the file as it is; for the linter each of its documents is one object.
      for (const piece of splitManifests(text)) {
        let head = { apiVersion: '', kind: '', name: '' };
        try {
          head = readHead(piece.text, crd.filename, options.parseDocument);
        } catch {
          // Invalid YAML is left for the linter's own parser to report.
        }
        documents.push({
          source: crd.filename, text: piece.text, offset: piece.offset, spans: [], isHook: false, isCrd: true,
          apiVersion: head.apiVersion, kind: head.kind, name: head.name, templatePath: crd.file.diskPath,
        });
      }
    }
  }
  for (const m of manifests) {
    printed.push(m);
    documents.push(docOf(m, rendered, paths));
  }
  const printedHooks: Hook[] = [];
  for (const h of hooks) {
    if (options.skipTests && isTestHook(h)) continue;
    printedHooks.push(h);
    documents.push(docOf(h, rendered, paths, h));
  }
  const source = (p: { name: string; content: string }) => `---\n# Source: ${p.name}\n${p.content}\n`;
  const output = () => {
    let text = `${goTrimSpace(printed.map(source).join(''))}\n`;
    for (const h of printedHooks) text += source(h);
    return text;
  };
  if (options.showOnly && options.showOnly.length > 0) {
    // Same selection and order as the printed output: glob by glob, documents in output order.
    const shown = showOnly(output(), options.showOnly);
    const picked: RenderedDocument[] = [];
    for (const g of options.showOnly) for (const d of documents) if (!picked.includes(d) && showOnlyMatches(g, d.source)) picked.push(d);
    return { documents: picked, notes: notes === '' ? undefined : notes, warnings, output: shown, templateFiles: paths };
  }
  return withLazyOutput({ documents, notes: notes === '' ? undefined : notes, warnings, templateFiles: paths }, output);
}

/** The result with `output` made on first read (and kept): an enumerable property, so a copy or a postMessage still carries it. */
function withLazyOutput(result: Omit<RenderResult, 'output'>, make: () => string): RenderResult {
  let text: string | undefined;
  return Object.defineProperty(result, 'output', { get: () => (text ??= make()), enumerable: true }) as RenderResult;
}
