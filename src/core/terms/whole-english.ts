import type { Association } from './association.js';
import type { EnglishCandidate } from './english-candidates.js';
import { wordsLinked } from './lexical-links.js';
import { type AssociationSentence, numberless } from './unit-fragments.js';

/**
 * The whole English of a recurring unit, once co-occurrence has picked its best rendering: a longer
 * rendering that holds it (千比特秒 ↔ "kilobits per second"), or the words the translator puts with
 * it in the same phrase however the phrase varies (红盖头 ↔ "crimson veil" beside "crimson bridal
 * veil" and "crimson wedding veil"; 美洲杯 ↔ "America's Cup" where the story often says "the Cup").
 */

/**
 * Share of the best rendering's pairs a longer rendering holding it must come in to be taken as the
 * whole English (千比特秒 ↔ "kilobits per second" in 3 of the 4 pairs with "kilobits"); as
 * WHOLE_SHARE in choose-rendering.ts.
 */
const WHOLE_ENGLISH_SHARE = 0.75;

/**
 * Share of a longer rendering's own pairs that must hold the Chinese: it is this unit's English, not
 * another unit's ("Yacht Club" for 俱乐部 is 帆船俱乐部's).
 */
const WHOLE_ENGLISH_OWN = 0.9;

type Together = ReadonlyMap<string, { en: EnglishCandidate; both: number }>;

/**
 * The longest rendering that holds the best one as whole words, comes with it nearly as often and
 * seldom without it.
 */
export function wholeEnglish(
  best: Association,
  together: Together,
  enByNumberless: ReadonlyMap<string, ReadonlySet<number>>,
): Association {
  const key = ` ${numberless(best.en.key)} `;
  let whole = best;
  for (const [other, { en, both }] of together) {
    if (both < WHOLE_ENGLISH_SHARE * best.both || other.length <= whole.en.key.length) continue;
    if (!` ${other} `.includes(key)) continue;
    const enCount = enByNumberless.get(other)?.size ?? both;
    if (both < WHOLE_ENGLISH_OWN * enCount) continue;
    whole = {
      ...best,
      en,
      both,
      enCount,
      consistency: both / best.zhCount,
      dice: (2 * both) / (best.zhCount + enCount),
    };
  }
  return whole;
}

/**
 * The rendering with the words that come with it in one phrase: a word that is itself a consistent
 * rendering of the unit (in minConsistency of its pairs) and stands in one English phrase with it in
 * minPairs of them at least is part of the translation, though the words between vary. Words are
 * added most frequent first while the phrase holding them all still recurs minPairs times; the
 * English is then the shortest phrase of the text that holds them all. The counts become those of
 * that phrase of words (the pairs holding a phrase with all of them), so the score reflects them.
 */
export function withModifiers(
  association: Association,
  together: Together,
  pairs: readonly number[],
  sentences: readonly AssociationSentence[],
  minPairs: number,
  minConsistency: number,
): Association {
  const core = wordsOf(association.en.key);
  const unit = association.candidate.key;
  const partners = [...together.entries()]
    .filter(
      ([key, { en, both }]) =>
        en.contentWords.length === 1 &&
        !core.includes(key) &&
        both >= minPairs &&
        both >= minConsistency * association.zhCount,
    )
    .map(([key, { en }]) => {
      // Where another unit of the sentence translates the word, it is that unit's (纽约 ↔ "York" of
      // "New York Yacht Club" beside 帆船俱乐部 ↔ "Yacht Club").
      const own = pairs.filter((i) => !translatedOutside(sentences[i]!, unit, en.text));
      return { key, pairs: pairsWithPhrase(own, sentences, [...core, key]).length };
    })
    .filter((p) => p.pairs >= minPairs)
    .sort((a, b) => b.pairs - a.pairs);
  if (partners.length === 0) return association;
  let chosen = core;
  for (const { key } of partners) {
    const next = [...chosen, key];
    if (pairsWithPhrase(pairs, sentences, next).length >= minPairs) chosen = next;
  }
  if (chosen === core) return association;
  // The shortest phrase written that holds every chosen word; the commonest of those.
  const phrases = new Map<string, { en: EnglishCandidate; count: number }>();
  for (const index of pairs) {
    for (const en of sentences[index]!.enCandidates) {
      if (!holdsAll(en, chosen)) continue;
      const entry = phrases.get(en.key) ?? { en, count: 0 };
      entry.count++;
      phrases.set(en.key, entry);
    }
  }
  const [phrase] = [...phrases.values()].sort(
    (a, b) => a.en.contentWords.length - b.en.contentWords.length || b.count - a.count,
  );
  if (!phrase) return association;
  // Counted where the whole phrase is; the unit's consistency and Dice stay those of its core
  // rendering ("Cup" in 9 of the 11 pairs of 美洲杯, "America's Cup" in 5), the translator's choice.
  const both = pairsWithPhrase(pairs, sentences, chosen).length;
  const enCount = pairsWithPhrase(
    sentences.map((_, i) => i),
    sentences,
    chosen,
  ).length;
  return { ...association, en: phrase.en, both, enCount };
}

/** Whether a unit of the sentence other than this one (nor one holding or held by it) links to the word. */
function translatedOutside(sentence: AssociationSentence, unit: string, word: string): boolean {
  return sentence.units.some(
    (other) =>
      !other.key.includes(unit) &&
      !unit.includes(other.key) &&
      other.tokens.some((token) => wordsLinked(token, word)),
  );
}

/** The words of a lower-cased phrase, each without its plural -s or possessive 's. */
function wordsOf(key: string): string[] {
  return numberless(key.replace(/['’]s\b/gu, ''))
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter(Boolean);
}

function holdsAll(en: EnglishCandidate, words: readonly string[]): boolean {
  const own = wordsOf(en.key);
  return words.every((w) => own.includes(w));
}

/** The pairs among `pairs` whose English has one phrase holding all the words. */
function pairsWithPhrase(
  pairs: readonly number[],
  sentences: readonly AssociationSentence[],
  words: readonly string[],
): number[] {
  return pairs.filter((i) => sentences[i]!.enCandidates.some((en) => holdsAll(en, words)));
}
