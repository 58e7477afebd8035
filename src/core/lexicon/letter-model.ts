/**
 * How English a spelling looks: a letter trigram model (interpolated with bigrams and single letters,
 * Jelinek & Mercer 1980) over a word list, giving a spelling's cost as its negative log probability in
 * nats, the word's start and end included (Harriet is cheap, Hrariet dear: no English word starts hr).
 * Spelling correction's noisy channel (Kernighan, Church & Gale 1990) weighs a candidate spelling by
 * this prior times how well it explains the evidence.
 * Counts are kept in typed arrays indexed by letter codes (a–z, the start ^ and the end $): counting
 * ~49,000 words into string-keyed maps took ~0.25 s of each `bitext qa`, into the arrays ~28 ms, and
 * reading the counts `npm run build` wrote (data/letter-trigrams.txt) ~6 ms.
 */
export class LetterModel {
  private readonly trigrams: Int32Array;
  private readonly bigrams = new Int32Array(SYMBOLS ** 2);
  private readonly unigrams = new Int32Array(SYMBOLS);
  /** How often each pair and each letter is the history of a following letter. */
  private readonly pairHistories = new Int32Array(SYMBOLS ** 2);
  private readonly letterHistories = new Int32Array(SYMBOLS);
  private letters = 0;

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

/**
 * The counts `writeTrigrams` wrote, read from the file's bytes (the start of every `bitext qa` that
 * checks a name: a byte loop, as string methods per line took ~20 ms); throws on a line it did not
 * write, saying which.
 */
export function readTrigrams(bytes: Uint8Array): Int32Array {
  const trigrams = new Int32Array(SYMBOLS ** 3);
  let at = bytes.indexOf(NEWLINE) + 1;
  for (let line = 2; at > 0 && at < bytes.length; line++) {
    const a = SYMBOL_CODES[bytes[at]!] ?? -1;
    const b = SYMBOL_CODES[bytes[at + 1]!] ?? -1;
    const c = SYMBOL_CODES[bytes[at + 2]!] ?? -1;
    let i = at + 4;
    let count = 0;
    while (i < bytes.length && bytes[i]! >= DIGIT_0 && bytes[i]! <= DIGIT_0 + 9)
      count = count * 10 + bytes[i++]! - DIGIT_0;
    if (
      a < 0 ||
      b < 0 ||
      c < 0 ||
      bytes[at + 3] !== TAB ||
      i === at + 4 ||
      count === 0 ||
      (i < bytes.length && bytes[i] !== NEWLINE)
    )
      throw new Error(`letter trigram file, line ${line}: not "abc<TAB>count"`);
    trigrams[(a * SYMBOLS + b) * SYMBOLS + c] = count;
    at = i + 1;
  }
  return trigrams;
}

const NEWLINE = 0x0a;
const TAB = 0x09;
const DIGIT_0 = 0x30;
/** A symbol's code by its byte in a trigram file (undefined for any other byte). */
const SYMBOL_CODES: readonly (number | undefined)[] = (() => {
  const codes: (number | undefined)[] = [];
  for (let code = 0; code < SYMBOL_TEXT.length; code++) codes[SYMBOL_TEXT.charCodeAt(code)] = code;
  return codes;
})();

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
