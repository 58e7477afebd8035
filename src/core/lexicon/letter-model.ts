/**
 * How English a spelling looks: a letter trigram model (interpolated with bigrams and single letters,
 * Jelinek & Mercer 1980) over a word list, giving a spelling's cost as its negative log probability in
 * nats, the word's start and end included (Harriet is cheap, Hrariet dear: no English word starts hr).
 * Spelling correction's noisy channel (Kernighan, Church & Gale 1990) weighs a candidate spelling by
 * this prior times how well it explains the evidence.
 * Counts are kept in typed arrays indexed by letter codes (a–z, the start ^ and the end $): counting
 * ~49,000 words into string-keyed maps took ~0.25 s of each `bitext qa`.
 */
export class LetterModel {
  private readonly trigrams = new Int32Array(SYMBOLS ** 3);
  private readonly bigrams = new Int32Array(SYMBOLS ** 2);
  private readonly unigrams = new Int32Array(SYMBOLS);
  /** How often each pair and each letter is the history of a following letter. */
  private readonly pairHistories = new Int32Array(SYMBOLS ** 2);
  private readonly letterHistories = new Int32Array(SYMBOLS);
  private letters = 0;

  /** Counts the words of a–z only, letter by letter (CC-CEDICT's ~49,000 gloss words at each `bitext qa`). */
  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (!isLowerAscii(word)) continue;
      // Each letter and the end, after the two letters before it (the start twice at first).
      let a = START;
      let b = START;
      for (let i = 0; i <= word.length; i++) {
        const c = i < word.length ? word.charCodeAt(i) - 97 : END;
        this.trigrams[(a * SYMBOLS + b) * SYMBOLS + c]!++;
        this.bigrams[b * SYMBOLS + c]!++;
        this.unigrams[c]!++;
        this.letters++;
        this.pairHistories[a * SYMBOLS + b]!++;
        this.letterHistories[b]!++;
        a = b;
        b = c;
      }
    }
  }

  /** Negative log probability (nats) of a lower-case word, letter by letter, with its end. */
  cost(word: string): number {
    let total = 0;
    // Each letter and the end, after the two before it (the start twice at first), as counted.
    let a = START;
    let b = START;
    for (let i = 0; i <= word.length; i++) {
      const c = i < word.length ? letterCode(word, i) : END;
      // A character outside a–z (−1) has no counts: what it takes part in is left to the smoothing.
      const tri =
        a >= 0 && b >= 0 && c >= 0
          ? ratio(this.trigrams[(a * SYMBOLS + b) * SYMBOLS + c]!, this.pairHistories[a * SYMBOLS + b]!)
          : 0;
      const bi = b >= 0 && c >= 0 ? ratio(this.bigrams[b * SYMBOLS + c]!, this.letterHistories[b]!) : 0;
      const uni = ((c >= 0 ? this.unigrams[c]! : 0) + 1) / (this.letters + 28);
      total -= Math.log(WEIGHTS[0] * tri + WEIGHTS[1] * bi + WEIGHTS[2] * uni);
      a = b;
      b = c;
    }
    return total;
  }
}

/** a–z, the word's start (^) and its end ($). */
const SYMBOLS = 28;
const START = 26;
const END = 27;

function isLowerAscii(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 97 || code > 122) return false;
  }
  return true;
}

/** The code of the letter at `i` (a–z: 0–25), −1 for any other character. */
function letterCode(word: string, i: number): number {
  const code = word.charCodeAt(i) - 97;
  return code >= 0 && code < 26 ? code : -1;
}

/** Trigram, bigram and letter weights: the usual shares for a model of ~40,000 words. */
const WEIGHTS = [0.6, 0.3, 0.1] as const;

function ratio(count: number, of: number): number {
  return of ? count / of : 0;
}
