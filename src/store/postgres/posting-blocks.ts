/**
 * Posting lists of the PostgreSQL n-gram index: for each index key, the ids of the units holding it,
 * ascending, as LEB128 varints of the gaps between ids (the d-gap compression of Zobel & Moffat 2006,
 * "Inverted files for text search engines", §3). An import writes one block per key it touched;
 * a lookup reads the blocks of its rare keys and decodes them here. Gaps of a common key are small
 * (one byte each), so a million units' 51 million postings take ~70 MB.
 */

/** Appends `value` (a non-negative safe integer) to `out` at `at` as a LEB128 varint; returns the new end. */
function writeVarint(out: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    out[at++] = (value % 0x80) | 0x80;
    value = Math.floor(value / 0x80);
  }
  out[at++] = value;
  return at;
}

/** The ascending ids of one block. */
export function decodeBlock(bytes: Uint8Array): number[] {
  const ids: number[] = [];
  forEachId(bytes, (id) => ids.push(id));
  return ids;
}

/** Visits the ids of a block in order without building a list (long common-key blocks). */
export function forEachId(bytes: Uint8Array, visit: (id: number) => void): void {
  let id = 0;
  for (let at = 0; at < bytes.length; ) {
    let gap = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[at++]!;
      gap += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 0x80;
    }
    id += gap;
    visit(id);
  }
}

/** One key's postings while an import builds them: a growing byte buffer. */
interface OpenList {
  bytes: Uint8Array;
  length: number;
  last: number;
  count: number;
}

/** A block as written to tm_postings. */
export interface PostingBlock {
  key: string;
  count: number;
  bytes: Uint8Array;
}

/**
 * Builds an import's posting blocks in memory, unit by unit in ascending id order. Compressed as they
 * grow, so a million-unit import holds ~70 MB of postings (plus one map entry per distinct key).
 */
export class PostingBuilder {
  private readonly lists = new Map<string, OpenList>();

  /** Records that unit `id` (greater than every id added before) holds each of `keys` from `from` on. */
  add(id: number, keys: readonly string[], from = 0): void {
    for (let k = from; k < keys.length; k++) {
      const key = keys[k]!;
      let list = this.lists.get(key);
      if (list === undefined) {
        list = { bytes: new Uint8Array(8), length: 0, last: 0, count: 0 };
        this.lists.set(key, list);
      } else if (list.last === id) {
        continue;
      }
      if (list.length + 10 > list.bytes.length) {
        const grown = new Uint8Array(list.bytes.length * 2);
        grown.set(list.bytes.subarray(0, list.length));
        list.bytes = grown;
      }
      list.length = writeVarint(list.bytes, list.length, id - list.last);
      list.last = id;
      list.count++;
    }
  }

  get size(): number {
    return this.lists.size;
  }

  /**
   * The blocks, keys in code-point order; without the ids of `dropped`, units that were not stored
   * (duplicates), whose keys are `droppedKeys`: only those keys' blocks are decoded and filtered.
   */
  *blocks(
    dropped: ReadonlySet<number> = new Set(),
    droppedKeys: ReadonlySet<string> = new Set(),
  ): Generator<PostingBlock> {
    const keys = [...this.lists.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const key of keys) {
      const list = this.lists.get(key)!;
      const bytes = list.bytes.subarray(0, list.length);
      if (!droppedKeys.has(key)) {
        yield { key, count: list.count, bytes };
        continue;
      }
      const kept = withoutIds(bytes, dropped);
      if (kept.count > 0) yield { key, ...kept };
    }
  }
}

/** A block without the ids of `dropped`, gaps re-encoded in one pass (no array of ids in between). */
function withoutIds(bytes: Uint8Array, dropped: ReadonlySet<number>): { count: number; bytes: Uint8Array } {
  const out = new Uint8Array(bytes.length);
  let length = 0;
  let count = 0;
  let lastKept = 0;
  forEachId(bytes, (id) => {
    if (dropped.has(id)) return;
    length = writeVarint(out, length, id - lastKept);
    lastKept = id;
    count++;
  });
  return { count, bytes: out.subarray(0, length) };
}
