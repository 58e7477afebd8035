import type { Lang } from '../types.js';
import { chineseBoundaries } from './chinese.js';
import { englishBoundaries } from './english.js';

/**
 * Splits a paragraph into sentences. Lossless: the pieces joined give the paragraph back, each piece
 * keeps the spaces after it (callers trim), and no piece is empty. Linear in the paragraph's length:
 * one pass over the sentence marks, each looking a bounded distance around itself.
 */
export function splitSentences(paragraph: string, lang: Lang): string[] {
  if (paragraph === '') return [];
  const boundaries = lang === 'zh' ? chineseBoundaries(paragraph) : englishBoundaries(paragraph);
  const pieces: string[] = [];
  let from = 0;
  for (const at of boundaries) {
    pieces.push(paragraph.slice(from, at));
    from = at;
  }
  pieces.push(paragraph.slice(from));
  return pieces;
}
