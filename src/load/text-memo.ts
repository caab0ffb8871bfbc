/**
 * Work done once per distinct rendered document text within one lint.
 * A chart renders once with its defaults and once per ci/*-values.yaml; most
 * documents come out byte-identical in every render (argo-cd: 10 renders of
 * ~60 documents, ~2 MB each), and parsing and placing them again was most of
 * a chart lint. Both caches are bounded by the text they hold (they start
 * over past it), so a run over many charts keeps no more than the bound.
 */
import { loadYamlDocument } from './documents.js';
import { DocumentLocator } from './locate.js';

/** Characters of document text each cache keeps at most (the parsed forms are a few times larger). */
const MAX_CHARS = 8_000_000;
/**
 * Values by text, up to `maxChars` of text: past that the cache starts over (a chart's
 * renders come one after another, so what the next render shares is what the last one
 * printed). src/helm keeps its own cache: nothing outside it may reach inside src/helm.
 */
class TextCache<V> {
  private readonly map = new Map<string, V>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get(text: string, make: () => V): V {
    if (this.map.has(text)) return this.map.get(text) as V;
    const value = make();
    if (this.chars + text.length > this.maxChars) {
      this.map.clear();
      this.chars = 0;
    }
    if (text.length <= this.maxChars) {
      this.map.set(text, value);
      this.chars += text.length;
    }
    return value;
  }
}

export type LoadedDocument = ReturnType<typeof loadYamlDocument>;

/** Deep-freezes a parsed document: renders share it, so nothing may change it. */
function freeze(v: unknown): void {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const k of Object.keys(v)) freeze((v as Record<string, unknown>)[k]);
}

/** Charts a memo keeps loaded at most (a worker renders the variants of one chart after another). */
const MAX_CHARTS = 2;

export class RenderedTextMemo {
  private readonly charts = new Map<string, Promise<unknown>>();

  /** Counters for the structural tests: how often a text was really parsed or given a locator. */
  readonly stats = { parses: 0, locators: 0, chartLoads: 0 };
  private readonly loaded = new TextCache<LoadedDocument | { error: unknown }>(MAX_CHARS);
  private readonly locators = new TextCache<DocumentLocator>(MAX_CHARS);


  /** loadYamlDocument(text), parsed once per text; the value is frozen (shared by every render that printed the text). */
  load(text: string): LoadedDocument {
    const r = this.loaded.get(text, () => {
      this.stats.parses++;
      try {
        const d = loadYamlDocument(text);
        freeze(d.value);
        return d;
      } catch (error) {
        return { error };
      }
    });
    if ('error' in r) throw r.error;
    return r;
  }

  /**
   * The chart at `abs`, loaded once for all its variants: a worker thread renders a
   * chart's variants one call at a time (src/parallel/worker.ts), and reading and
   * decoding the chart again for each was a fifth of its time. Renders do not change a
   * loaded chart (one load serves all variants on the main thread too). Not for
   * editor overlays, whose texts change between calls.
   */
  chart<C>(abs: string, load: () => Promise<C>): Promise<C> {
    let p = this.charts.get(abs) as Promise<C> | undefined;
    if (!p) {
      this.stats.chartLoads++;
      p = load();
      this.charts.set(abs, p);
      p.catch(() => this.charts.delete(abs));
      for (const old of this.charts.keys()) if (this.charts.size > MAX_CHARTS) this.charts.delete(old);
    }
    return p;
  }

  /** One locator per text: the positions of identical documents are the same. */
  locator(text: string): DocumentLocator {
    return this.locators.get(text, () => {
      this.stats.locators++;
      return new DocumentLocator(text);
    });
  }
}
