/**
 * Helm charts in the input: load each chart (directory or .tgz), render it
 * natively like `helm template` (once with its defaults and once per
 * `ci/*-values.yaml`), and turn the rendered documents into resources whose
 * positions map back to template and values lines. Render errors become
 * helm-render findings; one broken chart never stops the others.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { parseDirectives, type Directive } from '../engine/directives.js';
import type { Resource } from '../engine/resource.js';
import type { ChartFacts } from '../engine/rule.js';
import type { Chart, RenderErrorDetail, SchemaViolation, ValueOrigin, ValuesError } from '../helm/index.js';
import { InputError, UsageError } from '../errors.js';
import { chartFacts, type ChartTexts } from './chart-facts.js';
import { addResources, type LoadProblem } from './documents.js';
import { reasonWithoutInputText } from './yaml-error-text.js';
import { helmTextForLint, mayBeSecretValue, setFlagForLint } from './helm-text.js';
import { DocumentLocator } from './locate.js';
import type { TextOverlay } from './read.js';
import { RenderedSourceDocument, type TemplateFileRef } from './rendered-document.js';
import { RenderedTextMemo } from './text-memo.js';
import { isDirectory, isRegularFile, readRegularText } from './read.js';

export interface HelmSettings {
  releaseName?: string;
  namespace?: string;
  values?: string[];
  set?: Record<string, string | number | boolean | null>;
  setString?: Record<string, string>;
  apiVersions?: string[];
  kubeVersion?: string;
}

export interface ChartLoadOptions {
  display: (abs: string) => string;
  cwd: string;
  /** Directory the config's relative paths (helm.values) are resolved against. */
  configDir: string;
  kubeVersion: string;
  /** From the command line. */
  releaseName?: string;
  namespace?: string;
  values?: string[];
  set?: string[];
  setString?: string[];
  config?: HelmSettings;
  /** Unsaved editor texts to read instead of the disk (src/lsp). */
  overlay?: TextOverlay;
  /** Parses and locators shared by identical rendered documents; one per call when not given. */
  memo?: RenderedTextMemo;
}

/** One render of one chart: with its defaults, or with one ci/*-values.yaml. */
export interface ChartRender {
  chart: string;
  /** Display path of the ci values file, undefined for the default render. */
  valuesFile?: string;
  resources: Resource[];
  problems: LoadProblem[];
}

export interface LoadedCharts {
  files: number;
  renders: ChartRender[];
  charts: ChartFacts[];
  directives: Map<string, Directive[]>;
}

/**
 * `variant`: render only that one of each chart's renders (0 the default, k the k-th
 * ci values file, as ciValuesFiles() lists them): worker threads split a chart's
 * variants between them (src/parallel/).
 */
