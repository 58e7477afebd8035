import { pinyinSyllables, readingCombinations } from '../lexicon/pinyin.js';
import { foldToSimplified } from '../lexicon/script.js';
import { TRANSLITERATION_CHARS } from './find-names.js';

/** A stretch of Han characters with one of its pinyin spellings (toneless, syllables joined, lower-case). */
export interface StretchReading {
  text: string;
  start: number;
  end: number;
  pinyin: string;
}

/** Stretches of two to four characters: one character's reading matches too many English words by chance. */
const MIN_STRETCH = 2;
const MAX_STRETCH = 4;
/**
 * Reading combinations kept per stretch: polyphonic characters multiply (曲阜 qu/qǔ fu, 单 dan/shan);
 * the contextual reading comes first, then the product of each character's readings up to this many.
 */
const MAX_COMBINATIONS = 16;

/** The dots that join the parts of a foreign name written in characters (佩卡·普斯卡). */
const NAME_DOT = /[·•‧・]/u;

/**
 * Every pinyin spelling of every two- to four-character Han stretch of a text (京密 → jingmi, 曲阜 →
 * qufu): how a place or a person the name-finder does not know (京密路, 叶文洁) is written in English.
 * Foreign names written in characters are left out, their pinyin not being their English (普斯卡 is
 * Puska, not Pusika): a stretch with two transliteration characters (斯, 卡…) or a run joined to
 * another by a name dot.
 */
export function stretchReadings(zh: string): StretchReading[] {
  const readings: StretchReading[] = [];
  for (const run of zh.matchAll(/\p{Script=Han}+/gu)) {
    const end = run.index + run[0].length;
    if (NAME_DOT.test(zh.charAt(run.index - 1)) || NAME_DOT.test(zh.charAt(end))) continue;
    const chars = [...run[0]];
    for (let length = MIN_STRETCH; length <= MAX_STRETCH; length++) {
      for (let at = 0; at + length <= chars.length; at++) {
        const text = chars.slice(at, at + length).join('');
        const foreign = [...foldToSimplified(text)].filter((c) => TRANSLITERATION_CHARS.has(c)).length;
        if (foreign >= 2) continue;
        const start = run.index + chars.slice(0, at).join('').length;
        const spellings = new Set([letters(pinyinSyllables(text).join(''))]);
        for (const c of readingCombinations(chars.slice(at, at + length), MAX_COMBINATIONS))
          spellings.add(letters(c));
        for (const pinyin of spellings) readings.push({ text, start, end: start + text.length, pinyin });
      }
    }
  }
  return readings;
}

/** A reading as English writes it: ü as u (Lü → Lu), tone marks and apostrophes gone. */
function letters(pinyin: string): string {
  return pinyin
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}
