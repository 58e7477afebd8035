import type { TranslationTable } from './translation-table.js';
import type { QaPair } from './types.js';
import { type ContentWords, contentWords, learnTable, linkTargets } from './word-links.js';

/** A word's link rates in its document: p into its own pair's other side, q into an unrelated one (chance). */
export interface LinkRates {
  p: number;
  q: number;
}

/**
 * The word links of a whole document, both ways round, that the omission (dropped-clauses.ts) and the
 * addition (added-clauses.ts) evidence share: each pair's content words, the document's translation
 * table, each Chinese word's English targets in its own pair, and every word's rates.
 */
export interface DocumentLinks {
  /** Each pair's content words; undefined where a side is empty. */
  words: (ContentWords | undefined)[];
  table: TranslationTable;
  /** For each pair with both sides: per Chinese content word, the English content words it links to. */
  own: Map<number, number[][]>;
  /** For each pair with both sides: per English content word, whether a Chinese word of the pair links to it. */
  enLinked: Map<number, boolean[]>;
  /** Rates of a Chinese word (by its simplified form). */
  zhRates(word: string): LinkRates;
  /** Rates of an English word (by its stem): how often a word of its own pair's Chinese links to it, and of an unrelated pair's. */
  enRates(stem: string): LinkRates;
}

/** Sentences the link rates are compared against: pairs this far away, by chance. */
const CHANCE_OFFSETS = [7, 19, 41];
/** Pseudo-count pulling a word's own rates toward the document's (additive smoothing). */
const SMOOTHING = 2;

/**
 * A Chinese word is linked when it has a counterpart in the English (word-links.ts); an English word
 * when a Chinese word of the pair links to it. Dictionary and learned links cover only about half of
 * a clean pair, unevenly (说 links almost always, a hapax idiom almost never), so each word's rates
 * are the document's own: p, how often it links within its own pair, and q, how often between an
 * unrelated pair's other side and its own (the Chinese of pair k against the English of pair k + 7,
 * 19, 41, which is, seen from that English, the Chinese of a pair 7, 19, 41 before it).
 */
export function linkDocument(pairs: readonly QaPair[]): DocumentLinks {
  const words = pairs.map((pair) => (pair.zh.trim() && pair.en.trim() ? contentWords(pair) : undefined));
  const table = learnTable(words.filter((w): w is ContentWords => w !== undefined));
  const filled = words.flatMap((w, i) => (w ? [i] : []));
  const own = new Map<number, number[][]>();
  const enLinked = new Map<number, boolean[]>();
  /** For each pair, per English word: the chance comparisons (offsets) in which a Chinese word linked to it. */
  const enChance = new Map<number, Set<number>[]>();
  for (const index of filled) {
    const w = words[index]!;
    const targets = w.zh.map((z) => linkTargets(z, w.en, table, w.zh));
    own.set(index, targets);
    const linked = w.en.map(() => false);
    for (const t of targets) for (const e of t) linked[e] = true;
    enLinked.set(index, linked);
    enChance.set(
      index,
      w.en.map(() => new Set<number>()),
    );
  }
  const zhCounts = new Counts();
  filled.forEach((index, k) => {
    const w = words[index]!;
    const targets = own.get(index)!;
    w.zh.forEach((z, i) => {
      let chance = 0;
      for (const offset of CHANCE_OFFSETS) {
        const otherIndex = filled[(k + offset) % filled.length]!;
        const other = words[otherIndex]!;
        if (other === w) continue;
        const hits = linkTargets(z, other.en, table);
        if (hits.length > 0) chance++;
        const otherChance = enChance.get(otherIndex)!;
        for (const e of hits) otherChance[e]!.add(offset);
      }
      zhCounts.add(z.simplified, targets[i]!.length > 0 ? 1 : 0, chance / CHANCE_OFFSETS.length);
    });
  });
  const enCounts = new Counts();
  for (const index of filled) {
    const w = words[index]!;
    const linked = enLinked.get(index)!;
    const chance = enChance.get(index)!;
    w.en.forEach((e, i) => {
      enCounts.add(e.stem, linked[i] ? 1 : 0, chance[i]!.size / CHANCE_OFFSETS.length);
    });
  }
  return {
    words,
    table,
    own,
    enLinked,
    zhRates: (word) => zhCounts.rates(word),
    enRates: (stem) => enCounts.rates(stem),
  };
}

/** Per word: occurrences, own links and chance links, and the document's totals. */
class Counts {
  private readonly byWord = new Map<string, { n: number; own: number; chance: number }>();
  private totalOwn = 0;
  private totalChance = 0;
  private total = 0;

  add(word: string, own: number, chance: number): void {
    const c = this.byWord.get(word) ?? { n: 0, own: 0, chance: 0 };
    c.n++;
    c.own += own;
    c.chance += chance;
    this.byWord.set(word, c);
    this.totalOwn += own;
    this.totalChance += chance;
    this.total++;
  }

  /** The word's rates, smoothed toward the document's means (SMOOTHING pseudo-counts). */
  rates(word: string): LinkRates {
    const meanOwn = this.total ? this.totalOwn / this.total : 0.5;
    const meanChance = this.total ? this.totalChance / this.total : 0.1;
    const c = this.byWord.get(word) ?? { n: 0, own: 0, chance: 0 };
    const p = (c.own + SMOOTHING * meanOwn) / (c.n + SMOOTHING);
    const q = (c.chance + SMOOTHING * meanChance) / (c.n + SMOOTHING);
    return { p: clamp(p), q: clamp(q) };
  }
}

function clamp(rate: number): number {
  return Math.min(0.98, Math.max(0.02, rate));
}
