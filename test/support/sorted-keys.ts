import { seededRandom } from '../../bench/seeded-random.js';
import { sortLinesByKey } from '../../src/core/lexicon/sorted-lines.js';

/**
 * `count` distinct keys for sorted-lines tests: several scripts and lengths, prefixes of one another,
 * supplementary-plane characters.
 */
export function sortedLineKeys(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const alphabet = ['a', 'b', 'é', '老', '师', '傅', '行', '𠀀', '𠀁', '个'];
  const out = new Set<string>();
  while (out.size < count) {
    let key = '';
    const length = 1 + Math.floor(random() * 4);
    for (let i = 0; i < length; i++) key += alphabet[Math.floor(random() * alphabet.length)];
    out.add(key);
  }
  return [...out];
}

/** A sorted-lines file's bytes (header `# header`, lines sorted by key at tabs). */
export function sortedLinesFile(rows: readonly string[]): Uint8Array {
  return new TextEncoder().encode(`# header\n${sortLinesByKey(rows, '\t').join('\n')}\n`);
}

/**
 * The file of `rows` ("key<TAB>value …" lines) rebuilt to the same length as before, its lines moved:
 * shorter values, and a last line that makes up the length. The same header and size, but an index
 * built for the old file no longer points at its lines.
 */
export function rebuiltToSameLength(rows: readonly string[]): Uint8Array {
  const before = sortedLinesFile(rows);
  const shorter = rows.map((line) => line.replace('value', 'v'));
  const last = '\u{E01EF}\t';
  const padding = 'x'.repeat(before.length - sortedLinesFile([...shorter, last]).length);
  return sortedLinesFile([...shorter, last + padding]);
}
