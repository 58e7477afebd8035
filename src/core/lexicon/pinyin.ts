import { createRequire } from 'node:module';
import type * as PinyinPro from 'pinyin-pro';
import { foldToSimplified } from './script.js';

const require = createRequire(import.meta.url);

let library: typeof PinyinPro | undefined;
/**
 * pinyin-pro, loaded on first use and as its one-file CommonJS build: its ES modules (29 files,
 * dictionaries as object literals) cost ~0.1 s of CPU at start to every command that imports the
 * aligner, whether or not its text ever needs a reading.
 */
function pinyinPro(): typeof PinyinPro {
  library ??= require('pinyin-pro') as typeof PinyinPro;
  return library;
}

/**
 * Every reading pinyin-pro knows for one Han character, toneless and lower-case (協 → ['xie']).
 * pinyin-pro's `pinyin(char, { multiple: true })` answers a single character from its character
 * table alone (getAllPinyin), as `polyphonic` does, but first segments the text with its phrase
 * automaton, which it builds on first use (~0.1 s); `polyphonic` gives the same readings without.
 */
export function readingsOf(char: string): string[] {
  const { polyphonic } = pinyinPro();
  // The readings of the character, then those of its Simplified form.
  const all = [char, foldToSimplified(char)].flatMap(
    (c) => polyphonic(c, { type: 'array', toneType: 'none' })[0] ?? [c],
  );
  return [...new Set(all.map((r) => r.toLowerCase()))];
}

/**
 * Toneless pinyin syllables of a word in context (重慶 → ['chong', 'qing']). Text is folded to
 * Simplified first: pinyin-pro's phrase table is keyed by Simplified words.
 */
export function pinyinSyllables(text: string): string[] {
  return pinyinPro().pinyin(foldToSimplified(text), { toneType: 'none', type: 'array' });
}

/**
 * A Chinese person name in the form English press copy uses: surname first, capitalised, given name
 * joined (王廣成 → Wang Guangcheng, 欧阳修 → Ouyang Xiu). Surname readings come from pinyin-pro's
 * surname mode (单 → Shan, 曾 → Zeng).
 */
export function personNameToPinyin(name: string): string {
  const { segment, OutputFormat } = pinyinPro();
  const pieces = segment(foldToSimplified(name), {
    surname: 'head',
    toneType: 'none',
    format: OutputFormat.PinyinSegment,
  }) as string[] | { origin: string; result: string }[];
  const syllables = (pieces as unknown[]).map((p) =>
    typeof p === 'string' ? p : (p as { result: string }).result,
  );
  const [surname = '', ...given] = syllables;
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  const givenName = given.join('').toLowerCase();
  return givenName ? `${cap(surname)} ${cap(givenName)}` : cap(surname);
}

/** Place or organisation words in pinyin, syllables of a word joined (重慶市 → Chongqingshi). */
export function wordToPinyin(word: string): string {
  const s = pinyinSyllables(word).join('').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
