// What differs between a query and a TM match, for highlighting: a longest common subsequence over
// characters for Chinese and over words for English (as CAT tools show fuzzy-match differences).

export interface DiffPart {
  text: string;
  same: boolean;
}

function tokens(text: string): string[] {
  return /\p{Script=Han}/u.test(text) ? [...text] : (text.match(/\s+|[^\s]+/g) ?? []);
}

/** The parts of `target` marked as in `source` or not (LCS; inputs are sentences, so O(n·m) is fine). */
export function diffAgainst(source: string, target: string): DiffPart[] {
  const a = tokens(source);
  const b = tokens(target);
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i]![j] =
        a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const parts: DiffPart[] = [];
  const push = (text: string, same: boolean) => {
    const last = parts.at(-1);
    if (last && last.same === same) last.text += text;
    else parts.push({ text, same });
  };
  let i = 0;
  let j = 0;
  while (j < b.length) {
    if (i < a.length && a[i] === b[j]) {
      push(b[j]!, true);
      i++;
      j++;
    } else if (i < a.length && table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else push(b[j++]!, false);
  }
  return parts;
}
