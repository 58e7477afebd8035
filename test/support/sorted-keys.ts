import { seededRandom } from '../../bench/seeded-random.js';

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
