/**
 * A document rendered from a Helm chart. Positions found in the rendered text
 * are mapped back through the engine's output spans: template text maps
 * character for character, an action `{{ ... }}` maps to the action, and a
 * value that came from the values tree adds `related` at its values-file line.
 * What a named template (`_helpers.tpl`, via include or template) printed is
 * placed at the call in the document's own template, with the helper's line
 * as `related`: a helper several resources share would otherwise put all of
 * their findings on one line. What `tpl` printed is placed at the tpl call,
 * with the values line of the tpl string as `related`.
 */
import type { OutputSpan, ValueOrigin } from '../helm/index.js';
import type { Location, RelatedLocation, ResourcePath } from '../types.js';
import type { NodeLocation, SourceDocument } from '../engine/resource.js';
import { DocumentLocator, type LocateTarget } from './locate.js';

export interface TemplateFileRef {
  /** Display path of the template file (what findings name). */
  file: string;
}

export class RenderedSourceDocument implements SourceDocument {
  private locator: DocumentLocator | undefined;

  constructor(
    readonly file: string,
    readonly index: number,
    private readonly text: string,
    private readonly spans: readonly OutputSpan[],
    /** Template name (e.g. "todo/templates/svc.yaml") to its file. */
    private readonly templates: (name: string) => TemplateFileRef,
    /** Values origin (file as the chart layer names it) to a display path. */
    private readonly originFile: (origin: ValueOrigin) => string,
    readonly source?: string,
    /** Where a locator for the text comes from: renders printing the same text share one (src/load/text-memo.ts). */
    private readonly locatorOf: (text: string) => DocumentLocator = (text) => new DocumentLocator(text),
  ) {}

  private loc(): DocumentLocator {
    return (this.locator ??= this.locatorOf(this.text));
  }

  release(): void {
    this.locator = undefined;
  }

  locate(path: ResourcePath, target: LocateTarget = 'value'): NodeLocation {
    const r = this.loc().locate(path, target);
    // A missing field is reported at its parent; in a template the parent's key line
    // (`metadata:`) is where a user adds it, while its first child may come from a partial.
    if (r.ancestorKey) return this.map(r.ancestorKey.start, r.ancestorKey.end);
    return this.map(r.start, r.end);
  }

  start(): Location {
    const r = this.loc().start();
    return this.map(r.start, r.end).location;
  }

  private map(start: number, end: number): NodeLocation {
    const span = this.spanAt(start);
    if (!span) {
      // No provenance (e.g. a CRD file copied verbatim): point into the rendered document.
      const r = this.loc().locate([], 'value');
      return { location: { file: this.file, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn } };
    }
    const inner = this.emitted(span, start, end);
    const related: RelatedLocation[] = [];
    let location = inner;
    const site = span.site;
    if (site && span.template !== this.source && site.template === this.source) {
      // Printed through a call from the document's own template: at that call, the helper line related.
      const file = this.templates(site.template).file;
      location = { file, line: site.line, column: site.column, endLine: site.endLine, endColumn: site.endColumn };
      related.push({ ...inner, message: 'emitted here by a named template' });
    }
    if (span.origin) related.push(this.relatedOf(span.origin));
    return { location, ...(related.length ? { related } : {}), rawLine: location.line, written: this.writtenAt(span, inner) };
  }

  /** Where the text of a span was written: the template text itself, a values file, or nowhere. */
  private writtenAt(span: OutputSpan, inner: Location): NodeLocation['written'] {
    if (span.kind === 'text') return { from: 'template', location: inner };
    const o = span.origin;
    if (!o || o.flag) return { from: 'computed' };
    return { from: 'values', location: { file: this.originFile(o), line: o.line, column: o.column, endLine: o.endLine ?? o.line, endColumn: o.endColumn ?? o.column } };
  }

  /** The template place that emitted [start, end) of a span. */
  private emitted(span: OutputSpan, start: number, end: number): Location {
    const file = this.templates(span.template).file;
    if (span.kind === 'text') {
      const a = advance(span.line, span.column, this.text.slice(span.start, start));
      const stop = Math.min(end, span.end);
      const b = advance(a.line, a.column, this.text.slice(start, stop));
      return { file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
    }
    // The whole action `{{ ... }}`, as the engine recorded it.
    return { file, line: span.line, column: span.column, endLine: span.endLine ?? span.line, endColumn: span.endColumn ?? span.column + 1 };
  }

  private relatedOf(o: ValueOrigin): RelatedLocation {
    if (o.flag) return { file: o.file, line: o.line, column: o.column, message: `value set by ${o.flag}` };
    const rel: RelatedLocation = { file: this.originFile(o), line: o.line, column: o.column, message: 'value set here' };
    if (o.endLine !== undefined) rel.endLine = o.endLine;
    if (o.endColumn !== undefined) rel.endColumn = o.endColumn;
    return rel;
  }

  private spanAt(offset: number): OutputSpan | undefined {
    // Spans are in output order: binary search for the one containing offset.
    let lo = 0;
    let hi = this.spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.spans[mid];
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return s;
    }
    return this.spans[Math.min(lo, this.spans.length - 1)];
  }
}

function advance(line: number, column: number, text: string): { line: number; column: number } {
  const nl = text.lastIndexOf('\n');
  if (nl === -1) return { line, column: column + text.length };
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return { line: line + lines, column: text.length - nl };
}
