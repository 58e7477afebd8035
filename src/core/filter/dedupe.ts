import { hash53, nearDuplicateForm } from './text-measures.js';
import type { PairOrigin } from './types.js';

/** The two forms a copy is recognised by: the pair as written, and its near-duplicate form. */
export type CopyForm = 'exact' | 'near';

/**
 * Where the first copy of each distinct pair is remembered: a 53-bit key (the hash of a form) to a
 * packed origin (a number). The filter's index must not grow in memory with its input, so the
 * application gives one on disk (app/filter-first-copies.ts, SQLite with a bounded page cache);
 * MemoryFirstCopies serves tests and small inputs.
 */
export interface FirstCopyIndex {
  /** The origin remembered under `key`, if any. */
  find(form: CopyForm, key: number): number | undefined;
  /** The origin remembered under `key`; when there is none, remembers `origin` and returns undefined. */
  findOrRemember(form: CopyForm, key: number, origin: number): number | undefined;
}

/** A FirstCopyIndex in two Maps: about 100 bytes a distinct pair (use it only for small inputs). */
export class MemoryFirstCopies implements FirstCopyIndex {
  private readonly tables = { exact: new Map<number, number>(), near: new Map<number, number>() };

  find(form: CopyForm, key: number): number | undefined {
    return this.tables[form].get(key);
  }

  findOrRemember(form: CopyForm, key: number, origin: number): number | undefined {
    const table = this.tables[form];
    const first = table.get(key);
    if (first === undefined) table.set(key, origin);
    return first;
  }
}

/** Files one run may read (2^20); with lines up to 2^32 the packed origin stays below 2^53. */
const FILES = 1 << 20;

export type DuplicateVerdict =
  | { duplicate: false }
  | { duplicate: true; rule: 'duplicate' | 'near-duplicate'; first: PairOrigin };

/**
 * Remembers each distinct pair it is shown, exactly and in near-duplicate form (width, case,
 * punctuation and Traditional/Simplified folded), and says of a later copy which one it repeats.
 * The index keeps a 53-bit hash per form and where its first copy was, never the text. A hash
 * collision (odds about n²/2⁵⁴ per form: one in 18,000 for 1M distinct pairs) would drop one pair
 * as a copy of another. In memory here: the names of the files read (packed origins point into it).
 */
export class Deduplicator {
  private readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();

  constructor(
    private readonly options: { exact: boolean; near: boolean },
    private readonly index: FirstCopyIndex = new MemoryFirstCopies(),
  ) {}

  /** Judges a pair the rules kept; a first copy is remembered. */
  check(zh: string, en: string, origin: PairOrigin): DuplicateVerdict {
    const exactKey = this.options.exact ? hash53(`${zh}\t${en}`) : undefined;
    const exactFirst = exactKey === undefined ? undefined : this.index.find('exact', exactKey);
    if (exactFirst !== undefined)
      return { duplicate: true, rule: 'duplicate', first: this.origin(exactFirst) };
    const packed = this.pack(origin);
    if (this.options.near) {
      const nearKey = hash53(`${nearDuplicateForm(zh)}\t${nearDuplicateForm(en)}`);
      const nearFirst = this.index.findOrRemember('near', nearKey, packed);
      // A near copy's exact form is not remembered: its own exact copies are near copies of the first.
      if (nearFirst !== undefined)
        return { duplicate: true, rule: 'near-duplicate', first: this.origin(nearFirst) };
    }
    if (exactKey !== undefined) this.index.findOrRemember('exact', exactKey, packed);
    return { duplicate: false };
  }

  /** Origins are packed as file number and line or unit, so the index holds one number each. */
  private pack(origin: PairOrigin): number {
    let file = this.fileIndex.get(origin.file);
    if (file === undefined) {
      file = this.files.length;
      this.files.push(origin.file);
      this.fileIndex.set(origin.file, file);
    }
    const at = origin.line ?? origin.unit ?? 0;
    const kind = origin.line !== undefined ? 0 : 1;
    return (at * FILES + file) * 2 + kind;
  }

  private origin(packed: number): PairOrigin {
    const kind = packed % 2;
    const rest = (packed - kind) / 2;
    const file = this.files[rest % FILES]!;
    const at = Math.floor(rest / FILES);
    return kind === 0 ? { file, line: at } : { file, unit: at };
  }
}
