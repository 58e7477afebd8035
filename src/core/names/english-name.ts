import { escapeRegExp } from '../escape-regexp.js';
/** Where a romanised Chinese person name occurs in English text. */
export interface NameSpan {
  start: number;
  end: number;
}

/**
 * Finds `pinyin` (surname first, as personNameToPinyin writes it: "Wang Guangcheng") in English text,
 * tolerating the forms editors use: Wang Guangcheng, Guangcheng Wang, WANG Guangcheng,
 * Wang Guang-cheng, Wang Guang Cheng, and tone marks (Wáng Guǎngchéng).
 */
export function locateEnglishName(en: string, pinyin: string): NameSpan | undefined {
  const parts = pinyin.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return undefined;
  const [surname, ...givenParts] = parts.map((p) => stripMarks(p).toLowerCase());
  const given = givenParts.join('');
  const flexible = (word: string) =>
    [...word.replace(/[^a-z]/g, '')].map(escapeRegExp).join(String.raw`(?:[-'’\s]|)`);
  const surnamePattern = flexible(surname!);
  const alternatives = given
    ? [`${surnamePattern}[\\s,]+${flexible(given)}`, `${flexible(given)}\\s+${surnamePattern}`]
    : [surnamePattern];
  const folded = stripMarks(en);
  const pattern = new RegExp(`(?<![\\p{L}])(?:${alternatives.join('|')})(?![\\p{L}])`, 'iu');
  const match = pattern.exec(folded);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}

/** True when the English text names the person whose pinyin is given (see locateEnglishName). */
export function englishMentionsName(en: string, pinyin: string): boolean {
  return locateEnglishName(en, pinyin) !== undefined;
}

/** Removes tone marks while keeping every character in place (NFD then drop combining marks, per char). */
function stripMarks(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    out += base.length === ch.length ? base : ch;
  }
  return out;
}
