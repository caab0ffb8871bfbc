/**
 * Splits a YAML stream into its documents without parsing it, keeping each
 * document's offset and line. In YAML a line starting with `---` or `...`
 * followed by a blank or the end of the line is always a document marker
 * (even inside block scalars), so a line scan is exact and very fast.
 */
export interface DocumentChunk {
  /** Offset of the chunk's first character in the file text. */
  start: number;
  end: number;
  /** 0-based line of the chunk's first line in the file. */
  line: number;
}

export function splitYamlDocuments(text: string): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  let line = 0;
  let pos = 0;
  const len = text.length;
  while (pos < len) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? len : nl;
    const c = text.charCodeAt(pos);
    if ((c === 45 /* - */ || c === 46 /* . */) && isMarker(text, pos, lineEnd, c)) {
      if (c === 45) {
        // `---` starts a new document on this line.
        if (pos > chunkStart) chunks.push({ start: chunkStart, end: pos, line: chunkLine });
        chunkStart = pos;
        chunkLine = line;
      } else {
        // `...` ends the document; the next one starts after this line.
        chunks.push({ start: chunkStart, end: pos, line: chunkLine });
        chunkStart = nl === -1 ? len : nl + 1;
        chunkLine = line + 1;
      }
    }
    line++;
    pos = nl === -1 ? len : nl + 1;
  }
  if (chunkStart < len) chunks.push({ start: chunkStart, end: len, line: chunkLine });
  return chunks;
}

function isMarker(text: string, pos: number, lineEnd: number, c: number): boolean {
  if (lineEnd - pos < 3) return false;
  if (text.charCodeAt(pos + 1) !== c || text.charCodeAt(pos + 2) !== c) return false;
  if (lineEnd - pos === 3) return true;
  const next = text.charCodeAt(pos + 3);
  return next === 32 || next === 9 || next === 13;
}
