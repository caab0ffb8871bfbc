/**
 * A cache keyed by a text, for work that is a pure function of it (parsing a
 * template file or a rendered document, reading its head). Bounded by the characters of the keys
 * it holds: past the bound the least recently used entries go first, and a
 * text longer than the whole bound is computed but not kept.
 */
/** A map from text to what it costs to compute, least recently used out first past the bound. */
export class BoundedTextCache<V> {
  private readonly map = new Map<string, V>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get(text: string, make: () => V): V {
    const hit = this.map.get(text);
    if (hit !== undefined) {
      this.map.delete(text);
      this.map.set(text, hit);
      return hit;
    }
    const value = make();
    if (text.length > this.maxChars) return value;
    this.map.set(text, value);
    this.chars += text.length;
    for (const old of this.map.keys()) {
      if (this.chars <= this.maxChars) break;
      this.map.delete(old);
      this.chars -= old.length;
    }
    return value;
  }
}

