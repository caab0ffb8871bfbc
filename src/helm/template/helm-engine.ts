/**
 * Helm's template engine rules (helm.sh/helm/v3 pkg/engine, v3.21) on top of
 * the text/template implementation: one template set for all files of a
 * chart and its subcharts, parsed in Helm's order; partials not executed;
 * include (1000-deep recursion limit), tpl, required, fail; `<no value>`
 * removed from the output; Helm's rewriting of parse and execution errors.
 */
import { withGoSignature, type GoFunction, type GoMap, type GoValue, type OutputSpan, type RenderedText } from '../go/value.js';
import { TemplateSet, TemplateError } from './template.js';
import { ExecError, RenderContext, StackOverflow, isStackOverflow } from './exec.js';
import { TemplateParseError, type Tree } from './parse.js';
import { goQuote } from '../go/quote.js';

export interface HelmTemplateFile {
  /** Template name as Helm sees it, e.g. "mychart/templates/svc.yaml" or "mychart/charts/sub/templates/a.yaml". */
  name: string;
  text: string;
  /** The chart's scope: {Values, Release, Chart, Capabilities, Files, Subcharts}. `Template` is set here. */
  data: GoMap;
  /** Helm's .Template.BasePath; by default the name up to and including its last "/templates". */
  basePath?: string;
}

export interface HelmRenderOptions {
  /** helm --strict: missingkey=error. */
  strict?: boolean;
  /** helm lint: required and fail do not fail. */
  lintMode?: boolean;
  /** Record provenance spans (default true). */
  trackProvenance?: boolean;
}

/**
 * A rendering error; `message` is exactly what Helm prints after "Error: ".
 * `template`, `line` and `column` locate it when Helm's message names a
 * position (column is 1-based, in UTF-16 units of that line).
 */
export class HelmRenderError extends Error {
  /** 'parse' or 'execution' when Helm's cleanup names it (a template failed to parse or to run). */
  kind?: 'parse' | 'execution';
  template?: string;
  line?: number;
  column?: number;
  constructor(message: string) {
    super(message);
    this.name = 'HelmRenderError';
  }
}

/**
 * The JS stack ran out while rendering (deep include or template recursion).
 * `message` is already what Helm would most likely say: the include-limit
 * error extended from the recursion seen so far, or Go's depth or stack
 * limit. A legitimately deep chain that Helm renders fails the same way, so
 * a caller that can run the render again on a bigger stack (a worker thread,
 * see src/helm/chart/deep-render.ts) should do so.
 */
export class HelmStackExhaustedError extends HelmRenderError {
  readonly stackExhausted = true;
  constructor(from: HelmRenderError) {
    super(from.message);
    this.name = 'HelmStackExhaustedError';
    this.kind = from.kind;
    this.template = from.template;
    this.line = from.line;
    this.column = from.column;
  }
}

const warnStart = 'HELM_ERR_START';
const warnEnd = 'HELM_ERR_END';
const warnRegex = /HELM_ERR_START([\s\S]*)HELM_ERR_END/;
const recursionMaxNums = 1000;

function warnWrap(s: string): string {
  return warnStart + s + warnEnd;
}

/** Go's strings.Count(s, "/"). */
function depth(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 0x2f) n++;
  return n;
}

/** Helm's sortTemplates: deepest paths first, then reverse lexical (bytewise) order. */
export function helmParseOrder(names: string[]): string[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...names].sort((a, b) => {
    const ca = depth(a);
    const cb = depth(b);
    if (ca !== cb) return cb - ca;
    return cmp(b, a);
  });
}

function defaultBasePath(name: string): string {
  const i = name.lastIndexOf('/templates/');
  if (i >= 0) return name.slice(0, i) + '/templates';
  if (name.startsWith('templates/')) return 'templates';
  const j = name.lastIndexOf('/');
  return j >= 0 ? name.slice(0, j) : '.';
}

function baseName(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  return i >= 0 ? trimmed.slice(i + 1) : trimmed;
}

/** Removes every "<no value>" from a rendered text, keeping the spans in step. */
export function removeNoValue(r: RenderedText): RenderedText {
  const marker = '<no value>';
  if (!r.text.includes(marker)) return r;
  const cuts: number[] = [];
  for (let i = r.text.indexOf(marker); i >= 0; i = r.text.indexOf(marker, i + marker.length)) cuts.push(i);
  const text = r.text.split(marker).join('');
  if (r.spans.length === 0) return { text, spans: [] };
  const map = (x: number): number => {
    let removed = 0;
    for (const c of cuts) {
      if (c >= x) break;
      removed += Math.min(marker.length, x - c);
    }
    return x - removed;
  };
  const spans: OutputSpan[] = [];
  for (const sp of r.spans) {
    const start = map(sp.start);
    const end = map(sp.end);
    if (end > start) spans.push({ ...sp, start, end });
  }
  return { text, spans };
}

interface Location {
  template: string;
  line: number;
  byteCol?: number;
}

