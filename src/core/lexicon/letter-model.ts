/**
 * How English a spelling looks: a letter trigram model (interpolated with bigrams and single letters,
 * Jelinek & Mercer 1980) over a word list, giving a spelling's cost as its negative log probability in
 * nats, the word's start and end included (Harriet is cheap, Hrariet dear: no English word starts hr).
 * Spelling correction's noisy channel (Kernighan, Church & Gale 1990) weighs a candidate spelling by
 * this prior times how well it explains the evidence.
 * Counts are kept in typed arrays indexed by letter codes (a–z, the start ^ and the end $): counting
 * ~49,000 words into string-keyed maps took ~0.25 s of each `bitext qa`, into the arrays ~28 ms, and
 * reading the counts `npm run build` wrote (data/letter-trigrams.txt) well under 1 ms.
 */
export class LetterModel {
  private readonly trigrams: Int32Array;
  private readonly bigrams = new Int32Array(SYMBOLS ** 2);
  private readonly unigrams = new Int32Array(SYMBOLS);
  /** How often each pair and each letter is the history of a following letter. */
  private readonly pairHistories = new Int32Array(SYMBOLS ** 2);
  private readonly letterHistories = new Int32Array(SYMBOLS);
  private letters = 0;

  /** Counts the words of a–z only, letter by letter. */
  static fromWords(words: Iterable<string>): LetterModel {
    return new LetterModel(countTrigrams(words));
  }

  /**
   * The model of a word list's trigram counts (`countTrigrams`, or read back from a file `npm run build`
   * wrote: the bigrams, letters and histories are sums of them, so only they are kept).
   */
  constructor(trigrams: Int32Array) {
    if (trigrams.length !== SYMBOLS ** 3)
      throw new Error(`letter trigram counts: ${trigrams.length} entries`);
    this.trigrams = trigrams;
    for (let a = 0; a < SYMBOLS; a++) {
      for (let b = 0; b < SYMBOLS; b++) {
        for (let c = 0; c < SYMBOLS; c++) {
          const count = trigrams[(a * SYMBOLS + b) * SYMBOLS + c]!;
          if (count === 0) continue;
          this.bigrams[b * SYMBOLS + c]! += count;
          this.unigrams[c]! += count;
          this.letters += count;
          this.pairHistories[a * SYMBOLS + b]! += count;
          this.letterHistories[b]! += count;
        }
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

/**
 * How often each letter follows each two (the start counted twice before a word's first letter, the
 * end after its last), over the words of a–z only: the model's every count, indexed by letter codes.
 */
export function countTrigrams(words: Iterable<string>): Int32Array {
  const trigrams = new Int32Array(SYMBOLS ** 3);
  for (const word of words) {
    if (!isLowerAscii(word)) continue;
    let a = START;
    let b = START;
    for (let i = 0; i <= word.length; i++) {
      const c = i < word.length ? word.charCodeAt(i) - 97 : END;
      trigrams[(a * SYMBOLS + b) * SYMBOLS + c]!++;
      a = b;
      b = c;
    }
  }
  return trigrams;
}

/** The symbols as written in a trigram file: a–z, the start and the end. */
const SYMBOL_TEXT = 'abcdefghijklmnopqrstuvwxyz^$';

/** Trigram counts as text lines after `header`: `abc<TAB>count` for each seen trigram (^ start, $ end). */
export function writeTrigrams(trigrams: Int32Array, header: string): string {
  const lines = [header];
  trigrams.forEach((count, index) => {
    if (count === 0) return;
    const a = Math.floor(index / SYMBOLS ** 2);
    const b = Math.floor(index / SYMBOLS) % SYMBOLS;
    const c = index % SYMBOLS;
    lines.push(`${SYMBOL_TEXT[a]}${SYMBOL_TEXT[b]}${SYMBOL_TEXT[c]}\t${count}`);
  });
  return `${lines.join('\n')}\n`;
}

/** The counts `writeTrigrams` wrote; throws on a line it did not write. */
export function readTrigrams(text: string): Int32Array {
  const trigrams = new Int32Array(SYMBOLS ** 3);
  const lines = text.split('\n');
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!;
    if (line === '') continue;
    const codes = [0, 1, 2].map((i) => SYMBOL_TEXT.indexOf(line[i]!));
    const count = Number(line.slice(4));
    if (codes.some((c) => c < 0) || line[3] !== '\t' || !Number.isInteger(count) || count <= 0)
      throw new Error(`letter trigram file, line ${n + 1}: not "abc<TAB>count"`);
    trigrams[(codes[0]! * SYMBOLS + codes[1]!) * SYMBOLS + codes[2]!] = count;
  }
  return trigrams;
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
