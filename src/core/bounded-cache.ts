/**
 * A memo for module-level caches that live as long as the process (a server aligns document after
 * document): at most `limit` entries in each of two generations. When the current generation is
 * full it becomes the old one and the oldest is dropped; a hit in the old generation moves the
 * entry back. Entries used across documents stay, the rest go, at the cost of one Map lookup more
 * on a miss, with none of an LRU list's bookkeeping on a hit.
 */
export class BoundedCache<K, V> {
  private current = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`BoundedCache: limit must be at least 1, not ${limit}`);
  }

  get(key: K): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined || this.current.has(key)) return value;
    if (!this.old.has(key)) return undefined;
    const moved = this.old.get(key) as V;
    this.old.delete(key);
    this.set(key, moved);
    return moved;
  }

  set(key: K, value: V): void {
    if (this.current.size >= this.limit && !this.current.has(key)) {
      this.old = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }

  /**
   * The value kept for `key`, or `compute(key)`, kept. `compute` is best a function made once (a
   * module's), not a closure made at each call: the callers are hot paths.
   */
  memo(key: K, compute: (key: K) => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = compute(key);
      this.set(key, value);
    }
    return value;
  }

  /** Entries held (at most twice the limit). */
  get size(): number {
    return this.current.size + this.old.size;
  }
}