function parseLocation(loc: string): Location | undefined {
  const m = /^(.*?):(\d+)(?::(\d+))?$/.exec(loc);
  if (!m) return undefined;
  return { template: m[1], line: Number(m[2]), byteCol: m[3] !== undefined ? Number(m[3]) : undefined };
}

/** Converts Go's 0-based byte column on a line to a 1-based UTF-16 column. */
function charColumn(text: string | undefined, line: number, byteCol: number): number {
  if (text === undefined) return byteCol + 1;
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return byteCol + 1;
    start = nl + 1;
  }
  let bytes = 0;
  let i = start;
  while (i < text.length && bytes < byteCol) {
    const c = text.codePointAt(i)!;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += c > 0xffff ? 2 : 1;
  }
  return i - start + 1;
}

function locatedError(kind: 'parse' | 'execution', message: string, loc: string | undefined, texts: Map<string, string>): HelmRenderError {
  const err = new HelmRenderError(message);
  err.kind = kind;
  const l = loc !== undefined ? parseLocation(loc) : undefined;
  if (l) {
    err.template = l.template;
    err.line = l.line;
    if (l.byteCol !== undefined) err.column = charColumn(texts.get(l.template), l.line, l.byteCol);
  }
  return err;
}

/** Helm's cleanupParseError. */
function cleanupParseError(filename: string, err: Error, texts: Map<string, string>): HelmRenderError {
  const tokens = err.message.split(': ');
  if (tokens.length === 1) {
    const e = new HelmRenderError(`parse error in (${filename}): ${err.message}`);
    e.kind = 'parse';
    e.template = filename;
    return e;
  }
  const location = tokens[1];
  const errMsg = tokens[tokens.length - 1];
  return locatedError('parse', `parse error at (${location}): ${errMsg}`, location, texts);
}

/** Helm's cleanupExecError. */
function cleanupExecError(filename: string, err: Error, texts: Map<string, string>): HelmRenderError {
  if (!(err instanceof ExecError)) {
    const e = new HelmRenderError(err.message);
    e.kind = 'execution';
    e.template = filename;
    return e;
  }
  const msg = err.message;
  const first = msg.indexOf(': ');
  const second = first >= 0 ? msg.indexOf(': ', first + 2) : -1;
  if (first < 0 || second < 0) {
    const e = new HelmRenderError(`execution error in (${filename}): ${msg}`);
    e.kind = 'execution';
    e.template = filename;
    return e;
  }
  const location = msg.slice(first + 2, second);
  const rest = msg.slice(second + 2);
  const m = warnRegex.exec(rest);
  if (m) return locatedError('execution', `execution error at (${location}): ${m[1]}`, location, texts);
  return locatedError('execution', msg, location, texts);
}

/**
 * The JS stack is smaller than Go's: an include cycle exhausts it before
 * Helm's limit of 1000 nested includes of one name. The recorded call sites
 * repeat with some period; extending that cycle until a name is nested more
 * than 1000 times gives exactly the error Helm reports.
 */