export async function loadCharts(chartPaths: readonly string[], opts: ChartLoadOptions, variant?: number): Promise<LoadedCharts> {
  const out: LoadedCharts = { files: 0, renders: [], charts: [], directives: new Map() };
  const helm = await import('../helm/index.js');
  const cfg = opts.config ?? {};
  const namespace = opts.namespace ?? cfg.namespace ?? 'default';
  const releaseName = opts.releaseName ?? cfg.releaseName ?? 'release-name';
  const kubeVersion = `v${(cfg.kubeVersion ?? opts.kubeVersion).replace(/^v/, '')}${/^\D*\d+\.\d+$/.test(cfg.kubeVersion ?? opts.kubeVersion) ? '.0' : ''}`;
  const baseValues = [
    ...(cfg.values ?? []).map((v) => path.resolve(opts.configDir, v)),
    ...(opts.values ?? []).map((v) => path.resolve(opts.cwd, v)),
  ];
  const set = [...Object.entries(cfg.set ?? {}).map(([k, v]) => `${k}=${v === null ? 'null' : String(v)}`), ...(opts.set ?? [])];
  const setString = [...Object.entries(cfg.setString ?? {}).map(([k, v]) => `${k}=${v}`), ...(opts.setString ?? [])];
  const reportedValues = new Set<string>();
  // The renders of a chart print mostly the same documents: each distinct text is parsed once.
  const memo = opts.memo ?? new RenderedTextMemo();
  const headParse = (text: string): unknown => {
    const loaded = memo.load(text);
    // js-yaml rejects a repeated key: the renderer then asks its exact loader, as it would.
    if (loaded.duplicate) throw loaded.duplicate;
    return loaded.value;
  };

  for (const abs of chartPaths) {
    out.files++;
    const isArchive = abs.toLowerCase().endsWith('.tgz');
    const chartYaml = isArchive ? abs : path.join(abs, 'Chart.yaml');
    const chartFile = opts.display(chartYaml);
    const at1 = (file: string) => ({ file, line: 1, column: 1, endLine: 1, endColumn: 1 });
    let chart: Chart | undefined;
    let loadError: unknown;
    try {
      chart = opts.memo && !opts.overlay ? await opts.memo.chart(abs, () => helm.loadChart(abs)) : await helm.loadChart(abs, undefined, opts.overlay);
    } catch (e) {
      loadError = e;
    }
    // Handed to chart rules even when the chart cannot load: chart-metadata then says which Chart.yaml line is why.
    const texts = isArchive ? undefined : chart ? loadedTexts(chart) : readChartTexts(abs, opts.overlay);
    if (texts) out.charts.push(chartFacts({ dir: abs, file: chartFile, texts, presentDependencies: presentSubcharts(abs) }));
    if (!chart) {
      const bad = loadError instanceof helm.ChartLoadError ? loadError : undefined;
      // A chart file with a YAML syntax error (values.yaml...) is a yaml-syntax finding where the error is.
      const problem: LoadProblem = bad?.file !== undefined && bad.position
        ? yamlSyntaxProblem(opts.display(bad.file), bad.position, bad.message)
        // Else at the chart file at fault, else at Chart.yaml.
        : { ruleId: 'helm-render', message: `chart cannot be loaded: ${helmTextForLint((loadError as Error).message)}`, location: at1(bad?.file !== undefined ? opts.display(bad.file) : chartFile) };
      if (!variant) out.renders.push({ chart: chartFile, resources: [], problems: [problem] });
      continue;
    }
    // A library chart only lends templates to other charts: Helm never installs or renders it
    // (`helm template` says it is not installable; `helm lint` accepts it), so there is nothing to render.
    if (chart.metadata.type === 'library') continue;
    const rootName = chart.name();
    // Template name -> file on disk, from the chart layer (right for aliases, renamed subchart
    // directories and archives); filled by each render.
    let templateFiles = new Map<string, string | undefined>();
    const templateRef = (name: string): TemplateFileRef => {
      const disk = templateFiles.get(name);
      if (disk) return { file: opts.display(disk) };
      const rest = name.startsWith(`${rootName}/`) ? name.slice(rootName.length + 1) : name;
      if (isArchive) return { file: `${opts.display(abs)}/${rest}` };
      return { file: opts.display(path.join(abs, rest)) };
    };
    const originFile = (o: ValueOrigin) => {
      if (path.isAbsolute(o.file)) return opts.display(o.file);
      if (o.file.startsWith(`${rootName}/`) && !isArchive) return opts.display(path.join(abs, o.file.slice(rootName.length + 1)));
      return o.file;
    };
    if (!isArchive) collectTemplateDirectives(abs, opts.display, out.directives, opts.overlay, chart && !opts.overlay ? loadedTemplates(chart) : undefined);

    const ciFiles = isArchive ? [] : ciValuesFiles(abs);
    const variants: Array<string | undefined> = [undefined, ...ciFiles].filter((_, k) => variant === undefined || k === variant);
    for (const ci of variants) {
      const render: ChartRender = { chart: chartFile, valuesFile: ci ? opts.display(ci) : undefined, resources: [], problems: [] };
      out.renders.push(render);
      try {
        const result = await helm.renderChart(chart, {
          releaseName,
          namespace,
          kubeVersion,
          apiVersions: cfg.apiVersions,
          valueFiles: ci ? [...baseValues, ci] : baseValues,
          set,
          setString,
          overlay: opts.overlay,
          // The renderer reads each document's head from the parse the lint needs anyway.
          parseDocument: headParse,
        });
        templateFiles = result.templateFiles;
        result.documents.forEach((doc, index) => {
          // `helm test` pods are not part of the deployment: rules about running workloads do not apply.
          if (doc.isHook && doc.hookEvents?.length && doc.hookEvents.every((e) => e.startsWith('test'))) return;
          const ref = templateRef(doc.source);
          const sourceDoc = new RenderedSourceDocument(ref.file, index, doc.text, doc.spans, templateRef, originFile, doc.source, (text) => memo.locator(text));
          const notYaml = (e: unknown) => {
            const mark = (e as { mark?: { line: number } }).mark;
            render.problems.push({ ruleId: 'yaml-syntax', message: `rendered ${doc.source} is not valid YAML: ${reasonWithoutInputText((e as { reason?: string }).reason ?? (e as Error).message)}${mark ? ` (rendered line ${mark.line + 1})` : ''}`, location: sourceDoc.start() });
          };
          let obj: unknown;
          try {
            const loaded = memo.load(doc.text);
            obj = loaded.value;
            if (loaded.duplicate) notYaml(loaded.duplicate); // reported, and the object linted with the last value
          } catch (e) {
            notYaml(e);
            return;
          }
          if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return;
          const o = obj as Record<string, any>;
          if (typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') {
            render.problems.push({ ruleId: 'yaml-syntax', message: `rendered ${doc.source} has no apiVersion or kind: not a Kubernetes object`, location: sourceDoc.start() });
            return;
          }
          addResources(render, o, sourceDoc, [], { defaultNamespace: namespace });
        });
      } catch (e) {
        if (e instanceof helm.ValuesError) {
          const problem = valuesProblem(e, opts.display);
          // A values file shared by several charts or renders is one problem, reported once.
          const key = `${problem.location.file}:${problem.location.line}:${problem.location.column}`;
          if (!reportedValues.has(key)) render.problems.push(problem);
          reportedValues.add(key);
          continue;
        }
        const valueFiles = [...baseValues, ...(ci ? [ci] : [])];
        const detail = e instanceof helm.ChartRenderError ? e.detail : undefined;
        const schemaProblems = isArchive || detail?.kind !== 'schema' ? [] : schemaViolations(detail.violations ?? [], rootName, abs, valueFiles, opts.display, opts.overlay);
        if (schemaProblems.length) for (const p of schemaProblems) render.problems.push(p);
        else render.problems.push(renderProblem(e as Error, detail, chartFile, templateRef));
      }
    }
  }
  return out;
}

