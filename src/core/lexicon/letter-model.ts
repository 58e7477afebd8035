/**
 * How English a spelling looks: a letter trigram model (interpolated with bigrams and single letters,
 * Jelinek & Mercer 1980) over a word list, giving a spelling's cost as its negative log probability in
 * nats, the word's start and end included (Harriet is cheap, Hrariet dear: no English word starts hr).
 * Spelling correction's noisy channel (Kernighan, Church & Gale 1990) weighs a candidate spelling by
 * this prior times how well it explains the evidence.
 */
export class LetterModel {
  private readonly trigrams = new Map<string, number>();
  private readonly bigrams = new Map<string, number>();
  private readonly unigrams = new Map<string, number>();
  private letters = 0;

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (!/^[a-z]+$/.test(word)) continue;
      const padded = `^^${word}$`;
      for (let i = 2; i < padded.length; i++) {
        add(this.trigrams, padded.slice(i - 2, i + 1));
        add(this.bigrams, padded.slice(i - 1, i + 1));
        add(this.unigrams, padded[i]!);
        this.letters++;
      }
      // The contexts: a bigram's first letter and a trigram's first two, counted as histories.
      for (let i = 1; i < padded.length - 1; i++) add(this.bigrams, `#${padded.slice(i - 1, i + 1)}`);
      for (let i = 1; i < padded.length - 1; i++) add(this.unigrams, `#${padded[i]}`);
    }
  }

  /** Negative log probability (nats) of a lower-case word, letter by letter, with its end. */
  cost(word: string): number {
    const padded = `^^${word}$`;
    let total = 0;
    for (let i = 2; i < padded.length; i++) {
      const letter = padded[i]!;
      const history2 = padded.slice(i - 2, i);
      const history1 = padded[i - 1]!;
      const tri = ratio(this.trigrams.get(history2 + letter), this.bigrams.get(`#${history2}`));
      const bi = ratio(this.bigrams.get(history1 + letter), this.unigrams.get(`#${history1}`));
      const uni = ((this.unigrams.get(letter) ?? 0) + 1) / (this.letters + 28);
      total -= Math.log(WEIGHTS[0] * tri + WEIGHTS[1] * bi + WEIGHTS[2] * uni);
    }
    return total;
  }
}

/** Trigram, bigram and letter weights: the usual shares for a model of ~40,000 words. */
const WEIGHTS = [0.6, 0.3, 0.1] as const;

function ratio(count: number | undefined, of: number | undefined): number {
  return of ? (count ?? 0) / of : 0;
}

function add(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
