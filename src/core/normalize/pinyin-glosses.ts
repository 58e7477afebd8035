import { readingsOf } from '../lexicon/pinyin.js';

/**
 * Leaked pinyin glosses: web copy pasted from reading aids comes out as 協(xié)副會長, the reading of a
 * character written in parentheses right after it. A parenthesis is taken for a gloss only when
 *   1. it holds one Latin syllable marked as pinyin: with tone marks (xié) or a tone number (xie2);
 *   2. it follows a Han character directly (ASCII or full-width parentheses, no space);
 *   3. the syllable, with tones removed and v / u: read as ü, is one of that character's readings.
 * A toneless syllable (他(ta)) is kept even when it is a reading: without a tone it is as likely an
 * abbreviation, a variable or a label as a reading, and deleting real text is worse than keeping a
 * gloss. Tones are compared toneless on purpose: pinyin-pro lists the citation tones only, so a gloss
 * written with sandhi (一(yí)個, 不(bú)要) or a dialect reading would otherwise be kept; a
 * tone-marked syllable in parentheses glued to a character whose reading it spells is a gloss.
 */
const GLOSS = /(\p{Script=Han})((?:[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ:]{1,7}[1-5]?[)）])+)/giu;
const ONE_GLOSS = /[(（]([^)）]*)[)）]/gu;
const TONE_MARKED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/;
const TONE_NUMBER = /^[a-zü:]+[1-5]$/;

/** Removes the glosses of `text`; returns the text and how many glosses went. */
export function stripPinyinGlosses(text: string): { text: string; count: number } {
  let count = 0;
  const cache = new Map<string, Set<string>>();
  const readings = (char: string) => {
    let set = cache.get(char);
    if (!set) {
      set = new Set(readingsOf(char).map(toneless));
      cache.set(char, set);
    }
    return set;
  };
  const out = text.replace(GLOSS, (whole, char: string, glosses: string) => {
    // Strip the glosses of a run from the left while they are readings (協(xié)(xié) → 協): stopping at the
    // first that is not keeps the result stable under a second pass.
    let kept = '';
    let stripping = true;
    for (const match of glosses.matchAll(ONE_GLOSS)) {
      if (stripping && isGlossOf(match[1]!, readings(char))) count++;
      else {
        stripping = false;
        kept += match[0];
      }
    }
    return kept === glosses ? whole : char + kept;
  });
  return { text: out, count };
}

function isGlossOf(syllable: string, readings: Set<string>): boolean {
  const lower = syllable.toLowerCase();
  if (!TONE_MARKED.test(lower) && !TONE_NUMBER.test(lower)) return false;
  return readings.has(toneless(lower));
}

/** xié → xie, lü4 / lv4 / lu:4 → lü: the form readingsOf gives, so both sides compare equal. */
function toneless(syllable: string): string {
  return syllable
    .normalize('NFD')
    .replace(/u\u0308/g, 'ü')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[1-5]$/, '')
    .replace(/u:|v/g, 'ü')
    .toLowerCase();
}
