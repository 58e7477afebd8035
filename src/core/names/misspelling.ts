import { distance as editDistance } from 'fastest-levenshtein';

/**
 * Whether one spelling is a slip for another, as typing makes them: one letter changed, added,
 * dropped or two swapped (two edits from ten letters), the same first letter, and neither a prefix of
 * the other (Russia/Russian, Smith/Smiths are other words).
 */
export function misspelling(word: string, name: string): boolean {
  if (word === name || word[0] !== name[0]) return false;
  if (word.startsWith(name) || name.startsWith(word)) return false;
  const allowed = Math.min(word.length, name.length) >= 10 ? 2 : 1;
  return damerau(word, name) <= allowed;
}

/** Edit distance counting a swap of two neighbouring letters as one edit. */
function damerau(a: string, b: string): number {
  const plain = editDistance(a, b);
  if (plain !== 2 || a.length !== b.length) return plain;
  const differ = [...a].flatMap((c, i) => (c !== b[i] ? [i] : []));
  const [i, j] = differ;
  return differ.length === 2 && j === i! + 1 && a[i!] === b[j] && a[j] === b[i!] ? 1 : plain;
}
