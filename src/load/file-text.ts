/**
 * A manifest file's text as its documents read it (TextDocument, src/load/documents.ts).
 * While the file is parsed it is the string that was parsed. Once a large input's
 * stream has passed it (src/lint-units.ts), the text moves off the V8 heap into a
 * Buffer, decoded one document at a time when a finding must be placed: a 32 MB file
 * then costs 32 MB outside the heap instead of 32 MB inside it, which V8 lets grow to
 * about twice what it holds. The bytes encode exactly the text that was linted (one
 * byte a character when every character fits in one, else UTF-16 code units, lone
 * surrogates included), so a document decoded from them is that text, character for
 * character, and its positions are the ones a finding had while the text was whole.
 */
export class FileText {
  private bytes: Buffer | undefined;
  /** Whether the bytes are UTF-16 code units (two a character) rather than Latin-1 (one). */
  private wide = false;

  constructor(private text: string | undefined) {}

  /** The characters from `start` to `end` (offsets in the text). */
  slice(start: number, end: number): string {
    if (this.text !== undefined) return this.text.slice(start, end);
    const bytes = this.bytes!;
    return this.wide ? bytes.toString('utf16le', start * 2, end * 2) : bytes.toString('latin1', start, end);
  }

  /** Whether the text is still a string on the V8 heap. */
  get onHeap(): boolean {
    return this.text !== undefined;
  }

  /**
   * A stream keeps documents of this file (TextDocument.kept): the text leaves the heap once
   * the file is parsed (at once if it is). Until then the parse holds the string anyway, and
   * a copy made earlier would only add to it.
   */
  keep(): void {
    if (this.parsing) this.wanted = true;
    else this.offHeap();
  }

  /** The parse of the file is over: the text leaves the heap if a stream keeps its documents. */
  parsed(): void {
    this.parsing = false;
    if (this.wanted) this.offHeap();
  }

  private parsing = true;
  private wanted = false;

  /** Moves the text off the V8 heap (the first call; later ones do nothing). */
  private offHeap(): void {
    const text = this.text;
    if (text === undefined) return;
    this.wide = /[^\u0000-\u00ff]/.test(text);
    this.bytes = Buffer.from(text, this.wide ? 'utf16le' : 'latin1');
    this.text = undefined;
  }
}
