import { distance } from 'fastest-levenshtein';
import { pinyinSyllables } from '../lexicon/pinyin.js';

/**
 * How alike a Chinese transliteration and an English word sound, in [0, 1]: both are reduced to
 * skeletons of consonant classes (b/p, d/t, g/k/h, the sibilants z/c/s/j/q/x/zh/ch/sh, f/w/v, l/r,
 * m/n with pinyin -n/-ng), vowels dropped, and compared by edit distance. 贝索斯 (bei suo si) and
 * Bezos are both P-S-S; 亚马逊 (ya ma xun) and Amazon are N-S-N. Only meant for names.
 */
export function transliterationSimilarity(zhWord: string, enWord: string): number {
  const zh = pinyinSkeleton(zhWord);
  const en = englishSkeleton(enWord);
  if (zh.length < 2 || en.length < 2) return 0;
  return 1 - distance(zh, en) / Math.max(zh.length, en.length);
}

const PINYIN_INITIALS: [RegExp, string][] = [
  [/^(zh|ch|sh|z|c|s|j|q|x)/, 'S'],
  [/^[bp]/, 'P'],
  [/^[dt]/, 'T'],
  [/^[gkh]/, 'K'],
  [/^[fw]/, 'F'],
  [/^[lr]/, 'L'],
  [/^[mn]/, 'N'],
];

function pinyinSkeleton(word: string): string {
  let skeleton = '';
  for (const syllable of pinyinSyllables(word)) {
    const s = syllable.toLowerCase();
    for (const [pattern, cls] of PINYIN_INITIALS) {
      if (pattern.test(s)) {
        skeleton += cls;
        break;
      }
    }
    if (/(?:n|ng)$/.test(s) && s.length > 2) skeleton += 'N';
  }
  return collapse(skeleton);
}

function englishSkeleton(word: string): string {
  const w = word
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/(?:ch|sh|tz)/g, 's')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/ck/g, 'k');
  let skeleton = '';
  for (const c of w) {
    if ('sjzx'.includes(c)) skeleton += 'S';
    else if ('bp'.includes(c)) skeleton += 'P';
    else if ('dt'.includes(c)) skeleton += 'T';
    else if ('gkcqh'.includes(c)) skeleton += c === 'h' ? '' : 'K';
    else if ('fvw'.includes(c)) skeleton += 'F';
    else if ('lr'.includes(c)) skeleton += 'L';
    else if ('mn'.includes(c)) skeleton += 'N';
  }
  return collapse(skeleton);
}

function collapse(skeleton: string): string {
  return skeleton.replace(/(.)\1+/g, '$1');
}
