/**
 * Provenance helpers: which values-tree leaf each line of a `toYaml` result
 * came from, and what stands for the text a `tpl` string printed.
 *
 * toYaml (yaml.v2 block style: `key: value`, sequences not indented under
 * their key, `- key: v` for maps in lists, `|`/`|-` block scalars, long
 * plain scalars folded onto deeper-indented lines) is walked line by line
 * alongside the value it serialized; each line that prints a key or list
 * item gets the origin recorded for that key or index (../go/value.ts getOrigin).
 * Spans have an empty `template`: the printing action fills in its own.
 */
import { getOrigin, isGoMap, type GoMap, type GoValue, type OutputSpan, type ValueOrigin } from '../go/value.js';

interface Frame {
  col: number;
  kind: 'map' | 'seq';
  value: GoValue;
  idx: number;
}

function unquoteKey(k: string): string {
  if (k.length >= 2 && k[0] === '"' && k[k.length - 1] === '"') {
    try {
      return JSON.parse(k) as string;
    } catch {
      return k.slice(1, -1);
    }
  }
  if (k.length >= 2 && k[0] === "'" && k[k.length - 1] === "'") return k.slice(1, -1).replaceAll("''", "'");
  return k;
}

/** Splits `key: rest` (or `key:`) at the key's colon; undefined when the content is not a mapping entry. */
function splitKey(content: string): [string, string] | undefined {
  let end: number;
  if (content[0] === '"') {
    end = 1;
    while (end < content.length && content[end] !== '"') end += content[end] === '\\' ? 2 : 1;
    end++;
  } else if (content[0] === "'") {
    end = 1;
    for (;;) {
      const q = content.indexOf("'", end);
      if (q < 0) return undefined;
      if (content[q + 1] === "'") {
        end = q + 2;
        continue;
      }
      end = q + 1;
      break;
    }
  } else {
    const i = content.indexOf(': ');
    if (i > 0) return [content.slice(0, i), content.slice(i + 2)];
    if (content.endsWith(':') && !content.startsWith('- ')) return [content.slice(0, -1), ''];
    return undefined;
  }
  if (content[end] !== ':') return undefined;
  if (end + 1 === content.length) return [content.slice(0, end), ''];
  if (content[end + 1] !== ' ') return undefined;
  return [content.slice(0, end), content.slice(end + 2)];
}

function childOf(container: GoValue, key: string | number): GoValue {
  if (typeof key === 'number') return Array.isArray(container) ? container[key] : undefined;
  return isGoMap(container) ? (container as GoMap)[key] : undefined;
}

function originOf(container: GoValue, key: string | number): ValueOrigin | undefined {
  if (container === null || typeof container !== 'object') return undefined;
  return getOrigin(container as object, key);
}

/**
 * Line spans of a toYaml result, each with the origin of the key or list item
 * it prints. Returns undefined when no line has an origin.
 */
