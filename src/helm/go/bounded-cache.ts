/**
 * The engine's one kind of module-level cache: a map of at most `max`
 * entries that forgets the least recently used one when full. A linter or
 * language server may render charts for hours; compiled regular expressions,
 * semver constraints, time zones and path patterns are keyed by text taken
 * from charts, so an unbounded map would grow with every new text seen.
 * (It lives in src/helm/go because that is the bottom layer every other part
 * may import.)
 */
export class BoundedCache<K, V> {
  /** Insertion order is recency order: the first key is the least recently used. */
  private readonly entries = new Map<K, V>();

  constructor(readonly max: number) {
    if (!(max >= 1)) throw new RangeError(`cache size must be at least 1, got ${max}`);
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The value for key (now the most recently used), or undefined. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as K);
  }

  /** The cached value for key, computed by make() and stored when absent. */
  getOrCreate(key: K, make: (key: K) => V): V {
    if (this.entries.has(key)) return this.get(key) as V;
    const value = make(key);
    this.set(key, value);
    return value;
  }
}
