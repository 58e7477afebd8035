import { hanShare, nearDuplicateForm } from '../text-measures.js';
import type { FilterRule } from '../types.js';

/**
 * Each side in its own script: the zh side mostly Han (of its Han and Latin letters), the en side
 * nearly without Han. Defaults: zh at least 0.3 Han (product names and acronyms leave good zh
 * sentences at 0.5 and up on the dev set), en at most 0.1 Han (a name given in characters).
 */
export const script: FilterRule<{ minZhHanShare: number; maxEnHanShare: number }> = {
  name: 'script',
  description: 'the zh side with too little Han script, or the en side with Han text',
  defaults: { minZhHanShare: 0.3, maxEnHanShare: 0.1 },
  check(pair, p) {
    const zh = hanShare(pair.zh);
    const en = hanShare(pair.en);
    if (zh < p.minZhHanShare)
      return { score: zh, pass: false, why: `zh side ${pct(zh)} Han (needs ${pct(p.minZhHanShare)})` };
    if (en > p.maxEnHanShare)
      return { score: en, pass: false, why: `en side ${pct(en)} Han (at most ${pct(p.maxEnHanShare)})` };
    return { score: zh - en, pass: true, why: `zh ${pct(zh)} Han, en ${pct(en)} Han` };
  },
};

/**
 * One side copied into the other (an untranslated segment): the same text once width, case,
 * punctuation and script are folded, or the en side's letters found as a whole in the zh side.
 */
export const untranslated: FilterRule<{ maxSimilarity: number }> = {
  name: 'untranslated',
  description: 'the two sides are the same text (or nearly: character-bigram Dice above maxSimilarity)',
  defaults: { maxSimilarity: 0.8 },
  check(pair, p) {
    const zh = nearDuplicateForm(pair.zh);
    const en = nearDuplicateForm(pair.en);
    const similarity = zh === en ? 1 : dice(zh, en);
    return {
      score: Math.round(similarity * 1000) / 1000,
      pass: similarity <= p.maxSimilarity || (zh.length === 0 && en.length === 0),
      why:
        similarity === 1
          ? 'the two sides are the same text'
          : `similarity ${similarity.toFixed(2)} between the sides`,
    };
  },
};

/**
 * Nothing to translate: once URLs, e-mail addresses, numbers, punctuation and symbols are taken out
 * a side has no letter or Han character left.
 */
export const symbolsOnly: FilterRule<Record<string, never>> = {
  name: 'symbols-only',
  description: 'a side that is only URLs, e-mail addresses, numbers, punctuation or symbols',
  defaults: {},
  check(pair) {
    const left = (text: string) =>
      text
        .replace(/\b(?:https?|ftp):\/\/\S+|\bwww\.\S+|\S+@\S+\.\w+/giu, ' ')
        .replace(/[\p{N}\p{P}\p{S}\p{Z}\s]+/gu, '').length;
    const zh = left(pair.zh);
    const en = left(pair.en);
    return {
      score: Math.min(zh, en),
      pass: zh > 0 && en > 0,
      why:
        zh === 0
          ? 'the zh side has no words'
          : en === 0
            ? 'the en side has no words'
            : 'both sides have words',
    };
  },
};

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Dice coefficient of character bigrams (0 when a side has fewer than two characters). */
function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      shared++;
      grams.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}