/** A YAML syntax error in a chart or values file, at its place; Helm's "line N:" is dropped (the location says it). */
function yamlSyntaxProblem(file: string, position: { line: number; column: number }, message: string): LoadProblem {
  const reason = helmTextForLint(message.replace(/^.*?error converting YAML to JSON: yaml: (?:line \d+: )?/, ''));
  const { line, column } = position;
  return { ruleId: 'yaml-syntax', message: `${path.basename(file)} does not parse: ${reason}`, location: { file, line, column, endLine: line, endColumn: column + 1 } };
}

/**
 * The user's values cannot be used. A values file that does not parse is a yaml-syntax
 * finding in that file; a values file that cannot be read, or a --set that does not parse,
 * is a mistake on the command line (or in the config's helm: section): the run stops with
 * exit status 2 and one line, as for a missing PATH.
 */
function valuesProblem(e: ValuesError, display: (abs: string) => string): LoadProblem {
  const d = e.detail;
  if (d.kind === 'file') throw new InputError(`cannot read values file ${display(d.file ?? '')}: ${d.reason}`);
  if (d.kind === 'flag') throw new UsageError(setFlagForLint(d.flag ?? '--set', d.reason));
  const file = display(d.file ?? '');
  if (d.position) return yamlSyntaxProblem(file, d.position, d.reason);
  return { ruleId: 'yaml-syntax', message: `values file ${path.basename(file)} cannot be used: ${d.reason}`, location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } };
}

/** A render error at the template line and column it carries, else at Chart.yaml. */
function renderProblem(e: Error, detail: RenderErrorDetail | undefined, chartFile: string, templateRef: (name: string) => TemplateFileRef): LoadProblem {
  const message = helmTextForLint((e?.message ?? String(e)).replace(/^Error: /, ''));
  if (detail?.template !== undefined && detail.line !== undefined) {
    const ref = templateRef(detail.template);
    const line = detail.line;
    const column = detail.column ?? 1;
    return { ruleId: 'helm-render', message, location: { file: ref.file, line, column, endLine: line, endColumn: column + 1 } };
  }
  return { ruleId: 'helm-render', message, location: { file: chartFile, line: 1, column: 1, endLine: 1, endColumn: 1 } };
}

/**
 * values.schema.json violations, one finding per violation: for the root chart at the
 * values line that sets the offending value (the last values file that sets it wins,
 * as in Helm), else at the schema file (RULES.md, helm-render).
 */
function schemaViolations(violations: readonly SchemaViolation[], rootName: string, dir: string, valueFiles: string[], display: (abs: string) => string, overlay?: TextOverlay): LoadProblem[] {
  const out: LoadProblem[] = [];
  for (const v of violations) {
    const why = v.valueFree !== undefined && mayBeSecretValue(v.path, v.value) ? v.valueFree : v.message;
    const text = `values do not match values.schema.json of chart ${v.chart}: at '${v.pointer}': ${why}`;
    let location: LoadProblem['location'] | undefined;
    if (v.chart === rootName) {
      for (const file of [...valueFiles].reverse().concat(path.join(dir, 'values.yaml'))) {
        if (!existsSync(file)) continue;
        const r = new DocumentLocator(overlay?.(file) ?? readFileSync(file, 'utf8')).locate(v.path);
        if (r.found !== false) {
          location = { file: display(file), line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn };
          break;
        }
      }
    }
    const schemaFile = v.chart === rootName ? path.join(dir, 'values.schema.json') : path.join(dir, 'charts', v.chart, 'values.schema.json');
    location ??= { file: display(existsSync(schemaFile) ? schemaFile : path.join(dir, 'Chart.yaml')), line: 1, column: 1, endLine: 1, endColumn: 1 };
    out.push({ ruleId: 'helm-render', message: text, location });
  }
  return out;
}

