import { lookupGlosses } from '../lexicon/cedict.js';
import type { ChineseToken } from '../lexicon/jieba.js';

/**
 * Terms are nouns and names. Nothing here tags parts of speech properly (no English tagger is
 * installed); these are the cheap signals that rule out most verbs and modifiers, on either side.
 */

/** jieba tags of particles, conjunctions, prepositions and interjections (的 uj, 在 p, 和 c, 了 ul). */
const PARTICLE_TAGS = ['c', 'p', 'u', 'uj', 'ul', 'uz', 'ug', 'uv', 'y', 'e', 'o'];
/** jieba tags of words that modify or predicate and so are no term alone (超自然 b, 伟大 a, 忽然 d). */
const NON_NOMINAL_TAGS = new Set([...PARTICLE_TAGS, 'a', 'ad', 'b', 'd', 'vd', 'z']);
/** jieba tags of function words, which neither start nor end a unit (的 uj, 在 p, 和 c, 了 ul, 上 f, 不 d, 颗 q). */
export const FUNCTION_TAGS = new Set([...PARTICLE_TAGS, 'zg', 'f', 'd']);

/**
 * Whether a Chinese word is a verb or a modifier rather than a noun: jieba's tag says so, or its first
 * CC-CEDICT sense is a verb ("to devote oneself to" for 致力于, "to personalize" for 个性化, "to
 * thank" for 谢谢, whatever jieba says) or an adverb ("suddenly").
 */
export function isNonNominalChinese(token: ChineseToken): boolean {
  if (token.tag === 'person') return false;
  if (NON_NOMINAL_TAGS.has(token.tag)) return true;
  const first = lookupGlosses(token.simplified)[0] ?? '';
  if (/^\(?(?:adverb|particle|conjunction)\b/.test(first) || /^\p{Ll}+ly$/u.test(first)) return true;
  return isVerbOnly(token.simplified);
}

/**
 * Whether every sense CC-CEDICT gives a word is a verb ("to devote oneself to; to work toward" for
 * 致力于); 倒计时 "to count down; countdown" is a noun too.
 */
export function isVerbOnly(simplified: string): boolean {
  const senses = lookupGlosses(simplified)
    .flatMap((sense) => sense.split(';'))
    .map((sense) => sense.trim())
    .filter((sense) => sense && !/^(?:\(|CL:|see |variant of|abbr)/.test(sense));
  return senses.length > 0 && senses.every((sense) => sense.startsWith('to '));
}

/**
 * Whether an English word renders a Chinese word only as a verb: 谢谢 "to thank; thanks" ↔ Thank.
 * The English takes the verb's form, and no other sense of the Chinese is that word alone.
 */
export function rendersAsVerb(simplified: string, enWord: string): boolean {
  const lower = enWord.toLowerCase();
  const senses = lookupGlosses(simplified).flatMap((sense) =>
    sense.split(';').map((s) => s.trim().toLowerCase()),
  );
  return senses.includes(`to ${lower}`) && !senses.includes(lower);
}

/** Nouns with an adjective's or adverb's ending, which end a term as well as any noun. */
const NOUNS_WITH_MODIFIER_ENDINGS = new Set(
  (
    'music clinic topic logic republic traffic public critic mechanic fabric panic picnic magic epidemic ' +
    'rhetoric arithmetic graphic graphics plastic plastics comic tunic relic cleric garlic tactic tactics attic tonic ' +
    'physics ethics economics politics mathematics statistics electronics genetics logistics ' +
    'executive detective representative objective relative native alternative initiative incentive ' +
    'perspective motive archive olive hive drive explosive directive narrative preservative adjective ' +
    'operative collective locomotive sedative ' +
    'handful mouthful spoonful ' +
    'vegetable variable constable timetable syllable turntable ' +
    'family assembly supply ally rally reply jelly belly bully anomaly monopoly lily holly folly gully ' +
    'tally butterfly firefly dragonfly homily ' +
    'hundred hatred kindred'
  ).split(' '),
);

/**
 * Whether an English word, by its ending, is an adjective, an adverb or a past participle: dramatic,
 * supernatural's -al is left alone (animal, hospital), devoted, personalized, chronically, biggest,
 * famous, helpful. A capitalised word is a name (Pacific) unless it is a demonym (see isDemonymOf).
 */
export function isModifierOrVerbForm(word: string): boolean {
  if (/^\p{Lu}/u.test(word)) return false;
  const lower = word.toLowerCase();
  if (NOUNS_WITH_MODIFIER_ENDINGS.has(lower) || lower.length < 5) return false;
  return (
    /(?:ic|ical|ous|ful|less|ive|able|ible|ly)$/.test(lower) ||
    (/ed$/.test(lower) && !/eed$/.test(lower)) ||
    /(?:gg|ll|tt|dd|nn|rg|ng|gh|w|i)est$/.test(lower) ||
    /(?:natural|ational|ential|ental)$/.test(lower)
  );
}

/**
 * Whether an English word is the adjective of a place the Chinese names: European for 欧洲 (Europe),
 * American for 美国 (USA; America). The Chinese names the place; its term is the noun.
 */
export function isDemonymOf(enWord: string, simplified: string): boolean {
  if (!/^\p{Lu}\p{Ll}+(?:an|ese|ish|ic)$/u.test(enWord)) return false;
  for (const sense of lookupGlosses(simplified)) {
    for (const name of sense.match(/\b\p{Lu}\p{Ll}+/gu) ?? []) {
      if (name === enWord) return false;
      const base = name.replace(/[aeiouy]$/, '');
      if (base.length >= 3 && enWord.startsWith(base)) return true;
    }
  }
  return false;
}
