import { foldToSimplified } from '../lexicon/script.js';
import type { Lang, Script } from '../types.js';

/**
 * The form two segments are compared in: NFKC (full-width letters, digits and punctuation become their
 * ASCII forms; compatibility ideographs become the unified ones), Traditional folded to Simplified,
 * runs of white space made one space, lower case (only Latin letters have case, so Chinese is unharmed).
 * Idempotent: normalising twice changes nothing.
 */
export function normalizeSegment(text: string, lang: Lang): string {
  let out = text.normalize('NFKC');
  if (lang === 'zh') out = foldToSimplified(out);
  out = out.replace(/\s+/gu, ' ').trim().toLowerCase();
  // Chinese has no spaces between words: a space typed between two Han characters is noise.
  if (lang === 'zh') out = out.replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
  return out;
}

/**
 * The exact-dedupe key of a unit: two units with the same key are one unit. The script is part of it,
 * so a Traditional unit is kept next to its Simplified twin (both are stored; lookups fold both).
 */
export function unitKey(zh: string, en: string, zhScript: Script): string {
  return `${zhScript}\u0000${normalizeSegment(zh, 'zh')}\u0000${normalizeSegment(en, 'en')}`;
}