const utf8 = new TextDecoder('utf-8');

/** Chart.yaml and values.yaml of a loaded chart and of its directory subcharts, as the chart loader read them. */
function loadedTexts(chart: Chart): ChartTexts {
  const text = (name: string) => {
    const f = chart.raw.find((r) => r.name === name);
    return f ? utf8.decode(f.data) : undefined;
  };
  const subcharts = new Map<string, ChartTexts>();
  for (const sub of chart.dependencies()) {
    // A subchart loaded from a directory (not an archive) is keyed by that directory's name.
    const disk = sub.raw.find((r) => r.name === 'Chart.yaml')?.diskPath;
    if (disk !== undefined) subcharts.set(path.basename(path.dirname(disk)), loadedTexts(sub));
  }
  return { chartYaml: text('Chart.yaml') ?? '', valuesYaml: text('values.yaml'), subcharts };
}

/** Chart.yaml and values.yaml of a chart directory the chart loader could not load; undefined without a Chart.yaml. */
function readChartTexts(dir: string, overlay?: TextOverlay): ChartTexts | undefined {
  const read = (name: string) => overlay?.(path.join(dir, name)) ?? readRegularText(path.join(dir, name));
  const chartYaml = read('Chart.yaml');
  return chartYaml === undefined ? undefined : { chartYaml, valuesYaml: read('values.yaml'), subcharts: new Map() };
}

function presentSubcharts(dir: string): string[] {
  const charts = path.join(dir, 'charts');
  if (!isDirectory(charts)) return [];
  const names: string[] = [];
  for (const entry of readdirSync(charts, { withFileTypes: true })) {
    const chartYaml = entry.isDirectory() ? readRegularText(path.join(charts, entry.name, 'Chart.yaml')) : undefined;
    if (chartYaml !== undefined) {
      try {
        const meta = yaml.load(chartYaml) as { name?: string };
        names.push(meta?.name ?? entry.name);
      } catch {
        names.push(entry.name);
      }
    } else if (entry.isFile() && entry.name.endsWith('.tgz')) {
      names.push(entry.name.replace(/-\d+\.\d+\.\d+.*\.tgz$/, '').replace(/\.tgz$/, ''));
    }
  }
  return names.sort();
}

/** The chart-testing convention: ci/*-values.yaml are extra renders. */
export function ciValuesFiles(dir: string): string[] {
  const ci = path.join(dir, 'ci');
  if (!isDirectory(ci)) return [];
  // A FIFO or device named like a values file is skipped: reading it could block forever.
  return readdirSync(ci).filter((f) => /-values\.ya?ml$/.test(f) && isRegularFile(path.join(ci, f))).sort().map((f) => path.join(ci, f));
}

/** The template files a chart directory's loader read (its subcharts' too), by absolute path. */
function loadedTemplates(chart: Chart, into = new Map<string, Uint8Array>()): Map<string, Uint8Array> {
  for (const f of chart.templates) if (f.diskPath !== undefined) into.set(f.diskPath, f.data);
  for (const sub of chart.dependencies()) loadedTemplates(sub, into);
  return into;
}

/**
 * Suppression comments in templates apply to findings mapped to those templates. A template
 * the chart loader read is taken from its bytes (not read again) when it has the file's size:
 * the loader drops a byte order mark, which must stay in the text comments are read from.
 */
function collectTemplateDirectives(dir: string, display: (abs: string) => string, into: Map<string, Directive[]>, overlay?: TextOverlay, loaded?: ReadonlyMap<string, Uint8Array>): void {
  const textOf = (p: string): string | undefined => {
    const bytes = loaded?.get(p);
    if (bytes !== undefined && statSync(p, { throwIfNoEntry: false })?.size === bytes.length) return utf8.decode(bytes);
    return overlay?.(p) ?? readRegularText(p);
  };
  const walk = (d: string, depth: number) => {
    if (depth > 6 || !isDirectory(d)) return;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'templates' || depth > 0 || entry.name === 'charts') walk(p, depth + 1);
      } else if (/\.(ya?ml|tpl|json|txt)$/.test(entry.name) && d.split(path.sep).includes('templates')) {
        const text = textOf(p);
        if (text === undefined) continue;
        const found = parseDirectives(text);
        if (found.length) into.set(display(p), found);
      }
    }
  };
  walk(dir, 0);
}
