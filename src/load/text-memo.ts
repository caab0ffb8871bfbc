/**
 * Work done once per distinct rendered document text within one lint.
 * A chart renders once with its defaults and once per ci/*-values.yaml; most
 * documents come out byte-identical in every render (argo-cd: 10 renders of
 * ~60 documents, ~2 MB each), and parsing and placing them again was most of
 * a chart lint. Both caches are bounded by the text they hold, oldest first
 * out, so a run over many charts keeps no more than the bound.
 */
import { loadYamlDocument } from './documents.js';
import { DocumentLocator } from './locate.js';
import { BoundedTextCache } from '../helm/chart/text-cache.js';

/** Characters of document text each cache keeps at most (the parsed forms are a few times larger). */
const MAX_CHARS = 8_000_000;
export type LoadedDocument = ReturnType<typeof loadYamlDocument>;

/** Deep-freezes a parsed document: renders share it, so nothing may change it. */
function freeze(v: unknown): void {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const k of Object.keys(v)) freeze((v as Record<string, unknown>)[k]);
}

export class RenderedTextMemo {
  /** Counters for the structural tests: how often a text was really parsed or given a locator. */
  readonly stats = { parses: 0, locators: 0 };
  private readonly loaded = new BoundedTextCache<LoadedDocument | { error: unknown }>(MAX_CHARS);
  private readonly locators = new BoundedTextCache<DocumentLocator>(MAX_CHARS);


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

  /** One locator per text: the positions of identical documents are the same. */
  locator(text: string): DocumentLocator {
    return this.locators.get(text, () => {
      this.stats.locators++;
      return new DocumentLocator(text);
    });
  }
}