function includeLimitMessage(so: StackOverflow): string | undefined {
  const units = [...so.units];
  const names = [...so.names];
  const d = Math.min(units.length, names.length);
  units.length = d;
  names.length = d;
  let period = 0;
  for (let p = 1; p * 3 <= d; p++) {
    let ok = true;
    for (let i = d - 2 * p; i < d && ok; i++) ok = names[i] === names[i - p] && units[i] === units[i - p];
    if (ok) {
      period = p;
      break;
    }
  }
  if (period === 0) return undefined;
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  for (let steps = 0; steps < 1_000_000; steps++) {
    const j = names.length;
    const n = names[j - period];
    const u = units[j - period];
    if ((counts.get(n) ?? 0) > recursionMaxNums) {
      return units.join('') + u + `rendering template has a nested reference name: ${n}: unable to execute template`;
    }
    names.push(n);
    units.push(u);
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return undefined;
}

function errMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

class HelmEngine {
  readonly includedNames = new Map<string, number>();
  readonly texts = new Map<string, string>();
  ctx!: RenderContext;

  constructor(
    readonly strict: boolean,
    readonly lintMode: boolean,
  ) {}

  includeFun(set: TemplateSet): GoFunction {
    return withGoSignature(
      (name: GoValue, data: GoValue): GoValue => {
        const n = name as string;
        const v = this.includedNames.get(n);
        if (v !== undefined) {
          if (v > recursionMaxNums) {
            throw new Error(`rendering template has a nested reference name: ${n}: unable to execute template`);
          }
          this.includedNames.set(n, v + 1);
        } else {
          this.includedNames.set(n, 1);
        }
        try {
          const r = set.executeTemplate(n, data, this.ctx);
          if (this.ctx.trackProvenance && r.text.length > 0 && r.spans.length > 0) this.ctx.strSpans.set(r.text, r.spans);
          return r.text;
        } catch (e) {
          let so = e;
          if (isStackOverflow(e)) so = new StackOverflow();
          if (so instanceof StackOverflow) so.names.unshift(n);
          throw so;
        } finally {
          this.includedNames.set(n, this.includedNames.get(n)! - 1);
        }
      },
      { params: ['string', 'any'] },
    );
  }

  tplFun(parent: TemplateSet): GoFunction {
    return withGoSignature(
      (tpl: GoValue, vals: GoValue): GoValue => {
        const text = tpl as string;
        const t = parent.clone();
        t.missingKey = this.strict ? 'error' : 'zero';
        t.funcs.include = this.includeFun(t);
        t.funcs.tpl = this.tplFun(t);
        let tree: Tree;
        try {
          tree = t.parse(parent.name, text, true);
        } catch (e) {
          throw new Error(`cannot parse template ${goQuote(text)}: ${errMessage(e)}`);
        }
        let r: RenderedText;
        try {
          r = t.execute(parent.name, tree, vals, this.ctx);
        } catch (e) {
          if (e instanceof StackOverflow || isStackOverflow(e)) throw e;
          throw new Error(`error during tpl function execution for ${goQuote(text)}: ${errMessage(e)}`);
        }
        r = removeNoValue(r);
        if (this.ctx.trackProvenance && r.text.length > 0 && r.spans.length > 0) this.ctx.strSpans.set(r.text, r.spans);
        return r.text;
      },
      { params: ['string', 'any'] },
    );
  }

  funcMap(set: TemplateSet, funcs: Record<string, GoFunction>): Record<string, GoFunction> {
    const lint = this.lintMode;
    return {
      ...funcs,
      include: this.includeFun(set),
      tpl: this.tplFun(set),
      required: withGoSignature(
        (warn: GoValue, val: GoValue): GoValue => {
          if (val === null || val === undefined || val === '') {
            if (lint) return '';
            throw new Error(warnWrap(warn as string));
          }
          return val;
        },
        { params: ['string', 'any'] },
      ),
      fail: withGoSignature(
        (msg: GoValue): GoValue => {
          if (lint) return '';
          throw new Error(warnWrap(msg as string));
        },
        { params: ['string'] },
      ),
      lookup: withGoSignature((): GoValue => Object.create(null) as GoMap, {
        params: ['string', 'string', 'string', 'string'],
      }),
      getHostByName: withGoSignature((): GoValue => '', { params: ['string'] }),
    };
  }
}

/**
 * Renders a chart's templates the way Helm's engine does. Returns, for every
 * non-partial template (NOTES.txt included; the caller drops it), its text
 * with `<no value>` removed and the provenance spans of that text.
 * Throws HelmRenderError with Helm's message on the first failure.
 */
export function renderHelm(
  files: HelmTemplateFile[],
  funcs: Record<string, GoFunction>,
  opts: HelmRenderOptions = {},
): Map<string, RenderedText> {
  const engine = new HelmEngine(opts.strict === true, opts.lintMode === true);
  engine.ctx = new RenderContext(opts.trackProvenance !== false);
  const set = new TemplateSet('gotpl', {}, opts.strict ? 'error' : 'zero');
  set.funcs = engine.funcMap(set, funcs);

  const byName = new Map<string, HelmTemplateFile>();
  for (const f of files) {
    byName.set(f.name, f);
    engine.texts.set(f.name, f.text);
  }
  const order = helmParseOrder([...byName.keys()]);
  for (const name of order) {
    try {
      set.parseShared(name, byName.get(name)!.text);
    } catch (e) {
      if (e instanceof TemplateParseError) throw cleanupParseError(name, e, engine.texts);
      throw new HelmRenderError(`rendering template failed: ${errMessage(e)}`);
    }
  }

  const rendered = new Map<string, RenderedText>();
  for (const name of order) {
    if (baseName(name).startsWith('_')) continue;
    const f = byName.get(name)!;
    f.data.Template = { Name: name, BasePath: f.basePath ?? defaultBasePath(name) };
    let r: RenderedText;
    try {
      r = set.executeTemplate(name, f.data, engine.ctx);
    } catch (e) {
      if (e instanceof StackOverflow) {
        const msg = e.names.length > 0 ? includeLimitMessage(e) : undefined;
        if (msg !== undefined) throw new HelmStackExhaustedError(cleanupExecError(name, new ExecError(msg, name), engine.texts));
        if (e.templateError) throw new HelmStackExhaustedError(cleanupExecError(name, e.templateError, engine.texts));
        throw new HelmStackExhaustedError(new HelmRenderError('rendering template failed: runtime: goroutine stack exceeds 1000000000-byte limit'));
      }
      if (e instanceof ExecError && e.stackExhausted) throw new HelmStackExhaustedError(cleanupExecError(name, e, engine.texts));
      if (e instanceof ExecError || e instanceof TemplateError) throw cleanupExecError(name, e, engine.texts);
      throw new HelmRenderError(`rendering template failed: ${errMessage(e)}`);
    }
    rendered.set(name, removeNoValue(r));
  }
  return rendered;
}

