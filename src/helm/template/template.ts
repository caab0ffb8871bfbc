/**
 * A set of associated templates (Go's *template.Template with its common
 * name map): parse named texts into it, look templates up by name, execute.
 */
import { isEmptyTree } from './nodes.js';
import { parseTemplates, type Tree } from './parse.js';
import { builtins } from './builtins.js';
import { executeTree, Output, RenderContext, type ExecEnv, type MissingKey } from './exec.js';
import { goQuote } from '../go/quote.js';
import { BoundedTextCache } from '../go/text-cache.js';
import type { GoFunction, GoValue, RenderedText } from '../go/value.js';

/**
 * Template files parsed, by their text: a chart is rendered once per values file (a linter
 * renders its defaults and every ci/*-values.yaml), and its templates are the same texts each
 * time, so each is parsed once. Keyed by the text itself (a changed template is a new key: an
 * editor's buffer is never served an old tree), then by its name and the function names the
 * parse checked calls against. Trees are not changed by executing them (the executor caches
 * only positions, a function of the text, on their nodes), so renders can share them.
 */
const sharedParses = new BoundedTextCache<Map<string, Map<string, Map<string, Tree>>>>(8_000_000);

/** Counters for the structural tests: how many template files parseShared() really parsed. */
export const parseStats = { files: 0 };

/**
 * The names a parse checks calls against, by function map: the engine builds one map per
 * render and gives it no new names afterwards (a set's `funcs` is replaced, not extended).
 */
const funcNameKeys = new WeakMap<Record<string, GoFunction>, string>();

function funcNamesKey(funcs: Record<string, GoFunction>): string {
  let key = funcNameKeys.get(funcs);
  if (key === undefined) funcNameKeys.set(funcs, (key = Object.keys(funcs).join('\u0000')));
  return key;
}

/** A template error that is not an execution error (e.g. no such template). */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

export class TemplateSet implements ExecEnv {
  private readonly tmpl: Map<string, Tree>;
  /** The render in progress, so that functions called from templates (include, tpl) join it. */
  activeContext: RenderContext | null = null;

  constructor(
    /** Name of the root template (Helm: "gotpl"); error messages quote it. */
    readonly name: string = 'gotpl',
    public funcs: Record<string, GoFunction> = {},
    public missingKey: MissingKey = 'invalid',
    tmpl?: Map<string, Tree>,
    /** Parse cache shared with clones: text -> trees, for repeated tpl calls. */
    readonly parseCache: Map<string, Map<string, Tree>> = new Map(),
  ) {
    this.tmpl = tmpl ?? new Map();
  }

  hasFunction = (name: string): boolean =>
    Object.prototype.hasOwnProperty.call(this.funcs, name) || Object.prototype.hasOwnProperty.call(builtins, name);

  /**
   * t.New(name).Parse(text): parses text as template `name` and adds it and
   * its {{define}}s to the set. Returns the tree to execute for `name`.
   * Throws TemplateParseError.
   */
  parse(name: string, text: string, cache = false): Tree {
    let trees: Map<string, Tree> | undefined;
    const key = cache ? name + '\u0000' + text : '';
    if (cache) trees = this.parseCache.get(key);
    if (trees === undefined) {
      trees = parseTemplates(name, text, this.hasFunction);
      if (cache) this.parseCache.set(key, trees);
    }
    for (const [n, tree] of trees) this.addParseTree(n, tree);
    return trees.get(name)!;
  }

  /**
   * parse() for a template file, its trees shared with every set that parsed the same
   * name and text with the same function names (sharedParses above).
   */
  parseShared(name: string, text: string): Tree {
    const byFuncs = sharedParses.get(text, () => new Map());
    const funcs = funcNamesKey(this.funcs);
    let byName = byFuncs.get(funcs);
    if (byName === undefined) byFuncs.set(funcs, (byName = new Map()));
    let trees = byName.get(name);
    if (trees === undefined) {
      parseStats.files++;
      trees = parseTemplates(name, text, this.hasFunction);
      byName.set(name, trees);
    }
    for (const [n, tree] of trees) this.addParseTree(n, tree);
    return trees.get(name)!;
  }

  /** AddParseTree/associate: an empty redefinition does not replace a template. */
  addParseTree(name: string, tree: Tree): void {
    const old = this.tmpl.get(name);
    if (old !== undefined && isEmptyTree(tree.root)) return;
    this.tmpl.set(name, tree);
  }

  lookup(name: string): Tree | undefined {
    return this.tmpl.get(name);
  }

  names(): string[] {
    return [...this.tmpl.keys()];
  }

  /** Template.Clone: same trees, own name map and function map. */
  clone(): TemplateSet {
    const c = new TemplateSet(this.name, { ...this.funcs }, this.missingKey, new Map(this.tmpl), this.parseCache);
    c.activeContext = this.activeContext;
    return c;
  }

  /** ExecuteTemplate: runs the template called `name`. Throws ExecError or TemplateError. */
  executeTemplate(name: string, data: GoValue, ctx?: RenderContext): RenderedText {
    const tree = this.tmpl.get(name);
    if (tree === undefined) {
      throw new TemplateError(`template: no template ${goQuote(name)} associated with template ${goQuote(this.name)}`);
    }
    return this.execute(name, tree, data, ctx);
  }

  /** Execute: runs a tree under the given template name. */
  execute(name: string, tree: Tree | undefined, data: GoValue, ctx?: RenderContext): RenderedText {
    const c = ctx ?? this.activeContext ?? new RenderContext(true);
    const out = new Output(c.trackProvenance, c);
    const prev = this.activeContext;
    this.activeContext = c;
    try {
      executeTree(this, name, tree, data, out, c);
    } finally {
      this.activeContext = prev;
    }
    return { text: out.text(), spans: out.spans };
  }
}