export function yamlLineSpans(text: string, value: GoValue): OutputSpan[] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const spans: OutputSpan[] = [];
  const stack: Frame[] = [];
  const top = (): Frame | undefined => stack[stack.length - 1];
  // A key with an empty value waits for its child block.
  let pending: { col: number; value: GoValue } | null = null;
  // Lines indented deeper than this continue the previous scalar.
  let contCol = -1;
  let contOrigin: ValueOrigin | undefined;
  let any = false;

  if (isGoMap(value)) stack.push({ col: 0, kind: 'map', value, idx: -1 });
  else if (Array.isArray(value)) stack.push({ col: 0, kind: 'seq', value, idx: -1 });
  else return undefined;

  const emit = (start: number, end: number, origin: ValueOrigin | undefined) => {
    if (origin === undefined || end <= start) return;
    spans.push({ start, end, template: '', line: 0, column: 0, kind: 'action', origin });
    any = true;
  };

  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    let col = 0;
    while (col < line.length && line[col] === ' ') col++;
    if (col < line.length) {
      if (contCol >= 0 && col > contCol) {
        emit(lineStart, lineEnd, contOrigin);
      } else {
        contCol = -1;
        contOrigin = undefined;
        let origin: ValueOrigin | undefined;
        let c = col;
        let rest = line.slice(col);
        // Open the pending child block.
        if (pending !== null) {
          if (rest.startsWith('- ') || rest === '-') {
            if (c >= pending.col) stack.push({ col: c, kind: 'seq', value: pending.value, idx: -1 });
          } else if (c > pending.col) {
            stack.push({ col: c, kind: 'map', value: pending.value, idx: -1 });
          }
          pending = null;
        }
        // Sequence items ("- ", possibly several on one line).
        while (rest.startsWith('- ') || rest === '-') {
          while (stack.length > 1 && (top()!.col > c || (top()!.col === c && top()!.kind === 'map'))) stack.pop();
          const f = top();
          if (!f || f.kind !== 'seq') break;
          f.idx++;
          origin = originOf(f.value, f.idx) ?? origin;
          const elem = childOf(f.value, f.idx);
          c += 2;
          rest = rest.slice(2);
          if (rest.startsWith('- ')) {
            stack.push({ col: c, kind: 'seq', value: elem, idx: -1 });
          } else if (splitKey(rest) !== undefined) {
            stack.push({ col: c, kind: 'map', value: elem, idx: -1 });
          } else {
            contCol = c - 2;
            contOrigin = origin;
          }
        }
        const kv = rest.length > 0 ? splitKey(rest) : undefined;
        if (kv !== undefined) {
          while (stack.length > 1 && (top()!.col > c || (top()!.col === c && top()!.kind === 'seq'))) stack.pop();
          const f = top();
          if (f && f.kind === 'map') {
            const key = unquoteKey(kv[0]);
            origin = originOf(f.value, key) ?? origin;
            const v = childOf(f.value, key);
            if (kv[1] === '') {
              pending = { col: c, value: v };
            } else {
              contCol = c;
              contOrigin = origin;
            }
          }
        }
        emit(lineStart, lineEnd, origin);
      }
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  return any ? spans : undefined;
}

/**
 * The spans of a tpl result, with what the tpl string itself printed (spans of
 * `treeName`: Helm parses the string under the set's name, "gotpl", no file) turned
 * into parts of a value (template '', as toYaml's lines), so that the action printing
 * the result stands for them. Their origin: the line of the string's own spans (tpl of
 * a toYaml keeps its lines' origins), else where the string was set, else their own.
 * Spans of templates the string included stay as they are.
 */
export function tplValueSpans(
  spans: OutputSpan[],
  treeName: string,
  tplText: string,
  argSpans: OutputSpan[] | undefined,
  stringOrigin: ValueOrigin | undefined,
): OutputSpan[] {
  const out: OutputSpan[] = [];
  let lineStarts: number[] | undefined;
  for (const sp of spans) {
    if (sp.template !== treeName) {
      out.push(sp);
      continue;
    }
    const fallback = stringOrigin ?? sp.origin;
    const part = (start: number, end: number, origin: ValueOrigin | undefined): void => {
      const p: OutputSpan = { start, end, template: '', line: 0, column: 0, kind: 'action' };
      if (origin) p.origin = origin;
      out.push(p);
    };
    if (argSpans === undefined) {
      part(sp.start, sp.end, fallback);
      continue;
    }
    // Where this span's text or action sits in the tpl string, then the string's own spans over it.
    lineStarts ??= lineOffsets(tplText);
    const from = (lineStarts[sp.line - 1] ?? 0) + sp.column - 1;
    if (sp.kind !== 'text') {
      part(sp.start, sp.end, argSpans.find((a) => a.start <= from && from < a.end)?.origin ?? fallback);
      continue;
    }
    const to = from + (sp.end - sp.start);
    let at = from;
    for (const a of argSpans) {
      if (a.end <= at || a.start >= to) continue;
      if (a.start > at) part(sp.start + at - from, sp.start + a.start - from, fallback);
      const stop = Math.min(a.end, to);
      part(sp.start + Math.max(a.start, at) - from, sp.start + stop - from, a.origin ?? fallback);
      at = stop;
    }
    if (at < to) part(sp.start + at - from, sp.end, fallback);
  }
  return out;
}

function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
