import { readingsOf } from '../lexicon/pinyin.js';
import type { EditList } from './edits.js';

/**
 * Leaked pinyin glosses: web copy pasted from reading aids comes out as 協(xié)副會長 — the reading of a
 * character (or of a short word: 經濟(jīngjì)) in parentheses right after it. A parenthesis is taken for a
 * gloss only when
 *   1. it follows Han characters directly (ASCII or full-width parentheses, no space between);
 *   2. it holds only pinyin letters (with ü written ü, v or u:), spaces, apostrophes or hyphens, and is
 *      marked as pinyin: tone marks (xié) or tone numbers (xie2);
 *   3. with tones removed, it spells one reading of each of the last 1–4 characters before it, in order.
 * A toneless syllable (他(ta)) is kept even when it spells a reading: without tones it is as likely an
 * abbreviation, a variable or a label, and deleting real text is worse than keeping a gloss.
 * Tones are compared toneless on purpose: pinyin-pro lists citation tones only, so a gloss written with
 * sandhi (一(yí)個, 不(bú)要) would otherwise be kept; tone-marked letters in parentheses glued to
 * characters whose readings they spell are a gloss.
 */
const PARENTHESIS = /[(（]([^()（）\n]{1,40})[)）]/gu;
const PINYIN_LETTERS = /^[a-zü:āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ1-5 '’-]+$/iu;
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/iu;
const TONE_NUMBER = /[a-zü:][1-5]/iu;
const HAN = /^\p{Script=Han}$/u;
/** Longest word a gloss is checked against: glosses name characters or short words. */
const MAX_WORD = 4;

/** Removes the glosses of `text`; returns the text and how many glosses went. */
export function stripPinyinGlosses(text: string, edits: EditList = []): { text: string; count: number } {
  const readings = readingCache();
  let out = '';
  let copiedUpTo = 0;
  let count = 0;
  // A gloss may follow another stripped one (協(xié)(xié)): it then glosses the same characters.
  let strippedEnd = -1;
  let glossedEnd = -1;
  for (const match of text.matchAll(PARENTHESIS)) {
    const start = match.index;
    const wordEnd = start === strippedEnd ? glossedEnd : start;
    const word = hanBefore(text, wordEnd);
    if (word.length === 0 || !isGlossOf(match[1]!, word, readings)) continue;
    out += text.slice(copiedUpTo, start);
    copiedUpTo = start + match[0].length;
    edits.push({ at: start, removed: match[0].length, inserted: 0 });
    strippedEnd = copiedUpTo;
    glossedEnd = wordEnd;
    count++;
  }
  return { text: count === 0 ? text : out + text.slice(copiedUpTo), count };
}

/** Up to MAX_WORD Han characters (code points) right before `end`, in order. */
function hanBefore(text: string, end: number): string[] {
  const chars: string[] = [];
  let i = end;
  while (chars.length < MAX_WORD && i > 0) {
    const code = text.codePointAt(i - 2);
    const char = code !== undefined && code > 0xffff ? text.slice(i - 2, i) : text.slice(i - 1, i);
    if (!HAN.test(char)) break;
    chars.unshift(char);
    i -= char.length;
  }
  return chars;
}

function isGlossOf(gloss: string, word: string[], readings: (char: string) => Set<string>): boolean {
  if (!PINYIN_LETTERS.test(gloss) || /^[\d\s'’-]/.test(gloss)) return false;
  if (!TONE_MARK.test(gloss) && !TONE_NUMBER.test(gloss)) return false;
  const spelled = toneless(gloss).replace(/[\s'’-]/g, '');
  for (let n = 1; n <= word.length; n++) {
    if (spells(spelled, word.slice(word.length - n).map(readings))) return true;
  }
  return false;
}

/** Whether `spelled` is one reading of each character, concatenated in order. */
function spells(spelled: string, readings: Set<string>[]): boolean {
  let ends = new Set([0]);
  for (const options of readings) {
    const next = new Set<number>();
    for (const at of ends) {
      for (const reading of options) if (spelled.startsWith(reading, at)) next.add(at + reading.length);
    }
    if (next.size === 0) return false;
    ends = next;
  }
  return ends.has(spelled.length);
}

function readingCache(): (char: string) => Set<string> {
  const cache = new Map<string, Set<string>>();
  return (char) => {
    let set = cache.get(char);
    if (!set) {
      set = new Set(readingsOf(char).map(toneless));
      cache.set(char, set);
    }
    return set;
  };
}

/** xié → xie, lü4 / lv4 / lu:4 → lü: the form readingsOf gives, so both sides compare equal. */
function toneless(pinyin: string): string {
  return pinyin
    .toLowerCase()
    .normalize('NFD')
    .replace(/u\u0308/g, 'ü')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[1-5]/g, '')
    .replace(/u:|v/g, 'ü');
}
